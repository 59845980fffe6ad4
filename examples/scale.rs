//! Times claimdiff on a generated corpus (the benchmarks' generator): extraction, then
//! alignment, for `N` articles on stories of `PER_STORY` sources each.
//!
//! ```text
//! cargo run --release --example scale -- 1000          # stories of 20 sources
//! cargo run --release --example scale -- 1000 1000     # one story, 1,000 sources
//! /usr/bin/time -v cargo run --release --example scale -- 1000   # peak memory
//! cargo run --release --example scale -- 100 20 --html big.html  # a large HTML report
//! ```

#[path = "../benches/common/mod.rs"]
mod common;

use std::time::Instant;

use claimdiff::Matcher;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut html = None;
    let mut numbers = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--html" {
            html = Some(args.next().ok_or("--html needs an output file")?);
        } else {
            numbers.push(arg.parse::<usize>()?);
        }
    }
    let n = numbers.first().copied().unwrap_or(1000);
    let per_story = numbers.get(1).copied().unwrap_or(20);
    let corpus = common::corpus_of_stories(n, per_story, 3);
    let texts: Vec<&str> = corpus.iter().map(String::as_str).collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let start = Instant::now();
    let sets = claimdiff::claim_sets(&texts)?;
    let extracted = start.elapsed();
    let start = Instant::now();
    let report = Matcher::new().compare(&sets)?;
    let aligned = start.elapsed();
    let (agreements, differences, unique) = report.counts();
    println!(
        "{n} articles ({:.1} MB, {} claims; stories of {per_story} sources)\n\
         extraction: {:.0} ms ({:.1} MB/s)\nalignment:  {:.0} ms\n\
         {agreements} agreements, {differences} differences, {unique} unique",
        bytes as f64 / 1e6,
        report.claims.len(),
        extracted.as_secs_f64() * 1e3,
        bytes as f64 / 1e6 / extracted.as_secs_f64(),
        aligned.as_secs_f64() * 1e3,
    );
    if let Some(out) = html {
        let page = report.to_html(&texts)?;
        std::fs::write(&out, &page)?;
        println!("wrote {out} ({} KB)", page.len().div_ceil(1024));
    }
    Ok(())
}
