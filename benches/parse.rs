//! Article parsing and sentence segmentation: throughput on the seeds, and on 0.5 MB
//! and 1 MB of generated text (equal throughput at both sizes shows linear time).

mod common;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const SEEDS: [&str; 2] = [
    include_str!("../examples/data/000_3ceddb36b1c5c648.txt"),
    include_str!("../examples/data/003_4ee3722dddd13468.txt"),
];

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    let seeds = SEEDS.concat();
    group.throughput(Throughput::Bytes(seeds.len() as u64));
    group.bench_function("seeds", |b| {
        b.iter(|| {
            SEEDS.iter().map(|t| claimdiff::Article::parse(t).unwrap().paragraphs().len()).sum::<usize>()
        })
    });
    for size in [512 * 1024, 1024 * 1024] {
        let text = common::long_article(size, 7);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("article_{}k", size / 1024), |b| {
            b.iter(|| claimdiff::Article::parse(&text).unwrap().paragraphs().len())
        });
        group.bench_function(format!("sentences_{}k", size / 1024), |b| {
            b.iter(|| claimdiff::split_sentences(&text).len())
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = parse
}
criterion_main!(benches);
