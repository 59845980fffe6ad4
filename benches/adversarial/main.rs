//! Adversarial inputs at two sizes each: the time for twice the input should be at most
//! about twice the time (linear), read off criterion's per-byte throughput, which then
//! stays flat between the sizes.

mod inputs;

use claimdiff::{Article, ClaimSet};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

fn extract(bytes: &[u8]) -> usize {
    Article::parse_bytes(bytes).ok().and_then(|a| ClaimSet::new(a).ok()).map_or(0, |s| s.claims().len())
}

fn adversarial(c: &mut Criterion) {
    let mut group = c.benchmark_group("adversarial");
    group.sample_size(10);
    type Input = fn(usize) -> Vec<u8>;
    let cases: [(&str, Input, usize); 11] = [
        ("no_punctuation", |n| inputs::no_punctuation(n).into_bytes(), 1 << 20),
        ("quote_marks", |n| inputs::quote_marks(n).into_bytes(), 512 << 10),
        ("he_said_one_sentence", |n| inputs::he_said(n / 8, false).into_bytes(), 400_000),
        ("he_said_sentences", |n| inputs::he_said(n / 9, true).into_bytes(), 450_000),
        ("nested_quotes", |n| inputs::nested_quotes(n / 12).into_bytes(), 120_000),
        ("unbalanced_quotes", |n| inputs::unbalanced_quotes(n / 40).into_bytes(), 400_000),
        ("control_characters", |n| inputs::control_characters(n).into_bytes(), 256 << 10),
        ("emoji", |n| inputs::emoji(n).into_bytes(), 256 << 10),
        ("right_to_left", |n| inputs::right_to_left(n).into_bytes(), 256 << 10),
        ("bom_crlf_cr", |n| inputs::line_ends(n).into_bytes(), 256 << 10),
        // Large enough that neither size fits in the CPU caches: UTF-8 checking is memory bound.
        ("invalid_utf8", inputs::invalid_utf8, 4 << 20),
    ];
    for (name, make, size) in cases {
        for size in [size, size * 2] {
            let bytes = make(size);
            group.throughput(Throughput::Bytes(bytes.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, bytes.len()), &bytes, |b, bytes| {
                b.iter(|| extract(bytes))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, adversarial);
criterion_main!(benches);
