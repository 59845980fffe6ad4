//! Property tests: spans from every stage slice the input on char boundaries; every
//! claim lands in exactly one alignment; comparison is deterministic and independent of
//! the order of sources; an article against itself gives only agreements.

use std::collections::BTreeSet;

use claimdiff::{AlignmentKind, Article, ClaimSet, Matcher, NormalizedText, Report, split_sentences};
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

/// An article of news-like sentences: attributed or not, with figures, dates, quotes,
/// hedges and negations, drawn from small word pools so that sentences recur.
fn article_text() -> impl Strategy<Value = String> {
    let speaker = prop_oneof![
        Just("Finance Minister Lena Park"),
        Just("a senior official"),
        Just("the ministry"),
        Just("he"),
        Just("Zelenskyy"),
        Just("European leaders")
    ];
    let subject = prop_oneof![
        Just("the ceasefire plan"),
        Just("the grain deal"),
        Just("security guarantees"),
        Just("the port"),
        Just("\u{201C}Article Five-like\u{201D} protection")
    ];
    let verb = prop_oneof![
        Just("would require"),
        Just("may need"),
        Just("will not get"),
        Just("could unlock"),
        Just("got")
    ];
    let figure = prop_oneof![
        (1u32..999).prop_map(|n| format!("${n} million")),
        (1u32..99).prop_map(|n| format!("{n} percent")),
        (1u32..28).prop_map(|d| format!("a vote on Oct. {d}")),
        Just("800,000 troops".to_string()),
        Just("five hours of talks".to_string())
    ];
    let sentence =
        (speaker, subject, verb, figure, 0u8..4).prop_map(|(who, what, verb, figure, form)| match form {
            0 => format!("{} said {what} {verb} {figure}.", capitalise(who)),
            1 => format!("{} {verb} {figure}, {who} said.", capitalise(what)),
            2 => format!("\u{201C}{} {verb} {figure},\u{201D} {who} said.", capitalise(what)),
            _ => format!("{} {verb} {figure}.", capitalise(what)),
        });
    prop::collection::vec((sentence, any::<bool>()), 1..12).prop_map(|sentences| {
        let mut text = String::from("Talks enter a crucial week\n");
        for (s, new_paragraph) in sentences {
            text.push_str(&s);
            text.push(if new_paragraph { '\n' } else { ' ' });
        }
        text
    })
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_uppercase().collect::<String>() + chars.as_str()).unwrap_or_default()
}

/// Groups as sets of (source, claim span), with sources renamed by `source`.
fn groups(report: &Report, source: impl Fn(usize) -> usize) -> BTreeSet<Vec<(usize, (usize, usize))>> {
    report
        .alignments
        .iter()
        .map(|a| {
            let mut members: Vec<_> = a
                .claims
                .iter()
                .map(|id| report.claim(id).unwrap())
                .map(|c| (source(c.source), (c.span.start, c.span.end)))
                .collect();
            members.sort();
            members
        })
        .collect()
}

fn sets<'a>(texts: &[&'a str]) -> Vec<ClaimSet<'a>> {
    texts.iter().map(|t| ClaimSet::new(Article::parse(t).unwrap()).unwrap()).collect()
}

/// Cases for the (slower) matcher properties: 48, or `PROPTEST_CASES` for a longer
/// local run (`PROPTEST_CASES=3000 cargo test --release --test properties`).
fn matcher_cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(48)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(matcher_cases()))]

    #[test]
    fn every_claim_in_exactly_one_alignment(a in article_text(), b in article_text(), c in article_text()) {
        let report = Matcher::new().compare(&sets(&[&a, &b, &c])).unwrap();
        let mut seen = vec![0; report.claims.len()];
        for alignment in &report.alignments {
            for id in &alignment.claims {
                seen[report.claims.iter().position(|c| &c.id == id).unwrap()] += 1;
            }
        }
        prop_assert!(seen.iter().all(|&n| n == 1));
    }

    #[test]
    fn comparison_is_deterministic(a in article_text(), b in article_text()) {
        let matcher = Matcher::new();
        let first = matcher.compare(&sets(&[&a, &b])).unwrap().to_json();
        prop_assert_eq!(first, matcher.compare(&sets(&[&a, &b])).unwrap().to_json());
    }

    #[test]
    fn order_of_sources_does_not_change_groups(a in article_text(), b in article_text()) {
        let matcher = Matcher::new();
        let ab = matcher.compare(&sets(&[&a, &b])).unwrap();
        let ba = matcher.compare(&sets(&[&b, &a])).unwrap();
        prop_assert_eq!(groups(&ab, |s| s), groups(&ba, |s| 1 - s));
    }

    #[test]
    fn an_article_against_itself_gives_only_agreements(a in article_text()) {
        let report = Matcher::new().compare(&sets(&[&a, &a])).unwrap();
        for alignment in &report.alignments {
            prop_assert_eq!(alignment.kind, AlignmentKind::Agreement, "{:?}", alignment);
        }
    }
}
