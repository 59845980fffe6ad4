//! Property tests: spans from every stage slice the input on char boundaries.

use claimdiff::{Article, ClaimSet, NormalizedText, split_sentences};
use proptest::prelude::*;

/// Text built from news-like pieces, quotes, punctuation and multi-byte characters.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("U.S.".to_string()),
        Just("Zelenskyy".to_string()),
        Just(" said".to_string()),
        Just("\u{201C}".to_string()),
        Just("\u{201D}".to_string()),
        Just("\"".to_string()),
        Just(". ".to_string()),
        Just("? ".to_string()),
        Just(", ".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just(" \u{2014} ".to_string()),
        Just("e\u{301}".to_string()),
        Just("$2.5 billion".to_string()),
        Just("Dec. 2".to_string()),
        Just("\u{1F525}".to_string()),
        Just("\u{05E9}\u{05DC}\u{05D5}\u{05DD}".to_string()),
        "[a-zA-Z]{1,8}",
        "\\PC{0,4}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
}

proptest! {
    #[test]
    fn sentence_spans_slice_the_input(text in newsy()) {
        let mut last = 0;
        for span in split_sentences(&text) {
            prop_assert!(span.start >= last && span.start < span.end && span.end <= text.len());
            prop_assert!(text.get(span.range()).is_some());
            last = span.end;
        }
    }

    #[test]
    fn normalised_spans_map_back(text in newsy()) {
        let norm = NormalizedText::new(&text);
        let len = norm.as_str().len();
        for (i, _) in norm.as_str().char_indices() {
            let span = norm.source_span(i, len);
            prop_assert!(text.get(span.range()).is_some());
        }
    }

    #[test]
    fn article_and_claim_spans_slice_the_input(text in newsy()) {
        let Ok(article) = Article::parse(&text) else { return Ok(()) };
        for s in article.sentences() {
            prop_assert_eq!(text.get(s.span.range()), Some(s.text));
        }
        let set = ClaimSet::new(article).unwrap();
        for c in set.claims() {
            prop_assert_eq!(&text[c.span.range()], c.text);
            for q in &c.quantities {
                prop_assert_eq!(text.get(q.span.range()), Some(q.text.as_str()));
                prop_assert!(c.span.contains(q.span));
            }
            for cue in c.hedges.iter().chain(&c.negations) {
                prop_assert!(text.get(cue.span.range()).is_some());
            }
            if let Some(a) = &c.attribution {
                prop_assert!(text.get(a.mention.range()).is_some());
                prop_assert!(a.speaker < set.speakers().len());
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        if let Ok(article) = Article::parse_bytes(&bytes) {
            let _ = ClaimSet::new(article);
        }
    }
}
