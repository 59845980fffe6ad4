//! Clauses: the facts a sentence packs together, split where a new clause with its own
//! verb starts ("…, and engineers began …", "…, adding that …", "…; buses will …").

use super::lexicon::{VerbForm, lexicon};
use crate::span::Span;
use crate::text::token::Token;

/// The fewest words a clause may have: a shorter fragment stays with its neighbour
/// ("Prices rose, and wages fell." is one claim).
const MIN_CLAUSE_WORDS: usize = 4;

/// How far after a conjunction the splitter looks for the new clause's verb.
const VERB_WINDOW: usize = 8;

/// Conjunctions that join main clauses after a comma.
const COORDINATORS: [&str; 5] = ["and", "but", "yet", "or", "so"];

/// Subordinators of contrast and time clauses after a comma.
const SUBORDINATORS: [&str; 5] = ["while", "whereas", "as", "although", "though"];

/// The token indices where the clauses of a sentence start, after the first (which
/// starts at token 0), in order. `text` is the article text the tokens point into;
/// `predicate` is where the predicate after a subject's relative clause starts, if the
/// sentence has one ([`super::relative::shared_subject`]).
pub(crate) fn clause_starts(text: &str, tokens: &[Token], predicate: Option<usize>) -> Vec<usize> {
    let n = tokens.len();
    let mut starts = Vec::new();
    if n < 2 * MIN_CLAUSE_WORDS {
        return starts;
    }
    let lex = lexicon();
    let mut last = 0;
    // Whether a "that" has opened reported content: later ", that …" / "and that …"
    // start further reported facts.
    let mut that_seen = false;
    let mut cue_seen = false;
    // Whether the sentence opens with a contrast clause: "While …, …".
    let mut leading_contrast = tokens
        .first()
        .is_some_and(|t| matches!(t.norm.as_str(), "while" | "although" | "though" | "whereas"));
    // The last token after which a comma or semicolon stands: a relative clause after it
    // runs to the end of the sentence.
    let last_break = (1..n)
        .rev()
        .find(|&k| {
            text.get(tokens[k - 1].span.end..tokens[k].span.start).is_some_and(|g| g.contains([',', ';']))
        })
        .unwrap_or(0);
    for i in 1..n {
        let between = text.get(tokens[i - 1].span.end..tokens[i].span.start).unwrap_or("");
        let comma = between.contains(',');
        let word = tokens[i].norm.as_str();
        let next = tokens.get(i + 1).map(|t| t.norm.as_str());
        let finite_cue = |t: &Token| {
            !t.capitalized
                && lex
                    .cue_verb(t.norm.as_str())
                    .is_some_and(|v| v.form != VerbForm::Participle && !v.noun_like && !v.evidence)
        };
        let split = if opens_purpose(lex, tokens, i) {
            // "… ordered inspections / in an effort to reduce smuggling": the purpose or
            // reason of the act, after words with a verb of their own.
            (last..i).any(|k| is_verb(&tokens[k])) && outside_quotes(text, tokens, i)
        } else if predicate == Some(i) {
            // "Fernandez, who …, has signed …": the predicate starts a claim of its own.
            true
        } else if comma && leading_contrast && starts.is_empty() && last == 0 {
            // "While the move won't be easy, we will …": the leading contrast clause ends
            // at its first comma once it has a verb, and the main clause has one too.
            leading_contrast = false;
            (1..i).any(|k| is_verb(&tokens[k])) && has_verb(tokens, i)
        } else if between.contains(';') {
            // "…; buses will replace trains": a clause, not the next item of a list
            // ("Lyon, France; Turin, Italy").
            has_verb_before(text, tokens, i, ';')
        } else if word == "and" && tokens.get(i + 1).is_some_and(finite_cue) {
            // "… and said …": a coordinated reporting verb of the same subject.
            true
        } else if comma && COORDINATORS.contains(&word) {
            if next == Some("that") && that_seen { true } else { own_clause(text, tokens, i + 1) }
        } else if comma && SUBORDINATORS.contains(&word) {
            // ", as police have said." closes the sentence with its source: no clause.
            own_clause(text, tokens, i + 1) && !(word == "as" && attribution_tail(tokens, i + 1))
        } else if comma && matches!(word, "who" | "which") {
            i >= last_break
        } else if (comma && word == "that") || (word == "and" && next == Some("that")) {
            that_seen
        } else if comma && !tokens[i].capitalized {
            // "…, adding that …": a participle of a verb of attribution, after words with
            // a verb of their own ("Ann Lee, summing up the talks, said …" stays whole).
            // "…, killing three people": a participle that tells what followed, when
            // the rest of the sentence is its phrase (no verb of its own after it).
            let cue_participle = lex
                .cue_verb(word)
                .is_some_and(|v| v.form == VerbForm::Participle && !v.noun_like && !v.evidence);
            (cue_participle
                || (opens_participle_phrase(tokens, i)
                    && !has_verb(tokens, i + 1)
                    && outside_quotes(text, tokens, i)))
                && (last..i).any(|k| is_verb(&tokens[k]))
        } else {
            false
        };
        that_seen |= word == "that" && cue_seen;
        cue_seen |= !tokens[i].capitalized && lex.cue_verb(word).is_some();
        if split && i - last >= MIN_CLAUSE_WORDS && n - i >= MIN_CLAUSE_WORDS {
            starts.push(i);
            last = i;
        }
    }
    starts
}

/// Whether a phrase of `purpose_markers.txt` starts at token `i` (looked up by its
/// first word, which most words are not).
fn opens_purpose(lex: &super::lexicon::Lexicon, tokens: &[Token], i: usize) -> bool {
    let rest = &tokens[i + 1..];
    lex.purpose_markers.get(tokens[i].norm.as_str()).is_some_and(|phrases| {
        phrases
            .iter()
            .any(|words| rest.len() >= words.len() && words.iter().zip(rest).all(|(w, t)| t.norm == *w))
    })
}

/// Words in -ing that open no clause of their own after a comma: prepositions
/// ("including", "according to") and nouns ("…, morning and evening").
const NOT_PARTICIPLES: [&str; 16] = [
    "including",
    "according",
    "following",
    "during",
    "regarding",
    "concerning",
    "excluding",
    "notwithstanding",
    "pending",
    "barring",
    "considering",
    "morning",
    "evening",
    "something",
    "nothing",
    "everything",
];

/// Whether a token is a present participle that may open a phrase of its own after a
/// comma ("…, exploding four minutes after launch", "…, bringing the toll to 31").
pub(crate) fn participle_phrase(t: &Token) -> bool {
    let word = t.norm.as_str();
    !t.capitalized && word.len() > 5 && word.ends_with("ing") && !NOT_PARTICIPLES.contains(&word)
}

/// Whether token `i` opens a participle's phrase ([`participle_phrase`]): not a noun in
/// -ing that a list goes on from ("…, schools, housing and the courts").
fn opens_participle_phrase(tokens: &[Token], i: usize) -> bool {
    participle_phrase(&tokens[i])
        && tokens.get(i + 1).is_some_and(|next| !matches!(next.norm.as_str(), "and" | "or"))
}

/// Whether token `i` and the rest of the sentence stand outside quotation marks: none
/// open before it, none after it ("“…, you know, inviting …”" stays whole).
fn outside_quotes(text: &str, tokens: &[Token], i: usize) -> bool {
    let (Some(first), Some(here), Some(last)) = (tokens.first(), tokens.get(i), tokens.last()) else {
        return false;
    };
    // From the quotation mark that opens the sentence, if one does.
    let start = text.get(..first.span.start).map_or(first.span.start, |head| {
        head.trim_end().strip_suffix(['"', '\u{201C}']).map_or(first.span.start, str::len)
    });
    let before = text.get(start..here.span.start).unwrap_or("");
    let after = text.get(here.span.start..last.span.end).unwrap_or("");
    let count = |s: &str, c: char| s.matches(c).count();
    count(before, '\u{201C}') == count(before, '\u{201D}')
        && count(before, '"') % 2 == 0
        && !after.contains(['"', '\u{201C}', '\u{201D}'])
}

/// Whether a clause with its own subject and verb starts at token `i`: its first word
/// is not itself a verb (that would be a verb phrase of the same subject: "…, and went
/// home") and a verb follows within a few words.
fn own_clause(text: &str, tokens: &[Token], i: usize) -> bool {
    // The verb stands before the next comma: ", and our early investments in AI, we
    // have …" is a list item, not a clause.
    tokens.get(i).is_some_and(|t| !is_verb(t)) && has_verb_before(text, tokens, i + 1, ',')
}

/// The most words an "as …" tail that only names a source may have (", as police
/// have repeatedly said").
const MAX_SOURCE_TAIL: usize = 8;

/// Whether the words from token `from` to the end of the sentence are a short source
/// and a verb of speech: "police have said", "the ministry reported", "a memo put it".
fn attribution_tail(tokens: &[Token], from: usize) -> bool {
    let lex = lexicon();
    let rest = &tokens[from.min(tokens.len())..];
    // "…, as a memo put it.": the verb and its "it".
    let put_it =
        matches!(rest, [.., verb, it] if matches!(verb.norm.as_str(), "put" | "puts") && it.norm == "it");
    rest.len() <= MAX_SOURCE_TAIL
        && (put_it || rest.last().is_some_and(|t| lex.speech_verbs.contains(t.norm.as_str())))
}

fn has_verb(tokens: &[Token], from: usize) -> bool {
    tokens.iter().skip(from).take(VERB_WINDOW).any(is_verb)
}

/// Whether the words from token `i` up to the next `stop` mark (within a few words)
/// hold a verb.
fn has_verb_before(text: &str, tokens: &[Token], i: usize, stop: char) -> bool {
    for (k, t) in tokens.iter().enumerate().skip(i).take(2 * VERB_WINDOW) {
        if is_verb(t) {
            return true;
        }
        if tokens
            .get(k + 1)
            .is_some_and(|n| text.get(t.span.end..n.span.start).is_some_and(|g| g.contains(stop)))
        {
            return false;
        }
    }
    false
}

/// Whether a token looks like a finite verb: an auxiliary, a listed verb, a verb of
/// attribution (not an adjective of attitude: "angry", "confident"), or a lower-case
/// word ending in "-ed".
pub(crate) fn is_verb(t: &Token) -> bool {
    if t.capitalized || t.numeric {
        return false;
    }
    let word = t.norm.as_str();
    let lex = lexicon();
    lex.verb_signals.contains(word)
        || (word.len() > 4 && word.ends_with("ed"))
        || lex.cue_verb(word).is_some_and(|v| v.form != VerbForm::Participle && !v.noun_like && !v.adjective)
}

/// Whether the phrase `words` holds a verb, not counting a word that ends a noun phrase
/// opened by a determiner and followed only by capitalised words ("in the wake of the
/// New York Times report", "after a Senate vote"): there a word that may be a verb is
/// the phrase's noun. "The officials report that …" and "once the EU agrees" still hold
/// one.
pub(crate) fn holds_verb(words: &[Token]) -> bool {
    let lex = lexicon();
    words.iter().enumerate().any(|(k, t)| {
        if !is_verb(t) {
            return false;
        }
        let names = words[..k].iter().rev().take_while(|w| w.capitalized).count();
        let head = k.checked_sub(names + 1).map(|d| &words[d]);
        // The bare form only: "the EU agrees" is a clause.
        let noun = names > 0
            && head.is_some_and(|d| lex.determiners.contains(d.norm.as_str()))
            && !t.norm.ends_with('s')
            && lex.cue_verb(&t.norm).is_some_and(|v| v.form == VerbForm::Present);
        !noun
    })
}

/// The spans of the clauses of a sentence: contiguous, covering `sentence`, each from
/// its first word to just before the next clause's first word (trailing white space
/// trimmed).
pub(crate) fn clause_spans(text: &str, sentence: Span, tokens: &[Token], starts: &[usize]) -> Vec<Span> {
    let mut spans = Vec::with_capacity(starts.len() + 1);
    let mut from = sentence.start;
    for &s in starts {
        // The clause starts after the white space (or the mark) that ends the one before,
        // so a symbol before its first word stays with it: "…; $40 million was spent".
        let prev = tokens[s - 1].span.end;
        let gap = text.get(prev..tokens[s].span.start).unwrap_or("");
        let at = match gap.rfind(char::is_whitespace) {
            Some(k) => prev + k + gap[k..].chars().next().map_or(1, char::len_utf8),
            None => gap.rfind([';', ',']).map_or(tokens[s].span.start, |k| prev + k + 1),
        };
        let end = from + text[from..at].trim_end().len();
        spans.push(Span::new(from, end));
        from = at;
    }
    spans.push(Span::new(from, sentence.end));
    spans
}
