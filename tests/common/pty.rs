//! A pseudo-terminal to run `dpa new` in, typed at like a person would (expectrl), with
//! what it shows as text (escape sequences dropped) and as a screen (vt100).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;
use expectrl::{Expect, Session};

/// Generous but bounded: a render in a debug build takes a few seconds, more on a loaded
/// machine.
pub const TIMEOUT: Duration = Duration::from_secs(60);

/// Backspace, as a terminal sends it.
pub const BS: &str = "\x7f";

/// Esc, alone (the terminal reads it as the Esc key when nothing follows at once).
pub const ESC: &str = "\x1b";

/// The text a terminal shows, from the bytes a program writes: escape sequences (colours,
/// cursor moves, the inverted mark of a suggestion) dropped, so that "? Land DE" is found
/// whatever attributes the answer is drawn with. Fed in pieces as they arrive.
#[derive(Default)]
struct Stripper {
    pending: Vec<u8>,
    state: u8,
    text: String,
}

impl Stripper {
    fn feed(&mut self, bytes: &[u8]) {
        self.pending.extend_from_slice(bytes);
        let valid = match std::str::from_utf8(&self.pending) {
            Ok(s) => s.len(),
            Err(e) => e.valid_up_to(),
        };
        let chunk: String = String::from_utf8_lossy(&self.pending[..valid]).into_owned();
        self.pending.drain(..valid);
        for c in chunk.chars() {
            self.state = match (self.state, c) {
                (0, '\u{1b}') => 1,
                (0, '\r') => 0,
                (0, c) => {
                    self.text.push(c);
                    0
                }
                (1, '[') => 2,
                (1, ']') => 3,
                (1, _) => 0,
                (2, c) if ('@'..='~').contains(&c) => 0,
                (2, _) => 2,
                (3, '\u{7}') => 0,
                (3, '\u{1b}') => 1,
                (3, _) => 3,
                (s, _) => s,
            };
        }
    }
}

pub struct Pty {
    session: OsSession,
    seen: Stripper,
    /// Where the next search in `seen.text` starts (just after the last match).
    pos: usize,
    /// The screen as a terminal of the same size would show it now.
    screen: vt100::Parser,
}

impl Pty {
    pub fn spawn(dir: &Path, args: &[&str]) -> Pty {
        Pty::spawn_sized(dir, args, 200, 60)
    }

    pub fn spawn_sized(dir: &Path, args: &[&str], cols: u16, rows: u16) -> Pty {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_dpa"));
        cmd.args(args)
            .current_dir(dir)
            .env("NO_COLOR", "1")
            .env("TERM", "xterm")
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("RUST_BACKTRACE");
        let mut session = Session::spawn(cmd).expect("spawn dpa in a pseudo-terminal");
        session
            .get_process_mut()
            .set_window_size(cols, rows)
            .expect("window size");
        Pty {
            session,
            seen: Stripper::default(),
            pos: 0,
            screen: vt100::Parser::new(
                std::num::NonZeroU16::new(rows).expect("rows"),
                std::num::NonZeroU16::new(cols).expect("cols"),
                0,
            ),
        }
    }

    /// What the terminal showed so far, for failure messages.
    pub fn transcript(&self) -> String {
        let lines: Vec<&str> = self.seen.text.lines().collect();
        lines[lines.len().saturating_sub(40)..].join("\n")
    }

    /// Where the text matched so far ends (to read what came after it).
    pub fn position(&self) -> usize {
        self.pos
    }

    /// The text shown between `from` (a [`Pty::position`]) and the last match.
    pub fn shown_since(&self, from: usize) -> &str {
        &self.seen.text[from.min(self.pos)..self.pos]
    }

    /// Everything shown so far.
    pub fn shown(&self) -> &str {
        &self.seen.text
    }

    /// The screen as it is now, row by row.
    pub fn screen(&self) -> String {
        self.screen.screen().contents()
    }

    /// Reads what is there; `false` at the end of the output.
    fn pump(&mut self) -> bool {
        let mut buf = [0u8; 8192];
        match self.session.try_read(&mut buf) {
            Ok(0) => false,
            Ok(n) => {
                self.seen.feed(&buf[..n]);
                self.screen.process(&buf[..n]);
                true
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(10));
                true
            }
            // Linux answers EIO once the program has closed the terminal.
            Err(_) => false,
        }
    }

    pub fn expect(&mut self, needle: &str) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(i) = self.seen.text[self.pos..].find(needle) {
                self.pos += i + needle.len();
                return;
            }
            if Instant::now() > deadline || !self.pump() {
                panic!(
                    "waiting for {needle:?}\n--- the terminal showed (last lines) ---\n{}",
                    self.transcript()
                );
            }
        }
    }

    /// Waits until the output has been quiet for a moment (a frame is drawn whole).
    pub fn settle(&mut self) {
        let deadline = Instant::now() + TIMEOUT;
        let mut quiet = 0;
        while quiet < 20 && Instant::now() < deadline {
            let before = self.seen.text.len();
            if !self.pump() {
                return;
            }
            if self.seen.text.len() == before {
                quiet += 1;
            } else {
                quiet = 0;
            }
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.session.send(keys).expect("type into the terminal");
    }

    /// Waits for `needle`, then types `keys` (nothing if empty).
    pub fn answer(&mut self, needle: &str, keys: &str) {
        self.expect(needle);
        if !keys.is_empty() {
            self.send(keys);
        }
    }

    pub fn script(&mut self, steps: &[(&str, &str)]) {
        for (needle, keys) in steps {
            self.answer(needle, keys);
        }
    }

    /// Reads to the end and returns the exit code; what was shown stays readable.
    pub fn finish(&mut self) -> i32 {
        let deadline = Instant::now() + TIMEOUT;
        while self.pump() {
            if Instant::now() > deadline {
                panic!("waiting for the end\n{}", self.transcript());
            }
        }
        match self.session.get_process().wait() {
            Ok(WaitStatus::Exited(_, code)) => code,
            other => panic!(
                "dpa did not exit normally: {other:?}\n{}",
                self.transcript()
            ),
        }
    }

    /// Reads to the end and returns the exit code.
    pub fn exit_code(mut self) -> i32 {
        self.finish()
    }
}
