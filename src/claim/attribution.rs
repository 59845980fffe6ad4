//! Attribution: who says each sentence. Cue verbs, "according to", quotes that run
//! over several sentences, pronouns and descriptions resolved to earlier speakers.

use serde::{Deserialize, Serialize};

use super::lexicon::{RoleKind, lexicon};
use super::speaker::{Mention, Speaker, SpeakerKind, np_word, read_mention};
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
        if body.starts_with(['\u{201C}', '"', '\u{00AB}']) {
            marks.starts_quoted = true;
        }
        for (i, c) in body.char_indices() {
            let at = s.start + i;
            let opens = match c {
                '\u{201C}' | '\u{00AB}' => true,
                '\u{201D}' | '\u{00BB}' => false,
                '"' => open.is_none(),
                _ => continue,
            };
            if opens {
                open = Some(at + c.len_utf8());
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
    pub form: AttributionForm,
}

/// The text between two tokens; empty when they touch or overlap (two tokens from one
/// input character, as NFKC makes "1⁄4" of "¼").
pub(crate) fn gap<'t>(text: &'t str, a: &Token, b: &Token) -> &'t str {
    text.get(a.span.end..b.span.start).unwrap_or("")
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

struct SentenceView<'t> {
    text: &'t str,
    tokens: &'t [Token],
    /// Whether each token stands inside quotation marks.
    quoted: Vec<bool>,
}

impl<'t> SentenceView<'t> {
    fn new(text: &'t str, tokens: &'t [Token], regions: &[Span]) -> Self {
        // Regions are in order and do not overlap: one pass over both.
        let mut quoted = Vec::with_capacity(tokens.len());
        let mut r = 0;
        for t in tokens {
            while r < regions.len() && regions[r].end < t.span.end {
                r += 1;
            }
            quoted.push(regions.get(r).is_some_and(|q| q.contains(t.span)));
        }
        SentenceView { text, tokens, quoted }
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
    fn np_before(&self, end: usize) -> Option<(Mention, Span)> {
        self.np_ending(end, false)
    }

    /// As [`Self::np_before`]; with `past_comma`, punctuation between the phrase and
    /// token `end` is allowed.
    fn np_ending(&self, end: usize, past_comma: bool) -> Option<(Mention, Span)> {
        let lex = lexicon();
        let mut j = end;
        while j > 0
            && end - j < MAX_MENTION_WORDS
            && lex.subject_skip.contains(self.tokens[j - 1].norm.as_str())
            && !boundary(self.text, &self.tokens[j - 1], &self.tokens[j])
            && !self.in_quote(j - 1)
        {
            j -= 1;
        }
        if j == 0 || (!past_comma && boundary(self.text, &self.tokens[j - 1], &self.tokens[j])) {
            return None;
        }
        let last = j - 1;
        if lex.pronouns.contains_key(self.tokens[last].norm.as_str()) {
            return self.mention(last, j);
        }
        let mut start = j;
        while start > 0
            && j - start < MAX_MENTION_WORDS
            && np_word(&self.tokens[start - 1])
            && !self.in_quote(start - 1)
        {
            if start < j && boundary(self.text, &self.tokens[start - 1], &self.tokens[start]) {
                break;
            }
            start -= 1;
        }
        self.mention(start, j)
    }

    /// The noun phrase that starts at token `start`.
    fn np_after(&self, start: usize) -> Option<(Mention, Span)> {
        let mut end = start;
        while end < self.tokens.len()
            && end - start < MAX_MENTION_WORDS
            && np_word(&self.tokens[end])
            && !self.in_quote(end)
        {
            if end > start && boundary(self.text, &self.tokens[end - 1], &self.tokens[end]) {
                break;
            }
            end += 1;
        }
        if end == start
            && start < self.tokens.len()
            && lexicon().pronouns.contains_key(self.tokens[start].norm.as_str())
        {
            end = start + 1;
        }
        self.mention(start, end)
    }

    /// The subject at the start of the sentence: "Merz called … and said …".
    fn subject(&self) -> Option<(Mention, Span)> {
        let first = (0..self.tokens.len()).find(|&i| !self.in_quote(i))?;
        let lex = lexicon();
        // Skip a sentence adverb: "Still, he told …".
        let first = if lex.stopwords.contains(self.tokens[first].norm.as_str())
            && !lex.determiners.contains(self.tokens[first].norm.as_str())
            && !lex.pronouns.contains_key(self.tokens[first].norm.as_str())
        {
            first + 1
        } else {
            first
        };
        self.np_after(first)
    }

    /// A name before an appositive: "Wolfgang Ischinger, a German diplomat who …, told".
    fn np_before_appositive(&self, verb: usize) -> Option<(Mention, Span)> {
        if verb == 0 || !self.gap_has(verb - 1, ',') {
            return None;
        }
        let floor = verb.saturating_sub(20);
        let comma = (floor..verb - 1).rev().find(|&k| self.gap_has(k, ','))?;
        match self.np_ending(comma + 1, true)? {
            found @ (Mention::Named { .. }, _) => Some(found),
            _ => None,
        }
    }
}

/// Finds the attribution of one sentence, if its words give one.
pub(crate) fn find(text: &str, tokens: &[Token], quoted: &[Span]) -> Option<Found> {
    let view = SentenceView::new(text, tokens, quoted);
    let lex = lexicon();
    for (i, t) in tokens.iter().enumerate() {
        if view.in_quote(i) {
            continue;
        }
        let word = t.norm.as_str();
        if word == "according" && tokens.get(i + 1).is_some_and(|n| n.norm == "to") {
            if let Some((mention, span)) = view.np_after(i + 2) {
                let cue = Span::new(t.span.start, tokens[i + 1].span.end);
                return Some(Found { mention, mention_span: span, cue, form: AttributionForm::According });
            }
            continue;
        }
        if t.capitalized || !lex.speech_verbs.contains(word) {
            continue;
        }
        let found =
            |(mention, span): (Mention, Span), form| Found { mention, mention_span: span, cue: t.span, form };
        if word.ends_with("ing") {
            if i > 0
                && view.gap_has(i - 1, ',')
                && let Some(subject) = view.subject()
            {
                return Some(found(subject, AttributionForm::Participle));
            }
            continue;
        }
        if let Some(np) = view.np_before(i).or_else(|| view.np_before_appositive(i)) {
            return Some(found(np, AttributionForm::SpeakerFirst));
        }
        let after_quote_or_comma = i > 0 && gap(text, &tokens[i - 1], t).contains([',', '\u{201D}', '"']);
        if after_quote_or_comma && let Some(np) = view.np_after(i + 1) {
            return Some(found(np, AttributionForm::CueFirst));
        }
        if i > 0
            && tokens[i - 1].norm == "and"
            && let Some(subject) = view.subject()
        {
            return Some(found(subject, AttributionForm::SpeakerFirst));
        }
    }
    None
}

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
    recent_person: Option<usize>,
    recent_group: Option<usize>,
    /// Speaker index by key.
    by_key: std::collections::HashMap<String, usize>,
    /// Speakers by the head nouns of their descriptions and the words of their roles
    /// (singular, lower case): who "the official" or "the president" may be.
    by_head: std::collections::HashMap<String, std::collections::BTreeSet<usize>>,
}

impl Registry {
    /// Resolves a mention to a speaker index, adding a speaker when it is new.
    pub fn resolve(&mut self, mention: &Mention) -> Option<usize> {
        let index = match mention {
            Mention::Pronoun(RoleKind::Person) => self.recent_person?,
            Mention::Pronoun(_) => self.recent_group?,
            Mention::Named { name, role, .. } => {
                let key = mention.key()?;
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
            Mention::Description { head, modifiers, definite, text, .. } => {
                let key = mention.key()?;
                let earlier = if *definite { self.find_description(head, modifiers) } else { None };
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
        match self.speakers[index].kind {
            SpeakerKind::Named | SpeakerKind::Anonymous => self.recent_person = Some(index),
            SpeakerKind::Group => self.recent_group = Some(index),
            SpeakerKind::Document => {}
        }
        Some(index)
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
        self.speakers.len() - 1
    }
}
