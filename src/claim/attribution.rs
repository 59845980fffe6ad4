//! Attribution: who says each sentence. Cue verbs, "according to", quotes that run
//! over several sentences, pronouns and descriptions resolved to earlier speakers.

use serde::{Deserialize, Serialize};

use super::lexicon::{CueVerb, RoleKind, VerbForm, lexicon};
use super::speaker::{
    Gender, Mention, Speaker, SpeakerKind, hyphen_joined, is_determiner, np_word, read_mention, read_subject,
};
use crate::span::Span;
use crate::text::token::Token;

/// How a claim came to be attributed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AttributionForm {
    /// The speaker before the cue: "X said …", "… , X said."
    SpeakerFirst,
    /// The cue before the speaker: "…,” said X."
    CueFirst,
    /// "according to X".
    According,
    /// A participle taking its clause's subject: "X …, saying …".
    Participle,
    /// No cue in the sentence: it continues a quotation of an earlier or later sentence.
    Continued,
    /// A speaker label before a colon, as in a transcript: "PENCE: Well, …".
    Label,
    /// A name signing a quotation after a dash: "“…” ― Ann Lee".
    Signature,
    /// A passive cue with its agent: "… was first reported by The Washington Post".
    Passive,
}

/// Who a claim is attributed to, and the words that say so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// Index of the speaker in [`ClaimSet::speakers`](crate::ClaimSet::speakers).
    pub speaker: usize,
    /// The words naming the speaker at this claim (for a continued quote, those of the
    /// sentence it continues).
    pub mention: Span,
    /// The cue words ("said", "according to"), when the sentence has them.
    pub cue: Option<Span>,
    /// The form of the attribution.
    pub form: AttributionForm,
}

impl Attribution {
    /// Whether `span` lies within the words naming the speaker or the cue.
    pub(crate) fn covers(&self, span: Span) -> bool {
        self.mention.contains(span) || self.cue.is_some_and(|c| c.contains(span))
    }
}

/// Quotation marks of one sentence.
#[derive(Debug, Clone, Default)]
pub(crate) struct QuoteMarks {
    /// Quoted regions (the words between the marks), clipped to the sentence.
    pub regions: Vec<Span>,
    /// Whether the sentence starts inside a quotation or with an opening mark.
    pub starts_quoted: bool,
    /// Whether a quotation is still open at the end of the sentence.
    pub ends_open: bool,
}

/// Finds the quoted regions of each sentence of a paragraph.
pub(crate) fn quote_marks(text: &str, sentences: &[Span]) -> Vec<QuoteMarks> {
    let mut out = Vec::with_capacity(sentences.len());
    let mut open: Option<usize> = None;
    for &s in sentences {
        let mut marks = QuoteMarks { starts_quoted: open.is_some(), ..QuoteMarks::default() };
        let body = &text[s.range()];
        let mistyped_open = open.is_none()
            && body.starts_with('\u{201D}')
            && body['\u{201D}'.len_utf8()..].chars().next().is_some_and(char::is_alphanumeric);
        if body.starts_with(['\u{201C}', '"', '\u{00AB}']) || body.starts_with("''") || mistyped_open {
            marks.starts_quoted = true;
        }
        let bytes = body.as_bytes();
        let mut skip = false;
        for (i, c) in body.char_indices() {
            if std::mem::take(&mut skip) {
                continue;
            }
            let at = s.start + i;
            // Two apostrophes stand for a straight double quote in some wire copy.
            let doubled = c == '\'' && bytes.get(i + 1) == Some(&b'\'');
            let (opens, width) = match c {
                '\u{201C}' | '\u{00AB}' => (true, c.len_utf8()),
                // A closing mark typed where a quotation opens: no quotation is open,
                // and a word follows it after a space or the start ("”Fear. I am …").
                '\u{201D}'
                    if open.is_none()
                        && body[..i].chars().next_back().is_none_or(char::is_whitespace)
                        && body[i + c.len_utf8()..].chars().next().is_some_and(char::is_alphanumeric) =>
                {
                    (true, c.len_utf8())
                }
                '\u{201D}' | '\u{00BB}' => (false, c.len_utf8()),
                '"' => (open.is_none(), 1),
                '\'' if doubled => {
                    skip = true;
                    (open.is_none(), 2)
                }
                _ => continue,
            };
            if opens {
                open = Some(at + width);
            } else if let Some(start) = open.take() {
                marks.regions.push(Span::new(start.max(s.start), at));
            }
        }
        if let Some(start) = open {
            marks.regions.push(Span::new(start.max(s.start), s.end));
            marks.ends_open = true;
        }
        out.push(marks);
    }
    out
}

/// A speaker found in one sentence, before it is resolved against the article.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub mention: Mention,
    pub mention_span: Span,
    pub cue: Span,
    /// The token of the cue (its last token for "according to").
    pub cue_token: usize,
    /// Whether the cue reports speech or writing ("said", "according to", a label), as
    /// opposed to a belief, an intent or evidence.
    pub speech: bool,
    pub form: AttributionForm,
}

/// The text between two tokens; empty when they touch or overlap (two tokens from one
/// input character, as NFKC makes "1⁄4" of "¼").
pub(crate) fn gap<'t>(text: &'t str, a: &Token, b: &Token) -> &'t str {
    text.get(a.span.end..b.span.start).unwrap_or("")
}

/// Whether a lower-case word has the shape of a past participle ("elected",
/// "released").
fn past_participle_shape(t: &Token) -> bool {
    !t.capitalized && t.norm.len() > 4 && t.norm.ends_with("ed")
}

fn boundary(text: &str, a: &Token, b: &Token) -> bool {
    text.get(a.span.end..b.span.start).is_none_or(|gap| {
        gap.chars().any(|c| {
            matches!(
                c,
                ',' | ';'
                    | ':'
                    | '"'
                    | '\u{201C}'
                    | '\u{201D}'
                    | '('
                    | ')'
                    | '\u{2014}'
                    | '\u{2013}'
                    | '\u{2018}'
                    | '\u{2019}'
                    | '\''
                    | '!'
                    | '?'
            )
        }) || gap.contains(" - ")
    })
}

/// The most words a speaker mention may have; a longer run of name-like words is not
/// read as one (and scanning it again for every cue would be quadratic).
const MAX_MENTION_WORDS: usize = 16;

/// A sentence's tokens with what the attribution rules ask of them again and again.
pub(crate) struct SentenceView<'t> {
    text: &'t str,
    tokens: &'t [Token],
    /// Whether each token stands inside quotation marks.
    quoted: Vec<bool>,
    /// The first token outside quotes that looks like a finite verb.
    first_verb: Option<usize>,
    /// Whether the sentence is written in title case, as headlines are ("Senator Says
    /// Talks Will Resume"): a capitalised verb may then be a cue.
    title_case: bool,
}

impl<'t> SentenceView<'t> {
    pub(crate) fn new(text: &'t str, tokens: &'t [Token], regions: &[Span]) -> Self {
        // Regions are in order and do not overlap: one pass over both.
        let mut quoted = Vec::with_capacity(tokens.len());
        let mut r = 0;
        for t in tokens {
            while r < regions.len() && regions[r].end < t.span.end {
                r += 1;
            }
            quoted.push(regions.get(r).is_some_and(|q| q.contains(t.span)));
        }
        // "London-based" is no verb: a word joined by a hyphen to the one before is skipped.
        let joined = |k: usize| k > 0 && hyphen_joined(text, &tokens[k - 1], &tokens[k]);
        let first_verb =
            (0..tokens.len()).find(|&k| !quoted[k] && !joined(k) && super::clause::is_verb(&tokens[k]));
        let long_words = || tokens.iter().skip(1).filter(|t| !t.numeric && t.norm.chars().count() > 3);
        let capitalised = long_words().filter(|t| t.capitalized).count();
        let title_case = capitalised >= TITLE_CASE_MIN_WORDS && capitalised * 5 >= long_words().count() * 4;
        SentenceView { text, tokens, quoted, first_verb, title_case }
    }

    fn in_quote(&self, i: usize) -> bool {
        self.quoted[i]
    }

    fn gap_has(&self, i: usize, c: char) -> bool {
        i + 1 < self.tokens.len() && gap(self.text, &self.tokens[i], &self.tokens[i + 1]).contains(c)
    }

    fn mention(&self, from: usize, to: usize) -> Option<(Mention, Span)> {
        if from >= to {
            return None;
        }
        let ts = &self.tokens[from..to];
        let mention = read_mention(self.text, ts)?;
        Some((mention, Span::new(ts[0].span.start, ts[ts.len() - 1].span.end)))
    }

    /// The noun phrase that ends just before token `end`, skipping auxiliaries and time
    /// words ("U.S. officials also said", "Trump on Monday said").
    fn np_before(&self, end: usize) -> Option<Subject> {
        self.np_ending(end, false)
    }

    /// The first token before `end` that is not an auxiliary, adverb or time word
    /// standing between a subject and its verb, and whether one of the words skipped is
    /// a form of "be" (a passive: "was called").
    fn skip_back(&self, end: usize) -> (usize, bool) {
        let lex = lexicon();
        let mut j = end;
        let mut be = false;
        while j > 0 && end - j < MAX_MENTION_WORDS && !self.in_quote(j - 1) {
            if self.parenthetical(j - 1) {
                // "Some Democrats, however, question …": over the aside and its commas.
                j -= 1;
                continue;
            }
            if boundary(self.text, &self.tokens[j - 1], &self.tokens[j]) && !self.parenthetical(j) {
                break;
            }
            let word = self.tokens[j - 1].norm.as_str();
            if lex.subject_skip.contains(word)
                || (word.len() > 4
                    && word.ends_with("ly")
                    && !self.tokens[j - 1].capitalized
                    && lex.role(word).is_none())
            {
                be |= matches!(
                    word,
                    "is" | "are"
                        | "was"
                        | "were"
                        | "be"
                        | "been"
                        | "being"
                        | "isn't"
                        | "aren't"
                        | "wasn't"
                        | "weren't"
                );
                j -= 1;
            } else {
                break;
            }
        }
        // "He's saying", "she’s claiming": the contraction carries the "be".
        be |= j > 0 && self.contracted(j - 1);
        (j, be)
    }

    /// Whether token `k` is a one-word aside between commas: ", however,", ", too,", an
    /// age (", 82,").
    fn parenthetical(&self, k: usize) -> bool {
        let t = &self.tokens[k];
        // An age: "Mr. King, 82, told me".
        let age =
            t.numeric && t.norm.len() <= 3 && t.norm.parse::<u32>().is_ok_and(|n| (1..=120).contains(&n));
        k > 0
            && (age || PARENTHETICALS.contains(&t.norm.as_str()))
            && self.gap_has(k - 1, ',')
            && self.gap_has(k, ',')
    }

    /// Whether token `k` is written with "'s" (a possessive or a contraction).
    fn written_with_s(&self, k: usize) -> bool {
        let written = &self.text[self.tokens[k].span.range()];
        written.ends_with("'s") || written.ends_with("\u{2019}s")
    }

    /// Whether token `k` is a pronoun with a contracted "is" or "has": "he's", "she’s".
    fn contracted(&self, k: usize) -> bool {
        self.written_with_s(k) && lexicon().pronouns.contains_key(self.tokens[k].norm.as_str())
    }

    /// As [`Self::np_before`]; with `past_comma`, punctuation between the phrase and
    /// token `end` is allowed. A party tag in parentheses right before the verb ("Rep.
    /// Ann Lee (D-Ohio) said") is stepped over.
    fn np_ending(&self, end: usize, past_comma: bool) -> Option<Subject> {
        let lex = lexicon();
        let (mut j, _) = self.skip_back(end);
        let mut tagged = false;
        if j > 0 && !past_comma && gap(self.text, &self.tokens[j - 1], &self.tokens[j]).contains(')') {
            // Back over the parenthesis to the word before "(".
            let floor = j.saturating_sub(6);
            if let Some(k) = (floor..j - 1).rev().find(|&k| self.gap_has(k, '(')) {
                j = k + 1;
                tagged = true;
            }
        }
        if j == 0
            || (!past_comma
                && !tagged
                && boundary(self.text, &self.tokens[j - 1], &self.tokens[j])
                && !self.parenthetical(j))
        {
            return None;
        }
        let last = j - 1;
        // "Ann Lee and said": the "and" joins two verbs of one subject (read elsewhere);
        // "Trump's comments said": a possessive is no speaker.
        let possessive = self.written_with_s(last) && !self.contracted(last);
        if self.tokens[last].norm == "and" || possessive {
            return None;
        }
        if lex.pronouns.contains_key(self.tokens[last].norm.as_str()) {
            let (mention, span) = self.mention(last, j)?;
            return Some(Subject { mention, span, start: last, general: false });
        }
        // Walk back over the words of the phrase: names, titles, determiners, and
        // lower-case nouns and modifiers ("elected officials from both parties").
        let mut start = j;
        let mut general = false;
        while start > 0 && j - start < MAX_MENTION_WORDS && !self.in_quote(start - 1) {
            let t = &self.tokens[start - 1];
            if start < j && boundary(self.text, t, &self.tokens[start]) {
                break;
            }
            // A participle joined by a hyphen to the word before it: "the Musk-owned
            // company", "the state-run broadcaster" (not "his 100-page report"); a
            // name's lower-case part, at the phrase's end too: "Kim Jong-un".
            if start >= 2
                && !t.capitalized
                && ((start < j && hyphen_participle(&t.norm)) || self.tokens[start - 2].capitalized)
                && !self.tokens[start - 2].numeric
                && hyphen_joined(self.text, &self.tokens[start - 2], t)
            {
                start -= 2;
                continue;
            }
            if np_word(t) {
                start -= 1;
                // A determiner opens the phrase, unless a preposition or "and" joins it
                // to more ("the head of the agency", "Trump and his aides").
                let joined = start > 0
                    && (self.tokens[start - 1].norm == "and" || is_determiner(&self.tokens[start - 1]));
                if is_determiner(t) && !self.preposition_before(start) && !joined {
                    break;
                }
                continue;
            }
            // A verb that is also a noun modifies the words after it inside the phrase:
            // "press" of "White House press secretary".
            // So does one after a determiner at the end of the phrase: "The press said".
            let modifier_noun = (start < j || (start >= 2 && is_determiner(&self.tokens[start - 2])))
                && !t.capitalized
                && lex.cue_verb(t.norm.as_str()).is_some_and(|v| v.noun_like && v.form == VerbForm::Present);
            if modifier_noun {
                general |= start == j;
                start -= 1;
                continue;
            }
            // A word that is also a verb is a noun after a determiner: "people familiar
            // with the matter", "officials close to the talks".
            let noun_after_article = start >= 2
                && is_determiner(&self.tokens[start - 2])
                && !t.capitalized
                && lex.verb_signals.contains(t.norm.as_str())
                && !lex.subject_skip.contains(t.norm.as_str());
            if self.common_word(start - 1)
                || self.participle_modifier(start - 1, start < j)
                || noun_after_article
            {
                general = true;
                start -= 1;
                continue;
            }
            // A preposition inside the phrase: "experts on North Korea", "the head of
            // the agency". Kept when a word of the phrase stands before it.
            if start < j
                && PHRASE_PREPOSITIONS.contains(&t.norm.as_str())
                && start >= 2
                && (np_word(&self.tokens[start - 2]) || self.common_word(start - 2))
                && !boundary(self.text, &self.tokens[start - 2], t)
            {
                start -= 1;
                continue;
            }
            break;
        }
        // Leading prepositions or "and" are not part of the phrase.
        while start < j
            && (PHRASE_PREPOSITIONS.contains(&self.tokens[start].norm.as_str())
                || self.tokens[start].norm == "and")
        {
            start += 1;
        }
        if start == j {
            return None;
        }
        // The head phrase ends before the first preposition: "experts" of "experts on
        // North Korea".
        let head_end = head_end(self.text, self.tokens, start, j);
        // A head word never ends in a hyphen: "post-traumatic stress" is no speaker.
        if head_end > start
            && head_end < j
            && hyphen_joined(self.text, &self.tokens[head_end - 1], &self.tokens[head_end])
        {
            return None;
        }
        let mention = read_subject(self.text, &self.tokens[start..head_end], general)?;
        let span = Span::new(self.tokens[start].span.start, self.tokens[head_end - 1].span.end);
        Some(Subject { mention, span, start, general })
    }

    /// Whether token `i` follows a preposition of a phrase ("the head of the agency").
    fn preposition_before(&self, i: usize) -> bool {
        i > 0
            && PHRASE_PREPOSITIONS.contains(&self.tokens[i - 1].norm.as_str())
            && !boundary(self.text, &self.tokens[i - 1], &self.tokens[i])
    }

    /// A lower-case content word that may stand in a subject phrase: not a function
    /// word, not a verb of attribution, not an adverb; a number only before "percent".
    fn common_word(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        let lex = lexicon();
        let word = t.norm.as_str();
        if t.numeric {
            return self.tokens.get(i + 1).is_some_and(|n| matches!(n.norm.as_str(), "percent" | "per"));
        }
        !t.capitalized
            && word.chars().all(|c| c.is_alphabetic() || c == '-')
            && word.chars().count() > 2
            && !lex.stopwords.contains(word)
            && !lex.subject_skip.contains(word)
            && lex.cue_verb(word).is_none()
            && !super::clause::is_verb(t)
            && !word.ends_with("ing")
            && !(word.len() > 4 && word.ends_with("ly"))
    }

    /// Whether token `k` is a participle that modifies the noun after it at the
    /// opening of a phrase ("elected officials", "the tracking poll"): `inside` says a
    /// word of the phrase follows, and a determiner, "and", "but" or a break stands
    /// before it (not "Police arrested protesters", "he has perpetuated questionable
    /// advice").
    fn participle_modifier(&self, k: usize, inside: bool) -> bool {
        let t = &self.tokens[k];
        let lex = lexicon();
        let after_determiner = k > 0 && is_determiner(&self.tokens[k - 1]);
        let present_participle = !t.capitalized && t.norm.len() > 4 && t.norm.ends_with("ing");
        inside
            && lex.cue_verb(t.norm.as_str()).is_none()
            && ((past_participle_shape(t)
                && (k == 0
                    || boundary(self.text, &self.tokens[k - 1], t)
                    || after_determiner
                    || matches!(self.tokens[k - 1].norm.as_str(), "and" | "but")))
                // "the tracking poll", "the ruling party": after a determiner, before a
                // lower-case word ("The morning Mr. Obama …" is a time, not a phrase).
                || (present_participle
                    && after_determiner
                    && self.tokens.get(k + 1).is_some_and(|n| !n.capitalized)))
    }

    /// Whether token `k` is a lower-case base form of a cue verb that modifies the
    /// noun right after it in a phrase ("according to show insiders").
    fn modifying_verb_form(&self, k: usize) -> bool {
        let t = &self.tokens[k];
        let lex = lexicon();
        !t.capitalized
            && lex.cue_verb(t.norm.as_str()).is_some_and(|v| base_form(&t.norm, v))
            && k + 1 < self.tokens.len()
            && !boundary(self.text, t, &self.tokens[k + 1])
            && !self.in_quote(k + 1)
            && self.common_word(k + 1)
            && self.tokens[k + 1].norm.ends_with('s')
    }

    /// Whether the word a cue needs after it ("to" of "decided to") follows a short
    /// phrase that opens with a preposition or a "not": "decided after a long inquiry
    /// not to …". Figures, verbs and commas in between rule it out ("declined 5 percent
    /// to …").
    fn needed_word_after_phrase(&self, i: usize, verb: CueVerb) -> bool {
        let Some(first) = self.tokens.get(i + 1) else { return false };
        // One adverb between: "complained bitterly that", "argued forcefully that".
        let adverb = !first.capitalized && first.norm.len() > 4 && first.norm.ends_with("ly");
        if adverb
            && !self.gap_has(i, ',')
            && !self.gap_has(i + 1, ',')
            && let Some(next) = self.tokens.get(i + 2)
        {
            let figure = self.tokens.get(i + 3).is_some_and(|n| n.numeric);
            return matches!(next.norm.as_str(), "to" | "that")
                && verb.attributes_before(Some(next.norm.as_str()))
                && !figure;
        }
        let opens = PHRASE_PREPOSITIONS.contains(&first.norm.as_str())
            || OTHER_PREPOSITIONS.contains(&first.norm.as_str())
            || matches!(first.norm.as_str(), "not" | "never" | "after" | "before" | "since");
        if !opens || self.gap_has(i, ',') {
            return false;
        }
        for k in i + 2..self.tokens.len().min(i + 2 + MAX_PHRASE_BEFORE_NEEDED) {
            let t = &self.tokens[k];
            if t.numeric || self.in_quote(k) || self.gap_has(k - 1, ',') {
                return false;
            }
            // Only a complement's first word may stand that far ("to", "that"); a
            // particle stands right after its verb ("spoke of", not "spoke against the
            // backdrop of").
            if matches!(t.norm.as_str(), "to" | "that") && verb.attributes_before(Some(t.norm.as_str())) {
                // "to" before a figure is no infinitive ("to 3 million").
                let figure = self.tokens.get(k + 1).is_some_and(|n| n.numeric);
                return !verb.attributes_before(None) && !figure;
            }
            if super::clause::is_verb(t) {
                return false;
            }
        }
        false
    }

    /// Whether a subject may start at token `start`: at the start of the sentence or of a
    /// clause (after punctuation, a quote, or a function word), not right after a
    /// content word, which would make it an object ("passed a bill called …").
    fn clause_start(&self, start: usize) -> bool {
        if start == 0 || self.in_quote(start - 1) {
            return true;
        }
        let before = &self.tokens[start - 1];
        boundary(self.text, before, &self.tokens[start]) || lexicon().stopwords.contains(before.norm.as_str())
    }

    /// Whether a subject is one quantifier standing alone ("some", "many", "few"),
    /// which is a speaker only right before its verb.
    fn lone_quantifier(&self, subject: &Subject) -> bool {
        let first = &self.tokens[subject.start];
        subject.span == first.span && is_determiner(first)
    }

    /// The noun phrase that starts at token `start`: a name, a title, a description
    /// ("a new report by the agency", "the data").
    fn np_after(&self, start: usize) -> Option<Subject> {
        let mut end = start;
        let mut general = false;
        let mut head_end = None;
        while end < self.tokens.len() && end - start < MAX_MENTION_WORDS && !self.in_quote(end) {
            if end > start && boundary(self.text, &self.tokens[end - 1], &self.tokens[end]) {
                break;
            }
            let t = &self.tokens[end];
            // A word joined by a hyphen continues the phrase: "the conservative-leaning
            // Tax Foundation".
            let compound = end > start && hyphen_joined(self.text, &self.tokens[end - 1], t);
            // A figure that modifies the noun after it: "9/11 widow Ann Lee", "a
            // 52-count complaint".
            // A figure written with a slash ("9/11 widow") counts as one.
            let slashed = |k: usize| {
                self.tokens.get(k + 1).is_some_and(|n| n.numeric && gap(self.text, &self.tokens[k], n) == "/")
            };
            let figure_modifier = t.numeric
                && (slashed(end)
                    || self.tokens.get(end + 1).is_some_and(|n| {
                        !boundary(self.text, t, n) && !n.numeric && (np_word(n) || self.common_word(end + 1))
                    }));
            if np_word(t) || compound || figure_modifier {
                end += 1;
            } else if self.common_word(end) && lexicon().cue_verb(t.norm.as_str()).is_none() {
                general = true;
                end += 1;
            } else if end > start
                && !t.capitalized
                && lexicon()
                    .cue_verb(t.norm.as_str())
                    .is_some_and(|v| v.noun_like && v.form == VerbForm::Present)
                && (is_determiner(&self.tokens[end - 1])
                    || self.common_word(end - 1)
                    || np_word(&self.tokens[end - 1]))
                && self.tokens.get(end + 1).is_none_or(|n| !lexicon().pronouns.contains_key(n.norm.as_str()))
            {
                // A verb that is also a noun, inside the phrase: "a press release".
                general = true;
                end += 1;
            } else if self.modifying_verb_form(end) {
                // "show insiders", "survey data": a verb's base form before a noun.
                general = true;
                end += 1;
            } else if end > start
                && head_end.is_none()
                && PHRASE_PREPOSITIONS.contains(&t.norm.as_str())
                && self.tokens.get(end + 1).is_some_and(|n| np_word(n) && !n.norm.eq("and"))
            {
                head_end = Some(end);
                end += 1;
            } else {
                break;
            }
        }
        while end > start && self.tokens[end - 1].norm == "and" {
            end -= 1;
        }
        if end == start
            && start < self.tokens.len()
            && lexicon().pronouns.contains_key(self.tokens[start].norm.as_str())
        {
            end = start + 1;
        }
        if end == start {
            return None;
        }
        let head_end =
            head_end.unwrap_or(end).min(end).min(self::head_end(self.text, self.tokens, start, end));
        let mention = read_subject(self.text, &self.tokens[start..head_end], general)?;
        // A document "from" or "by" someone is theirs: "a press release from the
        // automaker" is the automaker's word.
        if matches!(mention, Mention::Description { kind: RoleKind::Document, .. })
            && head_end < end
            && matches!(self.tokens[head_end].norm.as_str(), "from" | "by")
            && let Some(issuer) = self.np_after(head_end + 1).filter(|s| {
                !matches!(
                    s.mention,
                    Mention::Description { kind: RoleKind::Document, .. } | Mention::Pronoun(..)
                )
            })
        {
            return Some(issuer);
        }
        let span = Span::new(self.tokens[start].span.start, self.tokens[head_end - 1].span.end);
        Some(Subject { mention, span, start, general })
    }

    /// Whether a finite verb follows the phrase `span` right away: the phrase is the
    /// subject of a reported clause ("said they were", "said the steps were taken"), not
    /// a speaker after the verb ("said the minister").
    fn clause_after(&self, span: Span) -> bool {
        self.token_after(span).is_some_and(|t| {
            self.text.get(span.end..t.span.start).is_some_and(|g| g.trim().is_empty())
                && super::clause::is_verb(t)
        })
    }

    /// The first token after the phrase `span`.
    fn token_after(&self, span: Span) -> Option<&'t Token> {
        self.tokens.iter().find(|t| t.span.start >= span.end)
    }

    /// The subject at the start of the sentence: "Merz called … and said …".
    fn subject(&self) -> Option<Subject> {
        let first = (0..self.tokens.len()).find(|&i| !self.in_quote(i))?;
        let lex = lexicon();
        // Skip a sentence adverb: "Still, he told …".
        let first = if lex.stopwords.contains(self.tokens[first].norm.as_str())
            && !lex.determiners.contains(self.tokens[first].norm.as_str())
            && !lex.pronouns.contains_key(self.tokens[first].norm.as_str())
            && lex.role(self.tokens[first].norm.as_str()).is_none()
        {
            first + 1
        } else {
            first
        };
        self.np_after(first)
    }

    /// The subject of the clause whose verb comes first before token `i` ("During the
    /// speech, Trump attacked …, saying …": Trump); the opening phrase when no verb is
    /// found.
    fn main_subject(&self, i: usize) -> Option<Subject> {
        let verb = self.first_verb.filter(|&v| v < i);
        match verb {
            Some(v) => self
                .np_before(v)
                .filter(|s| self.clause_start(s.start))
                .or_else(|| self.np_before_appositive(v))
                .or_else(|| self.inverted_subject(v)),
            None => self.subject(),
        }
    }

    /// Where a relative clause without a relative pronoun starts, when it ends just
    /// before token `end`: a personal pronoun and a verb, with a preposition after it
    /// ("experts I interviewed", "the people we spoke to").
    fn contact_relative(&self, end: usize) -> Option<usize> {
        let mut k = end;
        if k > 0 && matches!(self.tokens[k - 1].norm.as_str(), "to" | "with") {
            k -= 1;
        }
        if k < 3 || (k - 2..end).any(|j| j > 0 && boundary(self.text, &self.tokens[j - 1], &self.tokens[j])) {
            return None;
        }
        let pronoun = matches!(self.tokens[k - 2].norm.as_str(), "i" | "we" | "they" | "he" | "she" | "you");
        (pronoun && super::clause::is_verb(&self.tokens[k - 1])).then_some(k - 2)
    }

    /// The speaker after a verb of speech that follows a quotation or a comma: "“…,”
    /// said Ann Lee, adding …".
    fn inverted_subject(&self, verb: usize) -> Option<Subject> {
        let t = &self.tokens[verb];
        let after_quote_or_comma =
            verb > 0 && gap(self.text, &self.tokens[verb - 1], t).contains([',', '\u{201D}', '"', '\'']);
        if !after_quote_or_comma || !lexicon().speech_verbs.contains(t.norm.as_str()) {
            return None;
        }
        self.np_after(verb + 1).filter(|s| {
            (!s.general || s.start == verb + 1) && !self.lone_quantifier(s) && !self.clause_after(s.span)
        })
    }

    /// A name before an appositive set off by commas or dashes: "Wolfgang Ischinger, a
    /// German diplomat who …, told", "Ann Lee -- co-author of the study -- said".
    fn np_before_appositive(&self, verb: usize) -> Option<Subject> {
        let (verb, _) = self.skip_back(verb);
        let set_off = |k: usize| {
            let between = gap(self.text, &self.tokens[k], &self.tokens[k + 1]);
            between.contains([',', '\u{2014}', '\u{2013}']) || between.contains("--")
        };
        if verb == 0 || !set_off(verb - 1) {
            return None;
        }
        let floor = verb.saturating_sub(MAX_APPOSITIVE_WORDS);
        // The phrase ending at each mark, nearest first, read once.
        let mut ends: Vec<(usize, Option<Subject>)> = (floor..verb - 1)
            .rev()
            .filter(|&k| set_off(k))
            .map(|k| (k, self.np_ending(k + 1, true)))
            .collect();
        // A name, or a description before a relative clause or an "including" list:
        // "The poll, which tracks …, showed", "Other unions, including the AFT,
        // endorsed". So does a phrase that opens with a past participle: "The report,
        // released by the audit office on Thursday, found".
        let candidate = |k: usize, found: &Subject| {
            let opener = &self.tokens[k + 1];
            let relative = matches!(opener.norm.as_str(), "who" | "which" | "including")
                || past_participle_shape(opener);
            self.clause_start(found.start)
                && match &found.mention {
                    Mention::Named { .. } => true,
                    // A document may be general and singular: "The tracking poll, which
                    // …, showed".
                    Mention::Description { plural, kind, .. } => {
                        relative && (!found.general || *plural || *kind == RoleKind::Document)
                    }
                    _ => false,
                }
        };
        // A name that opens the sentence wins over a nearer one inside the appositive:
        // "Ann Lee, 59, of Ashton, Md., who …, said" (not "Md").
        let first = (0..verb).find(|&k| !self.in_quote(k));
        let found = |test: &dyn Fn(usize, &Subject) -> bool| {
            ends.iter().position(|(k, end)| end.as_ref().is_some_and(|s| test(*k, s)))
        };
        let pick = found(&|k, s| {
            candidate(k, s) && matches!(s.mention, Mention::Named { .. }) && Some(s.start) == first
        })
        .or_else(|| found(&candidate))
        // Else a description before an appositive noun phrase that opens with an article
        // and has no verb of its own: "Officials at the agency, a division of the
        // ministry, said" (not "for some, the losses would outstrip the gains, said").
        .or_else(|| {
            found(&|k, s| {
                let opens = &self.tokens[k + 1];
                let noun_phrase = matches!(opens.norm.as_str(), "a" | "an" | "the")
                    && self.tokens[k + 1..verb]
                        .iter()
                        .take_while(|t| !matches!(t.norm.as_str(), "that" | "who" | "which"))
                        .all(|t| !super::clause::is_verb(t));
                noun_phrase
                    && matches!(&s.mention, Mention::Description { plural, head, .. }
                        if *plural || !s.general || lexicon().role(head).is_some())
                    && self.clause_start(s.start)
            })
        })?;
        ends.swap_remove(pick).1
    }

    /// The antecedent of a relative pronoun before token `who`: "Trump, who says …".
    /// With `nearest_object`, a general phrase with a preposition inside gives its last
    /// object ("with the families, many of whom say": the families), as a part of a
    /// group ("many of whom") belongs to the nearest plural.
    fn antecedent(&self, who: usize, restrictive: bool, nearest_object: bool) -> Option<Subject> {
        // Set off by a comma or a dash: "Clinton, who …", "Clinton — who's …"; with
        // `restrictive`, also right after its noun ("listeners who said").
        if who == 0 {
            return None;
        }
        let set_off = |c: char| self.gap_has(who - 1, c);
        let comma = set_off(',') || set_off('\u{2014}') || set_off('\u{2013}');
        if !(comma || (restrictive && self.tokens[who].norm == "who")) {
            return None;
        }
        let found = self.np_ending(who, true)?;
        let last_preposition = (found.start..who).rev().find(|&k| {
            nearest_object && found.general && PHRASE_PREPOSITIONS.contains(&self.tokens[k].norm.as_str())
        });
        let found = match last_preposition {
            Some(k) if k + 1 < who => {
                let mention = read_subject(self.text, &self.tokens[k + 1..who], true)?;
                let span = Span::new(self.tokens[k + 1].span.start, self.tokens[who - 1].span.end);
                Subject { mention, span, start: k + 1, general: true }
            }
            _ => found,
        };
        match found {
            found @ Subject { mention: Mention::Named { .. } | Mention::Description { .. }, .. } => {
                Some(found)
            }
            _ => None,
        }
    }

    /// A speaker label opening the sentence: "PENCE: Well, …", "Ann Lee: We …".
    fn label(&self, names: &Names) -> Option<Found> {
        let first = (0..self.tokens.len().min(6)).find(|&i| self.tokens[i].capitalized)?;
        if first > 0 && !self.in_quote(first) {
            return None;
        }
        let last = (first..self.tokens.len().min(first + 4)).find(|&k| self.gap_has(k, ':'))?;
        if last + 1 >= self.tokens.len()
            || last - first >= 3
            || !self.tokens[first..=last].iter().all(|t| t.capitalized && !is_determiner(t))
        {
            return None;
        }
        let (mention, span) = self.mention(first, last + 1)?;
        // A name in capitals before the colon is a transcript's label even when the
        // article never writes it inside a sentence ("WALLACE: …").
        let written = &self.text[self.tokens[last].span.range()];
        let capitals = written.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && written.chars().all(|c| !c.is_lowercase());
        if !matches!(mention, Mention::Named { .. })
            || !(capitals || names.contains(&self.tokens[last].norm))
            || NOTICE_LABELS.contains(&self.tokens[last].norm.as_str())
        {
            return None;
        }
        let colon = self.text[self.tokens[last].span.end..].find(':')? + self.tokens[last].span.end;
        Some(Found {
            mention,
            mention_span: span,
            cue: Span::new(colon, colon + 1),
            cue_token: last,
            speech: true,
            form: AttributionForm::Label,
        })
    }

    /// A sentence that only signs the quotation before it: "― Ann Lee" after "“…”".
    fn leading_signature(&self) -> Option<Found> {
        let first = self.tokens.first()?;
        let before = self.text[..first.span.start].trim_end();
        let dash = before.chars().next_back().filter(|c| matches!(c, '\u{2015}' | '\u{2014}'))?;
        let at = before.len() - dash.len_utf8();
        if !before[..at].trim_end().ends_with(['\u{201D}', '"', '.', '!', '?']) {
            return None;
        }
        let found = self.np_after(0)?;
        if !matches!(found.mention, Mention::Named { .. })
            || found.span.end + 2 < self.tokens.last()?.span.end
        {
            return None;
        }
        let width = dash.len_utf8();
        Some(Found {
            mention: found.mention,
            mention_span: found.span,
            cue: Span::new(at, at + width),
            cue_token: 0,
            speech: true,
            form: AttributionForm::Signature,
        })
    }

    /// A name signing a quotation after a dash: "“…” ― Ann Lee".
    fn signature(&self, i: usize) -> Option<Found> {
        if i == 0 || !self.tokens[i].capitalized || self.in_quote(i) {
            return None;
        }
        let between = gap(self.text, &self.tokens[i - 1], &self.tokens[i]);
        let dash = between.find(['\u{2015}', '\u{2014}'])?;
        if !between[..dash].contains(['\u{201D}', '"']) {
            return None;
        }
        let found = self.np_after(i)?;
        if !matches!(found.mention, Mention::Named { .. }) {
            return None;
        }
        let at = self.tokens[i - 1].span.end + dash;
        let width = between[dash..].chars().next()?.len_utf8();
        Some(Found {
            mention: found.mention,
            mention_span: found.span,
            cue: Span::new(at, at + width),
            cue_token: i,
            speech: true,
            form: AttributionForm::CueFirst,
        })
    }
}

/// A subject phrase read before or after a cue.
struct Subject {
    mention: Mention,
    /// The whole phrase, modifiers and prepositional phrases included.
    span: Span,
    /// Its first token.
    start: usize,
    /// Whether it has lower-case words outside the lexicon ("the fund", "elected
    /// officials from both parties").
    general: bool,
}

/// Where the head of the phrase `start..end` ends: before its first preposition ("experts"
/// of "experts on North Korea"), and right after a role noun that lower-case words follow
/// ("official" of "official familiar with the talks").
fn head_end(text: &str, tokens: &[Token], start: usize, end: usize) -> usize {
    // "of" between capitalised words is part of a name: "Ministry of Transport".
    let in_name = |k: usize| {
        tokens[k].norm == "of"
            && k > start
            && tokens[k - 1].capitalized
            && tokens.get(k + 1).is_some_and(|t| t.capitalized)
    };
    // "Many of the protesters": a quantifier's "of" leads to the head.
    let partitive = |k: usize| k == start + 1 && tokens[k].norm == "of" && is_determiner(&tokens[start]);
    let end = (start..end)
        .find(|&k| PHRASE_PREPOSITIONS.contains(&tokens[k].norm.as_str()) && !in_name(k) && !partitive(k))
        .unwrap_or(end);
    let lex = lexicon();
    // A role word joined by a hyphen to a participle is a modifier ("state-run").
    let modifier = |k: usize| {
        k + 1 < end
            && hyphen_joined(text, &tokens[k], &tokens[k + 1])
            && hyphen_participle(&tokens[k + 1].norm)
    };
    match (start..end).rev().find(|&k| lex.role(&tokens[k].norm).is_some() && !modifier(k)) {
        // "state regulators": a plural noun after a modifying role word is the head.
        Some(role)
            if role + 1 < end
                && tokens[role + 1..end].iter().all(|t| !t.capitalized)
                && !(role + 2 == end && plural_looking(&tokens[role + 1].norm)) =>
        {
            role + 1
        }
        _ => end,
    }
}

/// Whether a word after a hyphen makes the compound a participle that modifies a noun:
/// "Musk-owned", "state-run", "Saudi-led".
fn hyphen_participle(word: &str) -> bool {
    word.ends_with("ed") || word == "run"
}

/// How many capitalised words of four letters or more (past the first word) make a
/// sentence title case, when they are also four in five of such words.
const TITLE_CASE_MIN_WORDS: usize = 3;

/// Adverbs that stand between commas as an aside, between a subject and its verb.
const PARENTHETICALS: [&str; 8] =
    ["however", "though", "too", "meanwhile", "instead", "moreover", "nonetheless", "nevertheless"];

/// Prepositions that do not stand inside a speaker phrase but may stand before one:
/// a phrase after them is their object ("among others", "during the talks").
const OTHER_PREPOSITIONS: [&str; 12] = [
    "among", "through", "into", "against", "about", "over", "under", "across", "during", "without", "within",
    "between",
];

/// The most words between a cue and the word it needs after it ("decided after a
/// lengthy investigation not to").
const MAX_PHRASE_BEFORE_NEEDED: usize = 5;

/// The most words an appositive between a name and its verb may have (set by reading
/// PolNeAR dev misses: appositives with a relative clause run past 24 words).
const MAX_APPOSITIVE_WORDS: usize = 40;

/// How far after a passive cue its agent's "by" may stand ("was called a charlatan by
/// fellow physicians").
const MAX_AGENT_DISTANCE: usize = 5;

/// The most words a subject's modifying phrase may have between it and its verb
/// ("A study released on Tuesday by a group of researchers shows").
const MAX_SUBJECT_MODIFIER: usize = 12;

/// Prepositions that may stand inside a speaker phrase ("the head of the agency").
const PHRASE_PREPOSITIONS: [&str; 8] = ["of", "from", "on", "at", "for", "in", "with", "by"];

/// Whether a subject may attribute with a cue verb: a name, a pronoun or a description
/// from the lexicon always may; a general phrase ("the fund") only with a verb that is
/// not also a common noun and at the start of a clause. A single capitalised word that
/// opens the sentence counts as a name only when the article writes it capitalised
/// elsewhere too, or with a verb of speech ("Stocks showed" is no attribution).
fn acceptable(
    view: &SentenceView<'_>,
    subject: &Subject,
    verb: CueVerb,
    speech: bool,
    names: &Names,
) -> bool {
    match &subject.mention {
        // "I" and "we" (the writer, outside quotations) speak, think and intend ("we
        // said", "I believe"), but are no source of evidence ("we found") and take no
        // participle ("we are saying goodbye"). "It says" of a letter or a statement;
        // "it would prove", "it showed" are no attributions.
        Mention::Pronoun(..) if matches!(view.tokens[subject.start].norm.as_str(), "i" | "we") => {
            verb.form != VerbForm::Participle && (speech || !verb.evidence)
        }
        Mention::Pronoun(..) if view.tokens[subject.start].norm == "it" => {
            speech && verb.form != VerbForm::Participle
        }
        Mention::Pronoun(..) => true,
        // A lone quantifier ("Some believe", "Many expect") with a verb that is no noun
        // ("some calls", "a few questions"), opening its clause.
        Mention::Description { .. } if view.lone_quantifier(subject) => {
            !verb.noun_like && verb.form != VerbForm::Participle && view.clause_start(subject.start)
        }
        // A month or a day is no speaker: "A poll released in late August found".
        Mention::Named { name, .. }
            if !name.contains(' ') && CALENDAR_WORDS.contains(&name.to_lowercase().as_str()) =>
        {
            false
        }
        Mention::Named { name, .. } => {
            let single = !name.contains(' ');
            // The name's first word, past a determiner ("The IMF expects"): only a name
            // that opens the sentence is capitalised for that reason alone.
            let first = (subject.start..view.tokens.len())
                .find(|&k| view.tokens[k].capitalized && !is_determiner(&view.tokens[k]))
                .unwrap_or(subject.start);
            let opening = first == 0 || view.in_quote(first - 1) || view.gap_has(first - 1, ':');
            // A title ("Ms. Vance") makes a name; so does a plural that opens the
            // sentence with a verb of speech, thought or stance ("Farmers are worried").
            let titled = matches!(&subject.mention, Mention::Named { role: Some(_), .. });
            let plural = people_plural(view.tokens[first].norm.as_str());
            !(single && opening && !speech)
                || titled
                || (plural && !verb.evidence)
                || names.contains(view.tokens[first].norm.as_str())
        }
        _ if verb.evidence
            && !matches!(subject.mention.speaker_kind(), SpeakerKind::Document)
            && !subject.general =>
        {
            false
        }
        Mention::Description { .. } if !subject.general => true,
        Mention::Description { .. } => {
            // Not the object of a preposition or an infinitive ("for months discussed",
            // "to placate Democrats who argued").
            let before = subject.start.checked_sub(1).map(|k| view.tokens[k].norm.as_str());
            // A lone lower-case word needs a determiner or a plural to be a noun
            // ("critics", "the fund"), not an adverb or an adjective ("together").
            let mut words =
                view.tokens[subject.start..].iter().take_while(|t| t.span.end <= subject.span.end);
            let first = words.next();
            let nominal = words.next().is_some()
                || first
                    .is_some_and(|t| t.norm.ends_with('s') || t.numeric || lexicon().role(&t.norm).is_some());
            // A document with a phrase after it may have a verb that is a noun too:
            // "Video of the incident shows" (not "post-traumatic stress").
            let document = matches!(subject.mention, Mention::Description { kind: RoleKind::Document, .. })
                && view
                    .token_after(subject.span)
                    .is_some_and(|t| PHRASE_PREPOSITIONS.contains(&t.norm.as_str()));
            (document || (!verb.noun_like && nominal))
                && view.clause_start(subject.start)
                && !before.is_some_and(|w| {
                    w == "to" || PHRASE_PREPOSITIONS.contains(&w) || OTHER_PREPOSITIONS.contains(&w)
                })
        }
    }
}

/// Whether the antecedent of a relative pronoun may speak with `verb`: as a subject
/// may, or, with a verb of speech, any description, wherever the phrase stands (the
/// object of a preposition: "welcomed by the head of the agency, who said").
fn relative_ok(
    view: &SentenceView<'_>,
    subject: &Subject,
    verb: CueVerb,
    speech: bool,
    names: &Names,
) -> bool {
    (speech && matches!(subject.mention, Mention::Description { .. }))
        || acceptable(view, subject, verb, speech, names)
}

/// The name written before a document's head noun, the capitalised words right before
/// it: "IMF" of "the new IMF report", "Ann Lee" of "Ann Lee's letter". None when the
/// word before the head is lower case ("the new report") or a month or a day ("the
/// January report").
fn issuer_named_in(text: &str) -> Option<Mention> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let (_, before) = words.split_last()?;
    let capitalised =
        before.iter().rev().take_while(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    let name = &before[before.len() - capitalised..];
    // A month or a day is no issuer ("the January report").
    let calendar = name.iter().any(|w| CALENDAR_WORDS.contains(&w.to_lowercase().as_str()));
    if name.is_empty() || calendar {
        return None;
    }
    let mut name = name.join(" ");
    for possessive in ["'s", "\u{2019}s", "'", "\u{2019}"] {
        if let Some(stripped) = name.strip_suffix(possessive) {
            name.truncate(stripped.len());
            break;
        }
    }
    let surname = name.split_whitespace().last()?.to_lowercase();
    Some(Mention::Named { name, role: None, surname })
}

/// Months and days, which may stand capitalised before a document's head noun.
const CALENDAR_WORDS: [&str; 19] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Endings of plural nouns for kinds of people ("farmers", "analysts", "residents",
/// "Democrats", "fishermen"), which a group of speakers is named by.
const PEOPLE_PLURAL_ENDINGS: [&str; 9] = ["ers", "ors", "ists", "ents", "ants", "ans", "ives", "ats", "men"];

/// Whether a lower-case word reads as a plural noun for people.
/// Documents and data ("comments", "documents") are no people.
fn people_plural(word: &str) -> bool {
    word.len() > 4
        && PEOPLE_PLURAL_ENDINGS.iter().any(|e| word.ends_with(e))
        && lexicon().role(word) != Some(RoleKind::Document)
}

/// Whether the cue form at token `i` reads as a noun: a noun-like form right after a
/// determiner ("the plans", "his claim"), or a base form after a determiner and one
/// singular lower-case word ("his home state", "a government plan", "the radio show";
/// "the officials plan" keeps its verb, and so does "the data show", "data" being a
/// speaker's word).
fn noun_after_determiner(tokens: &[Token], i: usize, verb: CueVerb) -> bool {
    let noun_like = verb.noun_like;
    let determiner =
        |k: usize| is_determiner(&tokens[k]) || matches!(tokens[k].norm.as_str(), "our" | "my" | "your");
    let base = base_form(&tokens[i].norm, verb);
    // "of Republican claims": a noun-like form after a preposition and a modifier.
    let after_preposition = |k: usize| {
        PHRASE_PREPOSITIONS.contains(&tokens[k].norm.as_str())
            || OTHER_PREPOSITIONS.contains(&tokens[k].norm.as_str())
    };
    (noun_like && i >= 1 && determiner(i - 1))
        || (noun_like
            && i >= 2
            && after_preposition(i - 2)
            && !lexicon().pronouns.contains_key(tokens[i - 1].norm.as_str()))
        || (base
            && i >= 2
            && determiner(i - 2)
            && !plural_looking(&tokens[i - 1].norm)
            && !tokens[i - 1].numeric
            && (noun_like || lexicon().role(&tokens[i - 1].norm).is_none()))
}

/// Whether a present form of a cue verb is its base form ("say", "discuss"), not the
/// third person ("says", "discusses").
fn base_form(word: &str, verb: CueVerb) -> bool {
    verb.form == VerbForm::Present && (!word.ends_with('s') || word.ends_with("ss"))
}

/// Whether a lower-case word may be a plural noun: an "-s" that is not "-ss", "-us" or
/// "-is" ("officials", not "curious", "business", "analysis").
fn plural_looking(word: &str) -> bool {
    (word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") && !word.ends_with("is"))
        || (word.len() > 5 && word.ends_with("men"))
}

/// The head of the description that stands for the writer ("I", "we" outside quotes).
/// It is no word of `roles.txt`, so a profiled "writer" stays someone else.
pub(crate) const WRITER: &str = "first-person-writer";

/// The mention a found subject stands for: "I" and "we" outside quotations are the
/// writer; a one-word "name" that only opens the sentence and reads as a plural
/// ("Farmers are worried"), which the article never writes capitalised inside a
/// sentence, is a group described, not a name.
fn speaker_mention(view: &SentenceView<'_>, mention: Mention, start: usize, names: &Names) -> Mention {
    match mention {
        // "I" and "we" outside a quotation are the writer's own voice.
        Mention::Pronoun(..) if matches!(view.tokens[start].norm.as_str(), "i" | "we") => {
            let plural = view.tokens[start].norm == "we";
            Mention::Description {
                head: WRITER.to_string(),
                modifiers: Vec::new(),
                kind: if plural { RoleKind::Group } else { RoleKind::Person },
                plural,
                definite: true,
                text: view.text[view.tokens[start].span.range()].to_string(),
            }
        }
        Mention::Named { name, role: None, surname } if !name.contains(' ') => {
            let word = view.tokens[start].norm.as_str();
            if start == 0 && people_plural(word) && !names.contains(word) {
                Mention::Description {
                    head: super::lexicon::singular(word).to_string(),
                    modifiers: Vec::new(),
                    kind: RoleKind::Group,
                    plural: true,
                    definite: false,
                    text: name,
                }
            } else {
                Mention::Named { name, role: None, surname }
            }
        }
        other => other,
    }
}

/// Capitalised words an article writes inside sentences (not as their first word):
/// names, as opposed to common words capitalised at the start of a sentence.
pub(crate) type Names = rustc_hash::FxHashSet<compact_str::CompactString>;

/// Adds the capitalised words of one sentence that do not open it to `names`, and to
/// `ends` those written right after another capitalised word that does not open the
/// sentence and is no word of time: the last words of longer names ("John Stumpf", not
/// "On Friday Tesla" or "Friday Tesla opened …").
pub(crate) fn note_names(text: &str, tokens: &[Token], names: &mut Names, ends: &mut Names) {
    let lex = lexicon();
    for (k, pair) in tokens.windows(2).enumerate() {
        if !pair[1].capitalized || pair[1].numeric {
            continue;
        }
        let between = gap(text, &pair[0], &pair[1]);
        if !names.contains(&pair[1].norm) && !between.contains(['"', '\u{201C}', ':', '\u{2014}', '\u{2015}'])
        {
            names.insert(pair[1].norm.clone());
        }
        if k > 0
            && pair[0].capitalized
            && !pair[0].numeric
            && between == " "
            && !lex.time_words.contains(pair[0].norm.as_str())
        {
            ends.insert(pair[1].norm.clone());
        }
    }
}

/// Finds the attributions of one sentence, in text order: a speaker label, cue verbs
/// with their subjects, "according to", signatures after a quote.
pub(crate) fn find_all(view: &SentenceView<'_>, names: &Names) -> Vec<Found> {
    let tokens = view.tokens;
    let mut out: Vec<Found> = Vec::new();
    out.extend(view.label(names));
    out.extend(view.leading_signature());
    // After a speaker label ("PENCE: I think …") the first person is the labelled speaker.
    let labelled = !out.is_empty();
    // The words of a label are not read again as a cue.
    let mut i = out.first().filter(|f| f.form == AttributionForm::Label).map_or(0, |f| f.cue_token + 1);
    while i < tokens.len() {
        let found = find_at(view, i, names).filter(|f| {
            !(labelled && matches!(&f.mention, Mention::Description { head, .. } if head == WRITER))
        });
        if let Some(f) = found {
            i = f.cue_token.max(i) + 1;
            // One attribution per cue; a second cue of the same speaker in a row ("said
            // and added") adds nothing, unless a comma sets it off as a clause of its own
            // ("mocked the plan, saying …").
            let comma_between =
                |last: &Found| view.text.get(last.cue.end..f.cue.start).is_some_and(|g| g.contains(','));
            if out.last().is_none_or(|last| {
                last.mention != f.mention || last.cue_token + 3 < f.cue_token || comma_between(last)
            }) {
                out.push(f);
            }
        } else {
            i += 1;
        }
    }
    out
}

/// The attribution whose cue is token `i`, if it is one.
fn find_at(view: &SentenceView<'_>, i: usize, names: &Names) -> Option<Found> {
    let (text, tokens) = (view.text, view.tokens);
    let lex = lexicon();
    if view.in_quote(i) {
        return None;
    }
    let t = &tokens[i];
    let word = t.norm.as_str();
    if word == "according" && tokens.get(i + 1).is_some_and(|n| n.norm == "to") {
        let s = view.np_after(i + 2)?;
        let cue = Span::new(t.span.start, tokens[i + 1].span.end);
        return Some(Found {
            mention: s.mention,
            mention_span: s.span,
            cue,
            cue_token: i + 1,
            speech: true,
            form: AttributionForm::According,
        });
    }
    // In a title-case headline a capitalised verb may be a cue; one that is also a noun
    // ("Vows", "Plans") only before "To" or "That".
    let next_word = tokens.get(i + 1).map(|n| n.norm.as_str());
    let headline_cue = |v: CueVerb| !v.noun_like || matches!(next_word, Some("to" | "that"));
    if t.capitalized && !(view.title_case && i > 0 && lex.cue_verb(word).is_some_and(headline_cue)) {
        return view.signature(i);
    }
    let verb = lex.cue_verb(word)?;
    // Next to a quotation the verb needs no word after it: "…,” she recalled in an
    // interview; he recalled, “…”.
    // A verb that closes its clause after a quotation needs none either: "“…,” Ann Lee
    // recalled, adding …".
    let closes_after_quote = tokens.get(i + 1).is_none_or(|n| gap(text, t, n).contains([',', '.', ';']))
        && (0..i).any(|k| view.in_quote(k));
    if !verb.attributes_before(tokens.get(i + 1).map(|n| n.norm.as_str()))
        && !(i.saturating_sub(1)..=i + 1).any(|k| k < tokens.len() && view.in_quote(k))
        && !closes_after_quote
        && !view.needed_word_after_phrase(i, verb)
    {
        return None;
    }
    // A noun after a determiner, not a verb: "in his home state", "a government plan".
    if noun_after_determiner(tokens, i, verb) {
        return None;
    }
    let speech = lex.speech_verbs.contains(word);
    let found = |s: Subject, form| Found {
        mention: speaker_mention(view, s.mention, s.start, names),
        mention_span: s.span,
        cue: t.span,
        cue_token: i,
        speech,
        form,
    };
    // "put it" attributes only in "As Ann Lee put it, …" (not "she put it on the table").
    if matches!(word, "put" | "puts" | "putting") {
        let after_as = |s: &Subject| s.start > 0 && tokens[s.start - 1].norm == "as";
        return view
            .np_before(i)
            .or_else(|| view.np_before_appositive(i))
            .filter(after_as)
            .map(|s| Found { speech: true, ..found(s, AttributionForm::SpeakerFirst) });
    }
    // `be`: a form of "be" stands between the subject and the verb: a progressive
    // ("is saying") or, with a past participle, a passive ("was called").
    let (before, be) = view.skip_back(i);
    // "did not respond to requests for comment": no one said anything.
    let negated = (before..i).any(|k| {
        let w = tokens[k].norm.as_str();
        w == "not" || w == "never" || w.ends_with("n't")
    });
    if negated && NON_ANSWERS.contains(&word) {
        return None;
    }
    if verb.form == VerbForm::Participle && !be {
        // "…, saying …": the participle takes the subject of its clause.
        if i > 0
            && view.gap_has(i - 1, ',')
            && let Some(subject) = view.main_subject(i)
        {
            return Some(found(subject, AttributionForm::Participle));
        }
        return None;
    }
    if verb.stance && be {
        // "Republicans are worried that …": a stance with its "be" and a subject.
        // A stance is a speaker's: a name, a pronoun or a person or group of the lexicon
        // ("The dog was afraid" is none).
        let stance = CueVerb { evidence: false, ..verb };
        let speaker_like = |s: &Subject| match &s.mention {
            Mention::Description { head, .. } => {
                !s.general || people_plural(head) || people_plural(&format!("{head}s"))
            }
            _ => true,
        };
        return view
            .np_before(i)
            .filter(|s| speaker_like(s) && acceptable(view, s, stance, false, names))
            .map(|s| found(s, AttributionForm::SpeakerFirst));
    }
    if verb.adjective {
        return None; // "a confident mayor": an adjective without "be" attributes nothing
    }
    if be && verb.form == VerbForm::Past {
        // "was called", "were told": no speaker in the subject; the agent after "by" of
        // a verb of speech, if any, is the source ("was first reported by The Washington
        // Post"; not "was found by hikers", "was encouraged by the results").
        if !speech || verb.evidence {
            return None;
        }
        let by = (i + 1..tokens.len().min(i + 1 + MAX_AGENT_DISTANCE))
            .take_while(|&k| !view.in_quote(k) && !view.gap_has(k - 1, ','))
            .find(|&k| tokens[k].norm == "by")?;
        return view
            .np_after(by + 1)
            .filter(|s| {
                !view.lone_quantifier(s)
                    && (!s.general || matches!(s.mention, Mention::Description { plural: true, .. }))
            })
            .map(|s| found(s, AttributionForm::Passive));
    }
    // "the families, many of whom say …": a part of the antecedent speaks.
    if before >= 3 && tokens[before - 1].norm == "whom" && tokens[before - 2].norm == "of" {
        let part = before - 3;
        if let Some(s) =
            view.antecedent(part, false, true).filter(|s| relative_ok(view, s, verb, speech, names))
        {
            let words = Span::new(tokens[part].span.start, tokens[before - 1].span.end);
            return Some(Found { mention_span: words, ..found(s, AttributionForm::SpeakerFirst) });
        }
        return None;
    }
    if before > 0
        && matches!(
            tokens[before - 1].norm.as_str(),
            "who" | "which" | "who's" | "who've" | "who'd" | "which's"
        )
    {
        // A restrictive "who" ("listeners who said …") with a verb of speech only.
        if let Some(s) =
            view.antecedent(before - 1, speech, false).filter(|s| relative_ok(view, s, verb, speech, names))
        {
            // The relative pronoun is the words that name the speaker here, as "he" is
            // for a pronoun; the antecedent says who it is.
            return Some(Found {
                mention_span: tokens[before - 1].span,
                ..found(s, AttributionForm::SpeakerFirst)
            });
        }
        return None;
    }
    // A relative clause without "who": "the experts I interviewed said".
    if let Some(p) = view.contact_relative(before)
        && let Some(s) = view.np_before(p).filter(|s| {
            matches!(s.mention, Mention::Description { .. }) && acceptable(view, s, verb, speech, names)
        })
    {
        return Some(found(s, AttributionForm::SpeakerFirst));
    }
    if let Some(s) = view.np_before(i).filter(|s| acceptable(view, s, verb, speech, names)) {
        return Some(found(s, AttributionForm::SpeakerFirst));
    }
    if let Some(s) = view.np_before_appositive(i) {
        return Some(found(s, AttributionForm::SpeakerFirst));
    }
    // A name set off after a description: "A lawyer for the outlets, David Schulz, said".
    if before > 1
        && view.gap_has(before - 1, ',')
        && let Some(s) = view.np_ending(before, true).filter(|s| {
            matches!(&s.mention, Mention::Named { name, .. } if name.contains(' '))
                && s.start > 0
                && view.gap_has(s.start - 1, ',')
        })
    {
        return Some(found(s, AttributionForm::SpeakerFirst));
    }
    if let Some(s) = view.inverted_subject(i) {
        return Some(found(s, AttributionForm::CueFirst));
    }
    // The sentence's subject, when the cue is its first finite verb and only a
    // prepositional phrase or a participle's phrase stands between: "The average of
    // polls taken over two weeks shows …", "A study released on Tuesday by a group of
    // researchers shows …".
    if let Some(s) = view.subject().filter(|s| s.start <= 1 && !matches!(s.mention, Mention::Pronoun(..))) {
        let from = tokens.partition_point(|t| t.span.start < s.span.end);
        let participle =
            |w: &str| w.len() > 4 && (w.ends_with("ed") || w.ends_with("en") || w.ends_with("ing"));
        // A description, or a plural for people that opens the sentence ("Protesters
        // marching through the streets chanted …").
        let described = match &s.mention {
            Mention::Description { .. } => true,
            Mention::Named { name, .. } => !name.contains(' ') && people_plural(&name.to_lowercase()),
            Mention::Pronoun(..) => false,
        };
        let opens_modifier = from < before
            && before - from <= MAX_SUBJECT_MODIFIER
            && (PHRASE_PREPOSITIONS.contains(&tokens[from].norm.as_str())
                || OTHER_PREPOSITIONS.contains(&tokens[from].norm.as_str())
                || (described
                    && participle(&tokens[from].norm)
                    // "released on Tuesday", not "passed a law" (a verb and its object);
                    // an "-ing" form is never the finite verb ("lining the wall").
                    && (tokens[from].norm.ends_with("ing") || tokens.get(from + 1).is_some_and(|n| !is_determiner(n)))));
        let modifiers_only = opens_modifier
            && (from..before).all(|k| {
                !view.in_quote(k) && !view.gap_has(k, ',') && !view.gap_has(k, ';') && !view.gap_has(k, ':')
            })
            && (from + 1..before).all(|k| {
                !super::clause::is_verb(&tokens[k])
                    && !matches!(tokens[k].norm.as_str(), "that" | "which" | "who" | "and" | "but" | "or")
            });
        let possessive_before = i > 0 && view.written_with_s(i - 1);
        if modifiers_only && !possessive_before && acceptable(view, &s, verb, speech, names) {
            return Some(found(s, AttributionForm::SpeakerFirst));
        }
    }
    // An infinitive of the sentence's subject: "Trump took to Twitter to accuse …",
    // "She used the speech to argue that …". Not an expletive's ("It is hard to say").
    // The infinitive follows a verb ("appeared to suggest", "went on to explain"), not
    // a noun ("every right to know", "authority to call").
    let after_verb = i >= 2
        && (super::clause::is_verb(&tokens[i - 2])
            || matches!(tokens[i - 2].norm.as_str(), "on" | "up" | "out"));
    if after_verb
        && tokens[i - 1].norm == "to"
        && base_form(word, verb)
        && !verb.evidence
        && let Some(s) = view.main_subject(i - 1).filter(|s| {
            !matches!(
                view.tokens[s.start].norm.as_str(),
                "it" | "there" | "this" | "that" | "i" | "we" | "you"
            ) && s.start <= 1
                && !s.general
                && acceptable(view, s, verb, speech, names)
        })
    {
        return Some(found(s, AttributionForm::SpeakerFirst));
    }
    // A second verb of the sentence's subject: "… and said", "agreed, but also
    // contended that …".
    let lex_skipped = (before..i).all(|k| lex.subject_skip.contains(tokens[k].norm.as_str()));
    if before > 0
        && lex_skipped
        && !verb.evidence
        && matches!(tokens[before - 1].norm.as_str(), "and" | "but")
        && let Some(subject) =
            view.main_subject(before - 1).filter(|s| acceptable(view, s, verb, speech, names))
    {
        return Some(found(subject, AttributionForm::SpeakerFirst));
    }
    None
}

/// Words that head an editor's notice, not a speaker's turn: "WARNING: …",
/// "CORRECTION: …".
const NOTICE_LABELS: [&str; 21] = [
    "exclusive",
    "faq",
    "analysis",
    "opinion",
    "live",
    "editorial",
    "explainer",
    "warning",
    "clarification",
    "correction",
    "corrections",
    "update",
    "updated",
    "note",
    "watch",
    "video",
    "photos",
    "breaking",
    "related",
    "advertisement",
    "disclaimer",
];

/// Forms of verbs whose negation reports that nothing was said ("did not respond",
/// "declined to comment" is read elsewhere).
const NON_ANSWERS: [&str; 10] = [
    "respond",
    "responded",
    "reply",
    "replied",
    "comment",
    "commented",
    "answer",
    "answered",
    "return",
    "returned",
];

/// Verbs that say who a document comes from: "issued a statement".
const ISSUE_VERBS: [&str; 6] = ["issued", "released", "published", "sent", "signed", "posted"];

/// How many recent sentence subjects pronoun resolution remembers.
const MAX_SUBJECTS: usize = 8;

/// The speakers of one article, with the state needed to resolve pronouns and
/// descriptions to earlier mentions.
#[derive(Debug, Default)]
pub(crate) struct Registry {
    pub speakers: Vec<Speaker>,
    /// Head noun and modifiers of each speaker's descriptions (for "the official").
    heads: Vec<Vec<(String, Vec<String>)>>,
    /// Role words given with each named speaker, lower case (for "the president").
    roles: Vec<String>,
    /// Longest name seen so far per speaker, in words.
    name_words: Vec<usize>,
    /// When each speaker was last mentioned (a running count).
    last_seen: Vec<usize>,
    clock: usize,
    /// The gender each speaker is known by (titles, pronouns that refer to it).
    genders: Vec<Gender>,
    /// Named people recently in subject position who have not spoken yet, with the
    /// clock of their mention and their gender: "he" may be one of them.
    subjects: Vec<(Mention, usize, Gender)>,
    recent_group: Option<usize>,
    /// Who issued each document the article mentions, by the document's head noun
    /// ("European leaders issued a statement": "the statement" is theirs).
    issuers: std::collections::HashMap<String, Mention>,
    /// Speaker index by key.
    by_key: std::collections::HashMap<String, usize>,
    /// Speakers by the head nouns of their descriptions and the words of their roles
    /// (singular, lower case): who "the official" or "the president" may be.
    by_head: std::collections::HashMap<String, std::collections::BTreeSet<usize>>,
    /// Capitalised words the article writes after another capitalised word inside a
    /// sentence ("Stumpf" in "John Stumpf"): the last word of a longer name, not the
    /// one-word name of an organisation ([`note_names`], read before any speaker).
    pub name_ends: Names,
}

impl Registry {
    /// Resolves a mention to a speaker index, adding a speaker when it is new.
    pub fn resolve(&mut self, mention: &Mention) -> Option<usize> {
        // "The IMF report", "Ann Lee's letter": the document's issuer is the speaker.
        if let Mention::Description { kind: RoleKind::Document, text, .. } = mention
            && let Some(issuer) = issuer_named_in(text)
        {
            return self.resolve(&issuer);
        }
        let index = match mention {
            &Mention::Pronoun(RoleKind::Person, gender) => match self.person_for(gender) {
                Some(index) => index,
                None => self.unresolved(gender),
            },
            Mention::Pronoun(..) => match self.recent_group {
                Some(index) => index,
                None => self.unresolved(Gender::Unknown),
            },
            Mention::Named { name, role, .. } => {
                let key = mention.key()?;
                // A person the article named in full as a subject before they spoke
                // ("Governor Tom Hale visited …" then "HALE: …").
                let earlier = self.subjects.iter().rev().find_map(|(m, _, _)| match m {
                    Mention::Named { name, role, .. } if m.key().as_deref() == Some(key.as_str()) => {
                        Some((name.clone(), role.clone()))
                    }
                    _ => None,
                });
                let (name, role) = match earlier {
                    Some((full, title)) if self.find_key(&key).is_none() => {
                        (full, title.or_else(|| role.clone()))
                    }
                    _ => (name.clone(), role.clone()),
                };
                let (name, role) = (&name, &role);
                let index = self
                    .find_key(&key)
                    .unwrap_or_else(|| self.add(name, role.clone(), key, SpeakerKind::Named));
                let words = name.split_whitespace().count();
                if words > self.name_words[index] {
                    self.name_words[index] = words;
                    self.speakers[index].name = name.clone();
                }
                if let Some(role) = role
                    && !self.roles[index].contains(&role.to_lowercase())
                {
                    self.roles[index].push(' ');
                    self.roles[index].push_str(&role.to_lowercase());
                    for word in role.split_whitespace() {
                        let head = super::lexicon::singular(&word.to_lowercase()).to_string();
                        self.by_head.entry(head).or_default().insert(index);
                    }
                    if self.speakers[index].role.is_none() {
                        self.speakers[index].role = Some(role.clone());
                    }
                }
                index
            }
            Mention::Description { head, kind: RoleKind::Document, definite: true, .. }
                if self.issuers.contains_key(head) =>
            {
                let issuer = self.issuers.get(head)?.clone();
                return self.resolve(&issuer);
            }
            Mention::Description { head, modifiers, definite, text, plural, .. } => {
                let key = mention.key()?;
                let mut earlier = if *definite { self.find_description(head, modifiers) } else { None };
                // "The company", "the electric car company"; not "the rival company" or
                // "the central bank", whose words tell another body than the one named,
                // nor "the Portuguese club", whose nationality or place the article may
                // give to the other party (Chelsea buys from "the Portuguese club").
                let plain = || {
                    text.split_whitespace().all(|w| {
                        lexicon().determiners.contains(w.to_lowercase().as_str())
                            || !w.starts_with(char::is_uppercase)
                                && !lexicon().other_bodies.contains(w.to_lowercase().as_str())
                    })
                };
                if earlier.is_none()
                    && *definite
                    && !*plural
                    && lexicon().organisations.contains(head.as_str())
                    && plain()
                {
                    earlier = self.named_organisation();
                }
                let index = earlier
                    .or_else(|| self.find_key(&key))
                    .unwrap_or_else(|| self.add(text, None, key, mention.speaker_kind()));
                let description = (head.clone(), modifiers.clone());
                if !self.heads[index].contains(&description) {
                    self.heads[index].push(description);
                    self.by_head.entry(head.clone()).or_default().insert(index);
                }
                let words = text.split_whitespace().count();
                if self.speakers[index].kind != SpeakerKind::Named && words > self.name_words[index] {
                    self.name_words[index] = words;
                    self.speakers[index].name = text.clone();
                }
                index
            }
        };
        self.clock += 1;
        self.last_seen[index] = self.clock;
        match mention {
            &Mention::Pronoun(_, gender) if self.genders[index] == Gender::Unknown => {
                self.genders[index] = gender
            }
            Mention::Named { role: Some(role), .. } if self.genders[index] == Gender::Unknown => {
                self.genders[index] = role
                    .split(|c: char| !c.is_alphanumeric())
                    .map(|w| Gender::of_word(&w.to_lowercase()))
                    .find(|g| *g != Gender::Unknown)
                    .unwrap_or_default();
            }
            _ => {}
        }
        if self.speakers[index].kind == SpeakerKind::Group {
            self.recent_group = Some(index);
        }
        Some(index)
    }

    /// Notes who issues a document in this sentence: "European leaders issued a
    /// statement", "the ministry released a report".
    fn note_issuers(&mut self, view: &SentenceView<'_>) {
        let lex = lexicon();
        for (i, t) in view.tokens.iter().enumerate() {
            // Most words are not one of the six: their length rules them out first.
            if !(4..=9).contains(&t.norm.len()) || view.in_quote(i) || !ISSUE_VERBS.contains(&t.norm.as_str())
            {
                continue;
            }
            let Some(document) =
                view.tokens[i + 1..].iter().take(4).find(|d| lex.role(&d.norm) == Some(RoleKind::Document))
            else {
                continue;
            };
            // The subject of "issued", not the object of a preposition before it ("talks
            // hosted by Merz issued …" is not Merz's statement).
            let after_preposition = |s: &Subject| {
                s.start > 0
                    && matches!(
                        view.tokens[s.start - 1].norm.as_str(),
                        "by" | "of" | "with" | "for" | "to" | "from"
                    )
            };
            let issuer = view
                .np_before(i)
                .filter(|s| !after_preposition(s))
                .or_else(|| view.subject())
                .map(|s| s.mention);
            if let Some(issuer @ (Mention::Named { .. } | Mention::Description { .. })) = issuer
                && issuer.speaker_kind() != SpeakerKind::Document
            {
                self.issuers.insert(super::lexicon::singular(&document.norm).to_string(), issuer);
            }
        }
    }

    /// A speaker for a pronoun the article gives no antecedent for: still a speaker
    /// (the claim is not the outlet's own voice), known only by the pronoun.
    fn unresolved(&mut self, gender: Gender) -> usize {
        let (word, kind) = match gender {
            Gender::Male => ("he", SpeakerKind::Anonymous),
            Gender::Female => ("she", SpeakerKind::Anonymous),
            Gender::Unknown => ("they", SpeakerKind::Group),
        };
        let key = format!("unresolved-{word}");
        match self.find_key(&key) {
            Some(index) => index,
            None => {
                let index = self.add(word, None, key, kind);
                self.genders[index] = gender;
                index
            }
        }
    }

    /// The person "he" or "she" refers to: the latest person, speaker or subject of a
    /// sentence, whose known gender fits.
    fn person_for(&mut self, gender: Gender) -> Option<usize> {
        let speaker = (0..self.speakers.len())
            .filter(|&i| matches!(self.speakers[i].kind, SpeakerKind::Named | SpeakerKind::Anonymous))
            // "He" is never the writer who says "I".
            .filter(|&i| self.speakers[i].key != WRITER)
            .filter(|&i| self.genders[i].fits(gender))
            .max_by_key(|&i| self.last_seen[i])
            .map(|i| (self.last_seen[i], i));
        let subject = self.subjects.iter().rposition(|(_, _, g)| g.fits(gender));
        match (speaker, subject) {
            (Some((seen, i)), Some(s)) if seen >= self.subjects[s].1 => Some(i),
            (_, Some(s)) => {
                let (mention, _, known) = self.subjects.remove(s);
                let index = self.resolve(&mention)?;
                if self.genders[index] == Gender::Unknown {
                    self.genders[index] = if known == Gender::Unknown { gender } else { known };
                }
                Some(index)
            }
            (Some((_, i)), None) => Some(i),
            (None, None) => None,
        }
    }

    /// Notes the named person a sentence opens with (its subject), so that a later
    /// "he" or "she" can refer to them, with the gender the sentence's own pronouns
    /// tell ("Ann Lee … her …").
    pub fn note_sentence(&mut self, view: &SentenceView<'_>, names: &Names) {
        let tokens = view.tokens;
        self.note_issuers(view);
        let Some(subject) = view.subject() else { return };
        let Mention::Named { role, surname, .. } = &subject.mention else { return };
        // A capitalised first word is a person only when the article writes it so
        // elsewhere too ("Speaking after the match, he said" is no subject "Speaking").
        if !names.contains(surname.as_str()) {
            return;
        }
        let after = (subject.start + 1..tokens.len()).filter(|&i| !view.in_quote(i)).map(|i| &tokens[i]);
        let mut gender = role
            .iter()
            .flat_map(|r| r.split(|c: char| !c.is_alphanumeric()))
            .map(|w| Gender::of_word(&w.to_lowercase()))
            .find(|g| *g != Gender::Unknown)
            .unwrap_or_default();
        if gender == Gender::Unknown {
            // The sentence's own pronouns tell ("Ann Lee … her …"); titles of others do not.
            gender = after
                .filter(|t| {
                    lexicon().pronouns.contains_key(t.norm.as_str())
                        || matches!(t.norm.as_str(), "his" | "him" | "her")
                })
                .map(|t| Gender::of_word(t.norm.as_str()))
                .find(|g| *g != Gender::Unknown)
                .unwrap_or_default();
        }
        self.clock += 1;
        self.subjects.push((subject.mention, self.clock, gender));
        if self.subjects.len() > MAX_SUBJECTS {
            self.subjects.remove(0);
        }
    }

    fn find_key(&self, key: &str) -> Option<usize> {
        self.by_key.get(key).copied()
    }

    /// The latest speaker a definite description fits: same head noun and modifiers,
    /// or a named speaker whose role has the head noun ("the president").
    fn find_description(&self, head: &str, modifiers: &[String]) -> Option<usize> {
        self.by_head
            .get(head)?
            .iter()
            .copied()
            .filter(|&i| {
                let described =
                    self.heads[i].iter().any(|(h, m)| h == head && modifiers.iter().all(|x| m.contains(x)));
                let role = &self.roles[i];
                let titled = role.split_whitespace().any(|w| super::lexicon::singular(w) == head)
                    && modifiers.iter().all(|x| role.contains(x.as_str()));
                described || titled
            })
            .max_by_key(|&i| self.last_seen[i])
    }

    /// The organisation "the company" or "the automaker" may stand for: the one
    /// speaker or sentence subject named by one word, with no role or gender, that the
    /// article never writes as the end of a longer name ("Tesla", "SpaceX"; not
    /// "Stumpf" of "John Stumpf") and that is no news outlet ("CNN"). When two such
    /// names are in view ("Tesla …", "Ford …"), "the company" may be either: none is
    /// chosen.
    fn named_organisation(&mut self) -> Option<usize> {
        let ends_a_name = |name: &str| self.name_ends.contains(name.to_lowercase().as_str());
        // A news outlet reports on the organisation; it is never "the company" itself.
        let outlet = |name: &str| {
            let name = name.to_lowercase();
            lexicon().outlet_names.iter().any(|n| n.len() == 1 && n[0] == name)
        };
        let speakers: Vec<usize> = (0..self.speakers.len())
            .filter(|&i| {
                self.speakers[i].kind == SpeakerKind::Named
                    && !outlet(&self.speakers[i].name)
                    && self.name_words[i] == 1
                    && !ends_a_name(&self.speakers[i].name)
                    && self.roles[i].is_empty()
                    && self.genders[i] == Gender::Unknown
            })
            .collect();
        let subjects: Vec<usize> = (0..self.subjects.len())
            .filter(|&s| {
                let (m, _, g) = &self.subjects[s];
                // Not a person the article has named otherwise ("Ruiz" after "Ana Ruiz").
                let known = m.key().and_then(|k| self.find_key(&k));
                *g == Gender::Unknown
                    && known.is_none_or(|i| speakers.contains(&i))
                    && matches!(m, Mention::Named { name, role: None, .. }
                        if !name.contains(char::is_whitespace) && !ends_a_name(name) && !outlet(name))
            })
            .collect();
        let mut keys: Vec<String> = speakers.iter().map(|&i| self.speakers[i].key.clone()).collect();
        keys.extend(subjects.iter().filter_map(|&s| self.subjects[s].0.key()));
        keys.sort_unstable();
        keys.dedup();
        if keys.len() != 1 {
            return None;
        }
        match (speakers.first(), subjects.last()) {
            (Some(&i), _) => Some(i),
            (None, Some(&s)) => {
                let (mention, _, _) = self.subjects.remove(s);
                self.resolve(&mention)
            }
            (None, None) => None,
        }
    }

    fn add(&mut self, name: &str, role: Option<String>, key: String, kind: SpeakerKind) -> usize {
        let index = self.speakers.len();
        self.by_key.entry(key.clone()).or_insert(index);
        for word in role.iter().flat_map(|r| r.split_whitespace()) {
            let head = super::lexicon::singular(&word.to_lowercase()).to_string();
            self.by_head.entry(head).or_default().insert(index);
        }
        self.speakers.push(Speaker { name: name.to_string(), role: role.clone(), key, kind });
        self.heads.push(Vec::new());
        self.roles.push(role.map(|r| r.to_lowercase()).unwrap_or_default());
        self.name_words.push(name.split_whitespace().count());
        self.last_seen.push(0);
        self.genders.push(Gender::Unknown);
        self.speakers.len() - 1
    }
}
