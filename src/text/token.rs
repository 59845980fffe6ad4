//! Word tokens over normalised text, each with its span in the original input.

use compact_str::CompactString;

use super::normalize::NormalizedText;
use crate::span::Span;

/// A word or number of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    /// Where the token stands in the original input.
    pub span: Span,
    /// The normalised form: lower case, acronym dots and possessive `'s` removed.
    pub norm: CompactString,
    /// Whether the token as written starts with an upper-case letter.
    pub capitalized: bool,
    /// Whether the token is a number written in digits.
    pub numeric: bool,
}

/// Splits `input` into tokens. Words break at white space, punctuation and hyphens;
/// `U.S.` is one token (`us`), `800,000` and `2.5` are one token each, and `Kyiv's`
/// is `kyiv`.
pub(crate) fn tokenize(input: &str) -> Vec<Token> {
    tokenize_normalized(input, &NormalizedText::new(input))
}

/// As [`tokenize`], given the normalised form of `input` already made.
pub(crate) fn tokenize_normalized(input: &str, norm: &NormalizedText) -> Vec<Token> {
    let text = norm.as_str();
    let bytes = text.as_bytes();
    // About one token per six bytes of news prose: most sentences need no regrowth.
    let mut tokens = Vec::with_capacity(text.len() / 6 + 1);
    let mut iter = text.char_indices().peekable();
    while let Some((start, c)) = iter.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let numeric = c.is_ascii_digit();
        let mut end = start + c.len_utf8();
        let mut segment_len = 1; // letters since the last internal dot
        let mut dotted = false;
        while let Some(&(i, c)) = iter.peek() {
            if c.is_alphanumeric() || (!c.is_ascii() && unicode_normalization::char::is_combining_mark(c)) {
                segment_len += 1;
                end = i + c.len_utf8();
                iter.next();
                continue;
            }
            let next = text[i + c.len_utf8()..].chars().next();
            let joins = match (c, next) {
                ('\'', Some(n)) => n.is_alphabetic(),
                ('.' | ',', Some(n)) if numeric => n.is_ascii_digit() && bytes[i - 1].is_ascii_digit(),
                ('.', Some(n)) => {
                    segment_len == 1 && n.is_alphabetic() && {
                        // Only single letters joined by dots: u.s, j.d, a.m
                        let after = &text[i + 1..];
                        after.chars().nth(1).is_none_or(|c| !c.is_alphanumeric())
                    }
                }
                _ => false,
            };
            if !joins {
                break;
            }
            if c == '.' && !numeric {
                dotted = true;
                segment_len = 0;
            }
            iter.next();
        }
        let raw = &text[start..end];
        let mut form: CompactString =
            if dotted { raw.chars().filter(|&c| c != '.').collect() } else { CompactString::from(raw) };
        if numeric {
            form.retain(|c| c != ',');
        }
        for suffix in ["'s", "'"] {
            if form.len() > suffix.len() + 1 && form.ends_with(suffix) {
                form.truncate(form.len() - suffix.len());
                break;
            }
        }
        let span = norm.source_span(start, end);
        let capitalized = input[span.range()].chars().next().is_some_and(char::is_uppercase);
        tokens.push(Token { span, norm: form, capitalized, numeric });
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(s: &str) -> Vec<String> {
        tokenize(s).into_iter().map(|t| t.norm.into()).collect()
    }

    #[test]
    fn splits_news_words() {
        assert_eq!(forms("U.S. officials"), ["us", "officials"]);
        assert_eq!(forms("800,000-strong army"), ["800000", "strong", "army"]);
        assert_eq!(forms("$2.5 billion"), ["2.5", "billion"]);
        assert_eq!(forms("Kyiv\u{2019}s war"), ["kyiv", "war"]);
        assert_eq!(forms("Article Five-like"), ["article", "five", "like"]);
        assert_eq!(forms("don't"), ["don't"]);
    }

    #[test]
    fn spans_point_into_input() {
        let s = "Zelenskyy\u{2019}s \u{201C}plan\u{201D}";
        for t in tokenize(s) {
            assert!(s.get(t.span.range()).is_some());
        }
        assert_eq!(&s[tokenize(s)[0].span.range()], "Zelenskyy\u{2019}s");
    }
}
