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

/// The folded form of one normalised word (lower case, as the tokenizer gives it).
pub(crate) fn fold_word(word: &str) -> CompactString {
    if let Some(value) = number_word(word) {
        return CompactString::from(value.to_string());
    }
    if !word.is_ascii() || word.len() < 5 {
        return fold_name(word);
    }
    let mut w = word.to_string();
    // -ise/-ize, -yse/-yze and their inflections: "organised", "analysing".
    for (british, american) in [("is", "iz"), ("ys", "yz")] {
        for ending in ["e", "es", "ed", "ing", "ation", "ations", "er", "ers"] {
            let from = format!("{british}{ending}");
            if w.len() > from.len() + 2 && w.ends_with(&from) {
                let cut = w.len() - from.len();
                w.replace_range(cut.., &format!("{american}{ending}"));
            }
        }
    }
    // -our/-or: "colour", "colours", "coloured", "favourite", "honourable".
    if w.len() >= MIN_OUR_WORD
        && let Some(at) = w.rfind("our")
        && at >= 3
        && matches!(&w[at + 3..], "" | "s" | "ed" | "ing" | "ite" | "ites" | "able" | "ful")
    {
        w.replace_range(at..at + 3, "or");
    }
    // -ence/-ense: "defence", "offences", "licence".
    for (from, to) in [("ence", "ense"), ("ences", "enses")] {
        if w.len() >= 7 && w.ends_with(from) {
            let cut = w.len() - from.len();
            w.replace_range(cut.., to);
        }
    }
    // -tre/-ter: "centre", "theatres", "metre".
    for (from, to) in [("tre", "ter"), ("tres", "ters")] {
        if w.ends_with(from) && w.len() > from.len() + 2 {
            let cut = w.len() - from.len();
            w.replace_range(cut.., to);
        }
    }
    // A doubled l after e: "travelled", "cancelling", "modeller" ("called" and "filled"
    // keep theirs).
    for (from, to) in [("elled", "eled"), ("elling", "eling"), ("eller", "eler"), ("ellers", "elers")] {
        if w.ends_with(from) {
            let cut = w.len() - from.len();
            w.replace_range(cut.., to);
        }
    }
    // -ogue/-og: "dialogue", "catalogues".
    for (from, to) in [("logue", "log"), ("logues", "logs")] {
        if w.ends_with(from) {
            let cut = w.len() - from.len();
            w.replace_range(cut.., to);
        }
    }
    fold_name(&w)
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
        for (a, b) in
            [("four", "for"), ("hour", "hors"), ("filled", "filed"), ("called", "caled"), ("tour", "tor")]
        {
            assert_ne!(fold_word(a), fold_word(b), "{a} / {b}");
        }
        assert_eq!(fold_word("rise"), "rise");
    }
}
