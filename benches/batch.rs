//! Batch benchmark: generates N realistic contracts, renders them to signable PDFs with
//! `dpa batch`'s engine, and prints contracts per second, median and p95 milliseconds per
//! contract and the peak memory (VmHWM) of the rendering process.
//!
//! `cargo bench --bench batch` (defaults: 1000 agency contracts, 300 mixed contracts, a
//! cold-start series of `dpa render`), or with arguments:
//! `cargo bench --bench batch -- [agency N] [mixed N] [cold N] [--jobs J]`.
//! Each case runs in a fresh child process, so the peak memory is that case's alone.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use dpagen::batch;
use dpagen::clauses::Library;

const CITIES: [(&str, &str); 8] = [
    ("Köln", "50667"),
    ("Hamburg", "20457"),
    ("München", "80331"),
    ("Leipzig", "04109"),
    ("Freiburg im Breisgau", "79098"),
    ("Wien", "1010"),
    ("Graz", "8010"),
    ("Bremen", "28195"),
];
const TRADES: [&str; 8] = [
    "Zahnarztpraxis",
    "Steuerberatung",
    "Bäckerei",
    "Physiotherapie",
    "Architekturbüro",
    "Autohaus",
    "Kanzlei",
    "Hotel",
];
const SURNAMES: [&str; 10] = [
    "Weber", "Schmidt", "Yılmaz", "Nowak", "Fischer", "Becker", "Hoffmann", "Schäfer", "Koch",
    "Richter",
];

fn example(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join(name),
    )
    .unwrap_or_default()
}

/// The agency case: one processor's DPA, a different controller in every contract.
fn agency(n: usize, dir: &Path) -> Vec<PathBuf> {
    let base = example("dental-practice.yaml");
    (0..n)
        .map(|i| {
            let (city, zip) = CITIES[i % CITIES.len()];
            let country = if city == "Wien" || city == "Graz" { "AT" } else { "DE" };
            let name = format!("{} {} {}", TRADES[i % TRADES.len()], SURNAMES[(i / 8) % SURNAMES.len()], i);
            let text = base
                .replace("id: WEBER-2026-001", &format!("id: AG-{i:05}"))
                .replace("name: Zahnarztpraxis Dr. Weber", &format!("name: {name}"))
                .replace("{ street: Lindenallee 4, postal_code: \"50667\", city: Köln, country: DE }", &format!("{{ street: Hauptstraße {}, postal_code: \"{zip}\", city: {city}, country: {country} }}", i % 90 + 1))
                .replace("name: Dr. Anna Weber, role: Inhaberin, place: Köln", &format!("name: Dr. Anna {}, role: Inhaberin, place: {city}", SURNAMES[i % SURNAMES.len()]));
            let p = dir.join(format!("agency-{i:05}.yaml"));
            let _ = std::fs::write(&p, text);
            p
        })
        .collect()
}

/// The mixed case: every contract different (language, processor, controller, measures,
/// subprocessors, options).
fn mixed(n: usize, dir: &Path) -> Vec<PathBuf> {
    let bases = [
        example("dental-practice.yaml"),
        example("saas-crm.yaml"),
        example("uk-payroll.yaml"),
    ];
    (0..n)
        .map(|i| {
            let mut text = bases[i % 3].clone();
            text = text
                .replace("id: WEBER-2026-001", &format!("id: MX-{i:05}"))
                .replace("id: CRM-2026-0042", &format!("id: MX-{i:05}"))
                .replace("id: NL-PAYROLL-UK-01", &format!("id: MX-{i:05}"));
            for old in [
                "Zahnarztpraxis Dr. Weber",
                "Gartenfreude Versand GmbH",
                "Nordlicht Software GmbH",
            ] {
                text = text.replace(
                    &format!("name: {old}"),
                    &format!("name: {} {} GmbH {i}", TRADES[i % 8], SURNAMES[i % 10]),
                );
            }
            for old in [
                "Pixelwerk Webdesign, Jonas Klein",
                "Kundenwerk Software GmbH",
                "Harbour Payroll Ltd",
            ] {
                text = text.replace(
                    &format!("name: {old}"),
                    &format!("name: Dienstleister {} Nr. {i}", SURNAMES[(i + 3) % 10]),
                );
            }
            if i % 2 == 1 {
                text = text.replace("language: de", "language: en");
            } else {
                text = text.replace("language: en", "language: de");
            }
            if i % 3 == 0 {
                text = text.replace(
                    "staff_confidentiality, ",
                    "staff_confidentiality, staff_training, vendor_review, ",
                );
            }
            if i % 4 == 0 {
                text = text.replace(
                    "breach_notification_hours: 24",
                    "breach_notification_hours: 48",
                );
            }
            if i % 5 == 0 {
                text = text.replace(
                    "seizure_insolvency_notice: true",
                    "seizure_insolvency_notice: false",
                );
            }
            let p = dir.join(format!("mixed-{i:05}.yaml"));
            let _ = std::fs::write(&p, text);
            p
        })
        .collect()
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}

fn run_case(kind: &str, n: usize, jobs: usize) {
    let dir = std::env::temp_dir().join(format!("dpagen-bench-{kind}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let input = dir.join("in");
    let _ = std::fs::create_dir_all(&input);
    let files = if kind == "agency" {
        agency(n, &input)
    } else {
        mixed(n, &input)
    };
    let lib = match Library::builtin() {
        Ok(l) => l,
        Err(e) => return eprintln!("{e}"),
    };
    let opts = batch::Options {
        inputs: files,
        controllers: None,
        output: dir.join("out"),
        formats: dpagen::pipeline::Formats {
            pdf: true,
            markdown: false,
            docx: false,
        },
        jobs,
        force: true,
        check_only: false,
        allow_incomplete: false,
        progress: false,
        quiet: true,
    };
    let _ = std::fs::create_dir_all(&opts.output);
    let t = Instant::now();
    let (jobs_list, failed) = match batch::prepare(&opts) {
        Ok(x) => x,
        Err(e) => return eprintln!("{e}"),
    };
    let prepare_s = t.elapsed().as_secs_f64();
    let outcome = batch::run(&opts, &lib, jobs_list, failed);
    let total = t.elapsed().as_secs_f64();
    let mut ms: Vec<f64> = outcome.rendered.iter().map(|d| d.millis).collect();
    ms.sort_by(f64::total_cmp);
    let pct = |p: f64| {
        ms.get(((ms.len() as f64 - 1.0) * p).round() as usize)
            .copied()
            .unwrap_or(0.0)
    };
    println!(
        "{kind:<7} {n:>5} contracts, {jobs} jobs: {:>6.1} s total ({prepare_s:.1} s reading and validating), {:>6.1} contracts/s, median {:>5.0} ms, p95 {:>5.0} ms per contract (per worker), peak RSS {:>5.0} MB, failed {}",
        total,
        outcome.rendered.len() as f64 / total,
        pct(0.5),
        pct(0.95),
        peak_rss_mb(),
        outcome.failed.len()
    );
    for f in outcome.failed.iter().take(3) {
        println!(
            "  failed: {}: {}",
            f.input,
            f.reason.lines().next().unwrap_or("")
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn cold_start(n: usize) {
    let dir = std::env::temp_dir().join(format!("dpagen-bench-cold-{}", std::process::id()));
    let mut times = Vec::new();
    for _ in 0..n {
        let _ = std::fs::remove_dir_all(&dir);
        let t = Instant::now();
        let out = Command::new(env!("CARGO_BIN_EXE_dpa"))
            .args([
                "render",
                "examples/dental-practice.yaml",
                "--format",
                "pdf",
                "-o",
            ])
            .arg(&dir)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        if !out.map(|o| o.status.success()).unwrap_or(false) {
            println!("cold start: dpa render failed");
            return;
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    times.sort_by(f64::total_cmp);
    println!(
        "cold    {n:>5} runs of `dpa render` (one 16-page PDF, new process each): median {:.0} ms, min {:.0} ms, max {:.0} ms",
        times[times.len() / 2],
        times[0],
        times[times.len() - 1]
    );
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let jobs = args
        .iter()
        .position(|a| a == "--jobs")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
        });
    // A child runs one case.
    if let Some(i) = args.iter().position(|a| a == "--case") {
        let kind = args.get(i + 1).cloned().unwrap_or_default();
        let n = args.get(i + 2).and_then(|v| v.parse().ok()).unwrap_or(100);
        return run_case(&kind, n, jobs);
    }
    let mut plan: Vec<(String, usize)> = Vec::new();
    let mut it = args.iter().filter(|a| !a.starts_with("--")).peekable();
    while let Some(kind) = it.next() {
        if let Some(n) = it.peek().and_then(|v| v.parse::<usize>().ok()) {
            it.next();
            plan.push((kind.clone(), n));
        } else if jobs.to_string() != *kind {
            plan.push((kind.clone(), 100));
        }
    }
    if plan.is_empty() {
        plan = vec![
            ("agency".into(), 1000),
            ("mixed".into(), 300),
            ("cold".into(), 10),
        ];
    }
    println!(
        "dpagen {} batch benchmark on {} cores",
        env!("CARGO_PKG_VERSION"),
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    );
    for (kind, n) in plan {
        if kind == "cold" {
            cold_start(n);
            continue;
        }
        let me = match std::env::current_exe() {
            Ok(p) => p,
            Err(e) => return eprintln!("{e}"),
        };
        let status = Command::new(me)
            .args(["--case", &kind, &n.to_string(), "--jobs", &jobs.to_string()])
            .status();
        if !status.map(|s| s.success()).unwrap_or(false) {
            println!("{kind}: the benchmark process failed");
        }
    }
}
