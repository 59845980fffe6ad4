//! Slot checks before alignment: two claims in alike words may tell two facts ("talks
//! with the envoy in Paris" / "… in Rome"; "$40 million on flood walls" / "$12 million on
//! new buses"). Whatever proposed a pair (the word index, meaning, the link floor), the
//! pair is dropped when the claims fill one slot with things that cannot be the same:
//!
//! - a place, organisation or person after the same preposition ("in Paris" / "in
//!   Rome", "talks with the minister" / "talks with the union"), named or a role noun
//!   on both sides, that the other claim does not mention anywhere;
//! - days ("on Sunday" / "on Monday", "Oct. 16" / "Oct. 18") that differ when the two
//!   claims share little else;
//! - figures that count different things, no value in common ("$40 million on flood
//!   walls" / "$12 million on new buses");
//! - figures of one role more than [`MAX_FIGURE_RATIO`] apart ("30,000 homes" / "30
//!   homes"): one source misreporting another's figure is not off by an order of
//!   magnitude.
//!
//! Each check reads only what claims carry (their quantities and words), so the cost
//! is linear in the claims of the pairs checked.

use compact_str::CompactString;

use crate::claim::{Claim, Quantity, QuantityKind, RoleKind, fold_name, lexicon};
use crate::text::token::tokenize;

use super::differences::{consistent, same_role};

/// Ratio above which two figures of the same role (kind, unit, thing counted) are
/// counts of two facts, not two versions of one: sources that disagree on a figure
/// give close values (early and later tolls, rounding), not values ten times apart.
/// Set by hand, precision first; dev clusters (`../shared/eval/dev.sh`) hold no gold
/// difference of more than 10× (none lost at 10).
pub(crate) const MAX_FIGURE_RATIO: f64 = 10.0;

/// Share of the shorter claim's terms (days left out) below which two claims that give
/// different days tell two facts. As `differences::ONE_FACT_MIN_SHARED`: at or above
/// it, the pair is one fact told with two dates, a date difference.
const DAY_FACT_MIN_SHARED: f64 = 0.5;

/// Prepositions whose object is a slot of the fact: where, with whom, from where.
const SLOT_PREPOSITIONS: [&str; 9] =
    ["in", "at", "near", "with", "from", "outside", "inside", "against", "between"];

/// Words skipped between a preposition and its object.
const DETERMINERS: [&str; 9] = ["the", "a", "an", "its", "his", "her", "their", "our", "this"];

/// Names of the days of the week.
const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// What one claim says in the slots that are checked.
#[derive(Debug, Default)]
pub(crate) struct Slots {
    /// (preposition, object): the object a name (folded, words joined by a space) or a
    /// role noun (lower case, singular).
    fillers: Vec<(CompactString, CompactString)>,
    /// Every name and role noun of the claim, folded as in `fillers`, one word each.
    mentions: Vec<CompactString>,
    /// Weekdays named (0 = Monday).
    weekdays: Vec<u8>,
    /// Every word of the claim, lower case (for "does the other mention it").
    words: Vec<CompactString>,
}

impl Slots {
    /// The slots of a claim.
    pub(crate) fn of(claim: &Claim<'_>) -> Slots {
        let tokens = tokenize(claim.text);
        let lex = lexicon();
        let mut slots = Slots::default();
        let role = |w: &str| matches!(lex.role(w), Some(RoleKind::Person | RoleKind::Group));
        for (i, t) in tokens.iter().enumerate() {
            slots.words.push(t.norm.clone());
            if let Some(d) = WEEKDAYS.iter().position(|w| *w == t.norm) {
                slots.weekdays.push(d as u8);
            }
            if (t.capitalized && i > 0 && !lex.stopwords.contains(t.norm.as_str())) || role(&t.norm) {
                slots.mentions.push(mention(t.capitalized, &t.norm));
            }
            if !SLOT_PREPOSITIONS.contains(&t.norm.as_str()) {
                continue;
            }
            let mut j = i + 1;
            while tokens.get(j).is_some_and(|t| DETERMINERS.contains(&t.norm.as_str())) {
                j += 1;
            }
            // A run of capitalised words is a name; else the head of the noun run (its
            // last word before a function word) counts if it is a role noun.
            let run: Vec<_> = tokens[j.min(tokens.len())..]
                .iter()
                .take_while(|t| !t.numeric && !lex.stopwords.contains(t.norm.as_str()))
                .take(4)
                .collect();
            let Some(first) = run.first() else { continue };
            // A weekday or a month is a day, compared as one.
            if WEEKDAYS.contains(&first.norm.as_str())
                || claim.quantities.iter().any(|q| q.span.contains(first.span))
            {
                continue;
            }
            if first.capitalized {
                let name: Vec<CompactString> =
                    run.iter().take_while(|t| t.capitalized).map(|t| fold_name(&t.norm)).collect();
                slots.fillers.push((t.norm.clone(), name.join(" ").into()));
            } else if let Some(head) = run.last().filter(|h| role(&h.norm)) {
                slots.fillers.push((t.norm.clone(), mention(false, &head.norm)));
            }
        }
        slots.mentions.sort_unstable();
        slots.mentions.dedup();
        slots.words.sort_unstable();
        slots.words.dedup();
        slots
    }

    /// Whether the claim mentions a filler: each of its words as a name, role or word.
    fn mentions(&self, filler: &str) -> bool {
        filler.split(' ').all(|w| {
            self.mentions.binary_search_by(|m| m.as_str().cmp(w)).is_ok()
                || self.words.binary_search_by(|m| m.as_str().cmp(w)).is_ok()
        })
    }
}

/// A name folded, or a role noun in the singular.
fn mention(name: bool, norm: &str) -> CompactString {
    if name {
        fold_name(norm)
    } else {
        let one = norm.strip_suffix('s').filter(|s| !s.ends_with('s') && lexicon().role(s).is_some());
        one.unwrap_or(norm).into()
    }
}

/// Whether two claims tell different facts though their words are alike, judged by
/// their slots (see the module's doc). `terms` are the claims' sorted terms.
pub(crate) fn conflict(
    (a, slots_a, terms_a): (&Claim<'_>, &Slots, &[CompactString]),
    (b, slots_b, terms_b): (&Claim<'_>, &Slots, &[CompactString]),
) -> bool {
    fillers_differ(slots_a, slots_b)
        || days_differ(a, slots_a, terms_a, b, slots_b, terms_b)
        || figures_differ(a, b, slots_a, slots_b)
}

/// One preposition with two objects, each unmentioned by the other claim.
fn fillers_differ(a: &Slots, b: &Slots) -> bool {
    a.fillers
        .iter()
        .any(|(p, x)| b.fillers.iter().any(|(q, y)| p == q && x != y && !b.mentions(x) && !a.mentions(y)))
}

/// Days given by both claims, none in common, in claims that share little else.
fn days_differ(
    a: &Claim<'_>,
    slots_a: &Slots,
    terms_a: &[CompactString],
    b: &Claim<'_>,
    slots_b: &Slots,
    terms_b: &[CompactString],
) -> bool {
    fn dated<'c>(c: &'c Claim<'_>) -> Vec<&'c Quantity> {
        c.quantities.iter().filter(|q| q.kind == QuantityKind::Date && q.day.is_some()).collect()
    }
    let (da, db) = (dated(a), dated(b));
    let dates_differ =
        !da.is_empty() && !db.is_empty() && !da.iter().any(|x| db.iter().any(|y| x.agrees_with(y)));
    let weekdays_differ = !slots_a.weekdays.is_empty()
        && !slots_b.weekdays.is_empty()
        && !slots_a.weekdays.iter().any(|d| slots_b.weekdays.contains(d));
    if !(dates_differ || weekdays_differ) {
        return false;
    }
    let plain = |ts: &[CompactString]| -> Vec<CompactString> {
        ts.iter()
            .filter(|t| {
                !t.starts_with('@') && !WEEKDAYS.iter().any(|w| w.starts_with(t.as_str()) && t.len() >= 5)
            })
            .cloned()
            .collect()
    };
    let (pa, pb) = (plain(terms_a), plain(terms_b));
    let mut shared = 0usize;
    super::for_each_shared(&pa, &pb, |_| shared += 1);
    (shared as f64) < DAY_FACT_MIN_SHARED * pa.len().min(pb.len()).max(1) as f64
}

/// Figures that count different things with no value in common, or figures of one
/// role more than [`MAX_FIGURE_RATIO`] apart.
fn figures_differ(a: &Claim<'_>, b: &Claim<'_>, slots_a: &Slots, slots_b: &Slots) -> bool {
    fn figures<'c>(c: &'c Claim<'_>) -> Vec<&'c Quantity> {
        c.quantities.iter().filter(|q| q.kind != QuantityKind::Date).collect()
    }
    let (fa, fb) = (figures(a), figures(b));
    if fa.is_empty() || fb.is_empty() {
        return false;
    }
    // A value in common (same kind and unit) ties the claims whatever they count.
    if fa.iter().any(|x| fb.iter().any(|y| x.comparable(y) && consistent(x, y))) {
        return false;
    }
    let heads = |fs: &[&Quantity]| -> Vec<String> {
        fs.iter().filter_map(|q| q.counts_head().map(|h| h.into_owned())).collect()
    };
    let (ha, hb) = (heads(&fa), heads(&fb));
    let told = |h: &str, s: &Slots| {
        s.words.binary_search_by(|w| w.as_str().cmp(h)).is_ok()
            || s.words.iter().any(|w| w.starts_with(h) && w.len() <= h.len() + 2)
    };
    let counted_apart = !ha.is_empty()
        && !hb.is_empty()
        && !ha.iter().any(|h| hb.contains(h))
        && !ha.iter().any(|h| told(h, slots_b))
        && !hb.iter().any(|h| told(h, slots_a));
    if counted_apart {
        return true;
    }
    fa.iter().any(|x| {
        fb.iter().any(|y| {
            same_role(x, y) && x.counts_head().is_some() && {
                let (lx, hx) = x.interval_in_base_unit();
                let (ly, hy) = y.interval_in_base_unit();
                let far =
                    |low: f64, high: Option<f64>| high.is_some_and(|h| h > 0.0 && low > MAX_FIGURE_RATIO * h);
                far(lx, hy) || far(ly, hx)
            }
        })
    })
}
