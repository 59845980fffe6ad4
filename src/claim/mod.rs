//! Claim stage: each body sentence becomes a claim with its speaker, topic,
//! quantities, hedges and negations, gathered in a [`ClaimSet`].

mod attribution;
mod lexicon;
mod quantity;
mod speaker;

pub use attribution::{Attribution, AttributionForm};
pub use quantity::{Quantity, QuantityKind};
pub use speaker::{Speaker, SpeakerKind};

pub(crate) use quantity::number_word;
pub(crate) use speaker::fold_name;

use std::cell::RefCell;
use std::collections::BTreeMap;

use rustc_hash::{FxHashMap, FxHashSet};

use compact_str::CompactString;
use rust_stemmers::{Algorithm, Stemmer};
use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::error::{Error, Result};
use crate::span::Span;
use crate::text::normalize::NormalizedText;
use crate::text::token::{Token, tokenize_normalized};
use lexicon::lexicon;

/// How many content words make up a topic key.
const TOPIC_WORDS: usize = 4;

/// A cue word or phrase found in a claim: a hedge ("may", "appeared to") or a negation
/// ("not", "ruled out").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    /// The cue as listed (lower case): "appeared to".
    pub cue: String,
    /// Where it stands in the input.
    pub span: Span,
}

/// One claim: a body sentence with who says it and what it holds.
#[derive(Debug, Clone, Serialize)]
pub struct Claim<'a> {
    /// Position of the claim in its [`ClaimSet`].
    pub index: usize,
    /// The sentence, exactly `input[span]`.
    pub text: &'a str,
    /// Where it stands in the input.
    pub span: Span,
    /// Index of its paragraph in the article.
    pub paragraph: usize,
    /// Who says it; `None` for the article's own voice.
    pub attribution: Option<Attribution>,
    /// A deterministic key of its main content words (stemmed, sorted).
    pub topic: String,
    /// Numbers, money, percentages, dates and durations.
    pub quantities: Vec<Quantity>,
    /// Hedging cues.
    pub hedges: Vec<Cue>,
    /// Negation and denial cues.
    pub negations: Vec<Cue>,
    /// Quoted words (between quotation marks) inside the claim.
    pub quotes: Vec<Span>,
    /// Stemmed content terms used for matching, sorted and unique.
    #[serde(skip)]
    pub(crate) terms: Vec<CompactString>,
    /// The terms' keys ([`term_key`]), in the same order: the matcher compares these.
    #[serde(skip)]
    pub(crate) term_keys: Vec<u64>,
}

/// The key the matcher knows a term by: a fixed 64-bit hash of its text, computed
/// while the claim is extracted (in parallel with the `parallel` feature) so that the
/// matcher never hashes or compares term strings. Two terms with the same key count as
/// one; for distinct terms that has odds of about 1 in 2⁶⁴ per pair.
pub(crate) fn term_key(term: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(term)
}

impl Claim<'_> {
    /// The stemmed content terms the matcher compares, sorted and unique: word stems
    /// without function words, cue words or the speaker's own words, and quantities as
    /// normalised values.
    pub fn terms(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.terms.iter().map(CompactString::as_str)
    }
}

/// The claims of one article, with its speakers and lookups by speaker and topic.
///
/// ```
/// use claimdiff::{Article, ClaimSet};
///
/// let text = "Officials met on Monday.\n\
///             \u{201C}We made progress,\u{201D} Foreign Minister Jane Doe said. \
///             She said the talks would resume on Dec. 2.\n";
/// let claims = ClaimSet::new(Article::parse(text)?)?;
/// let doe = claims.speaker_of(&claims.claims()[1]).unwrap();
/// assert_eq!(doe.name, "Jane Doe");
/// assert_eq!(doe.role.as_deref(), Some("Foreign Minister"));
/// // The pronoun resolves to the same speaker; the date is read.
/// assert_eq!(claims.speaker_of(&claims.claims()[2]).unwrap().key, "doe");
/// assert_eq!(claims.claims()[2].quantities[0].day, Some(2));
/// # Ok::<(), claimdiff::Error>(())
/// ```
#[derive(Debug, Clone, Serialize)]
pub struct ClaimSet<'a> {
    article: Article<'a>,
    claims: Vec<Claim<'a>>,
    speakers: Vec<Speaker>,
    #[serde(skip)]
    by_speaker: BTreeMap<String, Vec<usize>>,
    #[serde(skip)]
    by_topic: BTreeMap<String, Vec<usize>>,
}

impl<'a> ClaimSet<'a> {
    /// Extracts the claims of an article with the default [`Extractor`].
    pub fn new(article: Article<'a>) -> Result<ClaimSet<'a>> {
        Extractor::new().extract(article)
    }

    /// The article the claims come from.
    pub fn article(&self) -> &Article<'a> {
        &self.article
    }

    /// All claims in article order.
    pub fn claims(&self) -> &[Claim<'a>] {
        &self.claims
    }

    /// All speakers, in order of first mention.
    pub fn speakers(&self) -> &[Speaker] {
        &self.speakers
    }

    /// The speaker of a claim, `None` for the article's own voice.
    pub fn speaker_of(&self, claim: &Claim<'_>) -> Option<&Speaker> {
        claim.attribution.as_ref().map(|a| &self.speakers[a.speaker])
    }

    /// Claims whose speaker has `key`.
    pub fn by_speaker(&self, key: &str) -> impl Iterator<Item = &Claim<'a>> {
        self.lookup(&self.by_speaker, key)
    }

    /// Claims with topic key `topic`.
    pub fn by_topic(&self, topic: &str) -> impl Iterator<Item = &Claim<'a>> {
        self.lookup(&self.by_topic, topic)
    }

    /// Claims by speaker `key` on `topic`.
    pub fn by_speaker_and_topic<'s>(
        &'s self,
        key: &'s str,
        topic: &'s str,
    ) -> impl Iterator<Item = &'s Claim<'a>> {
        self.by_speaker(key).filter(move |c| c.topic == topic)
    }

    /// Speaker keys with their claims, in key order.
    pub fn speaker_keys(&self) -> impl Iterator<Item = (&str, usize)> {
        self.by_speaker.iter().map(|(k, v)| (k.as_str(), v.len()))
    }

    /// Topic keys with their claims, in key order.
    pub fn topics(&self) -> impl Iterator<Item = (&str, usize)> {
        self.by_topic.iter().map(|(k, v)| (k.as_str(), v.len()))
    }

    fn lookup<'s>(
        &'s self,
        map: &'s BTreeMap<String, Vec<usize>>,
        key: &str,
    ) -> impl Iterator<Item = &'s Claim<'a>> {
        map.get(key).into_iter().flatten().map(|&i| &self.claims[i])
    }
}

/// Extracts claim sets; holds the stemmer and the options.
pub struct Extractor {
    stemmer: Stemmer,
    max_claims: usize,
}

impl std::fmt::Debug for Extractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extractor").field("max_claims", &self.max_claims).finish()
    }
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

/// Tokens above which a sentence's words are deduplicated as they come.
const LONG_SENTENCE_TOKENS: usize = 64;

/// Words whose stems one thread remembers before it forgets them all.
const STEM_MEMO_LIMIT: usize = 1 << 16;

/// The default limit on claims per article.
pub const DEFAULT_MAX_CLAIMS: usize = 100_000;

impl Extractor {
    /// An extractor with default options.
    pub fn new() -> Extractor {
        Extractor { stemmer: Stemmer::create(Algorithm::English), max_claims: DEFAULT_MAX_CLAIMS }
    }

    /// Sets the most claims one article may yield (an
    /// [`ErrorKind::TooManyClaims`](crate::ErrorKind::TooManyClaims) error beyond).
    pub fn max_claims(mut self, limit: usize) -> Extractor {
        self.max_claims = limit;
        self
    }

    /// Turns an article into its claim set.
    pub fn extract<'a>(&self, article: Article<'a>) -> Result<ClaimSet<'a>> {
        let text = article.text();
        let count = article.paragraphs().iter().map(|p| p.sentences.len()).sum::<usize>();
        if count > self.max_claims {
            return Err(Error::TooManyClaims { count, limit: self.max_claims });
        }
        let mut registry = attribution::Registry::default();
        let mut claims: Vec<Claim<'a>> = Vec::with_capacity(count);
        // The last attributed speaker of a paragraph that ended inside or after a quote.
        let mut carried: Option<Attribution> = None;
        for (p, paragraph) in article.paragraphs().iter().enumerate() {
            let marks = attribution::quote_marks(text, &paragraph.sentences);
            let first = claims.len();
            let mut found = Vec::with_capacity(paragraph.sentences.len());
            for (&span, mark) in paragraph.sentences.iter().zip(&marks) {
                let sentence = &text[span.range()];
                let norm = NormalizedText::new(sentence);
                let tokens: Vec<Token> = tokenize_normalized(sentence, &norm)
                    .into_iter()
                    .map(|mut t| {
                        t.span = t.span.shift(span.start);
                        t
                    })
                    .collect();
                let hit = attribution::find(text, &tokens, &mark.regions);
                let attribution = hit.as_ref().and_then(|f| {
                    Some(Attribution {
                        speaker: registry.resolve(&f.mention)?,
                        mention: f.mention_span,
                        cue: Some(f.cue),
                        form: f.form,
                    })
                });
                found.push(hit.is_some());
                let quantities = quantity::find_quantities(sentence, &norm, span.start);
                let lex = lexicon();
                let (hedges, negations) = find_cues(lex, &norm, span.start);
                let tail = attribution.as_ref().and_then(|a| trailing_attribution(text, &tokens, a));
                let content = &tokens[..tail.unwrap_or(tokens.len())];
                // Capitalised words folded once, for the terms and the topic (by token).
                let names: Vec<Option<CompactString>> =
                    tokens.iter().map(|t| t.capitalized.then(|| fold_name(&t.norm))).collect();
                let terms = self.terms(content, &names, attribution.as_ref(), &quantities);
                claims.push(Claim {
                    index: claims.len(),
                    text: sentence,
                    span,
                    paragraph: p,
                    attribution,
                    topic: topic_of(&terms, &names),
                    quantities,
                    hedges,
                    negations,
                    quotes: mark.regions.clone(),
                    term_keys: terms.iter().map(|t| term_key(t)).collect(),
                    terms,
                });
            }
            continue_quotes(&mut claims[first..], &marks, &found, carried.take());
            carried =
                claims[first..].last().filter(|c| !c.quotes.is_empty()).and_then(|c| c.attribution.clone());
        }
        let mut by_speaker: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut by_topic: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for c in &claims {
            if let Some(a) = &c.attribution {
                by_speaker.entry(registry.speakers[a.speaker].key.clone()).or_default().push(c.index);
            }
            by_topic.entry(c.topic.clone()).or_default().push(c.index);
        }
        Ok(ClaimSet { article, claims, speakers: registry.speakers, by_speaker, by_topic })
    }

    /// The stem of a word, memoised per thread: news prose repeats its words, and the
    /// Snowball stemmer is the costliest step per word. The memo is cleared when it
    /// holds [`STEM_MEMO_LIMIT`] words, so its memory stays bounded.
    fn stem(&self, word: &str) -> CompactString {
        thread_local! {
            static MEMO: RefCell<FxHashMap<String, CompactString>> = RefCell::default();
        }
        MEMO.with_borrow_mut(|memo| {
            if let Some(stem) = memo.get(word) {
                return stem.clone();
            }
            if memo.len() >= STEM_MEMO_LIMIT {
                memo.clear();
            }
            let stem = CompactString::from(self.stemmer.stem(word));
            memo.insert(word.to_string(), stem.clone());
            stem
        })
    }

    /// The content terms of a sentence: stems of words that are not function words,
    /// cue words or the speaker's own words; quantities as normalised values.
    fn terms(
        &self,
        tokens: &[Token],
        names: &[Option<CompactString>],
        attribution: Option<&Attribution>,
        quantities: &[Quantity],
    ) -> Vec<CompactString> {
        let lex = lexicon();
        let mut terms: Vec<CompactString> = quantities.iter().map(Quantity::term).collect();
        // In a long (run-on) sentence, stem each distinct word once: sorting every
        // occurrence would cost more than the scan. Short ones just sort.
        let long = tokens.len() > LONG_SENTENCE_TOKENS;
        let mut seen: FxHashSet<std::borrow::Cow<'_, str>> = FxHashSet::default();
        // Quantities come in text order, as tokens do: one pointer walks them.
        let mut next_quantity = 0;
        for (i, t) in tokens.iter().enumerate() {
            let inside = |s: Span| s.contains(t.span);
            while quantities.get(next_quantity).is_some_and(|q| q.span.end <= t.span.start) {
                next_quantity += 1;
            }
            if attribution.is_some_and(|a| inside(a.mention) || a.cue.is_some_and(inside))
                || quantities.get(next_quantity).is_some_and(|q| inside(q.span))
                || lex.stopwords.contains(t.norm.as_str())
                || lex.speech_verbs.contains(t.norm.as_str())
                || t.norm.chars().count() < 2
            {
                continue;
            }
            let word: std::borrow::Cow<'_, str> = match lex.synonyms.get(t.norm.as_str()) {
                Some(canonical) => (*canonical).into(),
                None => names[i].as_deref().unwrap_or(t.norm.as_str()).into(),
            };
            if !long {
                terms.push(self.stem(&word));
            } else if !seen.contains(word.as_ref()) {
                terms.push(self.stem(&word));
                seen.insert(word);
            }
        }
        if terms.is_empty() {
            // Nothing but function words ("He did not."): match on the words themselves,
            // so that the same sentence in two sources still meets.
            for t in tokens {
                if seen.insert(t.norm.as_str().into()) {
                    terms.push(compact_str::format_compact!("={}", t.norm));
                }
            }
        }
        terms.sort_unstable();
        terms.dedup();
        terms
    }
}

/// Where a trailing attribution starts ("…,” said one official familiar with the
/// talks, who spoke on condition of anonymity."): the token index of its first word.
/// Everything from there on says who speaks, not what is claimed.
fn trailing_attribution(text: &str, tokens: &[Token], a: &Attribution) -> Option<usize> {
    let start = match a.form {
        AttributionForm::CueFirst | AttributionForm::According => a.cue?.start,
        AttributionForm::SpeakerFirst => a.mention.start.min(a.cue?.start),
        _ => return None,
    };
    let i = tokens.iter().position(|t| t.span.start >= start)?;
    if i < 3 {
        return None; // "Still, he told …": the attribution leads the sentence
    }
    let gap = attribution::gap(text, tokens.get(i.checked_sub(1)?)?, &tokens[i]);
    gap.contains([',', '\u{201D}', '"']).then_some(i)
}

/// Gives quoted sentences without a cue the speaker of the quotation they belong to:
/// the sentence later in the paragraph where the quotation closes with a cue, or else
/// the last attributed sentence before them (in this paragraph, or `carried` from the
/// one before).
fn continue_quotes(
    claims: &mut [Claim<'_>],
    marks: &[attribution::QuoteMarks],
    found: &[bool],
    carried: Option<Attribution>,
) {
    let n = claims.len();
    // closing[i]: the attribution of the sentence where the quotation open at sentence
    // `i` closes with a cue, found from the back in one pass.
    let mut closing: Vec<Option<Attribution>> = vec![None; n];
    for j in (0..n).rev() {
        closing[j] = if found[j] {
            claims[j].attribution.clone()
        } else if marks[j].ends_open && j + 1 < n {
            closing[j + 1].clone()
        } else {
            None
        };
    }
    let mut earlier = carried;
    for i in 0..n {
        if !found[i] && claims[i].attribution.is_none() && marks[i].starts_quoted {
            // The quotation continues into later sentences only while it stays open.
            let later = if marks[i].ends_open && i + 1 < n { closing[i + 1].clone() } else { None };
            if let Some(mut a) = later.or_else(|| earlier.clone()) {
                a.cue = None;
                a.form = AttributionForm::Continued;
                claims[i].attribution = Some(a);
            }
        }
        if let Some(a) = &claims[i].attribution {
            earlier = Some(a.clone());
        }
    }
}

/// Finds hedge and negation phrases as whole words in normalised text, in one scan.
fn find_cues(lex: &lexicon::Lexicon, norm: &NormalizedText, base: usize) -> (Vec<Cue>, Vec<Cue>) {
    let text = norm.as_str();
    let (mut hedges, mut negations) = (Vec::new(), Vec::new());
    for m in lex.cues.find_iter(text) {
        let word = lex.cue_words[m.pattern().as_usize()];
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        let glued = word.starts_with("n'");
        if (glued || before.is_none_or(|c| !c.is_alphanumeric()))
            && after.is_none_or(|c| !c.is_alphanumeric())
        {
            let cue = Cue { cue: word.to_string(), span: norm.source_span(m.start(), m.end()).shift(base) };
            if m.pattern().as_usize() < lex.hedge_count { hedges.push(cue) } else { negations.push(cue) }
        }
    }
    (hedges, negations)
}

/// The topic key: the most specific content words (names first, then longer words),
/// sorted so that word order does not matter.
fn topic_of(terms: &[CompactString], folded: &[Option<CompactString>]) -> String {
    let mut names: Vec<&str> = folded.iter().flatten().map(CompactString::as_str).collect();
    names.sort_unstable();
    names.dedup();
    // Names are sorted: the first one not below `term` is the one it may begin.
    let is_name = |term: &str| {
        let at = names.partition_point(|n| *n < term);
        names.get(at).is_some_and(|n| n.starts_with(term))
    };
    let mut ranked: Vec<(bool, std::cmp::Reverse<usize>, &str)> = terms
        .iter()
        .filter(|t| !t.starts_with(['#', '@']))
        .map(|t| (!is_name(t), std::cmp::Reverse(t.len()), t.as_str()))
        .collect();
    ranked.sort_unstable();
    ranked.truncate(TOPIC_WORDS);
    ranked.sort_unstable_by_key(|&(_, _, t)| t);
    let mut topic = String::with_capacity(ranked.iter().map(|(_, _, t)| t.len() + 1).sum());
    for (i, (_, _, t)) in ranked.iter().enumerate() {
        if i > 0 {
            topic.push(' ');
        }
        topic.push_str(t);
    }
    topic
}
