//! Finding what conflicts between the sources of one alignment group. Precision comes
//! first: a contrast is flagged only where the facts themselves conflict, slot by slot,
//! and each difference says which rule fired ([`Difference::rule`]).

use compact_str::CompactString;
use rust_stemmers::{Algorithm, Stemmer};

use crate::claim::{
    Cue, Quantity, QuantityKind, RoleKind, SpeakerKind, is_scale_word, is_verb, lexicon, number_word,
};
use crate::report::{Difference, DifferenceKind, Evidence, ReportClaim, ReportSpeaker};
use crate::span::Span;
use crate::text::token::{Token, tokenize};

use super::spelling::fold_word;

/// One quotation of a claim: its span in the input, its words as written, and its
/// words normalised and folded (spelling variants, number words).
pub(crate) type QuotePiece<'r> = (Span, &'r str, Vec<CompactString>);

/// One claim of a group, with what difference detection needs.
pub(crate) struct Member<'r> {
    pub claim: &'r ReportClaim,
    /// The quoted words of the claim, read only when another source quotes the same
    /// speaker in the group ([`Member::pieces`]).
    quote_spans: &'r [Span],
    /// The whole input of the claim's source.
    pub input: &'r str,
    /// The claim's terms: stems of its content words, folded names, figures.
    pub terms: &'r [CompactString],
}

impl<'r> Member<'r> {
    pub fn new(
        claim: &'r ReportClaim,
        quotes: &'r [Span],
        terms: &'r [CompactString],
        input: &'r str,
    ) -> Member<'r> {
        Member { claim, quote_spans: quotes, input, terms }
    }

    /// The quoted words of the claim; a quotation with an elision ("…", "...") gives
    /// one piece per part, since an outlet may quote any of them alone.
    fn pieces(&self) -> Vec<QuotePiece<'r>> {
        let mut pieces = Vec::new();
        for &span in self.quote_spans {
            let Some(text) = span.slice(self.input) else { continue };
            let mut at = 0;
            for part in text.split_inclusive(['\u{2026}']).flat_map(|p| p.split_inclusive("...")) {
                let start = span.start + at;
                at += part.len();
                let words: Vec<CompactString> = tokenize(part).iter().map(|t| fold_word(&t.norm)).collect();
                let trimmed = part.trim_end_matches(['\u{2026}', '.']);
                pieces.push((Span::new(start, start + trimmed.len()), trimmed, words));
            }
        }
        pieces
    }
}

fn evidence(claim: &ReportClaim, span: Span, text: &str) -> Evidence {
    Evidence { claim: claim.id.clone(), span, text: text.to_string() }
}

/// The differences between the sources of a group (members sorted by source).
pub(crate) fn find(
    members: &[Member<'_>],
    source_name: &dyn Fn(usize) -> String,
    quote_similarity: f64,
) -> Vec<Difference> {
    debug_assert!(members.is_sorted_by_key(|m| m.claim.source));
    let sides: Vec<(usize, &[Member<'_>])> = members
        .chunk_by(|x, y| x.claim.source == y.claim.source)
        .map(|ms| (ms[0].claim.source, ms))
        .collect();
    if sides.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    out.extend(speaker(&sides, source_name));
    out.extend(quantities(&sides, source_name, false));
    out.extend(quantities(&sides, source_name, true));
    out.extend(cue_presence(&sides, source_name, DifferenceKind::Hedge));
    out.extend(cue_presence(&sides, source_name, DifferenceKind::Negation));
    out.extend(quotes(&sides, source_name, quote_similarity));
    out
}

type Sides<'a, 'r> = [(usize, &'a [Member<'r>])];

/// Speaker: two sources with speakers and none in common, where no description on one
/// side can be a named speaker of the other ("the company" in an article that names
/// SpaceX may be SpaceX) and the two are not both singular definite descriptions ("the
/// spaceflight company" and "the spacecraft maker" may be one). The versions compared
/// must tell one fact ([`one_fact`]) with the same polarity ([`same_polarity`]).
fn speaker(sides: &Sides<'_, '_>, name: &dyn Fn(usize) -> String) -> Option<Difference> {
    // The attributed members of each side, read once. A news outlet relays what some
    // source said; a pronoun the article leaves unresolved may be anyone: neither is
    // compared.
    let firm: Vec<Vec<(&Member<'_>, &ReportSpeaker)>> = sides
        .iter()
        .map(|(_, ms)| {
            ms.iter()
                .filter_map(|m| Some((m, m.claim.speaker.as_ref()?)))
                .filter(|(_, s)| !relays_or_unresolved(s))
                .collect()
        })
        .collect();
    // A document whose issuer the article does not give ("according to the notice")
    // may be any side's: no speaker conflict with it.
    let documents = |i: usize| firm[i].iter().any(|(_, s)| s.kind == SpeakerKind::Document);
    let same = |i: usize, j: usize| {
        documents(i)
            || documents(j)
            || firm[i].iter().any(|&(ma, a)| {
                firm[j].iter().any(|&(mb, b)| {
                    a.key == b.key
                        || share_a_name(a, b)
                        || may_refer_to(a, ma.input, b)
                        || may_refer_to(b, mb.input, a)
                        || (definite_singular(a) && definite_singular(b))
                })
            })
    };
    let spoken = |i: usize| !firm[i].is_empty();
    // The attributed versions must tell one fact in mostly the same words: two claims
    // alike only in meaning may be two speakers saying two things.
    let one_fact = |i: usize, j: usize| {
        firm[i].iter().any(|(m, _)| {
            firm[j].iter().any(|(o, _)| same_polarity(m, o) && one_fact(m.terms, o.terms, ONE_FACT_MIN_TERMS))
        })
    };
    let (i, j) = (0..sides.len()).find_map(|i| {
        let j = (i + 1..sides.len()).find(|&j| spoken(i) && spoken(j) && one_fact(i, j) && !same(i, j))?;
        Some((i, j))
    })?;
    let mut evidence_list = Vec::new();
    let mut parts = Vec::new();
    for k in [i, j] {
        if let Some(&(m, s)) = firm[k].first() {
            evidence_list.push(evidence(m.claim, s.mention_span, &s.mention));
            parts.push(format!("{} ({})", s.name, name(sides[k].0)));
        }
    }
    Some(Difference {
        kind: DifferenceKind::Speaker,
        detail: parts.join(" vs "),
        rule: "both versions are attributed, no speaker is in common, and no description on one side \
               can be the other side's named speaker"
            .to_string(),
        evidence: evidence_list,
    })
}

/// Share of the shorter claim's terms that two versions must have in common for a
/// speaker, number, date, hedge or negation difference between them: one fact in
/// mostly the same words.
const ONE_FACT_MIN_SHARED: f64 = 0.5;

/// Content terms two versions must have in common for a speaker, hedge or negation
/// difference, besides the share: one or two words shared by two short claims ("So this
/// is a dangerous time." / "singing 'It's Our Time'"; "Donald Trump needs to tell the
/// truth" / "I will tell the truth") say nothing of one fact. Set by reading the flags
/// on same-day clusters of the PolNeAR articles (stories of one campaign by seven
/// outlets, where nearly every flag is false): 19 flags with no minimum, 8 at two, 3 at
/// three; the dev clusters' real flags share three to six. Rerun with
/// `tools/false_flags.sh`.
const ONE_FACT_MIN_TERMS: usize = 3;

/// The same for a number or date difference, whose differing figures are no shared
/// terms: "The quake killed 31 people" / "The quake killed 32 people" share two.
const ONE_FIGURE_MIN_TERMS: usize = 2;

/// Whether two versions tell one fact in mostly the same words: a share
/// [`ONE_FACT_MIN_SHARED`] of the shorter's terms, and at least `min_terms` content
/// terms. Terms made of function words ("=and", for a claim that has nothing else) do
/// not count.
fn one_fact(x: &[CompactString], y: &[CompactString], min_terms: usize) -> bool {
    let mut shared = 0usize;
    super::for_each_shared(x, y, |t: &CompactString| shared += usize::from(!t.starts_with('=')));
    shared >= min_terms && shared as f64 / x.len().min(y.len()).max(1) as f64 >= ONE_FACT_MIN_SHARED
}

/// Whether both versions negate or neither does. A version with a negation and one
/// without are not taken for one statement given to two speakers ("will not sell" /
/// "will sell" is a disagreement, which the negation check reports where the negation
/// scopes over the shared words). This also drops a real speaker difference when one
/// version holds a stray negation ("…, who has never held office, said …"): a missed
/// difference costs less than a false one.
fn same_polarity(a: &Member<'_>, b: &Member<'_>) -> bool {
    a.claim.negations.is_empty() == b.claim.negations.is_empty()
}

/// Whether a speaker is a news outlet (`news_outlets.txt`), which relays what another
/// source said, or a pronoun the article leaves unresolved ("he"). An outlet's name is
/// one of the listed names, alone or with a masthead word ("Reuters", "ABC News"; not
/// "AP Moller-Maersk" or "ABC Learning Centres"), or two capitalised words or more
/// ending in a masthead word ("the Texas Tribune", not "the medical officer"), or "The"
/// and one capitalised outlet word ("The Hill", "the Guardian"; not "Hill").
fn relays_or_unresolved(speaker: &ReportSpeaker) -> bool {
    let lex = lexicon();
    let written: Vec<&str> = speaker
        .name
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("the"))
        .collect();
    let words: Vec<String> = written.iter().map(|w| w.to_lowercase()).collect();
    if let [word] = words.as_slice()
        && lex.pronouns.contains_key(word.as_str())
    {
        return true;
    }
    let capitalised = |w: &&str| w.starts_with(char::is_uppercase);
    // "The Hill", "the Guardian": an article and one capitalised outlet word.
    let mut mention = speaker.mention.split_whitespace();
    if let (Some("The" | "the"), Some(word), None) = (mention.next(), mention.next(), mention.next())
        && capitalised(&word)
    {
        let word = word.to_lowercase();
        if lex.outlet_after_the.contains(word.as_str()) || lex.outlet_mastheads.contains(word.as_str()) {
            return true;
        }
    }
    let ends_in_masthead = words.last().is_some_and(|w| lex.outlet_mastheads.contains(w.as_str()));
    let masthead = written.len() >= 2 && written.iter().all(capitalised) && ends_in_masthead;
    // A listed name alone, or with a masthead word after it ("Reuters", "ABC News"; not
    // "AP Moller-Maersk" or "ABC Learning Centres"), capitalised as written.
    let listed = |name: &Vec<&str>| {
        words.iter().zip(name).all(|(a, b)| a == b)
            && written.first().is_some_and(capitalised)
            && match words.len().checked_sub(name.len()) {
                Some(0) => true,
                Some(1) => ends_in_masthead,
                _ => false,
            }
    };
    masthead || lex.outlet_names.iter().any(listed)
}

/// Whether one speaker is a body named by one capitalised word ("Australia", "Norway")
/// that leads the other speaker's title or name, before a role word ("Australia
/// minister", "Norway minister Kari Dahl"): the body and who speaks for it. Not a
/// former or a foreign official ("Former Boeing engineer …", "Russia's ambassador to
/// Ukraine …"), nor two people who share a first name ("Donald Trump" / "Donald Tusk").
fn share_a_name(a: &ReportSpeaker, b: &ReportSpeaker) -> bool {
    let lex = lexicon();
    let leads = |body: &str, phrase: &str| {
        let mut words = phrase.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
        words.next() == Some(body) && words.next().is_some_and(|w| lex.role(&w.to_lowercase()).is_some())
    };
    let body_in = |body: &ReportSpeaker, other: &ReportSpeaker| {
        let mut name = body.name.split_whitespace();
        match (name.next(), name.next()) {
            (Some(word), None)
                if body.role.is_none() && word.len() > 2 && word.starts_with(char::is_uppercase) =>
            {
                leads(word, &other.name) || other.role.as_deref().is_some_and(|r| leads(word, r))
            }
            _ => false,
        }
    };
    body_in(a, b) || body_in(b, a)
}

/// How many words may stand between a verb of `directive_verbs.txt` and the "not" of
/// the request: its object ("told *the city council* not to sign").
const DIRECTIVE_OBJECT_WORDS: usize = 4;

/// Whether a negation cue stands in a request ("told the islands *not* to sign", "urged
/// voters not to wait"): a "not" before an infinitive, within
/// [`DIRECTIVE_OBJECT_WORDS`] words after a verb of `directive_verbs.txt`. It negates no
/// assertion. "Not to be" and "not to blame" are no requests.
fn requested_not(claim: &ReportClaim, cue: &Cue) -> bool {
    let Some(from) = cue.span.end.checked_sub(claim.span.start) else { return false };
    let Some(to) = cue.span.start.checked_sub(claim.span.start) else { return false };
    let mut after = claim.text.get(from..).unwrap_or("").split_whitespace();
    let infinitive = after.next().is_some_and(|w| w.eq_ignore_ascii_case("to"))
        && after.next().is_some_and(|w| !matches!(w.to_lowercase().as_str(), "be" | "blame"));
    if !(infinitive && cue.cue == "not") {
        return false;
    }
    let directive = |t: &Token| lexicon().directive_verbs.contains(t.norm.as_str());
    // The directive verb, with no other verb between it and the "not" ("told reporters
    // she had decided not to run" is a decision, not a request).
    tokenize(claim.text.get(..to).unwrap_or(""))
        .iter()
        .rev()
        .take(DIRECTIVE_OBJECT_WORDS + 1)
        .take_while(|t| !is_verb(t) || directive(t))
        .any(directive)
}

/// Whether a version makes a request itself ("ordered the city to release …"): then a
/// request not to do it is a negation difference after all.
fn makes_request(other: &Member<'_>) -> bool {
    tokenize(&other.claim.text).iter().any(|t| lexicon().directive_verbs.contains(t.norm.as_str()))
}

/// Whether `description`, a speaker its article names by a singular definite
/// description ("the company", "the minister"), may be `named`, a named speaker of
/// another source: the description's article names that speaker too. A plural or
/// indefinite description ("U.S. officials", "a diplomat") is someone else.
fn may_refer_to(description: &ReportSpeaker, input: &str, named: &ReportSpeaker) -> bool {
    if named.kind != SpeakerKind::Named || !definite_singular(description) {
        return false;
    }
    named.name.split_whitespace().last().is_some_and(|surname| mentions_word(input, surname))
}

/// Whether a speaker is named by a singular definite description of a person or a
/// body ("the company", "the minister", "the rocket maker": a head word
/// the lexicon does not know may be either), which may stand for a speaker another
/// source names or describes otherwise.
fn definite_singular(description: &ReportSpeaker) -> bool {
    if description.kind == SpeakerKind::Named {
        return false;
    }
    let definite = description
        .mention
        .split_whitespace()
        .next()
        .is_some_and(|w| ["the", "its", "his", "her", "their"].iter().any(|d| w.eq_ignore_ascii_case(d)));
    let Some(head) = description.mention.split_whitespace().last().map(str::to_lowercase) else {
        return false;
    };
    let plural = head.ends_with('s') && !head.ends_with("ss");
    let fits = matches!(lexicon().role(&head), Some(RoleKind::Person | RoleKind::Group) | None);
    definite && !plural && fits
}

/// Whether `word` stands in `text` as a whole word.
fn mentions_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Whether two quantities give the same role, so that their values must agree: the
/// same kind and unit (see [`Quantity::overlaps`]), and for counts, the same thing
/// counted ("31 people" and "14 people", never "40 trains"), or nothing said on
/// either side.
pub(super) fn same_role(a: &Quantity, b: &Quantity) -> bool {
    let durations = a.kind == QuantityKind::Duration && b.kind == QuantityKind::Duration;
    if !(a.comparable(b) || durations) {
        return false;
    }
    if a.kind == QuantityKind::Date {
        // A day ("Oct. 5, 2023") is compared with days, a month or a year with months
        // and years: "2012-2023 Model S" gives years of models, not the day a window
        // opened, and neither matches nor contradicts "between Oct. 5, 2012, and …".
        return a.day.is_some() == b.day.is_some();
    }
    if a.kind == QuantityKind::Count {
        // A count says what it counts on both sides, or on neither: "an eight-year
        // contract" and "22" (an age) are no two versions of one figure.
        return match (a.counts_head(), b.counts_head()) {
            (Some(x), Some(y)) => x == y,
            (x, y) => x.is_none() && y.is_none(),
        };
    }
    true
}

/// Whether two quantities of the same role may be the same figure: their intervals
/// overlap, or their values are equal up to rounding.
pub(super) fn consistent(a: &Quantity, b: &Quantity) -> bool {
    a.overlaps(b) || a.agrees_with(b)
}

/// The interval a quantity allows, in its base unit, for explanations.
fn interval(q: &Quantity) -> String {
    if q.kind == QuantityKind::Date {
        return q.text.clone();
    }
    let unit = match q.kind {
        QuantityKind::Duration => " days",
        QuantityKind::Percent => "%",
        _ => "",
    };
    let money = if q.kind == QuantityKind::Money {
        format!(" {}", q.unit.as_deref().unwrap_or(""))
    } else {
        String::new()
    };
    let (low, high) = q.interval_in_base_unit();
    let figure =
        |v: f64| if v.fract() == 0.0 && v.abs() < 1e15 { format!("{}", v as i64) } else { format!("{v}") };
    match high {
        Some(h) if h == low => format!("{}{unit}{money}", figure(low)),
        Some(h) => format!("{}\u{2013}{}{unit}{money}", figure(low), figure(h)),
        None => format!("{} or more{unit}{money}", figure(low)),
    }
}

/// Numbers or dates: in some role (kind, unit, what is counted), each of two sources
/// has a value that the other has no consistent match for. A figure on one side only
/// is no conflict.
fn quantities<'a, 'r>(
    sides: &Sides<'a, 'r>,
    name: &dyn Fn(usize) -> String,
    dates: bool,
) -> Option<Difference> {
    let pick = |q: &Quantity| (q.kind == QuantityKind::Date) == dates;
    let values = |ms: &'a [Member<'r>]| {
        ms.iter().flat_map(move |m| m.claim.quantities.iter().filter(move |q| pick(q)).map(move |q| (m, q)))
    };
    // A value is unmatched when the other side gives values of its role, none consistent.
    let unmatched = |theirs: &'a [Member<'r>], q: &Quantity| {
        let mut same = values(theirs).filter(|(_, t)| same_role(t, q)).peekable();
        same.peek().is_some() && !same.any(|(_, t)| consistent(t, q))
    };
    for i in 0..sides.len() {
        for j in i + 1..sides.len() {
            // The two figures must stand in versions of one fact, told in mostly the same
            // words: a pair aligned by meaning alone may hold two facts' figures.
            let pair = values(sides[i].1).filter(|(_, q)| unmatched(sides[j].1, q)).find_map(|(lm, lq)| {
                values(sides[j].1)
                    .find(|(rm, rq)| {
                        same_role(rq, lq)
                            && unmatched(sides[i].1, rq)
                            && one_fact(lm.terms, rm.terms, ONE_FIGURE_MIN_TERMS)
                    })
                    .map(|(rm, rq)| (lm.claim, lq, rm.claim, rq))
            });
            if let Some((lc, lq, rc, rq)) = pair {
                let (kind, rule) = if dates {
                    (DifferenceKind::Date, "dates differ in a part both give")
                } else {
                    (DifferenceKind::Number, "numbers of the same role do not overlap")
                };
                return Some(Difference {
                    kind,
                    detail: format!(
                        "{} ({}) vs {} ({})",
                        lq.text,
                        name(sides[i].0),
                        rq.text,
                        name(sides[j].0)
                    ),
                    rule: format!("{rule}: {} vs {}", interval(lq), interval(rq)),
                    evidence: vec![evidence(lc, lq.span, &lq.text), evidence(rc, rq.span, &rq.text)],
                });
            }
        }
    }
    None
}

/// How many content words after a hedge or a negation make the predicate it scopes
/// over ("may not be *sufficient to prevent* …").
const PREDICATE_WORDS: usize = 3;

/// Words that carry no predicate: auxiliaries and the forms of "be" and "have".
const AUXILIARIES: [&str; 12] =
    ["be", "been", "being", "is", "are", "was", "were", "have", "has", "had", "do", "does"];

/// The stemmed content words of a claim's text from byte `from` (relative to the
/// claim): what a cue there scopes over. The words of figures ("two", "million") are
/// left out (figures are compared on their own), and synonyms are read in the plural
/// too ("vehicles" is "car").
fn content_stems(stemmer: &Stemmer, text: &str) -> Vec<String> {
    let lex = lexicon();
    tokenize(text)
        .iter()
        .filter(|t| {
            !t.numeric
                && number_word(&t.norm).is_none()
                && !is_scale_word(&t.norm)
                && !lex.stopwords.contains(t.norm.as_str())
                && !AUXILIARIES.contains(&t.norm.as_str())
        })
        .map(|t| stemmer.stem(lex.synonym(t.norm.as_str()).unwrap_or(t.norm.as_str())).into_owned())
        .collect()
}

/// How many bytes after a cue are read for the predicate it scopes over.
const PREDICATE_BYTES: usize = 80;

/// The predicate a cue of `claim` scopes over: the stems of the first content words
/// after it, those words as written (for the explanation), and for a `hedge` its
/// figures.
fn predicate_of<'c>(
    stemmer: &Stemmer,
    claim: &'c ReportClaim,
    cue: &Cue,
    hedge: bool,
) -> Option<Predicate<'c>> {
    let from = cue.span.end.checked_sub(claim.span.start)?;
    let after = claim.text.get(from..)?;
    let mut end = after.len().min(PREDICATE_BYTES);
    while !after.is_char_boundary(end) {
        end -= 1;
    }
    let stems: Vec<String> =
        content_stems(stemmer, &after[..end]).into_iter().take(PREDICATE_WORDS).collect();
    if stems.is_empty() {
        return None;
    }
    let scope = Span::new(cue.span.end, cue.span.end + end);
    let before = claim.text.get(..cue.span.start.saturating_sub(claim.span.start)).unwrap_or("");
    let hearsay = hedge && lexicon().hearsay_hedges.contains(cue.cue.to_lowercase().as_str());
    let figures = if !hearsay || tokenize(before).iter().any(is_verb) {
        Vec::new()
    } else {
        claim
            .quantities
            .iter()
            .filter(|q| {
                q.kind != QuantityKind::Date && scope.start <= q.span.start && q.span.start < scope.end
            })
            .collect()
    };
    Some(Predicate { stems, after, figures })
}

/// What a hedge or a negation scopes over.
struct Predicate<'c> {
    /// The stems of its first content words.
    stems: Vec<String>,
    /// The claim's words from the cue on, for the explanation.
    after: &'c str,
    /// The figures among the words read for the predicate (at most [`PREDICATE_BYTES`]
    /// from the cue), when the cue is a hedge of `hearsay_hedges.txt` on the claim's main
    /// predicate (no verb before it). A group's versions of one fact that share such a
    /// figure state what the cue scopes over, whatever verb carries it ("reportedly
    /// joins on an *eight-and-a-half-year* deal" / "has signed an eight-and-a-half-year
    /// contract"). Not for a modal hedge ("could sell for $40 million" is another act
    /// than "bought for $40 million"), nor in an aside after the main verb ("issued a
    /// recall, potentially affecting 2 million vehicles"). Dates are left out: a shared
    /// day says nothing of the act ("expected to close on March 15" / "announced on
    /// March 15").
    figures: Vec<&'c Quantity>,
}

/// Whether the other version states plainly one of the figures a cue scopes over
/// ([`Predicate::figures`]).
fn figure_asserted_plainly(predicate: &Predicate<'_>, other: &Member<'_>) -> bool {
    predicate
        .figures
        .iter()
        .any(|q| other.claim.quantities.iter().any(|t| same_role(t, q) && consistent(t, q)))
        && !has_negative_wording(other, |_| false)
}

/// Whether a version has negative wording ("refused", "unclear"), but for words that
/// are the predicate itself (`own`): "cancelled 300 flights" states what "did not
/// cancel 300 flights" negates.
fn has_negative_wording(other: &Member<'_>, own: impl Fn(&str) -> bool) -> bool {
    tokenize(&other.claim.text)
        .iter()
        .any(|t| lexicon().negative_words.contains(t.norm.as_str()) && !own(t.norm.as_str()))
}

/// Whether the other version asserts a predicate plainly: most of its stems (the
/// first always) among the version's terms, and no negative wording there
/// ("refused", "unclear").
fn asserted_plainly(stemmer: &Stemmer, predicate: &[String], other: &Member<'_>) -> bool {
    // Terms are sorted.
    let has = |w: &String| other.terms.binary_search_by(|t| t.as_str().cmp(w.as_str())).is_ok();
    let found = predicate.iter().filter(|w| has(w)).count();
    predicate.first().is_some_and(has)
        && 2 * found >= predicate.len()
        && !has_negative_wording(other, |word| predicate.contains(&stemmer.stem(word).into_owned()))
}

/// Hedge or negation: one source has the cue in every version, another in none, and
/// the cue scopes over a predicate that the other source asserts plainly ("may not be
/// sufficient" against "is sufficient"; not a "may" in another part of a long quote).
fn cue_presence<'r>(
    sides: &Sides<'_, 'r>,
    name: &dyn Fn(usize) -> String,
    kind: DifferenceKind,
) -> Option<Difference> {
    let cues = |m: &Member<'r>| match kind {
        DifferenceKind::Hedge => m.claim.hedges.as_slice(),
        _ => m.claim.negations.as_slice(),
    };
    let with = sides.iter().filter(|(_, ms)| ms.iter().all(|m| !cues(m).is_empty()));
    let without: Vec<&(usize, &[Member<'r>])> =
        sides.iter().filter(|(_, ms)| ms.iter().all(|m| cues(m).is_empty())).collect();
    if without.is_empty() {
        return None;
    }
    let mut with = with.peekable();
    with.peek()?;
    let stemmer = Stemmer::create(Algorithm::English);
    for (ws, wms) in with {
        for m in wms.iter() {
            for cue in cues(m) {
                let requested = kind == DifferenceKind::Negation && requested_not(m.claim, cue);
                let hedge = kind == DifferenceKind::Hedge;
                let Some(predicate) = predicate_of(&stemmer, m.claim, cue, hedge) else { continue };
                for (os, oms) in &without {
                    for o in oms.iter() {
                        if !one_fact(m.terms, o.terms, ONE_FACT_MIN_TERMS) || (requested && !makes_request(o))
                        {
                            continue;
                        }
                        if !asserted_plainly(&stemmer, &predicate.stems, o)
                            && !figure_asserted_plainly(&predicate, o)
                        {
                            continue;
                        }
                        let predicate: Vec<&str> =
                            predicate.after.split_whitespace().take(PREDICATE_WORDS + 2).collect();
                        let predicate = predicate.join(" ");
                        let what = if kind == DifferenceKind::Hedge { "hedged" } else { "negated" };
                        return Some(Difference {
                            kind,
                            detail: format!(
                                "{} \"{}\" ({}) vs not {} ({})",
                                what,
                                cue.cue,
                                name(*ws),
                                what,
                                name(*os)
                            ),
                            rule: format!(
                                "\"{}\" scopes over \u{201C}{}\u{201D}, which {} states plainly",
                                cue.cue,
                                predicate,
                                name(*os)
                            ),
                            evidence: vec![
                                evidence(m.claim, cue.span, &cue.cue),
                                Evidence {
                                    claim: o.claim.id.clone(),
                                    span: o.claim.span,
                                    text: o.claim.text.clone(),
                                },
                            ],
                        });
                    }
                }
            }
        }
    }
    None
}

fn contains_run(long: &[CompactString], short: &[CompactString]) -> bool {
    short.is_empty() || long.windows(short.len()).any(|w| w == short)
}

type Quote<'q> = (&'q ReportClaim, QuotePiece<'q>);

/// The quotations (of three words or more) of a side by speakers that `keys` holds,
/// with their speaker keys.
fn quotes_of<'a>(ms: &[Member<'a>], keys: &[&str]) -> Vec<(&'a str, Quote<'a>)> {
    ms.iter()
        .filter(|m| !m.quote_spans.is_empty())
        .filter_map(|m| Some((m, m.claim.speaker.as_ref()?.key.as_str())))
        .filter(|(_, key)| keys.contains(key))
        .flat_map(|(m, key)| {
            m.pieces().into_iter().filter(|q| q.2.len() >= 3).map(move |q| (key, (m.claim, q)))
        })
        .collect()
}

/// The word-level similarity of two quotations: 1 less the share of words changed,
/// comparing the shorter with the best-matching stretch of the longer as long as itself
/// (a quotation cut short is not a change).
fn quote_similarity(a: &[CompactString], b: &[CompactString]) -> (f64, usize) {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() {
        return (0.0, 0);
    }
    let short_words: Vec<&CompactString> = short.iter().collect();
    let edits = long
        .windows(short.len())
        .map(|w| strsim::generic_levenshtein(&short_words, &w.iter().collect::<Vec<_>>()))
        .min()
        .unwrap_or(short.len());
    (1.0 - edits as f64 / short.len().max(1) as f64, edits)
}

/// The longest quotation (in words) compared word by word for changed words.
const MAX_EDIT_WORDS: usize = 60;

/// The most word pairs the shared-run comparison of two quotations looks at.
const MAX_RUN_CELLS: usize = 40_000;

/// How many words in a row two quotations must share to be versions of one passage.
const MIN_SHARED_RUN: usize = 6;

/// Whether two quotations are one passage worded otherwise: they share a run of at
/// least [`MIN_SHARED_RUN`] words, and on one side of it both go on, in other words
/// ("confident that due to [the strength of our mission …]" / "confident about the huge
/// opportunity … thanks to [the strength of our mission …]"). A quotation that merely
/// stops where the other goes on is cut short, not changed. Gives the run's length.
fn reworded_around(a: &[CompactString], b: &[CompactString]) -> Option<usize> {
    if a.len() < MIN_SHARED_RUN || b.len() < MIN_SHARED_RUN || a.len() * b.len() > MAX_RUN_CELLS {
        return None;
    }
    // The longest common run, by dynamic programming over the two word lists.
    let mut previous = vec![0usize; b.len() + 1];
    let mut row = vec![0usize; b.len() + 1];
    let (mut best, mut end_a, mut end_b) = (0, 0, 0);
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            row[j] = if a[i - 1] == b[j - 1] { previous[j - 1] + 1 } else { 0 };
            if row[j] > best {
                (best, end_a, end_b) = (row[j], i, j);
            }
        }
        std::mem::swap(&mut previous, &mut row);
    }
    if best < MIN_SHARED_RUN {
        return None;
    }
    let (start_a, start_b) = (end_a - best, end_b - best);
    // Both go on before the run and their words there differ, or both go on after it.
    let before = start_a > 0 && start_b > 0 && a[start_a - 1] != b[start_b - 1];
    let after = end_a < a.len() && end_b < b.len() && a[end_a] != b[end_b];
    (before || after).then_some(best)
}

/// The words of a shorter quotation that its longer counterpart lacks bound the edits
/// between them from below: when they exceed what [`quotes`] allows, the costly
/// comparison is skipped.
fn may_be_close(a: &[CompactString], b: &[CompactString], min_similarity: f64) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // Word-by-word comparison costs long × short²: long quotations are compared by
    // their shared run only.
    if short.len() > MAX_EDIT_WORDS || long.len() > 4 * MAX_EDIT_WORDS {
        return false;
    }
    let allowed = (((1.0 - min_similarity) * short.len() as f64) as usize).max(1);
    let mut missing = 0;
    for w in short {
        if !long.contains(w) {
            missing += 1;
            if missing > allowed {
                return false;
            }
        }
    }
    true
}

/// Quote: the same speaker quoted in both sources on the same point with a few words
/// changed (after folding spelling variants, number words, punctuation and quote
/// marks), where neither source has the other's words anywhere. Two quotations in
/// quite other words are two parts of a speech, or a paraphrase: no conflict.
fn quotes<'r>(
    sides: &Sides<'_, 'r>,
    name: &dyn Fn(usize) -> String,
    min_similarity: f64,
) -> Option<Difference> {
    // The speakers each side quotes; a side's quotations are read once, and only for
    // speakers that another side quotes too.
    let quoted: Vec<Vec<&'r str>> = sides
        .iter()
        .map(|(_, ms)| {
            let mut keys: Vec<&'r str> = ms
                .iter()
                .filter(|m| !m.quote_spans.is_empty())
                .filter_map(|m| Some(m.claim.speaker.as_ref()?.key.as_str()))
                .collect();
            keys.sort_unstable();
            keys.dedup();
            keys
        })
        .collect();
    let mut all: Vec<&str> = quoted.iter().flatten().copied().collect();
    all.sort_unstable();
    let shared: Vec<&str> = all.windows(2).filter(|w| w[0] == w[1]).map(|w| w[0]).collect();
    if shared.is_empty() {
        return None;
    }
    let lists: Vec<Vec<(&str, Quote<'_>)>> = sides.iter().map(|(_, ms)| quotes_of(ms, &shared)).collect();
    for i in 0..sides.len() {
        for j in i + 1..sides.len() {
            if !quoted[i].iter().any(|k| quoted[j].binary_search(k).is_ok()) {
                continue;
            }
            let (left, right) = (&lists[i], &lists[j]);
            let covered = |words: &[CompactString], key: &str, other: &[(&str, Quote<'_>)]| {
                other
                    .iter()
                    .any(|(k, (_, q))| *k == key && (contains_run(&q.2, words) || contains_run(words, &q.2)))
            };
            for (key, (ca, qa)) in left {
                if covered(&qa.2, key, right) {
                    continue;
                }
                for (kb, (cb, qb)) in right {
                    if kb != key || covered(&qb.2, kb, left) {
                        continue;
                    }
                    let speaker = ca.speaker.as_ref().map_or("", |s| s.name.as_str());
                    let rule = if may_be_close(&qa.2, &qb.2, min_similarity)
                        && let (similarity, edits) = quote_similarity(&qa.2, &qb.2)
                        // One changed word always counts: "a first step" / "a small step".
                        && edits > 0
                        && (similarity >= min_similarity || edits == 1)
                    {
                        format!(
                            "{speaker} quoted on the same point with {edits} of {} words changed",
                            qa.2.len().min(qb.2.len())
                        )
                    } else if let Some(run) = reworded_around(&qa.2, &qb.2) {
                        format!(
                            "{speaker} quoted in one passage ({run} words alike) worded otherwise around it"
                        )
                    } else {
                        continue;
                    };
                    {
                        return Some(Difference {
                            kind: DifferenceKind::Quote,
                            detail: format!(
                                "\u{201C}{}\u{201D} ({}) vs \u{201C}{}\u{201D} ({})",
                                qa.1,
                                name(sides[i].0),
                                qb.1,
                                name(sides[j].0)
                            ),
                            rule,
                            evidence: vec![evidence(ca, qa.0, qa.1), evidence(cb, qb.0, qb.1)],
                        });
                    }
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_predicate_leaves_figures_out_and_reads_plural_synonyms() {
        let stemmer = Stemmer::create(Algorithm::English);
        let stems = content_stems(&stemmer, "recall two million vehicles over faulty brakes");
        assert_eq!(stems, ["recal", "car", "faulti", "brake"]);
    }
}
