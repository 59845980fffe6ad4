//! Candidate pairs from an inverted index over claim terms, scored by IDF-weighted
//! cosine similarity. No all-pairs comparison: only claims sharing a term meet.

use std::collections::HashMap;

/// Claims as term-id lists, with the statistics needed to score pairs.
pub(crate) struct TermIndex {
    /// Sorted, unique term ids per claim.
    pub terms: Vec<Vec<u32>>,
    /// Source of each claim.
    pub source: Vec<usize>,
    /// Inverse document frequency per term id (squared weight is used in dot products).
    pub idf: Vec<f32>,
    /// Euclidean norm of each claim's IDF vector.
    pub norm: Vec<f32>,
    postings: Vec<Vec<u32>>,
}

/// A scored pair of claims from different sources, `a < b`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Candidate {
    pub a: u32,
    pub b: u32,
    pub similarity: f32,
}

impl TermIndex {
    /// Builds the index from each claim's terms (strings) and source.
    pub fn new<'t>(claims: impl Iterator<Item = (usize, &'t [String])>) -> TermIndex {
        let mut ids: HashMap<&'t str, u32> = HashMap::new();
        let mut terms = Vec::new();
        let mut source = Vec::new();
        let mut postings: Vec<Vec<u32>> = Vec::new();
        for (i, (src, words)) in claims.enumerate() {
            let mut list: Vec<u32> = words
                .iter()
                .map(|w| {
                    let next = ids.len() as u32;
                    *ids.entry(w.as_str()).or_insert(next)
                })
                .collect();
            list.sort_unstable();
            list.dedup();
            for &t in &list {
                if t as usize == postings.len() {
                    postings.push(Vec::new());
                }
                postings[t as usize].push(i as u32);
            }
            terms.push(list);
            source.push(src);
        }
        let n = terms.len().max(1) as f32;
        let idf: Vec<f32> = postings.iter().map(|p| (1.0 + n / p.len() as f32).ln()).collect();
        let norm = terms
            .iter()
            .map(|list: &Vec<u32>| list.iter().map(|&t| idf[t as usize].powi(2)).sum::<f32>().sqrt())
            .collect();
        TermIndex { terms, source, idf, norm, postings }
    }

    /// Every pair of claims from different sources with cosine similarity at least
    /// `threshold` and at least `min_shared` terms in common. Terms held by more than
    /// `max_postings` claims are skipped: they are too common to propose candidates,
    /// and their IDF weight is small, so leaving them out of the dot product lowers a
    /// score only slightly.
    pub fn candidates(&self, threshold: f32, min_shared: usize, max_postings: usize) -> Vec<Candidate> {
        let n = self.terms.len();
        let mut dot = vec![0f32; n];
        let mut shared = vec![0u32; n];
        let mut touched: Vec<u32> = Vec::new();
        let mut out = Vec::new();
        for a in 0..n {
            for &t in &self.terms[a] {
                let list = &self.postings[t as usize];
                if list.len() > max_postings {
                    continue;
                }
                let w = self.idf[t as usize].powi(2);
                // Postings are ascending: only claims after `a` are scored here.
                let from = list.partition_point(|&b| b as usize <= a);
                for &b in &list[from..] {
                    if self.source[b as usize] == self.source[a] {
                        continue;
                    }
                    if shared[b as usize] == 0 {
                        touched.push(b);
                    }
                    shared[b as usize] += 1;
                    dot[b as usize] += w;
                }
            }
            touched.sort_unstable();
            for &b in &touched {
                let b = b as usize;
                let denom = self.norm[a] * self.norm[b];
                let similarity = if denom > 0.0 { dot[b] / denom } else { 0.0 };
                // Short claims need only share all their terms ("It did not elaborate.").
                let needed = min_shared.min(self.terms[a].len()).min(self.terms[b].len()).max(1);
                if shared[b] as usize >= needed && similarity >= threshold {
                    out.push(Candidate { a: a as u32, b: b as u32, similarity });
                }
                dot[b] = 0.0;
                shared[b] = 0;
            }
            touched.clear();
        }
        out
    }
}
