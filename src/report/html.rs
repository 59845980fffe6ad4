//! A self-contained, side-by-side HTML rendering of a [`Report`]: no scripts, fonts or
//! other files are fetched; every text is escaped.
//!
//! Layout: a summary bar per source (claims in agreements, differences and unique
//! groups); one row per alignment group, coloured by kind, with one column per source
//! (up to [`HTML_MAX_COLUMNS`] sources; beyond, each row lists the sources it has); the words
//! that differ highlighted inside each claim, and a claim that is only part of its
//! sentence shown inside the rest of that sentence, muted; and the full text of every
//! article with each claim's span marked, linked both ways with its row.

use std::fmt::Write;

use super::{Alignment, AlignmentKind, DifferenceKind, Report, ReportClaim, cut_end, cut_start};
use crate::error::{Error, Result};
use crate::span::Span;

/// Most sources shown as columns side by side.
pub const HTML_MAX_COLUMNS: usize = 8;

const STYLE: &str = include_str!("report.css");

/// Most characters of a claim's sentence shown on each side of the claim as its
/// context; a longer side is cut at a word boundary, with `…`.
const CONTEXT_CHARS: usize = 160;

/// Escapes text for HTML element content and attribute values.
fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

fn kind_name(kind: AlignmentKind) -> &'static str {
    match kind {
        AlignmentKind::Agreement => "agreement",
        AlignmentKind::Difference => "difference",
        AlignmentKind::Unique => "unique",
    }
}

/// Where a kind comes in the page: differences first, then agreements, then unique.
fn display_rank(kind: AlignmentKind) -> usize {
    match kind {
        AlignmentKind::Difference => 0,
        AlignmentKind::Agreement => 1,
        AlignmentKind::Unique => 2,
    }
}

fn difference_name(kind: DifferenceKind) -> &'static str {
    match kind {
        DifferenceKind::Speaker => "speaker",
        DifferenceKind::Number => "number",
        DifferenceKind::Date => "date",
        DifferenceKind::Hedge => "hedge",
        DifferenceKind::Negation => "negation",
        DifferenceKind::Quote => "quote",
        DifferenceKind::Other => "other",
    }
}

impl Report {
    /// Renders the report as one self-contained HTML page, given the input text of each
    /// source (in source order) for the full-text views.
    ///
    /// ```
    /// let texts = [
    ///     "About 1,200 troops crossed the border on Oct. 16, the ministry said.",
    ///     "The ministry said 1,500 troops crossed the border on Oct. 16.",
    /// ];
    /// let report = claimdiff::compare_texts(&texts)?;
    /// let html = report.to_html(&texts)?;
    /// assert!(html.starts_with("<!DOCTYPE html>"));
    /// assert!(html.contains(r#"<mark class="number""#));
    /// # Ok::<(), claimdiff::Error>(())
    /// ```
    ///
    /// An [`ErrorKind::SourceCount`](crate::ErrorKind::SourceCount) error when the
    /// number of texts is not the number of sources, and
    /// [`ErrorKind::InvalidRecord`](crate::ErrorKind::InvalidRecord) when a claim's
    /// span does not fit its text.
    pub fn to_html(&self, texts: &[&str]) -> Result<String> {
        let n = self.sources.len();
        if texts.len() != n {
            return Err(Error::SourceCount { count: texts.len(), min: n, max: n });
        }
        for c in &self.claims {
            if texts.get(c.source).and_then(|t| c.span.slice(t)) != Some(c.text.as_str()) {
                return Err(Error::InvalidRecord(format!(
                    "claim {} does not match the text of source {}",
                    c.id, c.source
                )));
            }
        }
        let page = Page::new(self, texts);
        Ok(page.render())
    }
}

/// What rendering needs: the report, the texts, and lookups built once.
struct Page<'r> {
    report: &'r Report,
    texts: &'r [&'r str],
    /// Claim index by id.
    index: std::collections::HashMap<&'r str, usize>,
    /// Row (alignment) of each claim.
    row_of: Vec<usize>,
    /// Alignments in display order: differences, agreements, unique; each kind in the
    /// order of its first claim.
    order: Vec<usize>,
    names: Vec<String>,
}

impl<'r> Page<'r> {
    fn new(report: &'r Report, texts: &'r [&'r str]) -> Page<'r> {
        let index: std::collections::HashMap<&str, usize> =
            report.claims.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
        let mut row_of = vec![0; report.claims.len()];
        for (row, a) in report.alignments.iter().enumerate() {
            for id in &a.claims {
                if let Some(&i) = index.get(id.as_str()) {
                    row_of[i] = row;
                }
            }
        }
        let first = |a: &Alignment| a.claims.iter().filter_map(|id| index.get(id.as_str())).min().copied();
        let mut order: Vec<usize> = (0..report.alignments.len()).collect();
        order.sort_by_key(|&i| (display_rank(report.alignments[i].kind), first(&report.alignments[i])));
        let names = (0..report.sources.len()).map(|i| report.source_name(i)).collect();
        Page { report, texts, index, row_of, order, names }
    }

    fn claim(&self, id: &str) -> Option<&'r ReportClaim> {
        self.index.get(id).map(|&i| &self.report.claims[i])
    }

    fn render(&self) -> String {
        let mut out = String::with_capacity(self.texts.iter().map(|t| t.len() * 3).sum::<usize>() + 16_384);
        out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        let title = format!("claimdiff: {}", self.names.join(" · "));
        escape(&mut out, &title);
        out.push_str("</title>\n<style>\n");
        out.push_str(STYLE);
        out.push_str("</style>\n</head>\n<body>\n<header>\n<h1>Claim by claim</h1>\n");
        self.summary(&mut out);
        out.push_str("</header>\n<main>\n");
        self.rows(&mut out);
        self.full_texts(&mut out);
        out.push_str("</main>\n</body>\n</html>\n");
        out
    }

    /// Counts per kind per source, as numbers and a stacked bar.
    fn summary(&self, out: &mut String) {
        let (agree, differ, unique) = self.report.counts();
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let _ = write!(
            out,
            "<p class=\"totals\"><span class=\"tag difference\">{}</span> \
             <span class=\"tag agreement\">{}</span> \
             <span class=\"tag unique\">{unique} unique</span></p>\n<table class=\"summary\">\n\
             <thead><tr><th>#</th><th>Source</th><th>Claims</th><th>Differences</th><th>Agreements</th>\
             <th>Unique</th><th class=\"bar-cell\">Share</th></tr></thead>\n<tbody>\n",
            plural(differ, "difference"),
            plural(agree, "agreement")
        );
        // Claims per source and kind, in one pass.
        let mut per_source = vec![[0usize; 3]; self.report.sources.len()];
        for (i, c) in self.report.claims.iter().enumerate() {
            per_source[c.source][display_rank(self.report.alignments[self.row_of[i]].kind)] += 1;
        }
        for (s, counts) in per_source.iter().enumerate() {
            let total: usize = counts.iter().sum();
            let _ =
                write!(out, "<tr><td class=\"num\">{}</td><th scope=\"row\"><a href=\"#source-{s}\">", s + 1);
            escape(out, &self.names[s]);
            let _ = write!(
                out,
                "</a></th><td>{total}</td><td>{}</td><td>{}</td><td>{}</td>",
                counts[0], counts[1], counts[2]
            );
            out.push_str("<td class=\"bar-cell\"><div class=\"bar\">");
            for (k, name) in ["difference", "agreement", "unique"].iter().enumerate() {
                if counts[k] > 0 {
                    let width = 100.0 * counts[k] as f64 / total as f64;
                    let _ = write!(
                        out,
                        "<span class=\"{name}\" style=\"width:{width:.2}%\" title=\"{} {name}\"></span>",
                        counts[k]
                    );
                }
            }
            out.push_str("</div></td></tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
    }

    /// One row per alignment group.
    fn rows(&self, out: &mut String) {
        let columns = self.report.sources.len() <= HTML_MAX_COLUMNS;
        out.push_str("<h2>Aligned claims</h2>\n");
        let _ = write!(
            out,
            "<table class=\"grid{}\">\n<thead><tr><th class=\"kind\">Kind</th>",
            if columns { "" } else { " compact" }
        );
        if columns {
            for (s, info) in self.report.sources.iter().enumerate() {
                out.push_str("<th class=\"source\"><span class=\"outlet\">");
                escape(out, info.outlet.as_deref().unwrap_or(&self.names[s]));
                out.push_str("</span>");
                if let Some(title) = &info.title {
                    out.push_str("<span class=\"title\">");
                    escape(out, title);
                    out.push_str("</span>");
                }
                out.push_str("</th>");
            }
        } else {
            out.push_str("<th>Claims by source</th>");
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for &row in &self.order {
            let a = &self.report.alignments[row];
            let kind = kind_name(a.kind);
            let _ = write!(
                out,
                "<tr class=\"{kind}\" id=\"row-{row}\"><td class=\"kind\"><span class=\"tag {kind}\">{kind}</span>"
            );
            for d in &a.differences {
                let _ =
                    write!(out, "<div class=\"detail\"><b class=\"{0}\">{0}</b> ", difference_name(d.kind));
                escape(out, &d.detail);
                if !d.rule.is_empty() {
                    out.push_str("<div class=\"why\">why: ");
                    escape(out, &d.rule);
                    out.push_str("</div>");
                }
                out.push_str("</div>");
            }
            out.push_str("</td>");
            let claims: Vec<&ReportClaim> = a.claims.iter().filter_map(|id| self.claim(id)).collect();
            if columns {
                for s in 0..self.report.sources.len() {
                    out.push_str("<td>");
                    for c in claims.iter().filter(|c| c.source == s) {
                        self.claim_cell(out, a, c, false);
                    }
                    out.push_str("</td>");
                }
            } else {
                out.push_str("<td>");
                for c in &claims {
                    self.claim_cell(out, a, c, true);
                }
                out.push_str("</td>");
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
    }

    /// One claim in its row: its words (differing words marked), linked to its place in
    /// the full text, inside the rest of its sentence when it is only part of one; and
    /// its speaker.
    fn claim_cell(&self, out: &mut String, a: &Alignment, c: &ReportClaim, labelled: bool) {
        let _ = write!(out, "<div class=\"claim\" id=\"{}\">", c.id);
        if labelled {
            let _ = write!(out, "<span class=\"label\">#{} ", c.source + 1);
            escape(out, &self.names[c.source]);
            out.push_str("</span> ");
        }
        let (before, after) = self.context(c);
        if !before.is_empty() {
            out.push_str("<span class=\"ctx\">");
            escape(out, &cut_start(before, CONTEXT_CHARS));
            out.push_str("</span>");
        }
        let _ = write!(out, "<a class=\"text\" href=\"#t-{}\">", c.id);
        // Differing words inside the claim, in order, without overlaps.
        let mut marks: Vec<(Span, &str)> = a
            .differences
            .iter()
            .flat_map(|d| d.evidence.iter().map(move |e| (e, difference_name(d.kind))))
            .filter(|(e, _)| e.claim == c.id && c.span.contains(e.span) && !e.span.is_empty())
            .map(|(e, kind)| (e.span, kind))
            .collect();
        marks.sort_by_key(|(span, _)| (span.start, std::cmp::Reverse(span.end)));
        let mut at = c.span.start;
        for (span, kind) in marks {
            if span.start < at {
                continue;
            }
            escape(out, &c.text[at - c.span.start..span.start - c.span.start]);
            let _ = write!(out, "<mark class=\"{kind}\" title=\"{kind} differs\">");
            escape(out, &c.text[span.start - c.span.start..span.end - c.span.start]);
            out.push_str("</mark>");
            at = span.end;
        }
        escape(out, &c.text[at - c.span.start..]);
        out.push_str("</a>");
        if !after.is_empty() {
            out.push_str("<span class=\"ctx\">");
            escape(out, &cut_end(after, CONTEXT_CHARS));
            out.push_str("</span>");
        }
        if let Some(speaker) = &c.speaker {
            let differs = a
                .differences
                .iter()
                .any(|d| d.kind == DifferenceKind::Speaker && d.evidence.iter().any(|e| e.claim == c.id));
            let _ = write!(out, "<div class=\"speaker{}\">— ", if differs { " differs" } else { "" });
            escape(out, &speaker.name);
            if speaker.mention != speaker.name {
                out.push_str(" <span class=\"mention\">(“");
                escape(out, &speaker.mention);
                out.push_str("”)</span>");
            }
            out.push_str("</div>");
        } else {
            out.push_str("<div class=\"speaker voice\">— the outlet’s own voice</div>");
        }
        out.push_str("</div>");
    }

    /// The words of a claim's sentence before and after the claim: empty when the claim
    /// is its whole sentence, or the report gives no sentence that fits the text.
    fn context(&self, c: &ReportClaim) -> (&'r str, &'r str) {
        let text = self.texts[c.source];
        if !c.in_longer_sentence() {
            return ("", "");
        }
        // Only about as much as is shown, so that a run-on sentence of many claims costs
        // little: enough bytes for the characters shown, and more so that a cut shows.
        let keep = 4 * CONTEXT_CHARS + 8;
        match (text.get(c.sentence.start..c.span.start), text.get(c.span.end..c.sentence.end)) {
            (Some(before), Some(after)) => {
                let mut from = before.len().saturating_sub(keep);
                while !before.is_char_boundary(from) {
                    from += 1;
                }
                let mut to = after.len().min(keep);
                while !after.is_char_boundary(to) {
                    to -= 1;
                }
                (&before[from..], &after[..to])
            }
            _ => ("", ""),
        }
    }

    /// The full text of each article, every claim's span marked and linked to its row.
    fn full_texts(&self, out: &mut String) {
        out.push_str("<h2>Full texts</h2>\n<div class=\"texts\">\n");
        for (s, text) in self.texts.iter().enumerate() {
            let _ = write!(out, "<article class=\"fulltext\" id=\"source-{s}\"><h3>#{} ", s + 1);
            escape(out, &self.names[s]);
            out.push_str("</h3>\n<div class=\"body\">");
            let mut claims: Vec<(usize, &ReportClaim)> =
                self.report.claims.iter().enumerate().filter(|(_, c)| c.source == s).collect();
            claims.sort_by_key(|(_, c)| c.span.start);
            let mut at = 0;
            for (i, c) in claims {
                if c.span.start < at {
                    continue;
                }
                escape(out, &text[at..c.span.start]);
                let row = self.row_of[i];
                let kind = kind_name(self.report.alignments[row].kind);
                let _ = write!(out, "<a class=\"span {kind}\" id=\"t-{}\" href=\"#row-{row}\">", c.id);
                escape(out, &c.text);
                out.push_str("</a>");
                at = c.span.end;
            }
            escape(out, &text[at..]);
            out.push_str("</div>\n</article>\n");
        }
        out.push_str("</div>\n");
    }
}
