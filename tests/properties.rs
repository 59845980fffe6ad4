//! Property tests: spans from every stage slice the input on char boundaries; every
//! claim lands in exactly one alignment; comparison is deterministic and independent of
//! the order of sources; an article against itself gives only agreements.

use std::collections::BTreeSet;

use claimdiff::{AlignmentKind, Article, ClaimSet, Matcher, NormalizedText, Report, Span, split_sentences};
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

/// One clause of news prose: a subject (a name, a pronoun, a noun phrase or arbitrary
/// text), a verb and an object with figures and quotes, sometimes with its own
/// attribution ("…, Ana Ruiz said", "“…,” he said", "… said that …").
fn clause() -> impl Strategy<Value = String> {
    let subject = prop_oneof![
        Just("Ana Ruiz".to_string()),
        Just("he".to_string()),
        Just("she".to_string()),
        Just("they".to_string()),
        Just("it".to_string()),
        Just("the ministry".to_string()),
        Just("police".to_string()),
        Just("engineers".to_string()),
        Just("the U.S. Army".to_string()),
        Just("Foreign Minister Jane Doe".to_string()),
        Just("officials".to_string()),
        Just("\u{201C}We\u{201D}".to_string()),
        Just("$40 million".to_string()),
        Just("1,200 workers".to_string()),
        Just("two to three weeks".to_string()),
        Just("(\u{00A3}3 billion)".to_string()),
        "[a-zA-Z]{1,8}",
        "\\PC{0,6}",
    ];
    let verb = prop_oneof![
        Just("said"),
        Just("closed"),
        Just("would require"),
        Just("may need"),
        Just("will not get"),
        Just("began inspecting"),
        Just("denied"),
        Just("reported"),
        Just("expects"),
        Just("rose by"),
        Just("told reporters about"),
        Just("added"),
        Just("is"),
        Just("had warned of"),
        Just("appeared to reach"),
        Just("ruled out"),
    ];
    let object = prop_oneof![
        Just("1,200 troops".to_string()),
        Just("$40 million".to_string()),
        Just("two to three weeks".to_string()),
        Just("3.5 percent".to_string()),
        Just("a vote on Dec. 2".to_string()),
        Just("about 800,000 people".to_string()),
        Just("more than 1,200 homes".to_string()),
        Just("between 10 and 20 buses".to_string()),
        Just("the bridge on Monday".to_string()),
        Just("its cables".to_string()),
        Just("the grain deal".to_string()),
        Just("\u{201C}a historic step\u{201D}".to_string()),
        Just("\"no comment\"".to_string()),
        Just("\u{201C}an open quote".to_string()),
        Just("\u{2018}single\u{2019} marks".to_string()),
        Just("e\u{301}lan \u{1F525} \u{05E9}\u{05DC}\u{05D5}\u{05DD}".to_string()),
        (0u32..100_000).prop_map(|n| n.to_string()),
        "[a-z]{1,10}",
        "\\PC{0,8}",
    ];
    let speaker = prop_oneof![
        Just("Ana Ruiz"),
        Just("he"),
        Just("she"),
        Just("officials"),
        Just("the ministry"),
        Just("Mr. Smith")
    ];
    (subject, verb, object, speaker, 0u8..8).prop_map(|(who, verb, what, speaker, form)| match form {
        0 => format!("{who} {verb} {what}, {speaker} said"),
        1 => format!("\u{201C}{who} {verb} {what},\u{201D} {speaker} said"),
        2 => format!("\"{who} {verb} {what},\" said {speaker}"),
        3 => format!("{speaker} said that {who} {verb} {what}"),
        4 => format!("{who} {verb} {what}, according to {speaker}"),
        _ => format!("{who} {verb} {what}"),
    })
}

/// Articles whose sentences join clauses with the connectors the clause splitter reads
/// (", and", ", but", ";", ", adding that", ", while", ", which", "and said", ", that",
/// …), mixed with arbitrary text, unbalanced quotes and odd sentence ends.
fn clausy_article() -> impl Strategy<Value = String> {
    let connector = prop_oneof![
        Just(", and "),
        Just(", but "),
        Just("; "),
        Just(", adding that "),
        Just(", while "),
        Just(", which "),
        Just(" and said "),
        Just(", that "),
        Just(" and that "),
        Just(", who "),
        Just(", saying "),
        Just(", yet "),
        Just(", so "),
        Just(", although "),
        Just(", "),
        Just(" "),
        Just(" \u{2014} "),
    ];
    let end = prop_oneof![
        Just("."),
        Just("?"),
        Just("!"),
        Just(".\u{201D}"),
        Just(".\""),
        Just(":"),
        Just(""),
        Just("..."),
    ];
    let sentence = (prop::collection::vec((clause(), connector), 1..6), end).prop_map(|(parts, end)| {
        let mut s = String::new();
        for (i, (clause, connector)) in parts.iter().enumerate() {
            s.push_str(clause);
            if i + 1 < parts.len() {
                s.push_str(connector);
            }
        }
        capitalise(&s) + end
    });
    let sentence = prop_oneof![8 => sentence, 1 => newsy(), 1 => "\\PC{0,30}"];
    let gap =
        prop_oneof![Just(" "), Just("  "), Just("\n"), Just("\n\n"), Just("\r\n"), Just("\t"), Just("")];
    (any::<bool>(), prop::collection::vec((sentence, gap), 1..8)).prop_map(|(title, sentences)| {
        let mut text = if title { String::from("Talks enter a crucial week\n") } else { String::new() };
        for (s, gap) in sentences {
            text.push_str(&s);
            text.push_str(gap);
        }
        text
    })
}

/// Checks the clause invariants of the claims of `text` (when it parses): every claim
/// lies inside its sentence, which is one of the article's; the claims of a sentence
/// are non-empty, in order and apart only by white space, from the sentence's start to
/// its end, and there is at least one; quantities, cues and quotes lie inside their
/// claim; attribution spans slice the input.
fn check_claims_tile_sentences(text: &str) -> Result<(), TestCaseError> {
    let Ok(article) = Article::parse(text) else { return Ok(()) };
    let set = ClaimSet::new(article).unwrap();
    let sentences: Vec<(usize, Span)> = set
        .article()
        .paragraphs()
        .iter()
        .enumerate()
        .flat_map(|(p, paragraph)| paragraph.sentences.iter().map(move |&s| (p, s)))
        .collect();
    for (i, c) in set.claims().iter().enumerate() {
        prop_assert_eq!(c.index, i);
        prop_assert_eq!(text.get(c.span.range()), Some(c.text), "claim {} slices the input", i);
        // (a) inside one of the article's sentences, of the right paragraph.
        prop_assert!(c.sentence.contains(c.span), "claim {:?} outside its sentence {:?}", c.span, c.sentence);
        prop_assert!(
            sentences.contains(&(c.paragraph, c.sentence)),
            "claim {:?}: sentence {:?} of paragraph {} is not the article's",
            c.text,
            c.sentence,
            c.paragraph
        );
        // (e) what the claim holds lies inside it.
        for q in &c.quantities {
            prop_assert!(c.span.contains(q.span), "quantity {:?} outside claim {:?}", q.text, c.text);
        }
        for cue in c.hedges.iter().chain(&c.negations) {
            prop_assert!(c.span.contains(cue.span), "cue {:?} outside claim {:?}", cue.cue, c.text);
        }
        for quote in &c.quotes {
            prop_assert!(c.span.contains(*quote), "quote {:?} outside claim {:?}", quote, c.text);
        }
        if let Some(a) = &c.attribution {
            prop_assert!(text.get(a.mention.range()).is_some(), "mention {:?}", a.mention);
            if let Some(cue) = a.cue {
                prop_assert!(text.get(cue.range()).is_some(), "cue {:?}", cue);
            }
            prop_assert!(a.speaker < set.speakers().len());
        }
    }
    for &(_, sentence) in &sentences {
        let claims: Vec<Span> =
            set.claims().iter().filter(|c| c.sentence == sentence).map(|c| c.span).collect();
        // (d) at least one claim per sentence.
        prop_assert!(!claims.is_empty(), "sentence {:?} has no claim", &text[sentence.range()]);
        // (c) from the sentence's start to its end …
        prop_assert_eq!(claims[0].start, sentence.start, "first claim of {:?}", &text[sentence.range()]);
        prop_assert_eq!(
            claims[claims.len() - 1].end,
            sentence.end,
            "last claim of {:?}",
            &text[sentence.range()]
        );
        for (k, pair) in claims.windows(2).enumerate() {
            // (b) in order, not overlapping, none empty; (c) apart only by white space.
            prop_assert!(pair[0].start < pair[0].end, "empty claim {} of {:?}", k, &text[sentence.range()]);
            prop_assert!(
                pair[0].end <= pair[1].start,
                "claims {:?} and {:?} overlap or are out of order",
                pair[0],
                pair[1]
            );
            let between = &text[pair[0].end..pair[1].start];
            prop_assert!(between.chars().all(char::is_whitespace), "between claims: {:?}", between);
        }
        prop_assert!(
            claims[claims.len() - 1].start < sentence.end,
            "empty last claim of {:?}",
            &text[sentence.range()]
        );
    }
    Ok(())
}

/// Cases for the clause properties: 96, or `PROPTEST_CASES`.
fn clause_cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(96)
}

/// A clause after a semicolon that starts with a symbol: the symbol belongs to the
/// clause it opens, so "$40 million" is the second claim's.
#[test]
fn a_clause_after_a_semicolon_keeps_its_leading_symbol() {
    check_claims_tile_sentences("Prices rose sharply in the north; $40 million was spent on repairs.")
        .unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(clause_cases()))]

    #[test]
    fn claims_tile_their_sentences(text in clausy_article()) {
        check_claims_tile_sentences(&text)?;
    }

    #[test]
    fn claims_tile_their_sentences_on_any_text(
        text in prop_oneof![newsy(), any::<String>(), "\\PC{0,120}", "(\\PC{0,12}[ ,;.\n\u{201C}\u{201D}\"]){0,20}"]
    ) {
        check_claims_tile_sentences(&text)?;
    }
}
