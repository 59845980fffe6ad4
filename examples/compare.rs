//! Compares news articles claim by claim.
//!
//! ```text
//! cargo run --release --example compare                     # the bundled seed articles
//! cargo run --release --example compare -- a.txt b.txt      # any plain-text articles
//! cargo run --release --example compare -- --json a.txt b.txt
//! cargo run --release --example compare -- --html report.html a.txt b.txt
//! cargo run --release --example compare -- --meaning 0.5 --overlap 0.7 a.txt b.txt
//! cargo run --release --example compare -- --containment 0.4 --threshold 0.35 a.txt b.txt
//! ```

use std::process::ExitCode;

use claimdiff::{Article, ClaimSet, Matcher};

const SEEDS: [(&str, &str); 2] = [
    ("examples/data/000_3ceddb36b1c5c648.txt", include_str!("data/000_3ceddb36b1c5c648.txt")),
    ("examples/data/003_4ee3722dddd13468.txt", include_str!("data/003_4ee3722dddd13468.txt")),
];

/// What a run printed, or the one-line error it failed with and its exit code.
pub type Outcome = Result<String, (String, u8)>;

/// Runs the example on its arguments (without the program name).
pub fn run(args: &[String]) -> Outcome {
    let mut json = false;
    let mut html: Option<String> = None;
    let mut files = Vec::new();
    let mut matcher = Matcher::builder();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> Result<f32, (String, u8)> {
            args.next()
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| (format!("error: {name} needs a number"), 2))
        };
        match arg.as_str() {
            "--json" => json = true,
            "--meaning" => matcher = matcher.meaning_threshold(number("--meaning")?),
            "--overlap" => matcher = matcher.meaning_overlap(number("--overlap")?),
            "--soft" => matcher = matcher.soft_threshold(number("--soft")?),
            "--containment" => matcher = matcher.containment(number("--containment")?),
            "--containment-floor" => matcher = matcher.containment_floor(number("--containment-floor")?),
            "--term-count-floor" => matcher = matcher.term_count_floor(number("--term-count-floor")?),
            "--group-average" => matcher = matcher.group_average(number("--group-average")?),
            "--threshold" => matcher = matcher.threshold(number("--threshold")?),
            "--html" => match args.next() {
                Some(out) => html = Some(out.clone()),
                None => return Err(("error: --html needs an output file".into(), 2)),
            },
            "-h" | "--help" => {
                return Ok("usage: compare [--json | --html OUT.html] [--meaning COSINE] \
                     [--overlap SHARE] [--soft SCORE] [--containment LEAN] [--containment-floor SHARE] [--term-count-floor COUNT] [--group-average SHARE] \
                     [--threshold SIMILARITY] [FILE...]  (no files: the bundled seed articles)\n"
                    .into());
            }
            _ if arg.starts_with("--") => return Err((format!("error: unknown option {arg}"), 2)),
            _ => files.push(arg.clone()),
        }
    }
    let inputs: Vec<(String, Vec<u8>)> = if files.is_empty() {
        SEEDS.iter().map(|(name, text)| (name.to_string(), text.as_bytes().to_vec())).collect()
    } else {
        let mut inputs = Vec::new();
        for file in files {
            let bytes = std::fs::read(&file).map_err(|e| (format!("error: {file}: {e}"), 1))?;
            inputs.push((file, bytes));
        }
        inputs
    };
    let mut sets = Vec::new();
    for (name, bytes) in &inputs {
        let set = Article::parse_bytes(bytes)
            .and_then(ClaimSet::new)
            .map_err(|e| (format!("error: {name}: {e}"), 1))?;
        sets.push(set);
    }
    let report = matcher.build().compare(&sets).map_err(|e| (format!("error: {e}"), 1))?;
    if let Some(out) = html {
        let texts: Vec<&str> = sets.iter().map(|s| s.article().text()).collect();
        let page = report.to_html(&texts).map_err(|e| (format!("error: {e}"), 1))?;
        std::fs::write(&out, &page).map_err(|e| (format!("error: {out}: {e}"), 1))?;
        let (agreements, differences, unique) = report.counts();
        return Ok(format!(
            "wrote {out} ({} KB): {} sources, {agreements} agreements, {differences} differences, {unique} unique\n",
            page.len().div_ceil(1024),
            sets.len()
        ));
    }
    Ok(if json { report.to_json_pretty() + "\n" } else { report.to_string() })
}

#[allow(dead_code)] // a test includes this file as a module and calls `run`
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            // A closed pipe (`compare | head`) is not an error worth a panic.
            let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), out.as_bytes());
            ExitCode::SUCCESS
        }
        Err((message, code)) => {
            eprintln!("{message}");
            ExitCode::from(code)
        }
    }
}
