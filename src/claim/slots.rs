//! Slot facts: what fills the slots of a claim's fact, read once while the claim is
//! extracted so that the matcher's slot checks (`align::slots`) only compare stored
//! values. Two claims in alike words may tell two facts ("talks with the envoy in
//! Paris" / "… in Rome"; "$40 million on flood walls" / "$12 million on new buses"); the
//! facts read here tell them apart:
//!
//! - the object of each slot preposition (`slot_words.txt`: "in", "with", "from" …),
//!   a name (a run of capitalised words) or a role noun ("the health minister");
//! - the weekdays named, and whether a date with its day is given;
//! - what each figure counts (`Quantity::counts_head`), or for money, the noun after
//!   "on", "for" or "in";
//! - the words of the claim that its terms leave out (the speaker's, cue words, the
//!   words of a trailing attribution), so that "does the other claim mention it" can
//!   be asked of the terms and these.
//!
//! Words are kept as term keys (`term_key` of the word's stem, as the claim's terms
//! are made): no strings, and "walls" is "wall", as in the terms.

use crate::text::token::Token;

use super::lexicon::{Lexicon, RoleKind};
use super::{Quantity, QuantityKind};

/// Most words of a name kept as a preposition's object ("Port Alder", "New York City").
pub(crate) const NAME_WORDS: usize = 4;

/// Most words of the noun run after a sum's preposition ("on new flood walls").
const MONEY_WORDS: usize = 3;

/// The object of a slot preposition: a name or a role noun, as term keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Filler {
    /// The preposition's place in `slot_words.txt`'s list.
    pub preposition: u8,
    /// Words used in `words`.
    len: u8,
    /// The object's words (a name's, up to [`NAME_WORDS`], or the role noun).
    words: [u64; NAME_WORDS],
}

impl Filler {
    /// The object's words, as term keys.
    pub(crate) fn words(&self) -> &[u64] {
        &self.words[..usize::from(self.len)]
    }
}

/// What one claim says in the slots that the matcher checks.
#[derive(Debug, Clone, Default)]
pub(crate) struct Slots {
    /// Each slot preposition with its object, in text order.
    pub fillers: Box<[Filler]>,
    /// What the figures (not dates) are of, where it is said: one key per such figure.
    pub heads: Box<[u64]>,
    /// Term keys of the claim's words that its terms leave out (none of them function
    /// words or numbers).
    pub unindexed: Box<[u64]>,
    /// The weekdays named, one bit each (bit 0: Monday).
    pub weekdays: u8,
    /// Whether a date with its day is among the claim's quantities.
    pub dated: bool,
}

impl Slots {
    /// Whether the claim whose terms are `term_keys` (and these slots) mentions every
    /// word of `words`.
    pub(crate) fn mentions(&self, term_keys: &[u64], words: &[u64]) -> bool {
        words.iter().all(|w| term_keys.contains(w) || self.unindexed.binary_search(w).is_ok())
    }
}

/// Reads the slot facts of a claim of `tokens` with its `quantities`. `key(i)` is the
/// term key of token `i` (its stem, as the terms are made), `word_key` that of a word;
/// `left_out` lists the tokens (not function words) that the claim's terms skip.
pub(crate) fn read(
    lex: &Lexicon,
    tokens: &[Token],
    quantities: &[Quantity],
    left_out: &[usize],
    key: impl Fn(usize) -> u64,
    word_key: impl Fn(&str) -> u64,
) -> Slots {
    let words = &lex.slot_words;
    let stop = |t: &Token| lex.stopwords.contains(t.norm.as_str());
    // Quantities and tokens are in text order: binary searches, so that a run-on claim
    // with many figures is not read in quadratic time.
    let in_quantity = |t: &Token| {
        let k = quantities.partition_point(|q| q.span.start <= t.span.start);
        k > 0 && t.span.start < quantities[k - 1].span.end
    };
    let role = |t: &Token| matches!(lex.role(&t.norm), Some(RoleKind::Person | RoleKind::Group));
    // The first word after `at` that is not a determiner of the slot's object.
    let object = |at: usize| {
        let mut j = at;
        while tokens.get(j).is_some_and(|t| words.get(&t.norm).determiner) {
            j += 1;
        }
        j.min(tokens.len())
    };
    // The noun run from `j`: up to `most` words, no function word or number.
    let run = |j: usize, most: usize| {
        let n = tokens[j..].iter().take_while(|t| !t.numeric && !stop(t)).take(most).count();
        j..j + n
    };
    let mut fillers = Vec::new();
    let mut weekdays = 0u8;
    for (i, t) in tokens.iter().enumerate() {
        let word = words.get(&t.norm);
        if let Some(d) = word.weekday {
            weekdays |= 1 << d;
        }
        let Some(p) = word.preposition else { continue };
        let run = run(object(i + 1), NAME_WORDS);
        let Some(first) = tokens.get(run.start).filter(|_| !run.is_empty()) else { continue };
        // A weekday or a month is a day, compared as one.
        if words.get(&first.norm).weekday.is_some() || in_quantity(first) {
            continue;
        }
        let mut filler = Filler { preposition: p, len: 0, words: [0; NAME_WORDS] };
        if first.capitalized {
            for k in run.take_while(|&k| tokens[k].capitalized) {
                filler.words[usize::from(filler.len)] = key(k);
                filler.len += 1;
            }
        } else if let Some(head) = run.last().filter(|&k| role(&tokens[k])) {
            filler.words[0] = key(head);
            filler.len = 1;
        } else {
            continue;
        }
        fillers.push(filler);
    }
    let heads = quantities
        .iter()
        .filter(|q| q.kind != QuantityKind::Date)
        .filter_map(|q| {
            if let Some(h) = q.counts_head() {
                return Some(word_key(&h));
            }
            if q.kind != QuantityKind::Money {
                return None;
            }
            let j = tokens.partition_point(|t| t.span.start < q.span.end);
            if !tokens.get(j).is_some_and(|t| words.get(&t.norm).money) {
                return None;
            }
            run(object(j + 1), MONEY_WORDS).last().map(&key)
        })
        .collect();
    let heads: Box<[u64]> = heads;
    // Only a claim with a filler or a head is asked whether it mentions another's (a
    // slot is compared only when both claims fill it).
    let mut unindexed = Vec::new();
    if !fillers.is_empty() || !heads.is_empty() {
        unindexed.extend(left_out.iter().filter(|&&i| !tokens[i].numeric).map(|&i| key(i)));
        unindexed.sort_unstable();
        unindexed.dedup();
    }
    Slots {
        fillers: fillers.into(),
        heads,
        unindexed: unindexed.into(),
        weekdays,
        dated: quantities.iter().any(|q| q.kind == QuantityKind::Date && q.day.is_some()),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Extractor, term_key};
    use crate::{Article, ClaimSet};

    /// The slots of the first claim of `text`, with its term keys.
    fn first(text: &str) -> (super::Slots, Vec<u64>) {
        let set = ClaimSet::new(Article::parse(text).unwrap()).unwrap();
        let claim = &set.claims()[0];
        (claim.slots.clone(), claim.term_keys.clone())
    }

    /// The term key of a word, as the extractor makes it.
    fn key(word: &str) -> u64 {
        term_key(&Extractor::new().stem(word))
    }

    #[test]
    fn reads_places_parties_and_days() {
        let (slots, terms) = first("The minister held talks with the envoy in Paris on Sunday.");
        let words = &super::super::lexicon().slot_words;
        let fillers: Vec<(Option<u8>, Vec<u64>)> =
            slots.fillers.iter().map(|f| (Some(f.preposition), f.words().to_vec())).collect();
        assert_eq!(
            fillers,
            [
                (words.get("with").preposition, vec![key("envoy")]),
                (words.get("in").preposition, vec![key("paris")])
            ]
        );
        assert_eq!(slots.weekdays, 1 << 6, "Sunday");
        assert!(slots.heads.is_empty() && !slots.dated);
        assert!(slots.mentions(&terms, &[key("envoy"), key("paris")]));
        // A plain noun after a preposition is no slot ("in the morning").
        let (slots, _) = first("Talks resumed in the morning.");
        assert!(slots.fillers.is_empty());
    }

    #[test]
    fn reads_what_figures_are_of() {
        let (slots, terms) = first("The city will spend $40 million on new flood walls.");
        assert_eq!(&*slots.heads, [key("walls")]);
        assert!(terms.contains(&key("walls")));
        let (slots, _) = first("Officials said 1,200 people were evacuated on Oct. 16.");
        assert_eq!(&*slots.heads, [key("person")]);
        assert!(slots.dated);
    }

    #[test]
    fn the_speakers_words_are_mentions() {
        let (slots, terms) = first("The health minister said talks with union leaders in Lisbon ended.");
        assert!(!terms.contains(&key("minister")), "the speaker's words are no terms");
        assert!(slots.mentions(&terms, &[key("minister")]));
        assert!(!slots.mentions(&terms, &[key("envoy")]));
    }
}
