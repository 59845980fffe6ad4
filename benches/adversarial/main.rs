//! Adversarial inputs at two sizes each: the time for twice the input should be at most
//! about twice the time (linear), read off criterion's per-byte throughput, which then
//! stays flat between the sizes.

mod inputs;

use claimdiff::{Article, ClaimSet};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

fn extract(text: &str) -> usize {
    Article::parse(text).ok().and_then(|a| ClaimSet::new(a).ok()).map_or(0, |s| s.claims().len())
}

fn adversarial(c: &mut Criterion) {
    let mut group = c.benchmark_group("adversarial");
    group.sample_size(10);
    type Input = fn(usize) -> String;
    let cases: [(&str, Input, usize); 7] = [
        ("no_punctuation", inputs::no_punctuation, 1 << 20),
        ("quote_marks", inputs::quote_marks, 512 << 10),
        ("he_said_one_sentence", |n| inputs::he_said(n / 8, false), 400_000),
        ("he_said_sentences", |n| inputs::he_said(n / 9, true), 450_000),
        ("nested_quotes", |n| inputs::nested_quotes(n / 12), 120_000),
        ("unbalanced_quotes", |n| inputs::unbalanced_quotes(n / 40), 400_000),
        ("emoji", inputs::emoji, 256 << 10),
    ];
    for (name, make, size) in cases {
        for size in [size, size * 2] {
            let text = make(size);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, text.len()), &text, |b, text| {
                b.iter(|| extract(text))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, adversarial);
criterion_main!(benches);
