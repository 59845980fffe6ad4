//! Near-limit references, measured on the same inputs as `extract` and `match` so that
//! each of their figures reads as a ratio in one run:
//!
//! - `baseline/words/*`: a bare `unicode-segmentation` word pass (UAX #29) over the same
//!   bytes that `extract` parses and turns into claims;
//! - `baseline/all_pairs/*`: a naive matcher that scores every pair of claims from
//!   different sources (IDF-weighted cosine over the same terms) and joins pairs above
//!   the threshold with union-find, against the same claim sets as `match`.

mod common;

use std::collections::HashMap;

use claimdiff::{Article, ClaimSet, DEFAULT_THRESHOLD};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use unicode_segmentation::UnicodeSegmentation;

fn word_pass(texts: &[&str]) -> usize {
    texts.iter().map(|t| t.unicode_words().count()).sum()
}

fn words(c: &mut Criterion) {
    let mut group = c.benchmark_group("baseline/words");
    common::over_seeds_and_corpus(&mut group, word_pass);
    group.finish();
}

/// Groups claims by scoring every cross-source pair; returns the number of groups.
fn naive_all_pairs(sets: &[ClaimSet<'_>], threshold: f32) -> usize {
    let claims: Vec<(usize, Vec<&str>)> = sets
        .iter()
        .enumerate()
        .flat_map(|(s, set)| set.claims().iter().map(move |c| (s, c.terms().collect())))
        .collect();
    let mut frequency: HashMap<&str, usize> = HashMap::new();
    for (_, terms) in &claims {
        for t in terms.iter() {
            *frequency.entry(t).or_default() += 1;
        }
    }
    let n = claims.len() as f32;
    let weight = |t: &str| (1.0 + n / frequency[t] as f32).ln().powi(2);
    let norms: Vec<f32> =
        claims.iter().map(|(_, ts)| ts.iter().map(|t| weight(t)).sum::<f32>().sqrt()).collect();
    let mut parent: Vec<usize> = (0..claims.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for a in 0..claims.len() {
        for b in a + 1..claims.len() {
            if claims[a].0 == claims[b].0 {
                continue;
            }
            // Terms are sorted: merge them.
            let (x, y) = (&claims[a].1, &claims[b].1);
            let (mut i, mut j, mut dot) = (0, 0, 0.0f32);
            while i < x.len() && j < y.len() {
                match x[i].cmp(y[j]) {
                    std::cmp::Ordering::Less => i += 1,
                    std::cmp::Ordering::Greater => j += 1,
                    std::cmp::Ordering::Equal => {
                        dot += weight(x[i]);
                        i += 1;
                        j += 1;
                    }
                }
            }
            if dot >= threshold * norms[a] * norms[b] && dot > 0.0 {
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                parent[ra] = rb;
            }
        }
    }
    (0..claims.len()).filter(|&i| root(&mut parent, i) == i).count()
}

fn all_pairs(c: &mut Criterion) {
    let mut group = c.benchmark_group("baseline/all_pairs");
    group.sample_size(10);
    // 1,000 articles would take minutes per iteration (5 x 10^8 pairs).
    for n in [10usize, 100] {
        let corpus = common::corpus(n, 3);
        let sets: Vec<ClaimSet<'_>> =
            corpus.iter().map(|t| ClaimSet::new(Article::parse(t).unwrap()).unwrap()).collect();
        let claims: usize = sets.iter().map(|s| s.claims().len()).sum();
        group.throughput(Throughput::Elements(claims as u64));
        group.bench_with_input(BenchmarkId::new("articles", n), &sets, |b, sets| {
            b.iter(|| naive_all_pairs(sets, DEFAULT_THRESHOLD))
        });
    }
    group.finish();
}

criterion_group!(benches, words, all_pairs);
criterion_main!(benches);
