//! The similarity of two claims from the IDF weight of the terms they share: their
//! cosine, or a score that leans towards containment when that makes them align.
//!
//! With `w` the weight a pair shares (the sum of the shared terms' IDF squared) and
//! `lo` ≤ `hi` the two claims' whole weights, the cosine is `w / √(lo · hi)` and the
//! containment (the share of the lighter claim that the other holds) is `w / lo`. A
//! fact told alone holds all its weight in the same fact told as a clause of a longer
//! sentence, but the longer sentence's other words, rare and so heavy, pull the cosine
//! down; most of all when the fact is told by many sources, which makes its own words
//! common and light ("largest shareholder" / "largest shareholder and a member of its
//! board of directors" among 31 answers to one question: cosine 0.28).
//!
//! The lean score is the weighted geometric mean `cosine^(1 - c) · containment^c` for a
//! lean `c` in 0–1, that is `w / (lo^(1 - γ) · hi^γ)` with `γ = (1 - c) / 2` (0.53 for
//! the pair above at `c = 0.5`). It stands only where
//! - the other claim holds at least half the lighter one's weight ([`MIN_CONTAINMENT`])
//!   in two terms or more ([`MIN_LEAN_TERMS`]),
//! - the pair shares at least a share `ρ` of the heavier claim's weight (`w ≥ ρ · hi`),
//!   so that a claim of one or two common words does not match every long claim that
//!   holds them, and
//! - it reaches the matcher's threshold: containment may make a pair align, but the
//!   weaker links that count in the average of two groups (the link floor) stay
//!   cosines, which keeps their search as cheap as before.
//!
//! Elsewhere a pair scores its cosine.
//!
//! Candidate pairs are still found by exact prefix filtering ([`super::index`]): a pair
//! whose shared terms all lie in one claim's left-out prefix, of weight `L` out of the
//! claim's weight `m`, has `w ≤ L`. By its cosine it then scores at most `√(L / m)`. By
//! its lean score, if that claim is the lighter, at most `L / m`; if it is the heavier,
//! at most `(L / m)^γ` (since `w ≤ L` and `w ≤ lo`, `w ≤ L^γ · lo^(1 - γ)`), and only
//! with `L ≥ ρ · m`. So a prefix lighter than `min(t², max(ρ, t'^(1/γ))) · m`, with `t'`
//! the larger of `t` and the least lean score that stands, cannot hold all the shared
//! terms of a pair scoring `t`. (The other conditions only lower scores.)

/// Terms a pair must share for its lean score to stand: one word held by a longer claim
/// says little that the two state the same thing ("security" / "to ditch controversial
/// China security agreement").
const MIN_LEAN_TERMS: usize = 2;

/// Share of the lighter claim's weight that the other must hold for the lean score to
/// stand: the lean is for a claim told whole inside a longer one, not for two claims
/// that share some words ("Merz called the U.S. offer of security guarantees
/// 'remarkable'" holds 45% of its weight in "the U.S. officials offered no details about
/// what form the security guarantees would take", cosine 0.30, lean score 0.36: a false
/// speaker difference on the seed pair). Set by hand, the bound of the alignment by
/// meaning ([`super::meaning::DEFAULT_MEANING_OVERLAP`]).
const MIN_CONTAINMENT: f32 = 0.5;

/// How two claims' shared weight makes their similarity.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Similarity {
    /// `γ`: the power of the heavier claim's weight in the lean score's denominator.
    heavy: f32,
    /// `ρ`: the share of the heavier claim's weight a pair must share for the lean
    /// score (1 or more: never).
    floor: f32,
    /// The least lean score that stands: below it a pair scores its cosine.
    least: f32,
}

/// A claim's weight and the powers of it that scoring a pair needs.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Weight {
    mass: f32,
    root: f32,
    /// `mass^(1 - γ)`, its factor when it is the lighter claim of a pair.
    light: f32,
    /// `mass^γ`, its factor when the heavier.
    heavy: f32,
}

impl Similarity {
    /// The similarity for a lean `containment` towards containment (0: the cosine only;
    /// at most 0.9, so that the heavier claim always counts), where a pair must share a
    /// share `floor` of the heavier claim's weight and reach `least` for its lean score
    /// to stand.
    pub fn new(containment: f32, floor: f32, least: f32) -> Similarity {
        let lean = if containment.is_finite() { containment.clamp(0.0, 0.9) } else { 0.0 };
        let floor = if lean > 0.0 && floor.is_finite() { floor.max(0.0) } else { f32::INFINITY };
        Similarity { heavy: (1.0 - lean) / 2.0, floor, least: least.max(0.0) }
    }

    /// The powers of a claim's weight `mass` used in scoring.
    pub fn weight(&self, mass: f32) -> Weight {
        let root = mass.sqrt();
        let (light, heavy) = if self.floor.is_finite() {
            (mass.powf(1.0 - self.heavy), mass.powf(self.heavy))
        } else {
            (root, root)
        };
        Weight { mass, root, light, heavy }
    }

    /// The similarity of two claims of weights `a` and `b` that share `terms` terms of
    /// weight `shared`.
    pub fn score(&self, shared: f32, terms: usize, a: Weight, b: Weight) -> f32 {
        let (lo, hi) = if a.mass <= b.mass { (a, b) } else { (b, a) };
        let cosine = lo.root * hi.root;
        if cosine <= 0.0 {
            return 0.0;
        }
        if terms >= MIN_LEAN_TERMS && shared >= self.floor * hi.mass && shared >= MIN_CONTAINMENT * lo.mass {
            let lean = shared / (lo.light * hi.heavy);
            if lean >= self.least {
                return lean;
            }
        }
        shared / cosine
    }

    /// The least weight two claims of weights `a` and `b` must share to score
    /// `threshold`.
    pub fn need(&self, threshold: f32, a: Weight, b: Weight) -> f32 {
        let (lo, hi) = if a.mass <= b.mass { (a, b) } else { (b, a) };
        let cosine = threshold * lo.root * hi.root;
        let lean = (threshold.max(self.least) * lo.light * hi.heavy)
            .max(self.floor * hi.mass)
            .max(MIN_CONTAINMENT * lo.mass);
        cosine.min(lean)
    }

    /// The share of a claim's weight that its left-out prefix may hold so that no pair
    /// reaching `threshold` has all its shared terms in it.
    pub fn prefix_share(&self, threshold: f32) -> f32 {
        let t = threshold.max(0.0);
        (t * t).min(self.floor.max(t.max(self.least).powf(1.0 / self.heavy)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(s: Similarity, shared: f32, a: f32, b: f32) -> f32 {
        s.score(shared, 2, s.weight(a), s.weight(b))
    }

    #[test]
    fn without_a_lean_it_is_the_cosine() {
        let s = Similarity::new(0.0, 0.1, 0.0);
        assert!((score(s, 2.0, 4.0, 9.0) - 2.0 / 6.0).abs() < 1e-6);
    }

    #[test]
    fn a_light_claim_held_whole_scores_between_cosine_and_containment() {
        let (cosine, half) = (
            score(Similarity::new(0.0, 0.1, 0.0), 3.0, 3.0, 24.0),
            score(Similarity::new(0.5, 0.1, 0.0), 3.0, 3.0, 24.0),
        );
        assert!(cosine < half && half < 1.0);
        // The same either way round.
        assert_eq!(score(Similarity::new(0.5, 0.1, 0.0), 3.0, 24.0, 3.0), half);
        // Below the share of the heavier claim's weight: the cosine.
        assert_eq!(score(Similarity::new(0.5, 0.2, 0.0), 3.0, 3.0, 24.0), cosine);
    }

    #[test]
    fn one_shared_term_scores_its_cosine() {
        let s = Similarity::new(0.6, 0.0, 0.0);
        let cosine = 3.0 / (3.0f32 * 24.0).sqrt();
        assert!((s.score(3.0, 1, s.weight(3.0), s.weight(24.0)) - cosine).abs() < 1e-6);
        assert!(s.score(3.0, 2, s.weight(3.0), s.weight(24.0)) > cosine + 0.1);
    }

    #[test]
    fn a_lean_score_below_the_least_that_stands_is_the_cosine() {
        let (w, a, b) = (3.0, 3.0, 24.0);
        let any = Similarity::new(0.6, 0.0, 0.0);
        let lean = any.score(w, 2, any.weight(a), any.weight(b));
        let s = Similarity::new(0.6, 0.0, lean + 0.01);
        assert!((s.score(w, 2, s.weight(a), s.weight(b)) - w / (a * b).sqrt()).abs() < 1e-6);
    }

    #[test]
    fn need_and_prefix_bounds_hold() {
        for (lean, floor, least) in
            [(0.0, 0.1, 0.0), (0.3, 0.0, 0.0), (0.6, 0.1, 0.3), (0.9, 0.3, 0.5), (0.5, 0.05, 0.3)]
        {
            let s = Similarity::new(lean, floor, least);
            for t in [0.15, 0.3, 0.6] {
                let m = 10.0;
                let left_out = s.prefix_share(t) * m * 0.99;
                for other in [0.1, 1.0, left_out, 5.0, 10.0, 50.0, 500.0] {
                    // Shared weight within a prefix below the bound scores less than the
                    // threshold, whichever claim is the lighter.
                    let shared = left_out.min(other);
                    assert!(score(s, shared, m, other) < t, "lean {lean}, other {other}");
                    // Less than the weight needed scores less; the weight needed reaches it.
                    let need = s.need(t, s.weight(m), s.weight(other));
                    if need <= m.min(other) {
                        assert!(score(s, need * 1.0001, m, other) >= t, "lean {lean}, other {other}");
                    }
                    assert!(score(s, need * 0.999, m, other) < t, "lean {lean}, other {other}");
                }
            }
        }
    }
}
