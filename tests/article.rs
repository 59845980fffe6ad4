//! Article parsing: metadata and boilerplate of the seed articles, errors, records.

use claimdiff::{Article, ArticleParser, ArticleRecord, BoilerplateKind, ErrorKind};

const WAPO: &str = include_str!("../examples/data/000_3ceddb36b1c5c648.txt");
const BLOOMBERG: &str = include_str!("../examples/data/003_4ee3722dddd13468.txt");

fn body(article: &Article<'_>) -> String {
    article.sentences().map(|s| s.text).collect::<Vec<_>>().join("\n")
}

#[test]
fn washington_post_metadata_and_boilerplate() {
    let article = Article::parse(WAPO).unwrap();
    assert_eq!(article.outlet(), Some("Washington Post"));
    assert_eq!(article.title(), Some("U.S. offers Ukraine security guarantee in bid to strike peace deal"));
    let body = body(&article);
    for line in ["contributed to this report", "appeared first on"] {
        assert!(!body.contains(line), "{line:?} survived as body text");
    }
    let kinds: Vec<_> = article.boilerplate().iter().map(|b| b.kind).collect();
    assert_eq!(kinds, [BoilerplateKind::Credit, BoilerplateKind::Trailer]);
    assert_eq!(article.paragraphs().len(), 23);
}

#[test]
fn bloomberg_metadata_and_boilerplate() {
    let article = Article::parse(BLOOMBERG).unwrap();
    assert_eq!(article.outlet(), Some("Bloomberg"));
    assert_eq!(article.title(), Some("Ukraine says US pledged Congress to back security guarantee"));
    let body = body(&article);
    for line in [
        "Published in News & Features",
        "Berlin meeting",
        "---------",
        "With assistance from",
        "Bloomberg L.P.",
        "Distributed by Tribune Content Agency",
        "Comments",
        "Ukraine says US pledged Congress to back",
    ] {
        assert!(!body.contains(line), "{line:?} survived as body text");
    }
    let kinds: Vec<_> = article.boilerplate().iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BoilerplateKind::Headline,
            BoilerplateKind::Placement,
            BoilerplateKind::Heading,
            BoilerplateKind::Rule,
            BoilerplateKind::Credit,
            BoilerplateKind::Copyright,
            BoilerplateKind::Furniture,
        ]
    );
}

#[test]
fn spans_slice_the_input_exactly() {
    for text in [WAPO, BLOOMBERG] {
        let article = Article::parse(text).unwrap();
        for p in article.paragraphs() {
            assert!(p.span.slice(text).is_some());
            for s in &p.sentences {
                assert!(p.span.contains(*s));
                let sentence = s.slice(text).unwrap();
                assert_eq!(sentence, sentence.trim());
            }
        }
        for b in article.boilerplate() {
            assert!(b.span.slice(text).is_some());
        }
    }
}

#[test]
fn typed_errors() {
    assert_eq!(Article::parse("").unwrap_err().kind(), ErrorKind::Empty);
    assert_eq!(Article::parse(" \n\t\r\n").unwrap_err().kind(), ErrorKind::Empty);
    let only_boilerplate = "Published in News\n---------\nJane Roe contributed to this report.\n";
    assert_eq!(Article::parse(only_boilerplate).unwrap_err().kind(), ErrorKind::NoBody);
    let err = Article::parse_bytes(b"Valid start \xff\xfe then junk.").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidUtf8);
    assert!(err.to_string().contains("offset 12"), "{err}");
    let small = ArticleParser::builder().max_bytes(16).build();
    assert_eq!(
        small.parse("This sentence is longer than sixteen bytes.").unwrap_err().kind(),
        ErrorKind::TooLarge
    );
    assert!(small.parse("Short one.").is_ok());
}

#[test]
fn line_endings_and_bom() {
    let text = "\u{feff}Headline of the day\r\nFirst paragraph here. It goes on.\r\rSecond paragraph.\r\n";
    let article = Article::parse(text).unwrap();
    assert_eq!(article.title(), Some("Headline of the day"));
    let sentences: Vec<_> = article.sentences().map(|s| s.text).collect();
    assert_eq!(sentences, ["First paragraph here.", "It goes on.", "Second paragraph."]);
}

#[test]
fn hard_wrapped_lines_join_into_one_paragraph() {
    let text = "Officials said the talks, held in Berlin over two days,\nwere productive. A second round is planned.\n";
    let article = Article::parse(text).unwrap();
    assert_eq!(article.paragraphs().len(), 1);
    let first = article.sentences().next().unwrap();
    assert_eq!(first.text, "Officials said the talks, held in Berlin over two days,\nwere productive.");
}

#[test]
fn from_parts_and_records() {
    let article =
        Article::from_parts(Some("Given title"), Some("Given Outlet"), "A claim is made here.").unwrap();
    assert_eq!(article.title(), Some("Given title"));
    assert_eq!(article.outlet(), Some("Given Outlet"));

    let record = ArticleRecord::from_json(
        r#"{"title": "T", "outlet": "O", "published": "2025-12-16", "text": "Officials met. They talked."}"#,
    )
    .unwrap();
    let article = record.parse().unwrap();
    assert_eq!(
        (article.title(), article.outlet(), article.published()),
        (Some("T"), Some("O"), Some("2025-12-16"))
    );
    assert_eq!(article.sentences().count(), 2);
    let err = ArticleRecord::from_json(r#"{"title": 3}"#).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidRecord);
}

#[test]
fn byline_and_trailer_lines_are_boilerplate() {
    let text = "By Jane Roe and John Doe\nThe storm hit the coast on Monday.\nThe post Storm hits coast appeared first on The Daily Example.\n";
    let article = Article::parse(text).unwrap();
    assert_eq!(article.outlet(), Some("Daily Example"));
    assert_eq!(article.title(), Some("Storm hits coast"));
    assert_eq!(
        article.sentences().map(|s| s.text).collect::<Vec<_>>(),
        ["The storm hit the coast on Monday."]
    );
}
