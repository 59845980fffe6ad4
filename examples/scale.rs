//! Times claimdiff on a generated corpus (the benchmarks' generator): extraction, then
//! alignment, for `N` articles on stories of `PER_STORY` sources each.
//!
//! ```text
//! cargo run --release --example scale -- 1000          # stories of 20 sources
//! cargo run --release --example scale -- 1000 1000     # one story, 1,000 sources
//! /usr/bin/time -v cargo run --release --example scale -- 1000   # peak memory
//! ```

#[path = "../benches/common/mod.rs"]
mod common;

use std::time::Instant;

use claimdiff::Matcher;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().map_or(Ok(1000), |s| s.parse())?;
    let per_story: usize = args.next().map_or(Ok(20), |s| s.parse())?;
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
    Ok(())
}
