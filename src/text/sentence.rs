//! Sentence segmentation tuned for news prose.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use super::data_lines;
use crate::span::Span;

/// How a period after a given abbreviation is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Abbrev {
    /// Never ends a sentence: "Mr.", "Gen.", "vs."
    Title,
    /// Does not end a sentence before a number: "Oct. 16".
    Month,
    /// Does not end a sentence before a number: "No. 2".
    Number,
    /// Ends a sentence only before a sentence starter: "Inc. The ...".
    Trailing,
}

struct Lexicon {
    abbreviations: HashMap<&'static str, Abbrev>,
    starters: Vec<&'static str>,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut abbreviations = HashMap::default();
        let mut rule = Abbrev::Title;
        for line in data_lines(include_str!("../data/abbreviations.txt")) {
            rule = match line {
                "[title]" => Abbrev::Title,
                "[month]" => Abbrev::Month,
                "[number]" => Abbrev::Number,
                "[trailing]" => Abbrev::Trailing,
                word => {
                    abbreviations.insert(word, rule);
                    continue;
                }
            };
        }
        let mut starters: Vec<_> = data_lines(include_str!("../data/sentence_starters.txt")).collect();
        starters.sort_unstable();
        Lexicon { abbreviations, starters }
    })
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\u{2026}')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '\u{201D}' | '\u{2019}' | ')' | ']' | '\u{00BB}')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '\u{201C}' | '\u{2018}' | '(' | '[' | '\u{00AB}')
}

/// The word that ends just before byte `end` (no white space inside).
fn word_before(text: &str, end: usize) -> &str {
    let head = &text[..end];
    let start = head.char_indices().rfind(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8());
    // A closing mark typed where a quotation opens ("”Mr. Lee …") is no part of the word.
    head[start..]
        .trim_start_matches(|c: char| is_opener(c) || matches!(c, '\u{2014}' | '-' | '\u{201D}' | '\u{2019}'))
}

/// The word that starts at byte `start`, without leading quotes or brackets.
fn word_after(text: &str, start: usize) -> &str {
    let tail = text[start..].trim_start_matches(is_opener);
    let end = tail.find(|c: char| !c.is_alphanumeric() && c != '\'').unwrap_or(tail.len());
    &tail[..end]
}

fn is_starter(word: &str) -> bool {
    let lower = word.to_lowercase();
    lexicon().starters.binary_search(&lower.as_str()).is_ok()
}

/// Whether a single period at `dot` ends the sentence, given the word after it.
fn period_ends_sentence(text: &str, dot: usize, next: &str) -> bool {
    let word = word_before(text, dot);
    let next_is_number = next.starts_with(|c: char| c.is_ascii_digit());
    if word.contains('.') {
        // Dotted abbreviations: U.S., a.m., J.D., e.g.
        return is_starter(next);
    }
    let mut letters = word.chars();
    if let (Some(c), None) = (letters.next(), letters.next()) {
        // An initial ("Jared M. Kushner"), unless a word that opens sentences follows
        // ("… include Y, S, 3, and X. In total …").
        if c.is_uppercase() {
            return is_starter(next);
        }
    }
    let lower = word.to_lowercase();
    match lexicon().abbreviations.get(lower.as_str()) {
        Some(Abbrev::Title) => false,
        Some(Abbrev::Month | Abbrev::Number) => !next_is_number && is_starter(next),
        Some(Abbrev::Trailing) => is_starter(next),
        None => true,
    }
}

/// Splits `text` into sentence spans (relative to `text`), trimmed of white space.
///
/// A sentence ends at `.`, `!`, `?` or `…` (and any closing quotes or brackets right
/// after), followed by white space and a character that can begin a sentence (not a
/// lower-case letter). Periods of abbreviations, initials and numbers do not end one.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = text.len() - text.trim_start().len();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !is_terminator(c) || i < start {
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut single_period = c == '.';
        while let Some(&(j, d)) = chars.peek() {
            if is_terminator(d) {
                single_period = false;
            } else if !is_closer(d) {
                break;
            }
            end = j + d.len_utf8();
            chars.next();
        }
        let rest = &text[end..];
        let gap = rest.len() - rest.trim_start().len();
        if gap == 0 || gap == rest.len() {
            continue; // not followed by white space, or the text ends here
        }
        let next_start = end + gap;
        let Some(first) = text[next_start..].chars().next() else { continue };
        if first.is_lowercase() || matches!(first, ',' | ';' | ':' | ')' | ']') {
            continue;
        }
        let next = word_after(text, next_start);
        if single_period && !period_ends_sentence(text, i, next) {
            continue;
        }
        out.push(Span::new(start, end));
        start = next_start;
    }
    let tail = Span::new(start, text.trim_end().len());
    if !tail.is_empty() {
        out.push(tail);
    }
    out
}

/// Splits `text[span]` into sentences with spans relative to the whole of `text`.
pub(crate) fn split_in(text: &str, span: Span) -> Vec<Span> {
    split_sentences(&text[span.range()]).into_iter().map(|s| s.shift(span.start)).collect()
}
