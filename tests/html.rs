//! The HTML report: structure on the seeds (every claim once in the rows and once in
//! the full texts, the speaker difference marked), escaping, errors, and size for 100
//! articles. `.ci/browser-check` renders it in headless Chromium where available.

use claimdiff::{Article, ClaimSet, ErrorKind, Matcher, Report, compare_texts};

#[path = "../benches/common/mod.rs"]
mod common;

const WAPO: &str = include_str!("../examples/data/000_3ceddb36b1c5c648.txt");
const BLOOMBERG: &str = include_str!("../examples/data/003_4ee3722dddd13468.txt");

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// Opening and closing tags of the elements the renderer writes balance.
fn assert_balanced(html: &str) {
    for tag in
        ["html", "head", "body", "table", "thead", "tbody", "tr", "td", "div", "a", "mark", "article", "span"]
    {
        let open = count(html, &format!("<{tag}>")) + count(html, &format!("<{tag} "));
        let close = count(html, &format!("</{tag}>"));
        assert_eq!(open, close, "<{tag}> opened {open} times, closed {close} times");
    }
}

#[test]
fn seeds_report_structure() {
    let texts = [WAPO, BLOOMBERG];
    let report = compare_texts(&texts).unwrap();
    let html = report.to_html(&texts).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_balanced(&html);
    // Self-contained: nothing fetched.
    for external in ["<script", "<link", " src=", "@import", "url(", "href=\"http"] {
        assert!(!html.contains(external), "external reference {external}");
    }
    // Both sources side by side, with outlet and title.
    for outlet in ["Washington Post", "Bloomberg"] {
        assert!(html.contains(&format!("<span class=\"outlet\">{outlet}</span>")), "{outlet}");
    }
    // Every claim once in the rows, once in the full texts, each linked to the other.
    for c in &report.claims {
        assert_eq!(count(&html, &format!(" id=\"{}\"", c.id)), 1, "{} in the rows", c.id);
        assert_eq!(count(&html, &format!(" id=\"t-{}\"", c.id)), 1, "{} in the full text", c.id);
        assert_eq!(count(&html, &format!("href=\"#t-{}\"", c.id)), 1, "{} linked", c.id);
    }
    assert_eq!(count(&html, "<tr class=\""), report.alignments.len(), "one row per alignment");
    assert_eq!(count(&html, "<article class=\"fulltext\""), 2);
    // The Congress-vote row: a difference row with both speakers' mentions marked.
    let row_start = html.find("<tr class=\"difference\"").expect("a difference row");
    let row = &html[row_start..row_start + html[row_start..].find("</tr>").unwrap()];
    assert!(row.contains("Congress"), "{row}");
    assert!(row.contains("<mark class=\"speaker\" title=\"speaker differs\">U.S. officials</mark>"), "{row}");
    assert!(row.contains("Volodymyr Zelenskyy</mark>"), "{row}");
    assert_eq!(count(row, "<div class=\"speaker differs\">"), 2, "{row}");
}

#[test]
fn all_text_is_escaped() {
    let a = "Officials said <b>\"5 & 6\"</b> talks would start on Oct. 16 with 'all' parties.\n\
             The minister said <script>alert(1)</script> was not a plan.";
    let b = "Officials said \"5 & 6\" talks would start on Oct. 17 with 'all' parties.";
    let report = compare_texts(&[a, b]).unwrap();
    let html = report.to_html(&[a, b]).unwrap();
    assert!(!html.contains("<script>") && !html.contains("<b>"), "raw markup from the input");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&quot;5 &amp; 6&quot;"));
    assert!(html.contains("&#39;all&#39;"));
    assert_balanced(&html);
    // The differing dates are marked in both claims.
    assert!(html.contains("<mark class=\"date\" title=\"date differs\">Oct. 16</mark>"), "{html}");
    assert!(html.contains("<mark class=\"date\" title=\"date differs\">Oct. 17</mark>"));
}

#[test]
fn texts_must_match_the_sources() {
    let texts = [WAPO, BLOOMBERG];
    let report = compare_texts(&texts).unwrap();
    assert_eq!(report.to_html(&[WAPO]).unwrap_err().kind(), ErrorKind::SourceCount);
    assert_eq!(report.to_html(&[BLOOMBERG, WAPO]).unwrap_err().kind(), ErrorKind::InvalidRecord);
    // A report read back from JSON renders the same.
    let back: Report = serde_json::from_str(&report.to_json()).unwrap();
    assert_eq!(back.to_html(&texts).unwrap(), report.to_html(&texts).unwrap());
}

#[test]
fn a_hundred_articles_stay_under_five_megabytes() {
    let corpus = common::corpus(100, 5);
    let texts: Vec<&str> = corpus.iter().map(String::as_str).collect();
    let sets: Vec<ClaimSet<'_>> =
        texts.iter().map(|t| ClaimSet::new(Article::parse(t).unwrap()).unwrap()).collect();
    let report = Matcher::new().compare(&sets).unwrap();
    let html = report.to_html(&texts).unwrap();
    assert!(html.len() < 5_000_000, "{} bytes", html.len());
    assert!(html.contains("<table class=\"grid compact\">"), "more sources than columns: the compact layout");
    assert_balanced(&html);
    // Every claim marked in the full texts (one scan of the page: a search per claim
    // takes over a minute unoptimised).
    let marked: std::collections::HashSet<&str> = html
        .match_indices(" id=\"t-")
        .map(|(at, m)| {
            let id = &html[at + m.len()..];
            &id[..id.find('"').unwrap()]
        })
        .collect();
    for c in &report.claims {
        assert!(marked.contains(c.id.as_str()), "{} in the full text", c.id);
    }
}

const BRIDGE_A: &str =
    "Police closed the bridge on Monday, and engineers began inspecting its <cables> & \"stays\".";
const BRIDGE_B: &str = "Engineers began inspecting the bridge's <cables> & \"stays\".";

/// The `<div class="claim">` of a claim, up to its speaker line.
fn claim_cell<'h>(html: &'h str, id: &str) -> &'h str {
    let start = html.find(&format!("<div class=\"claim\" id=\"{id}\">")).expect("the claim's cell");
    let cell = &html[start..];
    &cell[..cell.find("<div class=\"speaker").expect("its speaker line")]
}

#[test]
fn a_claim_that_is_part_of_a_sentence_shows_it_as_context() {
    let texts = [BRIDGE_A, BRIDGE_B];
    let report = compare_texts(&texts).unwrap();
    let html = report.to_html(&texts).unwrap();
    assert_balanced(&html);
    let part = |c: &&claimdiff::ReportClaim| c.source == 0 && c.sentence != c.span;
    let parts: Vec<_> = report.claims.iter().filter(part).collect();
    assert_eq!(parts.len(), 2, "one sentence, two claims: {:?}", report.claims);
    let (first, second) = (parts[0], parts[1]);
    assert_eq!(first.sentence, second.sentence);
    assert!(first.text.starts_with("Police closed the bridge"), "{}", first.text);
    assert!(second.text.starts_with("and engineers began inspecting"), "{}", second.text);
    // The second clause sits in the rest of its sentence, muted and escaped; the first
    // has the rest after it.
    let cell = claim_cell(&html, &second.id);
    assert!(
        cell.contains("<span class=\"ctx\">Police closed the bridge on Monday, </span><a class=\"text\""),
        "{cell}"
    );
    assert!(cell.contains("its &lt;cables&gt; &amp; &quot;stays&quot;.</a>"), "{cell}");
    let cell = claim_cell(&html, &first.id);
    assert!(
        cell.contains("</a><span class=\"ctx\"> and engineers began inspecting its &lt;cables&gt; &amp; &quot;stays&quot;.</span>"),
        "{cell}"
    );
    assert!(!html.contains("<cables>"), "raw markup from the input");
    // A claim that is its whole sentence has no context.
    let whole = report.claims.iter().find(|c| c.source == 1).unwrap();
    assert_eq!(whole.sentence, whole.span);
    assert!(!claim_cell(&html, &whole.id).contains("class=\"ctx\""));
    assert!(html.contains(".claim .ctx {"), "the style is in the page");
    // The text report shows the sentence under the clause.
    let text = report.to_string();
    assert!(
        text.contains("\n     in: “Police closed the bridge on Monday, and engineers began inspecting its <cables> & \"stays\".”\n"),
        "{text}"
    );
}

#[test]
fn json_claims_carry_their_sentence() {
    let texts = [BRIDGE_A, BRIDGE_B];
    let report = compare_texts(&texts).unwrap();
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    let claims = json["claims"].as_array().unwrap();
    assert_eq!(claims.len(), report.claims.len());
    for claim in claims {
        let source = claim["source"].as_u64().unwrap() as usize;
        let sentence: Vec<usize> =
            claim["sentence"].as_array().unwrap().iter().map(|n| n.as_u64().unwrap() as usize).collect();
        assert_eq!(sentence.len(), 2, "{claim}");
        let text = claim["text"].as_str().unwrap();
        assert!(texts[source][sentence[0]..sentence[1]].contains(text), "{claim}");
    }
    assert!(report.to_json().contains(&format!("\"sentence\":[0,{}]", BRIDGE_A.len())));
    // Read back, and from a report written before the field: no context, same claims.
    let back: Report = serde_json::from_str(&report.to_json()).unwrap();
    assert_eq!(back, report);
    let mut old: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    for claim in old["claims"].as_array_mut().unwrap() {
        claim.as_object_mut().unwrap().remove("sentence");
    }
    let old: Report = serde_json::from_value(old).unwrap();
    assert_eq!(old.claims[0].sentence, claimdiff::Span::default());
    let html = old.to_html(&texts).unwrap();
    assert!(!html.contains("<span class=\"ctx\">"));
    assert!(!old.to_string().contains("     in: "));
}

/// A run-on sentence of many claims, with multi-byte characters everywhere: each claim's
/// context is cut short (at char boundaries, with an ellipsis) in both reports.
#[test]
fn a_long_sentence_is_cut_around_each_claim() {
    let clauses: Vec<String> = (0..60)
        .map(|i| format!("the ministry’s crews in Kyiv repaired bridge № {i} with new ćables"))
        .collect();
    let long = format!("Repairs\n\n{}.\n", clauses.join(", and "));
    let short = "Repairs\n\nThe ministry’s crews in Kyiv repaired bridge № 7 with new ćables.";
    let texts = [long.as_str(), short];
    let report = compare_texts(&texts).unwrap();
    assert!(report.claims.len() > 30, "{} claims", report.claims.len());
    let html = report.to_html(&texts).unwrap();
    assert_balanced(&html);
    let contexts: Vec<&str> =
        html.split("<span class=\"ctx\">").skip(1).map(|s| &s[..s.find("</span>").unwrap()]).collect();
    assert!(contexts.len() > 30);
    for ctx in &contexts {
        assert!(ctx.chars().count() <= 170, "{ctx}");
    }
    assert!(
        contexts.iter().any(|ctx| ctx.starts_with("… ")) && contexts.iter().any(|ctx| ctx.ends_with(" …"))
    );
    let text = report.to_string();
    let lines: Vec<&str> = text.lines().filter(|l| l.starts_with("     in: “")).collect();
    assert!(!lines.is_empty(), "{text}");
    for line in lines {
        assert!(line.chars().count() <= 180 && line.contains('…'), "{line}");
    }
}
