//! Normalisation for matching, with a map back to the original bytes.
//!
//! Every unit of the normalised text remembers the byte range of the input it came from,
//! so anything found in normalised text (a token, a quote, a number) can be reported as a
//! span of the original input.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

use crate::span::Span;

/// Text normalised for matching: NFKC, quotes and primes made straight, dashes made
/// `-`, exotic spaces made ` `, zero-width characters dropped, case folded to lower.
///
/// ```
/// use claimdiff::NormalizedText;
///
/// let input = "Zelensky\u{2019}s \u{201C}Article\u{00A0}Five\u{201D} \u{2014} cafe\u{301}";
/// let norm = NormalizedText::new(input);
/// assert_eq!(norm.as_str(), "zelensky's \"article five\" - café");
/// // "café" in the normalised text maps back to the decomposed original.
/// let at = norm.as_str().find("café").unwrap();
/// let span = norm.source_span(at, norm.as_str().len());
/// assert_eq!(&input[span.range()], "cafe\u{301}");
/// ```
#[derive(Debug, Clone)]
pub struct NormalizedText {
    text: String,
    /// For each byte of `text`, the input range of the cluster it came from.
    origin: Vec<(u32, u32)>,
}

/// Folds one character for matching before NFKC; `None` drops it.
pub(crate) fn fold_char(c: char) -> Option<char> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{2035}' | '`' | '\u{00B4}' => {
            '\''
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{2036}' | '\u{00AB}'
        | '\u{00BB}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\t' => ' ',
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {
            return None;
        }
        c => c,
    })
}

impl NormalizedText {
    /// Normalises `input`.
    pub fn new(input: &str) -> NormalizedText {
        let mut text = String::with_capacity(input.len());
        let mut origin = Vec::with_capacity(input.len());
        let mut cluster = String::new();
        let mut chars = input.char_indices().peekable();
        while let Some((start, first)) = chars.next() {
            // Fast path: an ASCII character not followed by a combining mark is its own
            // cluster, unchanged by NFKC.
            if first.is_ascii() && input.as_bytes().get(start + 1).is_none_or(u8::is_ascii) {
                let c = match first {
                    '`' => '\'',
                    '\t' => ' ',
                    c => c.to_ascii_lowercase(),
                };
                text.push(c);
                origin.push((start as u32, start as u32 + 1));
                continue;
            }
            // A cluster is a starter and the combining marks that follow it, so that
            // composition (e + U+0301 -> é) happens inside one mapped unit.
            cluster.clear();
            cluster.extend(fold_char(first));
            let mut end = start + first.len_utf8();
            while let Some(&(i, c)) = chars.peek() {
                if canonical_combining_class(c) == 0 {
                    break;
                }
                cluster.extend(fold_char(c));
                end = i + c.len_utf8();
                chars.next();
            }
            let range = (start as u32, end as u32);
            for c in cluster.nfkc().flat_map(fold_char).flat_map(char::to_lowercase) {
                let before = text.len();
                text.push(c);
                origin.extend(std::iter::repeat_n(range, text.len() - before));
            }
        }
        NormalizedText { text, origin }
    }

    /// The normalised text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The span of the input that produced the normalised bytes `start..end`.
    ///
    /// Out-of-range positions are clamped; an empty range maps to an empty span.
    pub fn source_span(&self, start: usize, end: usize) -> Span {
        let len = self.origin.len();
        if len == 0 || start >= end || start >= len {
            let at = self.origin.get(start.min(len.saturating_sub(1))).map_or(0, |o| o.0);
            return Span::new(at as usize, at as usize);
        }
        let first = self.origin[start].0 as usize;
        let last = self.origin[end.min(len) - 1].1 as usize;
        Span::new(first, last)
    }
}
