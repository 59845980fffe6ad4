//! Claim stage: each body sentence becomes a claim with its speaker, topic,
//! quantities, hedges and negations, gathered in a [`ClaimSet`].

mod attribution;
mod clause;
mod lexicon;
mod quantity;
mod relative;
mod slots;
mod speaker;

pub use attribution::{Attribution, AttributionForm};
pub use quantity::{Quantity, QuantityKind};
pub use speaker::{Speaker, SpeakerKind};

pub(crate) use clause::is_verb;
pub(crate) use lexicon::RoleKind;
pub(crate) use lexicon::lexicon;
pub(crate) use quantity::{is_scale_word, number_word};
pub(crate) use slots::Slots;
pub(crate) use speaker::fold_name;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use compact_str::CompactString;
use rust_stemmers::{Algorithm, Stemmer};
use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::error::{Error, Result};
use crate::span::Span;
use crate::text::normalize::NormalizedText;
use crate::text::token::{Token, tokenize_normalized};

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

/// One claim: one fact of a body sentence (a clause), with who says it and what it
/// holds.
#[derive(Debug, Clone, Serialize)]
pub struct Claim<'a> {
    /// Position of the claim in its [`ClaimSet`].
    pub index: usize,
    /// The words of the claim, exactly `input[span]`.
    pub text: &'a str,
    /// Where it stands in the input.
    pub span: Span,
    /// The sentence the claim comes from (a sentence may hold several claims).
    pub sentence: Span,
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
    /// What fills the slots of the fact (places, parties, days, what figures count),
    /// for the matcher's slot checks.
    #[serde(skip)]
    pub(crate) slots: Slots,
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
        // First pass: every sentence's tokens, and the capitalised words the article
        // writes inside its sentences (names, as opposed to capitalised first words),
        // with those that end a longer name.
        let mut names = attribution::Names::default();
        let mut name_ends = attribution::Names::default();
        let prepared: Vec<Vec<(NormalizedText, Vec<Token>)>> = article
            .paragraphs()
            .iter()
            .map(|paragraph| {
                paragraph
                    .sentences
                    .iter()
                    .map(|&span| {
                        let sentence = &text[span.range()];
                        let norm = NormalizedText::new(sentence);
                        let mut tokens = tokenize_normalized(sentence, &norm);
                        for t in &mut tokens {
                            t.span = t.span.shift(span.start);
                        }
                        attribution::note_names(text, &tokens, &mut names, &mut name_ends);
                        (norm, tokens)
                    })
                    .collect()
            })
            .collect();
        let mut registry = attribution::Registry::default();
        registry.name_ends = name_ends;
        let mut claims: Vec<Claim<'a>> = Vec::with_capacity(count);
        // The last attributed speaker of a paragraph that ended inside or after a quote,
        // or with a colon that opens the next paragraph.
        let mut carried: Option<(Attribution, Carry)> = None;
        for ((p, paragraph), sentences) in article.paragraphs().iter().enumerate().zip(&prepared) {
            let marks = attribution::quote_marks(text, &paragraph.sentences);
            // Each sentence's attributions with the token of their cue, in text order.
            let mut found: Vec<Vec<Governor>> = Vec::with_capacity(sentences.len());
            for ((_, tokens), mark) in sentences.iter().zip(&marks) {
                let view = attribution::SentenceView::new(text, tokens, &mark.regions);
                registry.note_sentence(&view, &names);
                let hits = attribution::find_all(&view, &names);
                found.push(
                    hits.iter()
                        .filter_map(|f| {
                            let a = Attribution {
                                speaker: registry.resolve(&f.mention)?,
                                mention: f.mention_span,
                                cue: Some(f.cue),
                                form: f.form,
                            };
                            let trailing = trailing_attribution(text, tokens, &a).is_some();
                            Some(Governor { cue: f.cue_token, attribution: a, trailing, speech: f.speech })
                        })
                        .collect(),
                );
            }
            let has_cue: Vec<bool> = found.iter().map(|f| !f.is_empty()).collect();
            let mut primary: Vec<Option<Attribution>> =
                found.iter().map(|f| f.first().map(|g| g.attribution.clone())).collect();
            // A sentence that only names a speaker and a verb of speech ("Graham asked.")
            // signs the quotation before it, as a dash signature does.
            // So does one that opens with them after a quotation that ended with its own
            // "?" or "!" ("“Who will pay?” Lee asked the board.").
            let ends_quoted_question = |k: usize| {
                sentences[k].1.last().is_some_and(|t| {
                    let rest = &text[t.span.end..];
                    let after = rest.trim_start_matches(['?', '!']);
                    after.len() < rest.len() && after.starts_with(['\u{201D}', '"'])
                })
            };
            let bare: Vec<bool> = found
                .iter()
                .zip(sentences)
                .enumerate()
                .map(|(k, (f, (_, tokens)))| match f.first() {
                    Some(g) if g.speech => {
                        let named = |t: &Token| g.attribution.covers(t.span);
                        (f.len() == 1 && tokens.iter().all(named))
                            || (k > 0 && ends_quoted_question(k - 1) && tokens.iter().take(2).all(named))
                    }
                    _ => false,
                })
                .collect();
            sign_quotes(&mut primary, &marks, &found, &bare);
            continue_quotes(&mut primary, &marks, &has_cue, carried.take());
            carried = paragraph.sentences.last().zip(primary.last()).and_then(|(&span, a)| {
                let opens_next = text[span.range()].trim_end().ends_with(':');
                let quoted = marks.last().is_some_and(|m| !m.regions.is_empty());
                // "The governor added:" with nothing after the cue: the next paragraph is
                // what was added, quoted or not.
                let lead_in = opens_next
                    && sentences
                        .last()
                        .zip(found.last())
                        .is_some_and(|((_, tokens), f)| f.last().is_some_and(|g| g.cue + 1 == tokens.len()));
                let carry = if lead_in {
                    Carry::LeadIn
                } else if opens_next {
                    Carry::Colon
                } else {
                    Carry::Quote
                };
                a.clone().filter(|_| quoted || opens_next).map(|a| (a, carry))
            });
            for (s, (&span, (norm, tokens))) in paragraph.sentences.iter().zip(sentences).enumerate() {
                // Not in a sentence inside a quotation (the speaker's words stay whole).
                let quoted =
                    tokens.first().is_some_and(|t| marks[s].regions.iter().any(|r| r.contains(t.span)));
                let shared = relative::shared_subject(text, tokens).filter(|_| !quoted);
                let starts = clause::clause_starts(text, tokens, shared.map(|x| x.predicate));
                // The subject the predicate's claim shares, when the predicate was split off.
                let shared = shared.filter(|x| starts.contains(&x.predicate));
                let spans = clause::clause_spans(text, span, tokens, &starts);
                let quantities = quantity::find_quantities(&text[span.range()], norm, span.start);
                let (hedges, negations) = find_cues(lexicon(), norm, span.start);
                let mut from = 0;
                // Quantities, cues and quotes come in text order: one cursor each
                // hands every clause its own (a run-on sentence stays linear).
                let (mut q, mut h, mut g, mut r) = (0, 0, 0, 0);
                for (k, &clause) in spans.iter().enumerate() {
                    let to = starts.get(k).copied().unwrap_or(tokens.len());
                    let regions = &marks[s].regions;
                    while r < regions.len() && regions[r].end <= clause.start {
                        r += 1;
                    }
                    let mut quotes = Vec::new();
                    let mut k = r;
                    while let Some(region) = regions.get(k).filter(|x| x.start < clause.end) {
                        quotes.extend(region.intersect(clause));
                        k += 1;
                    }
                    // The clause opens inside a quotation (its first word, or the one after
                    // a conjunction: "…, she said, and “I had to …”").
                    let quoted_start = tokens[from..to.min(from + 2)]
                        .iter()
                        .any(|t| regions.get(r).is_some_and(|x| x.contains(t.span)));
                    let attribution = if found[s].is_empty() {
                        primary[s].clone()
                    } else {
                        governing(text, &found[s], tokens, (from, to), quoted_start)
                    };
                    self.push_claim(
                        &mut claims,
                        Clause {
                            text,
                            span: clause,
                            sentence: span,
                            paragraph: p,
                            tokens: &tokens[from..to],
                            subject: match shared {
                                Some(x) if x.predicate == from => &tokens[..x.subject_end],
                                _ => &[],
                            },
                        },
                        attribution,
                        take_inside(&quantities, &mut q, clause, |x| x.span),
                        (
                            take_inside(&hedges, &mut h, clause, |x| x.span),
                            take_inside(&negations, &mut g, clause, |x| x.span),
                        ),
                        quotes,
                    );
                    from = to;
                }
            }
        }
        if claims.len() > self.max_claims {
            return Err(Error::TooManyClaims { count: claims.len(), limit: self.max_claims });
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

    /// Adds the claim of one clause: its terms and topic from its own words.
    fn push_claim<'a>(
        &self,
        claims: &mut Vec<Claim<'a>>,
        clause: Clause<'a, '_>,
        attribution: Option<Attribution>,
        quantities: Vec<Quantity>,
        (hedges, negations): (Vec<Cue>, Vec<Cue>),
        quotes: Vec<Span>,
    ) {
        let tokens = clause.tokens;
        // A clause that only names a speaker ("Limbaugh added:", "― Ann Lee") asserts
        // nothing of its own: its speaker goes with the words it introduces.
        let attribution = attribution.filter(|a| tokens.iter().any(|t| !a.covers(t.span)));
        let tail = attribution.as_ref().and_then(|a| trailing_attribution(clause.text, tokens, a));
        let content = &tokens[..tail.unwrap_or(tokens.len())];
        // When, where and how a leading attribution's content was said make no terms.
        let circumstances = match (&attribution, tail) {
            (Some(a), None) => leading_circumstances(clause.text, tokens, a),
            _ => [0..0, 0..0],
        };
        // Capitalised words folded once, for the terms and the topic (by token).
        let names = name_forms(tokens);
        let mut left_out = Vec::new();
        let mut terms =
            self.terms(content, &names, attribution.as_ref(), &circumstances, &quantities, &mut left_out);
        if !clause.subject.is_empty() {
            let borrowed =
                self.terms(clause.subject, &name_forms(clause.subject), None, &[], &[], &mut Vec::new());
            // Words only, not figures: the subject's quantities are the first claim's.
            terms.extend(
                borrowed.into_iter().filter(|t| !t.starts_with(|c: char| c == '=' || c.is_ascii_digit())),
            );
            terms.sort_unstable();
            terms.dedup();
        }
        let term_keys: Vec<u64> = terms.iter().map(|t| term_key(t)).collect();
        let lex = lexicon();
        // The words after a trailing attribution are no terms either.
        left_out.extend(
            (content.len()..tokens.len()).filter(|&i| !lex.stopwords.contains(tokens[i].norm.as_str())),
        );
        let slots = slots::read(
            lex,
            tokens,
            &quantities,
            &left_out,
            |i| term_key(&self.stem(term_word(lex, &tokens[i], names[i].as_ref()))),
            |word| term_key(&self.stem(lex.synonym(word).unwrap_or(word))),
        );
        claims.push(Claim {
            index: claims.len(),
            text: &clause.text[clause.span.range()],
            span: clause.span,
            sentence: clause.sentence,
            paragraph: clause.paragraph,
            attribution,
            topic: topic_of(&terms, &names),
            quantities,
            hedges,
            negations,
            quotes,
            term_keys,
            terms,
            slots,
        });
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
    /// cue words, the speaker's own words or the `circumstances` of the saying (token
    /// ranges); quantities as normalised values. The
    /// tokens left out though no function words or quantities' words (the speaker's
    /// words, cue words) are added to `left_out`.
    fn terms(
        &self,
        tokens: &[Token],
        names: &[Option<CompactString>],
        attribution: Option<&Attribution>,
        circumstances: &[Range<usize>],
        quantities: &[Quantity],
        left_out: &mut Vec<usize>,
    ) -> Vec<CompactString> {
        let lex = lexicon();
        let mut terms: Vec<CompactString> = Vec::with_capacity(quantities.len() + tokens.len());
        for q in quantities {
            q.push_terms(&mut terms);
        }
        // In a long (run-on) sentence, stem each distinct word once: sorting every
        // occurrence would cost more than the scan. Short ones just sort.
        let long = tokens.len() > LONG_SENTENCE_TOKENS;
        let mut seen: FxHashSet<&str> = FxHashSet::default();
        // Quantities come in text order, as tokens do: one pointer walks them.
        let mut next_quantity = 0;
        for (i, t) in tokens.iter().enumerate() {
            let inside = |s: Span| s.contains(t.span);
            while quantities.get(next_quantity).is_some_and(|q| q.span.end <= t.span.start) {
                next_quantity += 1;
            }
            if quantities.get(next_quantity).is_some_and(|q| inside(q.span)) {
                continue;
            }
            if lex.stopwords.contains(t.norm.as_str()) || t.norm.chars().count() < 2 {
                continue;
            }
            // An adverb ("currently", "publicly") qualifies the fact without telling it;
            // rare, it would outweigh the fact's own words.
            // (Capitalised, it is a name, but for a clause's first word: "Currently, …".)
            if (!t.capitalized || i == 0) && lex.adverb(t.norm.as_str()) {
                continue;
            }
            if attribution.is_some_and(|a| a.covers(t.span))
                || lex.speech_verbs.contains(t.norm.as_str())
                || circumstances.iter().any(|r| r.contains(&i))
            {
                left_out.push(i);
                continue;
            }
            let word = term_word(lex, t, names[i].as_ref());
            if long && seen.contains(word) {
                continue;
            }
            terms.push(self.stem(word));
            if long {
                seen.insert(word);
            }
        }
        if terms.is_empty() {
            // Nothing but function words ("He did not."): match on the words themselves,
            // so that the same sentence in two sources still meets.
            for t in tokens {
                if seen.insert(t.norm.as_str()) {
                    terms.push(compact_str::format_compact!("={}", t.norm));
                }
            }
        }
        terms.sort_unstable();
        terms.dedup();
        terms
    }
}

/// The folded form of each capitalised token (a name's form among terms), `None` for
/// the others.
fn name_forms(tokens: &[Token]) -> Vec<Option<CompactString>> {
    tokens.iter().map(|t| t.capitalized.then(|| fold_name(&t.norm))).collect()
}

/// The word a token stands for among terms, before stemming: its synonym group's
/// first word, else its folded form if it is a name (`name`), else its normal form.
fn term_word<'w>(
    lex: &'static lexicon::Lexicon,
    token: &'w Token,
    name: Option<&'w CompactString>,
) -> &'w str {
    match lex.synonym(token.norm.as_str()) {
        Some(canonical) => canonical,
        None => name.map_or(token.norm.as_str(), CompactString::as_str),
    }
}

/// How many words after a cue may come before the "that" of the content it leads ("…
/// disclosed via financial filings that …"); a "that" further on belongs to a phrase of
/// the attribution ("…, she said at a news conference announcing that …").
const LEADING_THAT_WINDOW: usize = 5;

/// How many words after a cue may come before the verb of the content it leads
/// ("Alphabet announced Friday it will cut …"); a verb further on belongs to a phrase of
/// the attribution ("…, the army said in a statement that was issued Tuesday").
const LEADING_VERB_WINDOW: usize = 4;

/// The circumstances of a leading attribution, as two token ranges: a fronted phrase
/// that tells when or where it was said ("*A day earlier*, the CEO disclosed …"; "*In
/// the note*, Agrawal said …"), and the words between the cue and its content's "that"
/// (within [`LEADING_THAT_WINDOW`] words) that tell how ("disclosed *via financial
/// filings* that …"). Both must be adverbial (a preposition or an adverbial word first,
/// or a word of time) and hold no verb. Only when the speaker is named in the clause,
/// after nothing or such a phrase ending at a comma; in "The harbour, the mayor said,
/// will reopen" and "Revenue doubles, the CEO told investors …" the fronted words are
/// the content. Empty ranges otherwise.
fn leading_circumstances(text: &str, tokens: &[Token], a: &Attribution) -> [Range<usize>; 2] {
    let none = [0..0, 0..0];
    let (Some(cue), Some(first)) = (a.cue, tokens.first()) else { return none };
    // Named in this clause, before the cue: not in an earlier clause of the sentence
    // whose speaker this one inherits.
    if a.form != AttributionForm::SpeakerFirst
        || a.mention.start < first.span.start
        || cue.start < a.mention.end
    {
        return none;
    }
    let mention = tokens.partition_point(|t| t.span.start < a.mention.start);
    let after = tokens.partition_point(|t| t.span.start < cue.end);
    // The marks between token `k` and the next.
    let gap = |k: usize| tokens.get(k + 1).map_or("", |n| attribution::gap(text, &tokens[k], n));
    let lex = lexicon();
    // A phrase of time, place or manner: it opens with a preposition or an adverbial
    // word, or holds a word of time ("A day earlier").
    let adverbial = |words: &[Token]| {
        words.first().is_some_and(|t| lex.adverbial_openers.contains(t.norm.as_str()) || t.norm == "via")
            || words.iter().any(|t| lex.time_words.contains(t.norm.as_str()))
    };
    let fronted = if mention == 0 {
        0..0
    } else if gap(mention - 1).contains(',')
        && adverbial(&tokens[..mention])
        && !clause::holds_verb(&tokens[..mention])
        && !(after > 0 && gap(after - 1).contains(','))
    {
        0..mention
    } else {
        return none;
    };
    let window = &tokens[after.min(tokens.len())..tokens.len().min(after + LEADING_THAT_WINDOW)];
    // "…disclosed via financial filings that he …", not "…said the fire destroyed that
    // warehouse": the words before the "that" are a phrase without a verb.
    let how = match window.iter().position(|t| t.norm == "that") {
        Some(k) if k > 0 && adverbial(&window[..k]) && !window[..k].iter().any(clause::is_verb) => {
            after..after + k
        }
        _ => 0..0,
    };
    [fronted, how]
}

/// Where a trailing attribution starts ("…,” said one official familiar with the
/// talks, who spoke on condition of anonymity."): the token index of its first word.
/// Everything from there on says who speaks, not what is claimed.
fn trailing_attribution(text: &str, tokens: &[Token], a: &Attribution) -> Option<usize> {
    let start = match a.form {
        AttributionForm::CueFirst | AttributionForm::According => a.cue?.start,
        AttributionForm::SpeakerFirst => {
            let cue = a.cue?;
            // A verb after the cue makes what follows the content, the attribution
            // leading it ("…, Alphabet announced Friday it will cut 12,000 jobs"), not
            // trailing ("…, officials said on Monday").
            let after = tokens.partition_point(|t| t.span.start < cue.end);
            if tokens[after..].iter().take(LEADING_VERB_WINDOW).any(clause::is_verb) {
                return None;
            }
            // "A day earlier, the CEO disclosed in a filing that he …": a "that" after
            // the cue opens the content, and what stands before is an adverbial.
            // A "that" followed by a verb is a relative pronoun of the attribution's
            // phrase ("…, the army said in a statement that was issued Tuesday").
            let window = &tokens[after..tokens.len().min(after + LEADING_THAT_WINDOW)];
            let content_that = window.iter().enumerate().any(|(k, t)| {
                t.norm == "that" && tokens.get(after + k + 1).is_some_and(|n| !clause::is_verb(n))
            });
            if content_that {
                return None;
            }
            a.mention.start.min(cue.start)
        }
        _ => return None,
    };
    // Tokens are in text order: a binary search, as a run-on sentence may hold many cues.
    let i = tokens.partition_point(|t| t.span.start < start);
    if i >= tokens.len() || i < 3 {
        return None; // "Still, he told …": the attribution leads the sentence
    }
    // "In an announcement last week, the office described …": a fronted adverbial
    // without a verb, not content, stands before the attribution.
    let lex = lexicon();
    if lex.adverbial_openers.contains(tokens[0].norm.as_str()) && !clause::holds_verb(&tokens[..i]) {
        return None;
    }
    let gap = attribution::gap(text, tokens.get(i.checked_sub(1)?)?, &tokens[i]);
    gap.contains([',', '\u{201D}', '"', '\'']).then_some(i)
}

/// The items from `items[*at..]` that lie inside `clause`, moving `at` past them; items
/// are in text order, and one a clause boundary cuts goes with the clause it starts in.
fn take_inside<T: Clone>(items: &[T], at: &mut usize, clause: Span, span: fn(&T) -> Span) -> Vec<T> {
    let mut out = Vec::new();
    while let Some(item) = items.get(*at).filter(|x| span(x).start < clause.end) {
        out.push(item.clone());
        *at += 1;
    }
    out
}

/// One clause of a sentence, on its way to becoming a claim.
struct Clause<'a, 't> {
    /// The article text.
    text: &'a str,
    span: Span,
    sentence: Span,
    paragraph: usize,
    tokens: &'t [Token],
    /// The words of a subject the clause shares with the clause before it ("Fernandez"
    /// of "Fernandez, who …, has signed …"): their terms are the clause's too.
    subject: &'t [Token],
}

/// An attribution of a sentence, with what decides which clauses it governs.
struct Governor {
    /// The token of its cue.
    cue: usize,
    attribution: Attribution,
    /// Whether it trails the sentence ("…, officials said.").
    trailing: bool,
    /// Whether its cue reports speech (it wins over a belief or intent in one clause).
    speech: bool,
}

/// The attribution that governs the clause of tokens `from..to` of a sentence: the one
/// whose cue stands in it (a verb of speech first: "Washington is offering …, said one
/// official"); else one before it that the clause continues ("…, that B", "and that C", "and B" after a verb of speech,
/// or a quotation that goes on); else a trailing one after it ("A, and B, officials
/// said").
fn governing(
    text: &str,
    found: &[Governor],
    tokens: &[Token],
    (from, to): (usize, usize),
    quoted_start: bool,
) -> Option<Attribution> {
    let inside = || found.iter().filter(|g| (from..to).contains(&g.cue));
    // A cue inside the content that an earlier one opened with "that" reports what
    // that source found ("A poll found that 74 percent of voters said …": the poll).
    // Not a relative clause's cue: "Mr. Obama, who understood that …, told".
    let frame = inside().next().filter(|g| {
        tokens.get(g.cue + 1).is_some_and(|t| t.norm == "that")
            && !text
                .get(g.attribution.mention.range())
                .is_some_and(|m| ["who", "which", "that"].iter().any(|r| m.eq_ignore_ascii_case(r)))
    });
    let nested = |g: &&Governor| {
        frame.is_some_and(|f| g.cue > f.cue && g.attribution.form == AttributionForm::SpeakerFirst)
    };
    if let Some(g) = inside().find(|g| g.speech && !nested(g)).or_else(|| inside().next()) {
        return Some(g.attribution.clone());
    }
    // A clause opened by "and" or "but" goes on with what a speaker before it said
    // ("Officials said A, and B"; "A poll showed that A, but B"): after a verb of
    // speech, or any cue whose content opened with "that".
    let continues = quoted_start
        || tokens.get(from).is_some_and(|t| t.norm == "that")
        || (tokens.get(from).is_some_and(|t| matches!(t.norm.as_str(), "and" | "but" | "or"))
            && tokens.get(from + 1).is_some_and(|t| t.norm == "that"))
        || (tokens.get(from).is_some_and(clause::participle_phrase)
            && found.iter().any(|g| g.cue < from && g.speech))
        || (tokens.get(from).is_some_and(|t| matches!(t.norm.as_str(), "and" | "but"))
            && found.iter().any(|g| {
                g.cue < from
                    && g.attribution.form == AttributionForm::SpeakerFirst
                    && (g.speech || tokens.get(g.cue + 1).is_some_and(|t| t.norm == "that"))
            }));
    // The reporting frame the clause continues: the sentence's first attribution.
    if continues && let Some(g) = found.iter().find(|g| g.cue < from) {
        return Some(g.attribution.clone());
    }
    // An attribution set in the middle of an earlier clause ("The museum, Mr. Obama
    // said, would open in May, and it would …") frames the rest of the sentence when
    // no cue of its own follows.
    if let Some(g) = found.iter().rev().find(|g| {
        g.cue < from
            && g.attribution.form == AttributionForm::SpeakerFirst
            && tokens.get(g.cue + 1).is_some_and(|next| {
                let between = attribution::gap(text, &tokens[g.cue], next);
                between.contains(',') && !between.contains(['"', '\u{201D}', '\u{201C}'])
            })
            && g.attribution.mention.start > tokens[0].span.start
    }) && found.iter().all(|other| other.cue < from)
    {
        return Some(g.attribution.clone());
    }
    found.iter().find(|g| g.cue >= to && g.trailing).map(|g| g.attribution.clone())
}

/// Gives the quoted sentences before a signature sentence ("― Ann Lee", or a bare
/// "Graham asked." after a quoted question) its speaker: back from the signature while
/// sentences are quoted and have no cue of their own.
fn sign_quotes(
    primary: &mut [Option<Attribution>],
    marks: &[attribution::QuoteMarks],
    found: &[Vec<Governor>],
    bare: &[bool],
) {
    for s in 1..primary.len() {
        let Some(signature) = found[s]
            .first()
            .filter(|g| (g.attribution.form == AttributionForm::Signature && g.cue == 0) || bare[s])
        else {
            continue;
        };
        for k in (0..s).rev() {
            if !found[k].is_empty() || primary[k].is_some() || marks[k].regions.is_empty() {
                break;
            }
            let mut a = signature.attribution.clone();
            a.cue = None;
            a.form = AttributionForm::Continued;
            primary[k] = Some(a);
            if marks[k].starts_quoted && !(k > 0 && marks[k - 1].ends_open) {
                break; // the quotation opens here
            }
        }
    }
}

/// How a paragraph's last speaker carries into the next paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Carry {
    /// The paragraph ended inside or after a quotation: a quotation that opens the next
    /// paragraph goes on.
    Quote,
    /// The paragraph ended with a colon: a quoted paragraph after it is what was said.
    Colon,
    /// The paragraph ended with "Speaker cue:" ("The governor added:"): the whole next
    /// paragraph is what was said, quoted or not.
    LeadIn,
}

/// Gives quoted sentences without a cue the speaker of the quotation they belong to:
/// the sentence later in the paragraph where the quotation closes with a cue, or else
/// the last attributed sentence before them (in this paragraph, or `carried` from the
/// one before, with how it carries over).
/// `attributions` holds each sentence's first attribution.
fn continue_quotes(
    attributions: &mut [Option<Attribution>],
    marks: &[attribution::QuoteMarks],
    found: &[bool],
    carried: Option<(Attribution, Carry)>,
) {
    let n = attributions.len();
    // closing[i]: the attribution of the sentence where the quotation open at sentence
    // `i` closes with a cue, found from the back in one pass.
    let mut closing: Vec<Option<Attribution>> = vec![None; n];
    for j in (0..n).rev() {
        closing[j] = if found[j] {
            attributions[j].clone()
        } else if marks[j].ends_open && j + 1 < n {
            closing[j + 1].clone()
        } else {
            None
        };
    }
    // A colon carried from the paragraph before opens a quoted paragraph.
    let opened = match carried.as_ref().map(|(_, carry)| carry) {
        Some(Carry::LeadIn) => true,
        Some(Carry::Colon) => marks.first().is_some_and(|m| m.starts_quoted),
        _ => false,
    };
    let mut earlier = carried.map(|(a, _)| a);
    for i in 0..n {
        if !found[i] && attributions[i].is_none() && (marks[i].starts_quoted || opened) {
            // The quotation continues into later sentences only while it stays open.
            let later = if marks[i].ends_open && i + 1 < n { closing[i + 1].clone() } else { None };
            if let Some(mut a) = later.or_else(|| earlier.clone()) {
                a.cue = None;
                a.form = AttributionForm::Continued;
                attributions[i] = Some(a);
            }
        }
        if let Some(a) = &attributions[i] {
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
