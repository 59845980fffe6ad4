//! Slot checks before alignment: two claims in alike words may tell two facts ("talks
//! with the envoy in Paris" / "… in Rome"; "$40 million on flood walls" / "$12 million on
//! new buses"). Whatever proposed a pair (the word index, meaning, soft term
//! matching), a pair that reaches the threshold is dropped when the claims fill one
//! slot with things that cannot be the same:
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
//! What fills each slot is read once per claim, at extraction (`claim::Slots`, as term
//! keys); a check only compares those values and the claims' quantities, and a pair
//! whose claims have nothing in some slot is passed over at once.

use compact_str::CompactString;

use crate::claim::{Claim, Quantity, QuantityKind, lexicon};

use super::differences::{consistent, same_role};

/// Ratio above which two figures of the same role (kind, unit, thing counted) are
/// counts of two facts, not two versions of one: sources that disagree on a figure
/// give close values (early and later tolls, rounding), not values ten times apart.
/// Set by hand, precision first: on the dev clusters (`../shared/eval/dev.sh`) and the
/// seeds no item or check changes with it; the gold number differences there are
/// within 2x ("just short of four minutes" / "three minutes").
pub(crate) const MAX_FIGURE_RATIO: f64 = 10.0;

/// Share of the shorter claim's terms (days left out) below which two claims that give
/// different days tell two facts. As `differences::ONE_FACT_MIN_SHARED`: at or above
/// it, the pair is one fact told with two dates, a date difference.
const DAY_FACT_MIN_SHARED: f64 = 0.5;

/// Whether two claims tell different facts though their words are alike, judged by
/// their slots (see the module's doc).
pub(crate) fn conflict(a: &Claim<'_>, b: &Claim<'_>) -> bool {
    fillers_differ(a, b) || days_differ(a, b) || figures_differ(a, b)
}

/// One preposition with two objects, each unmentioned by the other claim.
fn fillers_differ(a: &Claim<'_>, b: &Claim<'_>) -> bool {
    let (fa, fb) = (&a.slots.fillers, &b.slots.fillers);
    !fb.is_empty()
        && fa.iter().any(|x| {
            fb.iter().any(|y| {
                x.preposition == y.preposition
                    && x.words() != y.words()
                    && !b.slots.mentions(&b.term_keys, x.words())
                    && !a.slots.mentions(&a.term_keys, y.words())
            })
        })
}

/// Days given by both claims, none in common, in claims that share little else.
fn days_differ(a: &Claim<'_>, b: &Claim<'_>) -> bool {
    let (sa, sb) = (&a.slots, &b.slots);
    let weekdays_differ = sa.weekdays != 0 && sb.weekdays != 0 && sa.weekdays & sb.weekdays == 0;
    let dated = |q: &&Quantity| q.kind == QuantityKind::Date && q.day.is_some();
    let dates_differ = sa.dated
        && sb.dated
        && !a
            .quantities
            .iter()
            .filter(dated)
            .any(|x| b.quantities.iter().filter(dated).any(|y| x.agrees_with(y)));
    if !(weekdays_differ || dates_differ) {
        return false;
    }
    // Terms other than dates and weekdays, counted without copying the term lists:
    // both are sorted, and what is kept is a property of the term.
    let weekdays = &lexicon().slot_words.weekdays;
    let weekday = |t: &CompactString| t.len() >= 5 && weekdays.iter().any(|w| w.starts_with(t.as_str()));
    let plain = |t: &CompactString| !(t.starts_with('@') || weekday(t));
    let mut shared = 0usize;
    super::for_each_shared(&a.terms, &b.terms, |t| shared += usize::from(plain(t)));
    let (pa, pb) = (a.terms.iter().filter(|t| plain(t)).count(), b.terms.iter().filter(|t| plain(t)).count());
    (shared as f64) < DAY_FACT_MIN_SHARED * pa.min(pb).max(1) as f64
}

/// Figures that count different things with no value in common, or figures of one
/// role more than [`MAX_FIGURE_RATIO`] apart.
fn figures_differ(a: &Claim<'_>, b: &Claim<'_>) -> bool {
    fn figures<'c>(c: &'c Claim<'_>) -> impl Iterator<Item = &'c Quantity> {
        c.quantities.iter().filter(|q| q.kind != QuantityKind::Date)
    }
    if figures(a).next().is_none() || figures(b).next().is_none() {
        return false;
    }
    // A value in common (same kind and unit) ties the claims whatever they count.
    if figures(a).any(|x| figures(b).any(|y| x.comparable(y) && consistent(x, y))) {
        return false;
    }
    let (ha, hb) = (&a.slots.heads, &b.slots.heads);
    let counted_apart = !ha.is_empty()
        && !hb.is_empty()
        && !ha.iter().any(|h| hb.contains(h))
        && !ha.iter().any(|h| b.slots.mentions(&b.term_keys, std::slice::from_ref(h)))
        && !hb.iter().any(|h| a.slots.mentions(&a.term_keys, std::slice::from_ref(h)));
    if counted_apart {
        return true;
    }
    figures(a).any(|x| {
        figures(b).any(|y| {
            x.counts.is_some() && same_role(x, y) && {
                let (lx, hx) = x.interval_in_base_unit();
                let (ly, hy) = y.interval_in_base_unit();
                let far =
                    |low: f64, high: Option<f64>| high.is_some_and(|h| h > 0.0 && low > MAX_FIGURE_RATIO * h);
                far(lx, hy) || far(ly, hx)
            }
        })
    })
}
