//! Adversarial inputs, generated here (nothing large is stored): each yields a sound
//! result (spans on char boundaries inside the input, every claim aligned once) or a
//! typed error, never a panic. `benches/adversarial.rs` shows that their time grows
//! linearly with their size.

use claimdiff::{Article, ArticleParser, ClaimSet, ErrorKind, Extractor, Matcher};

mod common;
#[path = "../benches/adversarial/inputs.rs"]
mod inputs;

/// Parses, extracts and compares `text` against a short article, checking soundness.
fn check_sound(name: &str, text: &str) {
    let article = match Article::parse(text) {
        Ok(article) => article,
        Err(e) => {
            // Only the typed "nothing to read" errors are acceptable for these inputs.
            assert!(matches!(e.kind(), ErrorKind::Empty | ErrorKind::NoBody), "{name}: {e}");
            return;
        }
    };
    for s in article.sentences() {
        assert_eq!(text.get(s.span.range()), Some(s.text), "{name}: sentence span");
    }
    let set = ClaimSet::new(article).unwrap_or_else(|e| panic!("{name}: {e}"));
    for c in set.claims() {
        let inner = c
            .quantities
            .iter()
            .map(|q| q.span)
            .chain(c.hedges.iter().chain(&c.negations).map(|cue| cue.span))
            .chain(c.quotes.iter().copied())
            .chain(c.attribution.iter().flat_map(|a| [Some(a.mention), a.cue]).flatten());
        for span in inner {
            assert!(text.get(span.range()).is_some(), "{name}: span {span:?} off a char boundary");
        }
    }
    common::assert_claims_sound(name, text, set, "The ministry said talks would resume on Monday.");
}

#[test]
fn ten_megabytes_without_sentence_punctuation() {
    let text = inputs::no_punctuation(10 << 20);
    check_sound("no punctuation", &text);
    let article = Article::parse(&text).unwrap();
    assert_eq!(article.sentences().count(), 1, "one run-on sentence");
}

#[test]
fn one_megabyte_of_mixed_quote_marks() {
    check_sound("quote marks", &inputs::quote_marks(1 << 20));
}

#[test]
fn a_hundred_thousand_he_saids() {
    check_sound("he said, one sentence", &inputs::he_said(100_000, false));
    let text = inputs::he_said(100_000, true);
    check_sound("he said, sentences", &text);
    let set = ClaimSet::new(Article::parse(&text).unwrap()).unwrap();
    assert_eq!(set.claims().len(), 100_000);
}

#[test]
fn nested_and_unbalanced_quotes() {
    check_sound("nested", &inputs::nested_quotes(2_000));
    check_sound("unbalanced", &inputs::unbalanced_quotes(2_000));
}

#[test]
fn control_characters_emoji_and_right_to_left_text() {
    check_sound("control", &inputs::control_characters(50_000));
    check_sound("emoji", &inputs::emoji(50_000));
    check_sound("rtl", &inputs::right_to_left(50_000));
}

#[test]
fn byte_order_mark_and_line_ends() {
    let body = "Officials said the bridge would reopen on Oct. 16.\nTraffic was light.";
    for text in [
        format!("\u{FEFF}{body}"),
        body.replace('\n', "\r\n"),
        body.replace('\n', "\r"),
        format!("\u{FEFF}{}", body.replace('\n', "\r\n")),
    ] {
        check_sound("line ends", &text);
        let set = ClaimSet::new(Article::parse(&text).unwrap()).unwrap();
        assert_eq!(set.claims().len(), 2, "{text:?}");
        assert!(set.claims()[0].attribution.is_some());
    }
}

#[test]
fn invalid_utf8_is_a_typed_error() {
    let mut bytes = b"Officials said the bridge would reopen.".to_vec();
    bytes.insert(10, 0xFF);
    let err = Article::parse_bytes(&bytes).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidUtf8);
    assert!(err.to_string().contains("10"), "the error says where: {err}");
    // Truncated in the middle of a multi-byte character.
    let cut = "Zelenskyy\u{2019}s plan".as_bytes();
    assert_eq!(Article::parse_bytes(&cut[..11]).unwrap_err().kind(), ErrorKind::InvalidUtf8);
}

#[test]
fn limits_are_options_with_typed_errors() {
    let text = inputs::he_said(1_000, true);
    let small = ArticleParser::builder().max_bytes(1_000).build();
    assert_eq!(small.parse(&text).unwrap_err().kind(), ErrorKind::TooLarge);
    let article = Article::parse(&text).unwrap();
    let err = Extractor::new().max_claims(999).extract(article).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::TooManyClaims);
    let sets: Vec<ClaimSet<'_>> =
        (0..3).map(|_| ClaimSet::new(Article::parse("The ministry said so.").unwrap()).unwrap()).collect();
    let err = Matcher::builder().max_sources(2).build().compare(&sets).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::SourceCount);
}

#[test]
fn generated_line_ends_and_invalid_bytes() {
    let text = inputs::line_ends(64 << 10);
    check_sound("bom crlf cr", &text);
    assert!(ClaimSet::new(Article::parse(&text).unwrap()).unwrap().claims().len() > 1_000);
    let bytes = inputs::invalid_utf8(64 << 10);
    assert_eq!(Article::parse_bytes(&bytes).unwrap_err().kind(), ErrorKind::InvalidUtf8);
}
