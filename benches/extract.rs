//! Claim extraction (parse + claims with speakers, topics and quantities): throughput
//! on the seeds and on a generated corpus.

mod common;

use claimdiff::{Article, ClaimSet};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const SEEDS: [&str; 2] = [
    include_str!("../examples/data/000_3ceddb36b1c5c648.txt"),
    include_str!("../examples/data/003_4ee3722dddd13468.txt"),
];

fn extract_all(texts: &[&str]) -> usize {
    texts.iter().map(|t| ClaimSet::new(Article::parse(t).unwrap()).unwrap().claims().len()).sum()
}

fn extract(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(SEEDS.iter().map(|s| s.len() as u64).sum()));
    group.bench_function("seeds", |b| b.iter(|| extract_all(&SEEDS)));
    let corpus = common::corpus(100, 11);
    let texts: Vec<&str> = corpus.iter().map(String::as_str).collect();
    group.throughput(Throughput::Bytes(texts.iter().map(|s| s.len() as u64).sum()));
    group.bench_function("corpus_100_articles", |b| b.iter(|| extract_all(&texts)));
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = extract
}
criterion_main!(benches);
