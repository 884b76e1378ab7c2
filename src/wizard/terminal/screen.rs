//! Drawing frames on the terminal (standard error) and reading keys, with crossterm.
//!
//! A question is drawn as a frame of rows below the text already on the screen; each key
//! redraws the frame in place (cursor up to its first row, clear to the end of the
//! screen, rows again), and the answer replaces it with one line. Raw mode is on only
//! while a question waits for keys, and is switched off again by a guard even if the
//! question ends early. Colours follow `NO_COLOR` (<https://no-color.org>): with it set,
//! only a suggested or refused answer is marked (inverted), never coloured.

use std::io::{Stderr, Write as _};

use crossterm::event::{
    DisableBracketedPaste, EnableBracketedPaste, Event, KeyEvent, KeyEventKind, read,
};
use crossterm::style::{Attribute, Color, Print, SetAttribute, SetForegroundColor};
use crossterm::terminal::{self, Clear, ClearType};
use crossterm::{cursor, execute, queue};

use super::layout::{Frame, Size, Style};

/// Raw mode, and bracketed paste (a pasted text arrives whole, its line breaks do not
/// press Enter), for as long as this lives.
struct RawMode;

impl RawMode {
    fn on() -> std::io::Result<RawMode> {
        terminal::enable_raw_mode()?;
        let _ = execute!(std::io::stderr(), EnableBracketedPaste);
        Ok(RawMode)
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = execute!(std::io::stderr(), DisableBracketedPaste);
        let _ = terminal::disable_raw_mode();
    }
}

/// What a question reads: a key, pasted text, or a new terminal size.
pub(super) enum Input {
    Key(KeyEvent),
    Paste(String),
    Resize,
}

/// The terminal a question is drawn on.
pub(super) struct Screen {
    out: Stderr,
    /// Row of the cursor within the frame on screen (0: its first row).
    cursor_row: usize,
    color: bool,
    _raw: RawMode,
}

impl Screen {
    /// Takes the terminal for one question (raw mode on).
    pub(super) fn open() -> std::io::Result<Screen> {
        let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        Ok(Screen {
            out: std::io::stderr(),
            cursor_row: 0,
            color,
            _raw: RawMode::on()?,
        })
    }

    /// The terminal's size (80x24 if it cannot be told).
    pub(super) fn size() -> Size {
        let (cols, rows) = terminal::size().unwrap_or((80, 24));
        Size {
            cols: usize::from(cols.max(20)),
            rows: usize::from(rows.max(5)),
        }
    }

    /// The next key press (releases and repeats of enhanced keyboards are skipped).
    pub(super) fn read(&mut self) -> std::io::Result<Input> {
        loop {
            match read()? {
                Event::Key(k) if k.kind != KeyEventKind::Release => return Ok(Input::Key(k)),
                Event::Resize(..) => return Ok(Input::Resize),
                Event::Paste(text) => return Ok(Input::Paste(text)),
                _ => {}
            }
        }
    }

    /// Draws `f` in place of the frame on screen.
    pub(super) fn draw(&mut self, f: &Frame) -> std::io::Result<()> {
        let out = &mut self.out;
        if self.cursor_row > 0 {
            queue!(
                out,
                cursor::MoveUp(u16::try_from(self.cursor_row).unwrap_or(u16::MAX))
            )?;
        }
        queue!(
            out,
            cursor::MoveToColumn(0),
            Clear(ClearType::FromCursorDown)
        )?;
        for (i, row) in f.rows.iter().enumerate() {
            if i > 0 {
                queue!(out, Print("\r\n"))?;
            }
            for span in row {
                print_span(out, &span.text, span.style, self.color)?;
            }
        }
        let last = f.rows.len().saturating_sub(1);
        match f.cursor {
            Some((r, c)) => {
                // The cursor may stand just after the last row (a full last row).
                if r > last {
                    queue!(out, Print("\r\n"))?;
                }
                let up = last.saturating_sub(r);
                if up > 0 {
                    queue!(out, cursor::MoveUp(u16::try_from(up).unwrap_or(u16::MAX)))?;
                }
                queue!(
                    out,
                    cursor::MoveToColumn(u16::try_from(c).unwrap_or(u16::MAX))
                )?;
                self.cursor_row = r;
            }
            None => self.cursor_row = last,
        }
        out.flush()
    }

    /// Replaces the frame with `f` for good and moves to the next line.
    pub(super) fn finish(&mut self, f: &Frame) -> std::io::Result<()> {
        self.draw(f)?;
        let down = f
            .rows
            .len()
            .saturating_sub(1)
            .saturating_sub(self.cursor_row);
        if down > 0 {
            queue!(
                self.out,
                cursor::MoveDown(u16::try_from(down).unwrap_or(u16::MAX))
            )?;
        }
        queue!(self.out, Print("\r\n"))?;
        self.cursor_row = 0;
        self.out.flush()
    }
}

fn print_span(out: &mut Stderr, text: &str, style: Style, color: bool) -> std::io::Result<()> {
    let fg = match style {
        Style::Mark => Some(Color::Green),
        Style::Answer => Some(Color::Cyan),
        Style::Help => Some(Color::DarkGrey),
        Style::Error => Some(Color::Red),
        Style::Current => Some(Color::Cyan),
        Style::Plain | Style::Marked => None,
    };
    let inverted = style == Style::Marked;
    if let (Some(c), true) = (fg, color) {
        queue!(out, SetForegroundColor(c))?;
    }
    if inverted {
        queue!(out, SetAttribute(Attribute::Reverse))?;
    }
    queue!(out, Print(text))?;
    if inverted {
        queue!(out, SetAttribute(Attribute::NoReverse))?;
    }
    if fg.is_some() && color {
        queue!(out, SetForegroundColor(Color::Reset))?;
    }
    Ok(())
}
