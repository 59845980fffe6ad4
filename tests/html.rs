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
    for c in &report.claims {
        assert!(html.contains(&format!(" id=\"t-{}\"", c.id)));
    }
}
