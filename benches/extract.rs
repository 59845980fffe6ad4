//! Claim extraction (parse + claims with speakers, topics and quantities): throughput
//! on the seeds and on a generated corpus.

mod common;

use claimdiff::{Article, ClaimSet};
use criterion::{Criterion, criterion_group, criterion_main};

fn extract_all(texts: &[&str]) -> usize {
    texts.iter().map(|t| ClaimSet::new(Article::parse(t).unwrap()).unwrap().claims().len()).sum()
}

fn extract(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract");
    common::over_seeds_and_corpus(&mut group, extract_all);
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = extract
}
criterion_main!(benches);
