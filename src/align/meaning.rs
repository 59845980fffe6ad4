//! Alignment by meaning: a fact told as one clause of a long sentence, or in other
//! words, has a low word cosine with the same fact told alone, and the lexical index
//! never proposes the pair. Here two nodes (claims) from different sources become
//! candidates when most of the lighter one's IDF weight is shared with the other (the
//! overlap coefficient: "he bears full responsibility for the decisions that led us
//! here, according to the Bloomberg news agency" holds all of "I take full
//! responsibility for the decisions that led us here") *and* their meaning vectors
//! agree: the IDF-weighted sums of their terms' word vectors (`text::word_meaning`).
//!
//! Pairs are found without an all-pairs pass: a pair whose overlap reaches the bound
//! shares at least one of the lighter node's heaviest terms, the ones that hold more
//! than `1 - bound` of its weight (prefix filtering), so each node probes only the
//! postings of those.

use compact_str::CompactString;

use super::index::{Candidate, TermIndex};
use crate::text::word_meaning::word_meaning;

/// Cosine of two claims' meaning vectors from which they may align though their word
/// cosine is low. Fit by `tools/fit_meaning.py` (see there and the README).
pub const DEFAULT_MEANING_THRESHOLD: f32 = 0.3;

/// Share of the lighter claim's IDF weight that the other must hold too. Fit with
/// [`DEFAULT_MEANING_THRESHOLD`] by `tools/fit_meaning.py`.
pub const DEFAULT_MEANING_OVERLAP: f32 = 0.5;

/// Nodes above which a term proposes no pairs by meaning (the word index allows more,
/// `Matcher`'s `max_proposing`): in comparisons of hundreds of sources on one story,
/// the story's own words would propose most pairs. Small comparisons never reach it.
const MAX_PROPOSING_BY_MEANING: usize = 200;

/// Terms with a vector a claim needs for a meaning vector: with fewer, one word would
/// decide its meaning.
const MIN_VECTOR_TERMS: usize = 3;

/// What makes a pair of nodes a candidate by meaning.
#[derive(Debug, Clone, Copy)]
pub(crate) struct MeaningCriteria {
    /// Least cosine of the meaning vectors.
    pub threshold: f32,
    /// Least overlap coefficient of the IDF-weighted terms.
    pub overlap: f32,
    /// The word-cosine threshold of the matcher: a pair at `threshold` scores this.
    pub lexical_threshold: f32,
    /// Claims above which a term stops proposing pairs.
    pub max_proposing: usize,
}

/// The candidate pairs of nodes by meaning, sorted by pair, scored on the lexical
/// scale (a meaning cosine of `threshold` counts as `lexical_threshold`, 1 as 1); a
/// pair the word index found too keeps the higher score. `terms(node)` gives the terms
/// of a node's claims and their keys, in the same order.
pub(crate) fn candidates<'t>(
    index: &TermIndex,
    terms: impl Fn(usize) -> (&'t [CompactString], &'t [u64]),
    criteria: MeaningCriteria,
) -> Vec<Candidate> {
    let nodes = index.members.len();
    // Each node's terms (ids, ascending) with their weights, IDF squared as the word
    // cosine weighs them, and its total weight.
    let weight = |t: u32| index.idf[t as usize].powi(2);
    let mass = &index.mass;
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); index.idf.len()];
    for (node, ts) in index.terms.iter().enumerate() {
        for &t in ts {
            postings[t as usize].push(node as u32);
        }
    }
    // Each node's prefix: its heaviest terms until what is left weighs less than the
    // overlap bound asks (ties broken by id, so the order does not depend on the
    // sources' order).
    let prefixes: Vec<Vec<(u32, f32)>> = index
        .terms
        .iter()
        .zip(mass)
        .map(|(ts, &total)| {
            let mut by_weight: Vec<(u32, f32)> = ts.iter().map(|&t| (t, weight(t))).collect();
            by_weight.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let mut left = total;
            let mut prefix = Vec::new();
            for (t, w) in by_weight {
                if left < criteria.overlap * total {
                    break;
                }
                prefix.push((t, w));
                left -= w;
            }
            prefix
        })
        .collect();
    let meaning = word_meaning();
    let dims = meaning.dims();
    let vectors: Vec<Option<Vec<f32>>> = (0..nodes)
        .map(|node| {
            let (words, keys) = terms(node);
            let mut sum = vec![0f32; dims];
            let mut count = 0;
            for (t, key) in words.iter().zip(keys) {
                let Some(v) = meaning.vector(t) else { continue };
                let Ok(id) = index.keys.binary_search(key) else { continue };
                let w = index.idf[id];
                for (s, &x) in sum.iter_mut().zip(v) {
                    *s += w * f32::from(x);
                }
                count += 1;
            }
            let norm = sum.iter().map(|x| x * x).sum::<f32>().sqrt();
            (count >= MIN_VECTOR_TERMS && norm > 0.0).then(|| sum.iter().map(|x| x / norm).collect())
        })
        .collect();
    let mut out = Vec::new();
    // The weight each node shares with node `a` in `a`'s prefix, summed while probing.
    let mut met = vec![-1f32; nodes];
    let mut touched: Vec<u32> = Vec::new();
    for a in 0..nodes {
        let Some(va) = &vectors[a] else { continue };
        let mut prefix_weight = 0.0;
        for &(t, w) in &prefixes[a] {
            let list = &postings[t as usize];
            // A term most nodes hold proposes nothing (the index's rule too); its weight
            // stays in what the other terms may add.
            if list.len() > criteria.max_proposing.min(MAX_PROPOSING_BY_MEANING) {
                continue;
            }
            prefix_weight += w;
            for &b in list {
                let b_node = b as usize;
                // Each pair once, probed from its lighter node (ties: the lower index).
                let lighter = mass[a] < mass[b_node] || (mass[a] == mass[b_node] && a < b_node);
                if b_node == a || !lighter || vectors[b_node].is_none() || !index.cross_source(a, b_node) {
                    continue;
                }
                if met[b_node] < 0.0 {
                    met[b_node] = 0.0;
                    touched.push(b);
                }
                met[b_node] += w;
            }
        }
        // The terms after the prefix can add at most their own weight.
        let rest = mass[a] - prefix_weight;
        for &b in &touched {
            let b_node = b as usize;
            let in_prefix = std::mem::replace(&mut met[b_node], -1.0);
            let need = criteria.overlap * mass[a];
            let pair = (a.min(b_node) as u32, a.max(b_node) as u32);
            if in_prefix + rest < need || shared_weight(&index.terms[a], &index.terms[b_node], weight) < need
            {
                continue;
            }
            let Some(vb) = &vectors[b_node] else { continue };
            let cosine: f32 = va.iter().zip(vb).map(|(x, y)| x * y).sum();
            if cosine >= criteria.threshold {
                let t = criteria.lexical_threshold;
                let similarity = t + (cosine - criteria.threshold) * (1.0 - t) / (1.0 - criteria.threshold);
                out.push(Candidate { a: pair.0, b: pair.1, similarity });
            }
        }
        touched.clear();
    }
    out.sort_unstable_by_key(|c| (c.a, c.b));
    out
}

/// The weight of the terms two term lists (ids, ascending) share.
fn shared_weight(x: &[u32], y: &[u32], weight: impl Fn(u32) -> f32) -> f32 {
    let mut sum = 0.0;
    super::for_each_shared(x, y, |&t| sum += weight(t));
    sum
}
