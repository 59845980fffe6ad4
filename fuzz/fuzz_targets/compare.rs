//! Comparison of two fuzzed articles (split at the first NUL byte): never a panic; every
//! claim in exactly one alignment; the same groups for A,B and B,A.
#![no_main]

use claimdiff::{Article, ClaimSet, Matcher};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|&b| b == 0).unwrap_or(data.len() / 2);
    let (a, b) = (&data[..split], &data[(split + 1).min(data.len())..]);
    fn set(x: &[u8]) -> Option<ClaimSet<'_>> {
        ClaimSet::new(Article::parse_bytes(x).ok()?).ok()
    }
    let (Some(a1), Some(b1), Some(a2), Some(b2)) = (set(a), set(b), set(a), set(b)) else { return };
    let (ab, ba) = (vec![a1, b1], vec![b2, a2]);
    let matcher = Matcher::new();
    let (Ok(r1), Ok(r2)) = (matcher.compare(&ab), matcher.compare(&ba)) else { return };
    let mut seen = vec![0u32; r1.claims.len()];
    for alignment in &r1.alignments {
        for id in &alignment.claims {
            seen[r1.claims.iter().position(|c| &c.id == id).expect("known claim")] += 1;
        }
    }
    assert!(seen.iter().all(|&n| n == 1), "a claim outside or in two alignments");
    // The same groups, by claim text and source, whichever order the sources come in.
    let groups = |r: &claimdiff::Report, flip: bool| {
        let mut g: Vec<Vec<(usize, String)>> = r
            .alignments
            .iter()
            .map(|al| {
                let mut m: Vec<(usize, String)> = al
                    .claims
                    .iter()
                    .map(|id| r.claim(id).expect("known claim"))
                    .map(|c| (if flip { 1 - c.source } else { c.source }, format!("{:?}", c.span)))
                    .collect();
                m.sort();
                m
            })
            .collect();
        g.sort();
        g
    };
    assert_eq!(groups(&r1, false), groups(&r2, true), "A,B and B,A group differently");
});
