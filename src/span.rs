//! Byte spans into an input text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into the text an article was parsed from.
///
/// Spans always lie on `char` boundaries of that text, so `&text[span.range()]` never
/// panics for a span the crate produced. They serialise as a two-element array
/// `[start, end]`, the form the report contract uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(from = "(usize, usize)", into = "(usize, usize)")]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; `end` is raised to `start` if it is smaller.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end: end.max(start) }
    }

    /// Number of bytes covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The span as a `Range`, ready for slicing.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// The part of `self` inside `other`, if they share any bytes.
    pub(crate) fn intersect(&self, other: Span) -> Option<Span> {
        let (start, end) = (self.start.max(other.start), self.end.min(other.end));
        (start < end).then(|| Span::new(start, end))
    }

    /// Whether `other` lies entirely inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text this span covers in `text`, or `None` when it is out of range or not on
    /// `char` boundaries.
    pub fn slice<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.range())
    }

    /// This span moved `offset` bytes to the right.
    pub(crate) fn shift(self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }
}

impl From<(usize, usize)> for Span {
    fn from((start, end): (usize, usize)) -> Span {
        Span::new(start, end)
    }
}

impl From<Span> for (usize, usize) {
    fn from(span: Span) -> (usize, usize) {
        (span.start, span.end)
    }
}

/// Trims white space (and byte-order marks) from both ends of `span` within `text`.
pub(crate) fn trim(text: &str, span: Span) -> Span {
    let blank = |c: char| c.is_whitespace() || c == '\u{feff}';
    let inner = &text[span.range()];
    let start = span.start + (inner.len() - inner.trim_start_matches(blank).len());
    let end = span.start + inner.trim_end_matches(blank).len();
    Span::new(start, end.max(start))
}
