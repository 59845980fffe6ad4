//! Alignment stage: the [`Matcher`] groups the claims of N sources that state the same
//! thing and labels each group agreement, difference or unique.

mod differences;
mod group;
mod index;
mod meaning;
mod similarity;
mod slots;
mod soft;
mod spelling;

pub use meaning::{DEFAULT_MEANING_OVERLAP, DEFAULT_MEANING_THRESHOLD};
pub use soft::DEFAULT_SOFT_THRESHOLD;

use std::collections::{BTreeMap, HashMap};

use crate::claim::ClaimSet;
use crate::claim::SpeakerKind;
use crate::error::{Error, Result};
use crate::report::{Alignment, AlignmentKind, Report, ReportClaim, ReportSpeaker, SourceInfo};

/// Default similarity two claims (or two groups, on average) need to align.
pub const DEFAULT_THRESHOLD: f32 = 0.3;
/// Default lean of the similarity from the IDF-weighted cosine (0) towards containment,
/// the share of the lighter claim's weight the other holds (1); see
/// [`MatcherBuilder::containment`]. Fit with [`DEFAULT_CONTAINMENT_FLOOR`] by
/// `tools/fit_similarity.py` on the dev clusters and NAnCo's training questions
/// (answers and paragraphs), over leans 0.2–0.8 and floors 0.03–0.1.
pub const DEFAULT_CONTAINMENT: f32 = 0.5;
/// Default share of the heavier claim's word weight that two claims must share for
/// their similarity to lean towards containment; see
/// [`MatcherBuilder::containment_floor`]. Fit with [`DEFAULT_CONTAINMENT`] by
/// `tools/fit_similarity.py`.
pub const DEFAULT_CONTAINMENT_FLOOR: f32 = 0.05;
/// Default least number of claims a term counts as held by in its IDF weight; see
/// [`MatcherBuilder::term_count_floor`]. A term that one claim alone holds can make no
/// pair, and at its full IDF it only dilutes that claim's similarity to every other:
/// a paragraph that tells a fact among words of its own scores low against the fact
/// told alone. Counting such terms as held by a few claims (smoothing the counts) weighs
/// them less. Fit by `tools/fit_grouping.py` (with [`DEFAULT_GROUP_AVERAGE`]) on the dev
/// clusters and NAnCo's training questions, answers and paragraphs: see there for the
/// held-out check.
pub const DEFAULT_TERM_COUNT_FLOOR: f32 = 3.0;
/// Default share of the threshold that the average link of two groups must reach for
/// them to merge, along a pair that reaches the threshold itself; see
/// [`MatcherBuilder::group_average`]. Below 1, a fact that several sources tell, each
/// telling close to one or two others but farther from the rest (a paragraph that holds
/// it among other facts), still makes one group. Fit with [`DEFAULT_TERM_COUNT_FLOOR`]
/// by `tools/fit_grouping.py`.
pub const DEFAULT_GROUP_AVERAGE: f32 = 0.8;
/// Default number of terms two claims must share to be compared at all.
pub const DEFAULT_MIN_SHARED_TERMS: usize = 3;
/// Default limit on sources in one comparison.
pub const DEFAULT_MAX_SOURCES: usize = 10_000;
/// Default word-level similarity (1 less the share of words changed, after folding
/// spelling variants) from which two different quotations of the same speaker on the
/// same point count as one quote changed; a single changed word always does. Set by
/// hand, precision first: one word in five may differ (a ten-word quote with two words
/// changed is 0.8 and is flagged; two quotes that share a long run but differ in a
/// clause are two parts of a speech or a paraphrase, and are not).
pub const DEFAULT_QUOTE_SIMILARITY: f64 = 0.8;
/// Default number of claims above which a term stops proposing candidate pairs.
pub const DEFAULT_MAX_PROPOSING: usize = 1_000;
/// Share of the threshold from which a pair of claims counts in the average link of
/// the groups that hold them, though alone it is too far apart to align. Without it a
/// pair below the threshold counted as 0: a fact told by four sources, each pair of
/// tellings alike but a few only just below the threshold ("announced Friday it will cut
/// 12,000 jobs, or about 6% of its global workforce" / "said it will cut about 12,000
/// jobs, or more than 6% of its workforce worldwide, to become …", word cosine 0.24),
/// could not be one group. A pair below the threshold still never starts a group. Set
/// by hand on the dev clusters (`../shared/eval/dev.sh`): multi-source items 16/30
/// without a floor, 17/30 at 5/6 and 2/3, 18/30 at 1/2 and 1/3, no difference added;
/// the word index costs more the lower the floor (`examples/scale`: alignment of 100
/// articles about 1.2× the time without a floor at 2/3, 1.4× at 1/2; of 1,000 about
/// 1.7× at 1/2).
const LINK_FLOOR_SHARE: f32 = 0.5;
/// Nodes above which a part (a connected component of the candidates) is not searched
/// whole for the weaker pairs of the link floor: there they are looked up only between
/// two partners of one node (`TermIndex::candidates_near`), a fact told by several
/// sources whose tellings each match a third one. In a large collection the candidates
/// chain stories into one part: of the 23,572 nodes of `examples/scale 1000`, 11,957
/// were one part, and searching it took about half the alignment's time (2.2 s against
/// 1.2 s). The parts of the dev clusters hold at most 17 nodes, and their reports are
/// byte for byte the same with or without the limit. Set by hand.
const MAX_SEARCHED_PART: usize = 256;
/// Jaro-Winkler similarity above which two names from different sources are one
/// speaker ("Zelenskiy" / "Zelensky").
const NAME_SIMILARITY: f64 = 0.93;
/// Claims a term may be held by and still count in a pair's shared weight, whatever
/// the share of claims [`MatcherBuilder::max_term_share`] allows. A term too common to
/// count is still in each claim's own weight, which pulls alike claims apart; in a
/// comparison of a few sources on one story, the story's own words ("Tesla",
/// "vehicles") are in more than a quarter of the claims. Set by hand on the dev
/// clusters (`../shared/eval/dev.sh`): multi-source items 19/30 at 16 and 32, 20/30 at
/// 64 and 128 (the "over-the-air update" of the Tesla recall), no flag added. A
/// comparison of more than 256 claims never reaches it, so large ones cost the same.
const MIN_MAX_POSTINGS: usize = 64;

/// Aligns the claim sets of N sources into a [`Report`].
///
/// ```
/// use claimdiff::{AlignmentKind, Article, ClaimSet, Matcher};
///
/// let a = ClaimSet::new(Article::parse("The ministry said 1,200 troops crossed the border on Oct. 16.")?)?;
/// let b = ClaimSet::new(Article::parse("About 1,500 troops crossed the border on Oct. 16, the ministry said.")?)?;
/// let report = Matcher::new().compare(&[a, b])?;
/// assert_eq!(report.alignments.len(), 1);
/// assert_eq!(report.alignments[0].kind, AlignmentKind::Difference);
/// # Ok::<(), claimdiff::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Matcher {
    threshold: f32,
    containment: f32,
    containment_floor: f32,
    term_count_floor: f32,
    group_average: f32,
    min_shared_terms: usize,
    max_sources: usize,
    quote_similarity: f64,
    meaning_threshold: f32,
    meaning_overlap: f32,
    soft_threshold: f32,
    max_term_share: f32,
    max_proposing: usize,
}

/// Options for a [`Matcher`].
#[derive(Debug, Clone)]
pub struct MatcherBuilder {
    matcher: Matcher,
}

impl MatcherBuilder {
    /// Similarity (IDF-weighted cosine, 0–1) claims need to align; default
    /// [`DEFAULT_THRESHOLD`].
    pub fn threshold(mut self, threshold: f32) -> Self {
        self.matcher.threshold = threshold;
        self
    }

    /// How far the similarity of two claims leans from the cosine of their IDF-weighted
    /// terms (0) towards containment, the share of the lighter claim's weight that the
    /// other holds (up to 0.9): the weighted geometric mean `cosine^(1 - c) ·
    /// containment^c`. A fact told alone then scores higher against the same fact told
    /// as a clause of a longer sentence. Default [`DEFAULT_CONTAINMENT`].
    pub fn containment(mut self, lean: f32) -> Self {
        self.matcher.containment = lean;
        self
    }

    /// Share of the heavier claim's word weight (0–1) that two claims must share for
    /// their similarity to lean towards containment ([`MatcherBuilder::containment`]);
    /// below it they score their cosine. It keeps a claim of a word or two from
    /// matching every long claim that holds them, and bounds the candidate search.
    /// Default [`DEFAULT_CONTAINMENT_FLOOR`].
    pub fn containment_floor(mut self, share: f32) -> Self {
        self.matcher.containment_floor = share;
        self
    }

    /// Least number of claims a term counts as held by in its IDF weight (from 1 up;
    /// 1 is plain IDF); default [`DEFAULT_TERM_COUNT_FLOOR`]. The higher, the less the
    /// words only one claim uses keep it apart from claims that tell the same fact
    /// among other words.
    pub fn term_count_floor(mut self, count: f32) -> Self {
        self.matcher.term_count_floor = count.max(1.0);
        self
    }

    /// Share of the threshold (0–1) that the average similarity of two groups' claims
    /// must reach for them to merge; the pair they merge along must reach the threshold
    /// itself. Default [`DEFAULT_GROUP_AVERAGE`] (also for NaN); at 1, every group is on
    /// average as alike as one aligned pair. The lower, the more a group may chain: at
    /// 0, any pair that reaches the threshold merges its two groups.
    pub fn group_average(mut self, share: f32) -> Self {
        self.matcher.group_average =
            if share.is_nan() { DEFAULT_GROUP_AVERAGE } else { share.clamp(0.0, 1.0) };
        self
    }

    /// Terms two claims must share to be compared; default [`DEFAULT_MIN_SHARED_TERMS`].
    pub fn min_shared_terms(mut self, count: usize) -> Self {
        self.matcher.min_shared_terms = count;
        self
    }

    /// Most sources in one comparison; default [`DEFAULT_MAX_SOURCES`].
    pub fn max_sources(mut self, count: usize) -> Self {
        self.matcher.max_sources = count;
        self
    }

    /// Cosine of two claims' meaning vectors from which they may align though their
    /// word cosine is low (with [`MatcherBuilder::meaning_overlap`]); default
    /// [`DEFAULT_MEANING_THRESHOLD`]. From 1 up, claims align by word cosine only.
    pub fn meaning_threshold(mut self, threshold: f32) -> Self {
        self.matcher.meaning_threshold = threshold;
        self
    }

    /// Share of the lighter claim's word weight that the other must hold for the two
    /// to align by meaning; default [`DEFAULT_MEANING_OVERLAP`].
    pub fn meaning_overlap(mut self, overlap: f32) -> Self {
        self.matcher.meaning_overlap = overlap;
        self
    }

    /// Soft score (0–1: the two claims' terms matched to the other's same or nearest
    /// term by word vector, weighted) from which claims that share some rare terms
    /// align; default [`DEFAULT_SOFT_THRESHOLD`]. Above 1, soft matching is off.
    pub fn soft_threshold(mut self, threshold: f32) -> Self {
        self.matcher.soft_threshold = threshold;
        self
    }

    /// Word-level similarity for a `quote` difference; default [`DEFAULT_QUOTE_SIMILARITY`].
    pub fn quote_similarity(mut self, similarity: f64) -> Self {
        self.matcher.quote_similarity = similarity;
        self
    }

    /// Share of all claims (0–1) above which a term is too common to propose
    /// candidates or to count in the weight two claims share (a term held by 64 claims
    /// or fewer always counts); default 0.25.
    pub fn max_term_share(mut self, share: f32) -> Self {
        self.matcher.max_term_share = share;
        self
    }

    /// Claims above which a term no longer proposes candidate pairs (it still counts in
    /// their similarity); default [`DEFAULT_MAX_PROPOSING`]. Two claims then meet only
    /// through a rarer shared term, which keeps the work per claim bounded as a
    /// collection grows; `usize::MAX` compares every pair that shares any term.
    pub fn max_proposing(mut self, claims: usize) -> Self {
        self.matcher.max_proposing = claims;
        self
    }

    /// The matcher with these options.
    pub fn build(self) -> Matcher {
        self.matcher
    }
}

impl Default for Matcher {
    fn default() -> Self {
        Matcher::new()
    }
}

impl Matcher {
    /// A matcher with default options.
    pub fn new() -> Matcher {
        Matcher {
            threshold: DEFAULT_THRESHOLD,
            containment: DEFAULT_CONTAINMENT,
            containment_floor: DEFAULT_CONTAINMENT_FLOOR,
            term_count_floor: DEFAULT_TERM_COUNT_FLOOR,
            group_average: DEFAULT_GROUP_AVERAGE,
            min_shared_terms: DEFAULT_MIN_SHARED_TERMS,
            max_sources: DEFAULT_MAX_SOURCES,
            quote_similarity: DEFAULT_QUOTE_SIMILARITY,
            meaning_threshold: DEFAULT_MEANING_THRESHOLD,
            meaning_overlap: DEFAULT_MEANING_OVERLAP,
            soft_threshold: DEFAULT_SOFT_THRESHOLD,
            max_term_share: 0.25,
            max_proposing: DEFAULT_MAX_PROPOSING,
        }
    }

    /// A builder for a matcher with other options.
    pub fn builder() -> MatcherBuilder {
        MatcherBuilder { matcher: Matcher::new() }
    }

    /// Compares the claim sets of 2 or more sources.
    pub fn compare(&self, sets: &[ClaimSet<'_>]) -> Result<Report> {
        if sets.len() < 2 || sets.len() > self.max_sources {
            return Err(Error::SourceCount { count: sets.len(), min: 2, max: self.max_sources });
        }
        let keys = canonical_keys(sets);
        let claims = report_claims(sets, &keys);
        let flat: Vec<(usize, &crate::Claim<'_>)> =
            sets.iter().enumerate().flat_map(|(s, set)| set.claims().iter().map(move |c| (s, c))).collect();
        let index = index::TermIndex::new(
            flat.iter().map(|(s, c)| (*s, c.term_keys.as_slice())),
            self.term_count_floor,
        );
        let max_postings = ((flat.len() as f32 * self.max_term_share) as usize).max(MIN_MAX_POSTINGS);
        let criteria = index::Criteria {
            threshold: self.threshold,
            similarity: similarity::Similarity::new(self.containment, self.containment_floor, self.threshold),
            min_shared: self.min_shared_terms,
            max_postings,
            max_proposing: self.max_proposing,
        };
        let mut candidates = index.candidates(criteria);
        if self.meaning_threshold < 1.0 {
            let by_meaning = meaning::candidates(
                &index,
                |node| {
                    let claim = flat[index.members[node][0] as usize].1;
                    (claim.terms.as_slice(), claim.term_keys.as_slice())
                },
                meaning::MeaningCriteria {
                    threshold: self.meaning_threshold,
                    overlap: self.meaning_overlap,
                    lexical_threshold: self.threshold,
                    max_proposing: self.max_proposing,
                },
            );
            merge_candidates(&mut candidates, by_meaning);
        }
        if self.soft_threshold <= 1.0 {
            let by_soft = soft::candidates(
                &index,
                |node| {
                    let claim = flat[index.members[node][0] as usize].1;
                    (claim.terms.as_slice(), claim.term_keys.as_slice())
                },
                |node| claims[index.members[node][0] as usize].speaker.as_ref().map(|s| s.key.as_str()),
                &candidates,
                self.soft_threshold,
                self.threshold,
            );
            merge_candidates(&mut candidates, by_soft);
        }
        // A pair whose claims fill one slot with two things tells two facts. Each check
        // compares the slot facts read at extraction (`claim::Slots`): 4.4 M instructions
        // for the 100 generated articles of `examples/scale`, where reading the slots
        // here took 116 M.
        let claim_of = |node: u32| flat[index.members[node as usize][0] as usize].1;
        candidates.retain(|c| !slots::conflict(claim_of(c.a), claim_of(c.b)));
        // Pairs below the threshold count in the average link of two groups, and two
        // groups merge only when some pair between them reaches the threshold: so the
        // weaker pairs are needed only within the parts (connected components) that the
        // candidates so far make, and only in parts of three nodes or more. In a part
        // too large to search whole, only between the partners of one node.
        let (part, in_large_part) = parts(index.members.len(), &candidates);
        let weak_criteria = index::Criteria { threshold: self.threshold * LINK_FLOOR_SHARE, ..criteria };
        let mut weak = index.candidates_among(weak_criteria, &part);
        if in_large_part.contains(&true) {
            let strong: Vec<index::Candidate> =
                candidates.iter().filter(|c| in_large_part[c.a as usize]).copied().collect();
            merge_candidates(&mut weak, index.candidates_near(weak_criteria, &strong));
        }
        // Soft matching gives links of the floor too, between two partners of one node
        // in the parts searched whole (`soft::links`).
        if self.soft_threshold <= 1.0 {
            let strong: Vec<index::Candidate> =
                candidates.iter().filter(|c| part[c.a as usize] != index::NO_PART).copied().collect();
            let pairs = index.partner_pairs(&strong);
            let by_soft = soft::links(
                &index,
                |node| {
                    let claim = flat[index.members[node][0] as usize].1;
                    (claim.terms.as_slice(), claim.term_keys.as_slice())
                },
                &pairs,
                weak_criteria.threshold,
                self.threshold,
            );
            merge_candidates(&mut weak, by_soft);
        }
        // The weak pass finds again the pairs the slot checks dropped: they stay out.
        weak.retain(|c| !slots::conflict(claim_of(c.a), claim_of(c.b)));
        merge_candidates(&mut candidates, weak);
        let source: Vec<usize> = flat.iter().map(|(s, _)| *s).collect();
        let groups = group::average_link(
            &index.members,
            &index.rank,
            &source,
            &candidates,
            self.threshold,
            self.group_average,
        );
        let sources: Vec<SourceInfo> = sets
            .iter()
            .enumerate()
            .map(|(index, set)| SourceInfo {
                index,
                outlet: set.article().outlet().map(str::to_string),
                title: set.article().title().map(str::to_string),
            })
            .collect();
        let mut report = Report { sources, claims, alignments: Vec::new() };
        let names: Vec<String> = (0..sets.len()).map(|i| report.source_name(i)).collect();
        let name = |i: usize| names[i].clone();
        let claims = &report.claims;
        let alignments = crate::parallel::map(&groups, |g| {
            let mut srcs: Vec<usize> = g.iter().map(|&i| flat[i as usize].0).collect();
            srcs.sort_unstable();
            srcs.dedup();
            // Differences need several sources; quotes are read only then.
            let differences = if srcs.len() > 1 {
                let members: Vec<differences::Member<'_>> = g
                    .iter()
                    .map(|&i| {
                        let (s, c) = flat[i as usize];
                        differences::Member::new(
                            &claims[i as usize],
                            &c.quotes,
                            &c.terms,
                            sets[s].article().text(),
                        )
                    })
                    .collect();
                differences::find(&members, &name, self.quote_similarity)
            } else {
                Vec::new()
            };
            let kind = match (srcs.len(), differences.is_empty()) {
                (1, _) => AlignmentKind::Unique,
                (_, true) => AlignmentKind::Agreement,
                (_, false) => AlignmentKind::Difference,
            };
            let ids = g.iter().map(|&i| claims[i as usize].id.clone()).collect();
            Alignment { kind, claims: ids, sources: srcs, differences }
        });
        report.alignments = alignments;
        Ok(report)
    }
}

/// Calls `shared` with each item two ascending lists both hold (terms, term ids).
pub(crate) fn for_each_shared<T: Ord>(x: &[T], y: &[T], mut shared: impl FnMut(&T)) {
    let (mut i, mut j) = (0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared(&x[i]);
                i += 1;
                j += 1;
            }
        }
    }
}

/// Each node's connected component in the graph of `candidates` (numbered by its least
/// node), [`index::NO_PART`] for nodes in components of fewer than three nodes or more
/// than [`MAX_SEARCHED_PART`]; and whether each node is in one of the latter.
fn parts(nodes: usize, candidates: &[index::Candidate]) -> (Vec<u32>, Vec<bool>) {
    let roots = group::component_roots(nodes, candidates);
    let mut size = vec![0usize; nodes];
    for &r in &roots {
        size[r as usize] += 1;
    }
    let searched = |r: u32| (3..=MAX_SEARCHED_PART).contains(&size[r as usize]);
    let part = roots.iter().map(|&r| if searched(r) { r } else { index::NO_PART }).collect();
    let large = roots.iter().map(|&r| size[r as usize] > MAX_SEARCHED_PART).collect();
    (part, large)
}

/// Adds `more` candidates to `candidates` (both sorted by pair, each pair once), a pair
/// in both keeping its higher similarity.
fn merge_candidates(candidates: &mut Vec<index::Candidate>, more: Vec<index::Candidate>) {
    if more.is_empty() {
        return;
    }
    let mut merged = Vec::with_capacity(candidates.len() + more.len());
    let (mut x, mut y) = (candidates.drain(..).peekable(), more.into_iter().peekable());
    loop {
        let next = match (x.peek(), y.peek()) {
            (Some(p), Some(q)) if (p.a, p.b) == (q.a, q.b) => {
                let q = y.next().expect("peeked");
                let mut p = x.next().expect("peeked");
                p.similarity = p.similarity.max(q.similarity);
                p
            }
            (Some(p), Some(q)) if (p.a, p.b) < (q.a, q.b) => x.next().expect("peeked"),
            (Some(_), Some(_)) | (None, Some(_)) => y.next().expect("peeked"),
            (Some(_), None) => x.next().expect("peeked"),
            (None, None) => break,
        };
        merged.push(next);
    }
    drop(x);
    *candidates = merged;
}

/// Items grouped by bucket in compressed rows (a counting sort that keeps the given
/// order within a bucket): `items[starts[b]..starts[b + 1]]` are bucket `b`'s.
fn bucket<T: Copy + Default>(
    buckets: usize,
    items: impl Iterator<Item = (u32, T)> + Clone,
) -> (Vec<usize>, Vec<T>) {
    let mut starts = vec![0usize; buckets + 1];
    for (b, _) in items.clone() {
        starts[b as usize + 1] += 1;
    }
    for b in 0..buckets {
        starts[b + 1] += starts[b];
    }
    let mut next = starts.clone();
    let mut out = vec![T::default(); starts[buckets]];
    for (b, item) in items {
        out[next[b as usize]] = item;
        next[b as usize] += 1;
    }
    (starts, out)
}

/// Maps each named speaker key to one key shared by similar names across sources
/// ("zelensky", "zelenskiy"): names are bucketed by their first two letters and
/// joined when Jaro-Winkler similar.
fn canonical_keys(sets: &[ClaimSet<'_>]) -> HashMap<String, String> {
    let mut buckets: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for set in sets {
        for s in set.speakers().iter().filter(|s| s.kind == SpeakerKind::Named) {
            let prefix: String = s.key.chars().take(2).collect();
            buckets.entry(prefix).or_default().push(s.key.clone());
        }
    }
    let mut canonical = HashMap::new();
    for keys in buckets.values_mut() {
        keys.sort_unstable();
        keys.dedup();
        let mut chosen: Vec<&String> = Vec::new();
        for key in keys.iter() {
            let target = chosen.iter().find(|c| strsim::jaro_winkler(c, key) >= NAME_SIMILARITY).copied();
            match target {
                Some(c) => {
                    canonical.insert(key.clone(), c.clone());
                }
                None => chosen.push(key),
            }
        }
    }
    canonical
}

fn report_claims(sets: &[ClaimSet<'_>], keys: &HashMap<String, String>) -> Vec<ReportClaim> {
    // Serial even with the `parallel` feature: it is mostly allocation, which threads
    // made slower (the report is then freed from another thread's arena).
    let mut out = Vec::with_capacity(sets.iter().map(|s| s.claims().len()).sum());
    for (source, set) in sets.iter().enumerate() {
        let text = set.article().text();
        for c in set.claims() {
            let speaker = c.attribution.as_ref().map(|a| {
                let s = &set.speakers()[a.speaker];
                ReportSpeaker {
                    name: s.name.clone(),
                    key: keys.get(&s.key).cloned().unwrap_or_else(|| s.key.clone()),
                    mention: text[a.mention.range()].to_string(),
                    mention_span: a.mention,
                    role: s.role.clone(),
                    kind: s.kind,
                }
            });
            out.push(ReportClaim {
                id: format!("c{}", out.len()),
                source,
                text: c.text.to_string(),
                span: c.span,
                sentence: c.sentence,
                speaker,
                topic: c.topic.clone(),
                quantities: c.quantities.clone(),
                hedges: c.hedges.clone(),
                negations: c.negations.clone(),
            });
        }
    }
    out
}
