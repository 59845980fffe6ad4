//! Article stage: plain text to headline, outlet, body paragraphs and sentences.

mod boilerplate;
mod edges;

pub use boilerplate::BoilerplateKind;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::span::{self, Span};
use crate::text::sentence::split_in;

/// The default limit on input size: 16 MiB.
pub const DEFAULT_MAX_BYTES: usize = 16 * 1024 * 1024;

/// Most words a line may have to be read as a headline.
const HEADLINE_WORDS: usize = 25;
/// Most words a line may have to be read as a section heading.
const HEADING_WORDS: usize = 6;

/// A body paragraph: its span in the input and the spans of its sentences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    /// The paragraph's bytes in the input (trimmed).
    pub span: Span,
    /// Its sentences, in order, each inside `span`.
    pub sentences: Vec<Span>,
}

/// A line, or the start or end of a line, that yields no claims, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Boilerplate {
    /// The bytes in the input (trimmed): a whole line, or the part of a line cut off
    /// before or after its body text (a date stamp, a dateline, a photo credit).
    pub span: Span,
    /// What kind of boilerplate it is.
    pub kind: BoilerplateKind,
}

/// One sentence of an article's body, borrowed from the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence<'a> {
    /// The sentence text, exactly `input[span]`.
    pub text: &'a str,
    /// Where it stands in the input.
    pub span: Span,
    /// Index of its paragraph in [`Article::paragraphs`].
    pub paragraph: usize,
}

/// A parsed article: metadata, body paragraphs and boilerplate, all as spans into the
/// original text.
///
/// ```
/// use claimdiff::Article;
///
/// let text = "Talks resume in Geneva\n\
///             Negotiators met on Monday. \u{201C}We are close,\u{201D} Mr. Smith said.\n\
///             Jane Roe contributed to this report.\n";
/// let article = Article::parse(text)?;
/// assert_eq!(article.title(), Some("Talks resume in Geneva"));
/// let sentences: Vec<_> = article.sentences().map(|s| s.text).collect();
/// assert_eq!(sentences, ["Negotiators met on Monday.", "\u{201C}We are close,\u{201D} Mr. Smith said."]);
/// # Ok::<(), claimdiff::Error>(())
/// ```
#[derive(Debug, Clone, Serialize)]
pub struct Article<'a> {
    text: &'a str,
    title: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    paragraphs: Vec<Paragraph>,
    boilerplate: Vec<Boilerplate>,
}

impl<'a> Article<'a> {
    /// Parses plain text with the default [`ArticleParser`].
    pub fn parse(text: &'a str) -> Result<Article<'a>> {
        ArticleParser::new().parse(text)
    }

    /// Parses UTF-8 bytes with the default parser; invalid UTF-8 is an
    /// [`ErrorKind::InvalidUtf8`](crate::ErrorKind::InvalidUtf8) error.
    pub fn parse_bytes(bytes: &'a [u8]) -> Result<Article<'a>> {
        ArticleParser::new().parse_bytes(bytes)
    }

    /// Builds an article from known parts: the body is parsed as usual (boilerplate is
    /// still removed), and the given title and outlet take precedence over what the body
    /// reveals.
    pub fn from_parts(title: Option<&str>, outlet: Option<&str>, body: &'a str) -> Result<Article<'a>> {
        let mut article = Article::parse(body)?;
        if let Some(title) = title {
            article.title = Some(title.to_string());
        }
        if let Some(outlet) = outlet {
            article.outlet = Some(outlet.to_string());
        }
        Ok(article)
    }

    /// The input text the spans point into.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The headline, from the first line or from a trailer.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The outlet, from a trailer, a copyright line or a distribution line.
    pub fn outlet(&self) -> Option<&str> {
        self.outlet.as_deref()
    }

    /// The publication date or time, when known (from a record).
    pub fn published(&self) -> Option<&str> {
        self.published.as_deref()
    }

    /// Body paragraphs in order.
    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }

    /// Lines and parts of lines recognised as boilerplate, in order.
    pub fn boilerplate(&self) -> &[Boilerplate] {
        &self.boilerplate
    }

    /// The text a span covers; empty if the span is not one of this article's.
    pub fn slice(&self, span: Span) -> &'a str {
        span.slice(self.text).unwrap_or("")
    }

    /// Every body sentence in order.
    pub fn sentences(&self) -> impl Iterator<Item = Sentence<'a>> + '_ {
        let text = self.text;
        self.paragraphs.iter().enumerate().flat_map(move |(paragraph, p)| {
            p.sentences.iter().map(move |&span| Sentence { text: &text[span.range()], span, paragraph })
        })
    }
}

/// Parses articles; holds the options.
///
/// ```
/// use claimdiff::{ArticleParser, ErrorKind};
///
/// let parser = ArticleParser::builder().max_bytes(10).build();
/// let err = parser.parse("A sentence that is too long.").unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::TooLarge);
/// ```
#[derive(Debug, Clone)]
pub struct ArticleParser {
    max_bytes: usize,
}

impl Default for ArticleParser {
    fn default() -> Self {
        ArticleParser::new()
    }
}

/// Options for an [`ArticleParser`].
#[derive(Debug, Clone)]
pub struct ArticleParserBuilder {
    max_bytes: usize,
}

impl ArticleParserBuilder {
    /// The largest input accepted, in bytes (default [`DEFAULT_MAX_BYTES`]).
    pub fn max_bytes(mut self, limit: usize) -> Self {
        self.max_bytes = limit;
        self
    }

    /// The parser with these options.
    pub fn build(self) -> ArticleParser {
        ArticleParser { max_bytes: self.max_bytes }
    }
}

/// A line of input with what the parser decided about it.
struct Line {
    /// The line, trimmed, without the stamp or credit cut off its ends.
    span: Span,
    boilerplate: Option<BoilerplateKind>,
    /// A date stamp or dateline cut off the start of the line.
    prefix: Option<Boilerplate>,
    /// A photo credit cut off the end of the line.
    suffix: Option<Boilerplate>,
}

impl ArticleParser {
    /// A parser with default options.
    pub fn new() -> ArticleParser {
        ArticleParser { max_bytes: DEFAULT_MAX_BYTES }
    }

    /// A builder for a parser with other options.
    pub fn builder() -> ArticleParserBuilder {
        ArticleParserBuilder { max_bytes: DEFAULT_MAX_BYTES }
    }

    /// Parses UTF-8 bytes.
    pub fn parse_bytes<'a>(&self, bytes: &'a [u8]) -> Result<Article<'a>> {
        self.check_size(bytes.len())?;
        let text =
            std::str::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 { valid_up_to: e.valid_up_to() })?;
        self.parse(text)
    }

    fn check_size(&self, size: usize) -> Result<()> {
        if size > self.max_bytes {
            return Err(Error::TooLarge { size, limit: self.max_bytes });
        }
        Ok(())
    }

    /// Parses plain text into an [`Article`].
    pub fn parse<'a>(&self, text: &'a str) -> Result<Article<'a>> {
        self.check_size(text.len())?;
        if text.trim().is_empty() {
            return Err(Error::Empty);
        }
        let mut title = None;
        let mut outlet = None;
        let mut distributor = None;
        let mut lines = Vec::new();
        for (start, raw) in line_spans(text) {
            let mut span = span::trim(text, Span::new(start, start + raw.len()));
            if span.is_empty() {
                continue;
            }
            let mut prefix = None;
            if let Some((len, kind)) = edges::leading(&text[span.range()]) {
                let stamp = Span::new(span.start, span.start + len);
                span = span::trim(text, Span::new(stamp.end, span.end));
                if span.is_empty() {
                    lines.push(Line { span: stamp, boilerplate: Some(kind), prefix: None, suffix: None });
                    continue;
                }
                prefix = Some(Boilerplate { span: stamp, kind });
            }
            let line = &text[span.range()];
            let boilerplate = boilerplate::classify(line).map(|(kind, facts)| {
                title = title.take().or(facts.title);
                outlet = outlet.take().or(facts.outlet);
                distributor = distributor.take().or(facts.distributor);
                kind
            });
            let mut suffix = None;
            if boilerplate.is_none()
                && let Some((at, kind)) = edges::trailing(line)
            {
                let credit = Span::new(span.start + at, span.end);
                span = span::trim(text, Span::new(span.start, credit.start));
                suffix = Some(Boilerplate { span: credit, kind });
            }
            lines.push(Line { span, boilerplate, prefix, suffix });
        }
        dates_as_body(text, &mut lines);
        mark_headings(text, &mut lines, &mut title);
        let mut paragraphs: Vec<Paragraph> = Vec::new();
        let mut boilerplate = Vec::new();
        let mut open: Option<Span> = None;
        for line in &lines {
            // A stamp starts a paragraph and a credit ends one: no paragraph spans them.
            if let Some(stamp) = line.prefix {
                close_paragraph(text, &mut open, &mut paragraphs);
                boilerplate.push(stamp);
            }
            if let Some(kind) = line.boilerplate {
                boilerplate.push(Boilerplate { span: line.span, kind });
                close_paragraph(text, &mut open, &mut paragraphs);
            } else {
                open = Some(match open {
                    Some(prev) if continues(text, prev, line.span) => Span::new(prev.start, line.span.end),
                    _ => {
                        close_paragraph(text, &mut open, &mut paragraphs);
                        line.span
                    }
                });
            }
            if let Some(credit) = line.suffix {
                close_paragraph(text, &mut open, &mut paragraphs);
                boilerplate.push(credit);
            }
        }
        close_paragraph(text, &mut open, &mut paragraphs);
        if paragraphs.is_empty() {
            return Err(Error::NoBody);
        }
        Ok(Article { text, title, outlet: outlet.or(distributor), published: None, paragraphs, boilerplate })
    }
}

/// Lines of `text` with their start offsets, split at `\n`, `\r\n` and lone `\r`.
fn line_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    let bytes = text.as_bytes();
    std::iter::from_fn(move || {
        if start > text.len() || (start == text.len() && start > 0) {
            return None;
        }
        let rest = &bytes[start..];
        let (len, skip) = match rest.iter().position(|&b| b == b'\n' || b == b'\r') {
            Some(i) if rest[i] == b'\r' && rest.get(i + 1) == Some(&b'\n') => (i, 2),
            Some(i) => (i, 1),
            None => (rest.len(), 1),
        };
        let line = (start, &text[start..start + len]);
        start += len + skip;
        Some(line)
    })
}

/// A date on a line of its own is a stamp when body text comes with it. In a text of
/// dates and at most a headline before them ("Source 3\nJuly 1, 2024": a headline and
/// an answer) the dates are the body, not dropped.
fn dates_as_body(text: &str, lines: &mut [Line]) {
    let mut body = lines.iter().enumerate().filter(|(_, l)| l.boilerplate.is_none());
    let only_headline = match (body.next(), body.next()) {
        (None, _) => true,
        (Some((0, l)), None) => boilerplate::reads_as_heading(&text[l.span.range()], HEADLINE_WORDS),
        _ => false,
    };
    if only_headline {
        for line in lines.iter_mut().filter(|l| is_lone_date_stamp(l)) {
            line.boilerplate = None;
        }
    }
}

/// Whether a line is a date stamp standing alone on its line (not a stamp before body
/// text on the same line).
fn is_lone_date_stamp(line: &Line) -> bool {
    line.boilerplate == Some(BoilerplateKind::DateStamp) && line.prefix.is_none()
}

/// Marks the headline (a short first line followed by more text) and short section
/// headings between body lines.
fn mark_headings(text: &str, lines: &mut [Line], title: &mut Option<String>) {
    let body: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].boilerplate.is_none()).collect();
    if body.len() < 2 {
        return;
    }
    let first = body[0];
    let first_text = &text[lines[first].span.range()];
    // Text after a date stamp or dateline is the body's start, not a headline.
    if first == 0
        && lines[first].prefix.is_none()
        && boilerplate::reads_as_heading(first_text, HEADLINE_WORDS)
    {
        lines[first].boilerplate = Some(BoilerplateKind::Headline);
        *title = Some(first_text.to_string());
    }
    for w in body.windows(3) {
        let (prev, here, next) = (w[0], w[1], w[2]);
        let line = &text[lines[here].span.range()];
        let is_prose = |i: usize| {
            lines[i].boilerplate.is_none()
                && !boilerplate::reads_as_heading(&text[lines[i].span.range()], HEADING_WORDS)
        };
        if boilerplate::reads_as_heading(line, HEADING_WORDS)
            && is_prose(next)
            && (is_prose(prev) || lines[prev].boilerplate.is_some())
        {
            lines[here].boilerplate = Some(BoilerplateKind::Heading);
        }
    }
}

/// Whether line `next` continues the paragraph `prev` (a hard-wrapped line): `prev`
/// ends without closing punctuation and `next` starts in lower case.
fn continues(text: &str, prev: Span, next: Span) -> bool {
    let before = text[prev.range()].chars().last();
    let after = text[next.range()].chars().next();
    !matches!(before, Some('.' | '!' | '?' | '\u{201D}' | '"' | ':' | '\u{2026}'))
        && after.is_some_and(char::is_lowercase)
}

fn close_paragraph(text: &str, open: &mut Option<Span>, paragraphs: &mut Vec<Paragraph>) {
    if let Some(span) = open.take() {
        let sentences = split_in(text, span);
        if !sentences.is_empty() {
            paragraphs.push(Paragraph { span, sentences });
        }
    }
}

/// An article as a serialised record: `{ "title", "outlet", "published", "text" }`.
///
/// ```
/// use claimdiff::ArticleRecord;
///
/// let json = r#"{"title": "Deal near", "outlet": "Example News", "published": "2025-12-15",
///                "text": "Officials said a deal was near."}"#;
/// let record: ArticleRecord = serde_json::from_str(json).unwrap();
/// let article = record.parse()?;
/// assert_eq!(article.outlet(), Some("Example News"));
/// assert_eq!(article.published(), Some("2025-12-15"));
/// # Ok::<(), claimdiff::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ArticleRecord {
    /// The headline, if known.
    #[serde(default)]
    pub title: Option<String>,
    /// The outlet, if known.
    #[serde(default)]
    pub outlet: Option<String>,
    /// Publication date or time as given.
    #[serde(default)]
    pub published: Option<String>,
    /// The plain text of the article.
    pub text: String,
}

impl ArticleRecord {
    /// Reads a record from JSON.
    pub fn from_json(json: &str) -> Result<ArticleRecord> {
        serde_json::from_str(json).map_err(|e| Error::InvalidRecord(e.to_string()))
    }

    /// Parses the record's text; its title, outlet and date take precedence.
    pub fn parse(&self) -> Result<Article<'_>> {
        let mut article = Article::from_parts(self.title.as_deref(), self.outlet.as_deref(), &self.text)?;
        article.published = self.published.clone();
        Ok(article)
    }
}
