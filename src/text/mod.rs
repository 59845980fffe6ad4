//! Text stage: normalisation with an offset map, sentences and tokens.

pub(crate) mod normalize;
pub(crate) mod sentence;
pub(crate) mod token;
pub(crate) mod word_meaning;

/// The entries of a word-list data file: trimmed lines, without blanks and `#` comments.
pub(crate) fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}
