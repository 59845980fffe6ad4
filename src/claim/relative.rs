//! Relative clauses and appositives after a sentence's subject: "Fernandez, who won
//! the Silver Ball last year, has signed an eight-year contract" and "Elon Musk,
//! Twitter's biggest shareholder, has decided not to join its board" each pack two
//! facts. The subject with its relative clause or appositive makes one claim, and the
//! predicate after them another that shares the subject's words as terms, so that each
//! fact can meet the same fact told alone. Claims stay contiguous: the second one's text
//! starts at its verb.

use super::clause::is_verb;
use super::lexicon::lexicon;
use crate::text::token::Token;

/// The most words a subject before ", who" / ", which" may have: a name or a short noun
/// phrase ("The plan", "Chelsea's new signing Enzo Fernandez"); a longer opening is more
/// likely a clause of its own.
const MAX_SUBJECT_WORDS: usize = 6;

/// The fewest words the relative clause must have ("who was injured" is three).
const MIN_RELATIVE_WORDS: usize = 3;

/// How many words from the predicate's verb a verb of attribution is looked for
/// ("…, has repeatedly said").
const CUE_WINDOW: usize = 3;

/// The fewest words an appositive must have ("Twitter's biggest shareholder" is
/// three; "Fernandez, 22, …" is no claim of its own).
const MIN_APPOSITIVE_WORDS: usize = 3;

/// A sentence that opens with a subject, a relative clause or an appositive between
/// commas, and the subject's own predicate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SharedSubject {
    /// The subject is `tokens[..subject_end]`; the relative pronoun or the appositive
    /// starts there.
    pub(crate) subject_end: usize,
    /// The token where the predicate starts (after the comma that closes the relative
    /// clause).
    pub(crate) predicate: usize,
}

/// Finds "Subject, who/which …, verb …" or "Name, appositive, verb …" at the start of
/// a sentence (`text` is the article text the tokens point into). An appositive has no
/// verb and follows a subject that holds a name; neither the subject nor the appositive
/// opens with an adverbial word ("Meanwhile, …", "…, if it survives, …"). Not when the predicate's verb is a verb of
/// attribution ("Lee, who chairs the panel, said …"): the speaker and the cue then stay
/// in one claim. Not inside quotation marks.
pub(crate) fn shared_subject(text: &str, tokens: &[Token]) -> Option<SharedSubject> {
    let lex = lexicon();
    let comma_before = |k: usize| {
        k > 0 && text.get(tokens[k - 1].span.end..tokens[k].span.start).is_some_and(|g| g.contains(','))
    };
    let gap_has = |k: usize, marks: &[char]| {
        k > 0 && text.get(tokens[k - 1].span.end..tokens[k].span.start).is_some_and(|g| g.contains(marks))
    };
    let subject_end = (1..=MAX_SUBJECT_WORDS.min(tokens.len().saturating_sub(1)))
        .find(|&k| comma_before(k) || gap_has(k, &['"', '\u{201C}', '\u{201D}', '(', ';', ':']))?;
    if !comma_before(subject_end) {
        return None;
    }
    // The subject is a noun phrase: no verb in it.
    if tokens[..subject_end].iter().any(is_verb) {
        return None;
    }
    let relative = matches!(tokens[subject_end].norm.as_str(), "who" | "which");
    // An appositive ("Elon Musk, Twitter's biggest shareholder, has …") follows a
    // subject that holds a name, and has no verb of its own.
    let named =
        tokens[..subject_end].iter().any(|t| t.capitalized && !lex.stopwords.contains(t.norm.as_str()));
    let adverbial = |t: &Token| lex.adverbial_openers.contains(t.norm.as_str());
    if (!relative && !named) || adverbial(&tokens[0]) || (!relative && adverbial(&tokens[subject_end])) {
        return None;
    }
    let opens_quote =
        text.get(..tokens[0].span.start).is_some_and(|head| head.trim_end().ends_with(['"', '\u{201C}']));
    if opens_quote {
        return None;
    }
    let first =
        if relative { subject_end + 1 + MIN_RELATIVE_WORDS } else { subject_end + MIN_APPOSITIVE_WORDS };
    if !relative && tokens[subject_end..first.min(tokens.len())].iter().any(is_verb) {
        return None;
    }
    for k in first..tokens.len() {
        if gap_has(k, &['"', '\u{201C}', '\u{201D}', ';', ':']) {
            return None;
        }
        if !comma_before(k) {
            if !relative && is_verb(&tokens[k]) {
                return None;
            }
            continue;
        }
        let t = &tokens[k];
        // "…, has signed", "…, will no longer join", "…, reportedly joined".
        let verb_at = |i: usize| tokens.get(i).is_some_and(is_verb);
        let adverb = t.norm.ends_with("ly") && !t.capitalized;
        let predicate = if verb_at(k) {
            k
        } else if adverb && verb_at(k + 1) {
            k + 1
        } else {
            continue;
        };
        // "…, has said", "…, told reporters": the cue within the verb group.
        let cue = (predicate..tokens.len().min(predicate + CUE_WINDOW)).any(|i| {
            let word = tokens[i].norm.as_str();
            let next = tokens.get(i + 1).map(|t| t.norm.as_str());
            lex.speech_verbs.contains(word)
                || lex.cue_verb(word).is_some_and(|v| !v.noun_like && v.attributes_before(next))
        });
        if cue || t.capitalized {
            return None;
        }
        return Some(SharedSubject { subject_end, predicate: k });
    }
    None
}
