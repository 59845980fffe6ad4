//! Compares news articles claim by claim.
//!
//! ```text
//! cargo run --release --example compare                     # the bundled seed articles
//! cargo run --release --example compare -- a.txt b.txt      # any plain-text articles
//! cargo run --release --example compare -- --json a.txt b.txt
//! ```

use std::process::ExitCode;

use claimdiff::{Article, ClaimSet, Matcher};

const SEEDS: [(&str, &str); 2] = [
    ("examples/data/000_3ceddb36b1c5c648.txt", include_str!("data/000_3ceddb36b1c5c648.txt")),
    ("examples/data/003_4ee3722dddd13468.txt", include_str!("data/003_4ee3722dddd13468.txt")),
];

fn main() -> ExitCode {
    let mut json = false;
    let mut files = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            "-h" | "--help" => {
                println!("usage: compare [--json] [FILE...]  (no files: the bundled seed articles)");
                return ExitCode::SUCCESS;
            }
            _ if arg.starts_with("--") => {
                eprintln!("error: unknown option {arg}");
                return ExitCode::from(2);
            }
            _ => files.push(arg),
        }
    }
    let inputs: Vec<(String, Vec<u8>)> = if files.is_empty() {
        SEEDS.iter().map(|(name, text)| (name.to_string(), text.as_bytes().to_vec())).collect()
    } else {
        let mut inputs = Vec::new();
        for file in files {
            match std::fs::read(&file) {
                Ok(bytes) => inputs.push((file, bytes)),
                Err(e) => {
                    eprintln!("error: {file}: {e}");
                    return ExitCode::FAILURE;
                }
            }
        }
        inputs
    };
    let mut sets = Vec::new();
    for (name, bytes) in &inputs {
        match Article::parse_bytes(bytes).and_then(ClaimSet::new) {
            Ok(set) => sets.push(set),
            Err(e) => {
                eprintln!("error: {name}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let report = match Matcher::new().compare(&sets) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let out = if json { report.to_json_pretty() + "\n" } else { report.to_string() };
    // A closed pipe (`compare | head`) is not an error worth a panic.
    let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), out.as_bytes());
    ExitCode::SUCCESS
}
