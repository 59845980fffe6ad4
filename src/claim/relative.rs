//! Relative clauses and appositives after a sentence's subject: "Fernandez, who won
//! the Silver Ball last year, has signed an eight-year contract" and "Elon Musk,
//! Twitter's biggest shareholder, has decided not to join its board" each pack two
//! facts. The subject with its relative clause or appositive makes one claim, and the
//! predicate after them another that shares the subject's words as terms, so that each
//! fact can meet the same fact told alone. Claims stay contiguous: the second one's text
//! starts at its verb.

use super::clause::is_verb;
use super::lexicon::{Lexicon, lexicon};
use crate::text::token::Token;

/// The most words a subject before ", who" / ", which" may have: a name or a short noun
/// phrase ("The plan", "Chelsea's new signing Enzo Fernandez"); a longer opening is more
/// likely a clause of its own.
const MAX_SUBJECT_WORDS: usize = 6;

/// The fewest words the relative clause must have, its pronoun included ("who was
/// injured" is three).
const MIN_RELATIVE_WORDS: usize = 3;

/// How many words from the predicate's verb a verb of attribution is looked for
/// ("…, has repeatedly said", "…, has in recent months said").
const CUE_WINDOW: usize = 6;

/// The fewest words an appositive must have ("Twitter's biggest shareholder" is
/// three).
const MIN_APPOSITIVE_WORDS: usize = 3;

/// Marks that end a subject or the words between its commas: double quotation marks,
/// an opening single one (a closing one is also an apostrophe: "the Solomon Islands'"),
/// a bracket, a semicolon, a colon.
const STOP_MARKS: [char; 7] = ['"', '\u{201C}', '\u{201D}', '\u{2018}', '(', ';', ':'];

/// A sentence that opens with a subject, a relative clause or an appositive between
/// commas, and the subject's own predicate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SharedSubject {
    /// The subject is `tokens[..subject_end]`; the relative pronoun or the appositive
    /// starts there.
    pub(crate) subject_end: usize,
    /// The token where the predicate starts (after the comma that closes the relative
    /// clause or the appositive).
    pub(crate) predicate: usize,
}

/// Finds "Subject, who/which …, verb …" or "Name, appositive, verb …" at the start of
/// a sentence (`text` is the article text the tokens point into).
/// - The subject is a short noun phrase without a verb, not an adverbial ("Meanwhile",
///   "Last week").
/// - An appositive follows a subject that holds a name (and maybe an age: "Mr. Musk,
///   50, …"), and has no verb, no figure or preposition at its start ("Mr. Smith, 45,
///   of Boston") and is no list of names ("Apple, Google and Amazon").
/// - The predicate's verb is no verb of attribution ("Lee, who chairs the panel,
///   said …": the speaker and the cue stay in one claim).
/// - No quotation mark opens the sentence or stands inside the words checked; the
///   caller leaves out sentences inside a quotation.
pub(crate) fn shared_subject(text: &str, tokens: &[Token]) -> Option<SharedSubject> {
    let lex = lexicon();
    // Whether the gap before token `k` holds one of `marks` (no gap after the last token).
    let gap_has = |k: usize, marks: &[char]| {
        (1..tokens.len()).contains(&k)
            && text.get(tokens[k - 1].span.end..tokens[k].span.start).is_some_and(|g| g.contains(marks))
    };
    let comma_before = |k: usize| gap_has(k, &[',']);
    let subject_end = (1..=MAX_SUBJECT_WORDS.min(tokens.len().saturating_sub(1)))
        .find(|&k| comma_before(k) || gap_has(k, &STOP_MARKS))?;
    let opens_quote = text
        .get(..tokens[0].span.start)
        .is_some_and(|head| head.trim_end().ends_with(['"', '\u{201C}', '\u{2018}', '\'']));
    if !comma_before(subject_end) || opens_quote || !noun_phrase(lex, &tokens[..subject_end]) {
        return None;
    }
    let relative = matches!(tokens[subject_end].norm.as_str(), "who" | "which");
    let first_comma = if relative {
        subject_end + MIN_RELATIVE_WORDS
    } else {
        // "Mr. Musk, 50, Twitter's largest shareholder, …": an age before the appositive.
        let age = tokens[subject_end].numeric && comma_before(subject_end + 1);
        let start = subject_end + usize::from(age);
        if !has_name(lex, &tokens[..subject_end]) || !appositive_start(lex, &tokens[start..]) {
            return None;
        }
        start + MIN_APPOSITIVE_WORDS
    };
    // "Apple, Google and Amazon, …": a name right after the comma that a list goes on
    // from is no appositive.
    let list_of_names = tokens[subject_end].capitalized;
    for k in subject_end + 1..tokens.len() {
        if gap_has(k, &STOP_MARKS) {
            return None;
        }
        let t = &tokens[k];
        if !comma_before(k) || k < first_comma {
            // An appositive has no verb of its own, and names no list of names.
            let list = list_of_names
                && matches!(t.norm.as_str(), "and" | "or")
                && tokens.get(k + 1).is_some_and(|n| n.capitalized);
            if !relative && (is_verb(t) || list || matches!(t.norm.as_str(), "who" | "which" | "that")) {
                return None;
            }
            continue;
        }
        // ", and Google, which …": a second subject, not the predicate.
        if matches!(t.norm.as_str(), "and" | "or") {
            return None;
        }
        // "…, has signed", "…, will no longer join", "…, reportedly joined".
        let verb_at = |i: usize| tokens.get(i).is_some_and(is_verb);
        let verb = if verb_at(k) {
            k
        } else if lex.adverb(t.norm.as_str()) && verb_at(k + 1) {
            k + 1
        } else {
            if !relative && is_verb(t) {
                return None;
            }
            continue;
        };
        if attributes(lex, tokens, verb) {
            return None;
        }
        return Some(SharedSubject { subject_end, predicate: k });
    }
    None
}

/// Whether words make a subject: no verb among them, and no adverbial at their start
/// ("Meanwhile", "In May", "Currently") or among them ("Last week").
fn noun_phrase(lex: &Lexicon, words: &[Token]) -> bool {
    let first = words[0].norm.as_str();
    !words.iter().any(is_verb)
        && !lex.adverbial_openers.contains(first)
        && !lex.adverb(first)
        && !words.iter().any(|t| lex.time_words.contains(t.norm.as_str()))
}

/// Whether words hold a name: a capitalised word that is no function word, after the
/// first word or as a single-word subject ("Musk", "Twitter's largest investor").
fn has_name(lex: &Lexicon, words: &[Token]) -> bool {
    words.iter().any(|t| t.capitalized && !lex.stopwords.contains(t.norm.as_str()))
}

/// Whether the words after a subject's comma may open an appositive: not an adverbial
/// or a preposition ("if it survives", "however", "of Boston"), not a figure.
fn appositive_start(lex: &Lexicon, rest: &[Token]) -> bool {
    rest.first()
        .is_some_and(|t| !t.numeric && t.norm != "of" && !lex.adverbial_openers.contains(t.norm.as_str()))
}

/// Whether the verb group from token `verb` attributes: a verb of speech, or of
/// attribution where the word after it allows, within [`CUE_WINDOW`] words ("has
/// repeatedly said", "told reporters").
fn attributes(lex: &Lexicon, tokens: &[Token], verb: usize) -> bool {
    (verb..tokens.len().min(verb + CUE_WINDOW)).any(|i| {
        let word = tokens[i].norm.as_str();
        let next = tokens.get(i + 1).map(|n| n.norm.as_str());
        lex.speech_verbs.contains(word)
            || lex.cue_verb(word).is_some_and(|v| !v.noun_like && v.attributes_before(next))
    })
}
