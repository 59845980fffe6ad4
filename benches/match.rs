//! N-way alignment of pre-extracted claim sets at 10, 100 and 1,000 articles.

mod common;

use claimdiff::{Article, ClaimSet, Matcher};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

fn align(c: &mut Criterion) {
    let mut group = c.benchmark_group("match");
    group.sample_size(10);
    for n in [10usize, 100, 1000] {
        let corpus = common::corpus(n, 3);
        let sets: Vec<ClaimSet<'_>> =
            corpus.iter().map(|t| ClaimSet::new(Article::parse(t).unwrap()).unwrap()).collect();
        let claims: usize = sets.iter().map(|s| s.claims().len()).sum();
        group.throughput(Throughput::Elements(claims as u64));
        let matcher = Matcher::new();
        group.bench_with_input(BenchmarkId::new("articles", n), &sets, |b, sets| {
            b.iter(|| matcher.compare(sets).unwrap().alignments.len())
        });
    }
    group.finish();
}

criterion_group!(benches, align);
criterion_main!(benches);
