//! Finding what conflicts between the sources of one alignment group.

use std::collections::BTreeSet;

use compact_str::CompactString;

use crate::claim::{Quantity, QuantityKind, number_word};
use crate::report::{Difference, DifferenceKind, Evidence, ReportClaim};
use crate::span::Span;
use crate::text::token::tokenize;

/// One claim of a group, with what difference detection needs.
pub(crate) struct Member<'r> {
    pub claim: &'r ReportClaim,
    /// The quoted words of the claim, as spans of the input and normalised words.
    pub quotes: Vec<(Span, &'r str, Vec<CompactString>)>,
}

impl<'r> Member<'r> {
    pub fn new(claim: &'r ReportClaim, quotes: &[Span], input: &'r str) -> Member<'r> {
        let quotes = quotes
            .iter()
            .filter_map(|&span| {
                let text = span.slice(input)?;
                let words: Vec<CompactString> = tokenize(text)
                    .into_iter()
                    .map(|t| number_word(&t.norm).map_or(t.norm, |v| CompactString::from(v.to_string())))
                    .collect();
                Some((span, text, words))
            })
            .collect();
        Member { claim, quotes }
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

/// Speaker: two sources with speakers and none in common.
fn speaker(sides: &Sides<'_, '_>, name: &dyn Fn(usize) -> String) -> Option<Difference> {
    fn keys<'m, 'r>(ms: &'m [Member<'r>]) -> impl Iterator<Item = &'r str> + 'm {
        ms.iter().filter_map(|m| Some(m.claim.speaker.as_ref()?.key.as_str()))
    }
    let disjoint = |x: &[Member<'_>], y: &[Member<'_>]| keys(x).all(|k| keys(y).all(|l| k != l));
    let conflict = (0..sides.len()).any(|i| {
        let spoken = |i: usize| keys(sides[i].1).next().is_some();
        spoken(i) && (i + 1..sides.len()).any(|j| spoken(j) && disjoint(sides[i].1, sides[j].1))
    });
    if !conflict {
        return None;
    }
    let mut evidence_list = Vec::new();
    let mut parts = Vec::new();
    for (source, ms) in sides {
        if let Some((m, s)) = ms.iter().find_map(|m| m.claim.speaker.as_ref().map(|s| (m, s))) {
            evidence_list.push(evidence(m.claim, s.mention_span, &s.mention));
            parts.push(format!("{} ({})", s.name, name(*source)));
        }
    }
    Some(Difference { kind: DifferenceKind::Speaker, detail: parts.join(" vs "), evidence: evidence_list })
}

/// Numbers or dates: in some class (kind and unit), each of two sources has a value
/// that the other has no consistent match for.
fn quantities<'a, 'r>(
    sides: &Sides<'a, 'r>,
    name: &dyn Fn(usize) -> String,
    dates: bool,
) -> Option<Difference> {
    let pick = |q: &Quantity| (q.kind == QuantityKind::Date) == dates;
    let values = |ms: &'a [Member<'r>]| {
        ms.iter()
            .flat_map(move |m| m.claim.quantities.iter().filter(move |q| pick(q)).map(move |q| (m.claim, q)))
    };
    // A value is unmatched when the other side gives values of its class, none consistent.
    let unmatched = |theirs: &'a [Member<'r>], q: &Quantity| {
        let mut comparable = values(theirs).filter(|(_, t)| t.comparable(q)).peekable();
        comparable.peek().is_some() && !comparable.any(|(_, t)| t.agrees_with(q))
    };
    for i in 0..sides.len() {
        for j in i + 1..sides.len() {
            let left = values(sides[i].1).find(|(_, q)| unmatched(sides[j].1, q));
            let right = left.and_then(|(_, lq)| {
                values(sides[j].1).find(|(_, q)| q.comparable(lq) && unmatched(sides[i].1, q))
            });
            if let (Some((lc, lq)), Some((rc, rq))) = (left, right) {
                let kind = if dates { DifferenceKind::Date } else { DifferenceKind::Number };
                return Some(Difference {
                    kind,
                    detail: format!(
                        "{} ({}) vs {} ({})",
                        lq.text,
                        name(sides[i].0),
                        rq.text,
                        name(sides[j].0)
                    ),
                    evidence: vec![evidence(lc, lq.span, &lq.text), evidence(rc, rq.span, &rq.text)],
                });
            }
        }
    }
    None
}

/// Hedge or negation: one source has the cue in every version, another in none.
fn cue_presence<'r>(
    sides: &Sides<'_, 'r>,
    name: &dyn Fn(usize) -> String,
    kind: DifferenceKind,
) -> Option<Difference> {
    fn first_cue<'r>(m: &Member<'r>, kind: DifferenceKind) -> Option<&'r crate::claim::Cue> {
        match kind {
            DifferenceKind::Hedge => m.claim.hedges.first(),
            _ => m.claim.negations.first(),
        }
    }
    let cues = |m: &Member<'r>| first_cue(m, kind);
    let with = sides
        .iter()
        .filter(|(_, ms)| ms.iter().all(|m| cues(m).is_some()))
        .find_map(|(s, ms)| ms.first().and_then(|m| Some((*s, m.claim, cues(m)?))));
    let without =
        sides.iter().find(|(_, ms)| ms.iter().all(|m| cues(m).is_none())).map(|(s, ms)| (*s, ms[0].claim));
    let ((ws, wc, cue), (os, oc)) = (with?, without?);
    let what = if kind == DifferenceKind::Hedge { "hedged" } else { "negated" };
    Some(Difference {
        kind,
        detail: format!("{} \"{}\" ({}) vs not {} ({})", what, cue.cue, name(ws), what, name(os)),
        evidence: vec![
            evidence(wc, cue.span, &cue.cue),
            Evidence { claim: oc.id.clone(), span: oc.span, text: oc.text.clone() },
        ],
    })
}

fn contains_run(long: &[CompactString], short: &[CompactString]) -> bool {
    short.is_empty() || long.windows(short.len()).any(|w| w == short)
}

type Quote<'q> = (&'q ReportClaim, &'q (Span, &'q str, Vec<CompactString>));

/// The quotations (of three words or more) of a side, with their speaker keys.
fn quotes_of<'a>(ms: &'a [Member<'a>]) -> Vec<(&'a str, Quote<'a>)> {
    ms.iter()
        .filter_map(|m| Some((m, m.claim.speaker.as_ref()?.key.as_str())))
        .flat_map(|(m, key)| m.quotes.iter().filter(|q| q.2.len() >= 3).map(move |q| (key, (m.claim, q))))
        .collect()
}

/// Quote: the same speaker quoted in both sources on the same point in words that
/// overlap but differ, where neither source has the other's words anywhere.
fn quotes(sides: &Sides<'_, '_>, name: &dyn Fn(usize) -> String, min_similarity: f64) -> Option<Difference> {
    for i in 0..sides.len() {
        for j in i + 1..sides.len() {
            let left = quotes_of(sides[i].1);
            let right = quotes_of(sides[j].1);
            let covered = |words: &[CompactString], key: &str, other: &[(&str, Quote<'_>)]| {
                other
                    .iter()
                    .any(|(k, (_, q))| *k == key && (contains_run(&q.2, words) || contains_run(words, &q.2)))
            };
            for (key, (ca, qa)) in &left {
                if covered(&qa.2, key, &right) {
                    continue;
                }
                for (kb, (cb, qb)) in &right {
                    if kb != key || covered(&qb.2, kb, &left) {
                        continue;
                    }
                    let set_a: BTreeSet<&CompactString> = qa.2.iter().collect();
                    let set_b: BTreeSet<&CompactString> = qb.2.iter().collect();
                    let common = set_a.intersection(&set_b).count() as f64;
                    let dice = 2.0 * common / (set_a.len() + set_b.len()) as f64;
                    if dice >= min_similarity {
                        return Some(Difference {
                            kind: DifferenceKind::Quote,
                            detail: format!(
                                "\u{201C}{}\u{201D} ({}) vs \u{201C}{}\u{201D} ({})",
                                qa.1,
                                name(sides[i].0),
                                qb.1,
                                name(sides[j].0)
                            ),
                            evidence: vec![evidence(ca, qa.0, qa.1), evidence(cb, qb.0, qb.1)],
                        });
                    }
                }
            }
        }
    }
    None
}
