//! Claim extraction of arbitrary bytes: never a panic; every claim, mention, cue and
//! quantity span inside the input on char boundaries.
#![no_main]

use claimdiff::{Article, ClaimSet};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(article) = Article::parse_bytes(data) else { return };
    let text = article.text();
    let Ok(set) = ClaimSet::new(article) else { return };
    for claim in set.claims() {
        assert_eq!(&text[claim.span.range()], claim.text);
        let spans = claim
            .quantities
            .iter()
            .map(|q| q.span)
            .chain(claim.hedges.iter().chain(&claim.negations).map(|c| c.span))
            .chain(claim.quotes.iter().copied())
            .chain(claim.attribution.iter().flat_map(|a| [Some(a.mention), a.cue]).flatten());
        for span in spans {
            assert!(text.get(span.range()).is_some(), "span off a char boundary");
        }
    }
});
