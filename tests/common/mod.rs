//! Checks shared by the test files that feed hostile or once-crashing inputs.

use claimdiff::{Article, ClaimSet, Matcher};

/// Every claim of `set` is exactly `text[span]`, and comparing `set` with the article
/// `partner` places every claim in exactly one alignment.
pub fn assert_claims_sound(name: &str, text: &str, set: ClaimSet<'_>, partner: &str) {
    for c in set.claims() {
        assert_eq!(&text[c.span.range()], c.text, "{name}: claim span");
    }
    let other = ClaimSet::new(Article::parse(partner).unwrap()).unwrap();
    let report = Matcher::new().compare(&[set, other]).unwrap_or_else(|e| panic!("{name}: {e}"));
    let placed: usize = report.alignments.iter().map(|a| a.claims.len()).sum();
    assert_eq!(placed, report.claims.len(), "{name}: every claim in exactly one alignment");
}
