//! Folding the spelling variants that outlets use for the same word, so that a quote
//! copied by a British and an American outlet reads as one quote: "defence" and
//! "defense", "organise" and "organize", "colour" and "color", "centre" and "center",
//! "travelled" and "traveled", "Zelenskiy" and "Zelensky", "five" and "5".
//!
//! Folding is applied to both sides of a comparison, so a rule only has to map the
//! variants of one word to one form; it must not map two different words to one form.

use compact_str::CompactString;

use crate::claim::{fold_name, number_word};

/// Whether the `-our` of a word is the British spelling ("colour", "labours",
/// "favourite"): the word is long enough that "-our" is a suffix ("four", "hour",
/// "tour" and "your" keep theirs).
const MIN_OUR_WORD: usize = 6;

/// British endings and their American forms, longest first where one ends another.
/// An ending is replaced only when at least two letters stand before it ("rise" and
/// "fence" keep theirs).
const ENDINGS: [(&str, &str); 22] = [
    ("isations", "izations"),
    ("isation", "ization"),
    ("ising", "izing"),
    ("isers", "izers"),
    ("ises", "izes"),
    ("ised", "ized"),
    ("iser", "izer"),
    ("ise", "ize"),
    ("ysing", "yzing"),
    ("yses", "yzes"),
    ("ysed", "yzed"),
    ("yse", "yze"),
    ("ences", "enses"),
    ("ence", "ense"),
    ("tres", "ters"),
    ("tre", "ter"),
    ("elling", "eling"),
    ("ellers", "elers"),
    ("elled", "eled"),
    ("eller", "eler"),
    ("logues", "logs"),
    ("logue", "log"),
];

/// Endings after which an "-our" is the British "-or" ("colour", "coloured").
const OUR_ENDINGS: [&str; 8] = ["", "s", "ed", "ing", "ite", "ites", "able", "ful"];

/// The folded form of one normalised word (lower case, as the tokenizer gives it).
pub(crate) fn fold_word(word: &str) -> CompactString {
    if let Some(value) = number_word(word) {
        return CompactString::from(value.to_string());
    }
    // Contractions and decimals keep their marks: "we're" is not "were", "2.5" not "25".
    if word.contains(['\'', '\u{2019}', '.']) {
        return CompactString::from(word);
    }
    if !word.is_ascii() || word.len() < 5 {
        return fold_name(word);
    }
    if let Some((from, to)) =
        ENDINGS.iter().find(|(from, _)| word.len() >= from.len() + 2 && word.ends_with(from))
    {
        let mut w = CompactString::from(&word[..word.len() - from.len()]);
        w.push_str(to);
        return fold_name(&w);
    }
    if word.len() >= MIN_OUR_WORD
        && let Some(at) = word.rfind("our")
        && at >= 3
        && OUR_ENDINGS.contains(&&word[at + 3..])
    {
        let mut w = CompactString::from(&word[..at]);
        w.push_str("or");
        w.push_str(&word[at + 3..]);
        return fold_name(&w);
    }
    fold_name(word)
}

#[cfg(test)]
mod tests {
    use super::fold_word;

    #[test]
    fn folds_british_and_american_spelling() {
        for (a, b) in [
            ("defence", "defense"),
            ("organised", "organized"),
            ("analysing", "analyzing"),
            ("colour", "color"),
            ("favourite", "favorite"),
            ("labours", "labors"),
            ("centre", "center"),
            ("theatres", "theaters"),
            ("travelled", "traveled"),
            ("cancelling", "canceling"),
            ("dialogue", "dialog"),
            ("zelenskiy", "zelensky"),
            ("five", "5"),
        ] {
            assert_eq!(fold_word(a), fold_word(b), "{a} / {b}");
        }
    }

    #[test]
    fn keeps_different_words_apart() {
        for (a, b) in [
            ("four", "for"),
            ("hour", "hors"),
            ("filled", "filed"),
            ("called", "caled"),
            ("tour", "tor"),
            ("we're", "were"),
            ("we'll", "well"),
            ("it's", "its"),
            ("2.5", "25"),
        ] {
            assert_ne!(fold_word(a), fold_word(b), "{a} / {b}");
        }
        assert_eq!(fold_word("rise"), "rise");
    }
}
