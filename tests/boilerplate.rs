//! Page furniture of scraped articles: the boilerplate table (`tests/data/boilerplate.txt`)
//! and the invariants of boilerplate spans.

use claimdiff::{Article, BoilerplateKind};

#[path = "common/table.rs"]
mod table;
use table::{Case, assert_table, field, read_table};

const TABLE: &str = include_str!("data/boilerplate.txt");

fn kind_name(kind: BoilerplateKind) -> String {
    serde_json::to_value(kind).unwrap().as_str().unwrap().to_string()
}

/// The boilerplate entries a case expects, as "kind | text".
fn expected(case: &Case) -> Vec<String> {
    case.fields.iter().filter(|(k, v)| k == "boilerplate" && v != "none").map(|(_, v)| v.clone()).collect()
}

fn check(case: &Case) -> Result<(), String> {
    let text = case.lines.join("\n");
    let article = Article::parse(&text).map_err(|e| e.to_string())?;
    let got: Vec<String> = article
        .boilerplate()
        .iter()
        .map(|b| format!("{} | {}", kind_name(b.kind), article.slice(b.span)))
        .collect();
    let want = expected(case);
    if got != want {
        return Err(format!("boilerplate {got:?}, expected {want:?}"));
    }
    check_spans(&article)?;
    let first = article.sentences().next().map(|s| s.text);
    let want = field(case, "first").ok_or("no \"first\" field")?;
    if first != Some(want) {
        return Err(format!("first sentence {first:?}, expected {want:?}"));
    }
    Ok(())
}

/// Paragraph and boilerplate spans slice the input, lie on its trimmed text, never
/// overlap one another and come in order; sentences lie inside their paragraphs.
fn check_spans(article: &Article<'_>) -> Result<(), String> {
    let text = article.text();
    let mut spans: Vec<(claimdiff::Span, &str)> = Vec::new();
    for p in article.paragraphs() {
        spans.push((p.span, "paragraph"));
        for s in &p.sentences {
            if !p.span.contains(*s) {
                return Err(format!("sentence {s:?} outside its paragraph {:?}", p.span));
            }
        }
    }
    let boilerplate: Vec<_> = article.boilerplate().iter().map(|b| b.span).collect();
    if !boilerplate.windows(2).all(|w| w[0].end <= w[1].start) {
        return Err(format!("boilerplate out of order: {boilerplate:?}"));
    }
    spans.extend(boilerplate.iter().map(|&b| (b, "boilerplate")));
    spans.sort();
    for &(span, what) in &spans {
        let slice = span.slice(text).ok_or_else(|| format!("{what} {span:?} does not slice the input"))?;
        if slice.is_empty() || slice != slice.trim() {
            return Err(format!("{what} {span:?} is empty or untrimmed: {slice:?}"));
        }
    }
    for pair in spans.windows(2) {
        if pair[0].0.end > pair[1].0.start {
            return Err(format!("{} {:?} overlaps {} {:?}", pair[0].1, pair[0].0, pair[1].1, pair[1].0));
        }
    }
    Ok(())
}

#[test]
fn boilerplate_table() {
    let cases = read_table(TABLE);
    assert!(cases.len() >= 30, "the table has {} cases", cases.len());
    assert_table(&cases, check);
}

#[test]
fn table_covers_every_new_kind_and_near_misses() {
    let cases = read_table(TABLE);
    for kind in ["date_stamp", "dateline", "photo_credit", "contact", "social_post", "furniture"] {
        assert!(
            cases.iter().any(|c| expected(c).iter().any(|b| b.starts_with(&format!("{kind} |")))),
            "no case for {kind}"
        );
    }
    let near_misses = cases.iter().filter(|c| field(c, "boilerplate") == Some("none")).count();
    assert!(near_misses >= 10, "only {near_misses} near-misses");
}

/// Every byte of every non-blank line is either body text or boilerplate: nothing is
/// dropped silently.
#[test]
fn nothing_is_dropped_silently() {
    for case in read_table(TABLE) {
        let text = case.lines.join("\n");
        let article = Article::parse(&text).unwrap();
        let mut covered = vec![false; text.len()];
        let spans =
            article.paragraphs().iter().map(|p| p.span).chain(article.boilerplate().iter().map(|b| b.span));
        for span in spans {
            covered[span.range()].iter_mut().for_each(|c| *c = true);
        }
        for (i, c) in text.char_indices() {
            assert!(
                c.is_whitespace() || covered[i],
                "line {}: {c:?} at {i} is neither body nor boilerplate in {text:?}",
                case.line
            );
        }
    }
}

#[test]
fn stamps_and_credits_never_overlap_body_on_the_dev_shapes() {
    let text = " date 2023-02-01 A midfielder has been confirmed as a club player (Picture: Getty Images)\n\n\
                The club confirmed the signing for a record fee.\n\n\
                Club news, exclusives and analysis Sign up Privacy Policy\n\n\
                The transfer eclipses the previous record.\n";
    let article = Article::parse(text).unwrap();
    check_spans(&article).unwrap();
    let kinds: Vec<_> = article.boilerplate().iter().map(|b| b.kind).collect();
    assert_eq!(kinds, [BoilerplateKind::DateStamp, BoilerplateKind::PhotoCredit, BoilerplateKind::Furniture]);
    assert_eq!(article.title(), None);
    let first = article.sentences().next().unwrap();
    assert_eq!(first.text, "A midfielder has been confirmed as a club player");
    assert!(article.sentences().all(|s| !s.text.contains("2023") && !s.text.contains("Getty")));
}

#[test]
fn stamps_and_credits_on_crlf_lines_with_wide_characters() {
    let text = "date 2025-06-30\u{a0}Zoë Ørsted joined the Malmö club — for €12m (Picture: Getty Images)\r\n\
                \r\n\
                Ørsted said she was “delighted”.\r\n";
    let article = Article::parse(text).unwrap();
    check_spans(&article).unwrap();
    let got: Vec<_> = article.boilerplate().iter().map(|b| (b.kind, article.slice(b.span))).collect();
    assert_eq!(
        got,
        [
            (BoilerplateKind::DateStamp, "date 2025-06-30"),
            (BoilerplateKind::PhotoCredit, "(Picture: Getty Images)")
        ]
    );
    let sentences: Vec<_> = article.sentences().map(|s| s.text).collect();
    assert_eq!(
        sentences,
        ["Zoë Ørsted joined the Malmö club — for €12m", "Ørsted said she was “delighted”."]
    );
}

/// Over the long-line limit a line is body text even when it ends like furniture.
#[test]
fn long_lines_stay_body_text() {
    let long = format!(
        "{} Watch the full speech here: https://t.co/AbCdEf123",
        "The minister spoke at length. ".repeat(15)
    );
    let text = format!("The budget passed.\n{long}\n");
    let article = Article::parse(&text).unwrap();
    assert!(article.boilerplate().is_empty(), "{:?}", article.boilerplate());
}
