//! The readable text rendering of a [`Report`].

use std::borrow::Cow;
use std::fmt;

use super::{AlignmentKind, Report, cut_end, cut_start};

/// Longest claim text shown before it is shortened.
const SHOWN_CHARS: usize = 110;

/// Longest sentence shown whole as the context of a claim that is part of it; a
/// longer one is cut to about this length around the claim.
const CONTEXT_CHARS: usize = 160;

/// Most characters of the claim itself in a cut context (the line above shows it).
const CLAIM_CHARS: usize = 50;

/// Bytes of a sentence gathered on each side of a claim, and of the claim, for its
/// context: enough for the characters shown, and more so that a cut shows.
const GATHER_BYTES: usize = 4 * CONTEXT_CHARS + 8;

fn shorten(text: &str) -> Cow<'_, str> {
    cut_end(text, SHOWN_CHARS)
}

impl Report {
    /// Writes claims (indices into `claims`) one a line, each claim that is only part of
    /// its sentence followed by that sentence as context. Claims of one sentence listed
    /// one after another share one context line, after the last of them.
    fn write_claims(&self, f: &mut fmt::Formatter<'_>, list: &[usize], with_source: bool) -> fmt::Result {
        for (k, &i) in list.iter().enumerate() {
            let c = &self.claims[i];
            let who = c.speaker.as_ref().map_or(String::new(), |s| format!(" — {}", s.name));
            if with_source {
                writeln!(f, "  {} [{}]{}: {}", c.id, self.source_name(c.source), who, shorten(&c.text))?;
            } else {
                writeln!(f, "  {}{}: {}", c.id, who, shorten(&c.text))?;
            }
            let same_sentence = |j: usize| {
                let d = &self.claims[j];
                d.source == c.source && d.sentence == c.sentence
            };
            if list.get(k + 1).is_some_and(|&j| same_sentence(j)) {
                continue;
            }
            let run = k - list[..k].iter().rev().take_while(|&&j| same_sentence(j)).count();
            if let Some(context) = self.context(&list[run..=k]) {
                writeln!(f, "     in: “{context}”")?;
            }
        }
        Ok(())
    }

    /// The sentence of a run of claims from one sentence, as the report knows it,
    /// shortened around the claims when long; `None` when it shows no words beyond
    /// theirs. The report holds no input text: the sentence is put together from the
    /// texts of its claims (their neighbours in `claims`, in text order), one space for a
    /// one-byte gap between two of them and `…` where words are missing. Only about as
    /// much as is shown is gathered, so a run-on sentence of many claims costs little.
    fn context(&self, run: &[usize]) -> Option<String> {
        let c = &self.claims[run[0]];
        if !c.in_longer_sentence() {
            return None;
        }
        let sentence = c.sentence;
        let sibling = |j: usize| {
            let d = &self.claims[j];
            d.source == c.source && d.sentence == sentence && sentence.contains(d.span)
        };
        let gap = |end: usize, start: usize| match start - end {
            0 => "",
            1 => " ",
            _ => " … ",
        };
        let mut run = run.to_vec();
        run.sort_unstable();
        let (first, last) = (run[0], run[run.len() - 1]);
        // Whether any words but the run's are shown.
        let mut other = false;
        // The run and whatever lies between its claims.
        let mut claim = String::new();
        let (start, mut end) = (self.claims[first].span.start, self.claims[first].span.start);
        for j in first..=last {
            let d = &self.claims[j];
            if !sibling(j) || d.span.start < end {
                continue;
            }
            other |= run.binary_search(&j).is_err();
            claim.push_str(gap(end, d.span.start));
            claim.push_str(&d.text);
            end = d.span.end;
            if claim.len() > GATHER_BYTES {
                break;
            }
        }
        // Before the run, walking back, and after it, walking on.
        let (mut parts, mut bytes, mut at) = (Vec::new(), 0, start);
        for j in (0..first).rev().take_while(|&j| sibling(j)) {
            let d = &self.claims[j];
            if d.span.end > at {
                continue;
            }
            other = true;
            parts.extend([gap(d.span.end, at), d.text.as_str()]);
            (bytes, at) = (bytes + d.text.len(), d.span.start);
            if bytes > GATHER_BYTES {
                break;
            }
        }
        if at > sentence.start && bytes <= GATHER_BYTES {
            parts.push("… ");
        }
        let before: String = parts.iter().rev().copied().collect();
        let (mut after, mut at) = (String::new(), end);
        for j in (last + 1..self.claims.len()).take_while(|&j| sibling(j)) {
            let d = &self.claims[j];
            if d.span.start < at {
                continue;
            }
            other = true;
            after.push_str(gap(at, d.span.start));
            after.push_str(&d.text);
            at = d.span.end;
            if after.len() > GATHER_BYTES {
                break;
            }
        }
        if at < sentence.end && after.len() <= GATHER_BYTES {
            after.push_str(" …");
        }
        if !other {
            return None;
        }
        let count = |s: &str| s.chars().count();
        let shown = if count(&before) + count(&claim) + count(&after) <= CONTEXT_CHARS {
            format!("{before}{claim}{after}")
        } else {
            // The claim gets up to CLAIM_CHARS, each side half the rest, and a short side
            // leaves what it does not use to the other.
            let room = CONTEXT_CHARS - count(&claim).min(CLAIM_CHARS);
            let before_chars = count(&before).min(room - count(&after).min(room / 2));
            format!(
                "{}{}{}",
                cut_start(&before, before_chars),
                cut_end(&claim, CLAIM_CHARS),
                cut_end(&after, room - before_chars)
            )
        };
        Some(shown.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Sources:")?;
        for s in &self.sources {
            let title = s.title.as_deref().unwrap_or("(no title)");
            writeln!(f, "  [{}] {} — {}", s.index, self.source_name(s.index), title)?;
        }
        // Multi-source groups first (differences, then agreements), then each source's
        // unique details together.
        for kind in [AlignmentKind::Difference, AlignmentKind::Agreement] {
            for a in self.alignments.iter().filter(|a| a.kind == kind) {
                let label = if kind == AlignmentKind::Difference { "DIFFERENCE" } else { "AGREEMENT" };
                let names: Vec<String> = a.sources.iter().map(|&s| self.source_name(s)).collect();
                writeln!(f, "\n{label} ({})", names.join(", "))?;
                let list: Vec<usize> = a.claims.iter().filter_map(|id| self.claim_index(id)).collect();
                self.write_claims(f, &list, true)?;
                for d in &a.differences {
                    writeln!(f, "  ≠ {:?}: {}", d.kind, d.detail)?;
                    if !d.rule.is_empty() {
                        writeln!(f, "      why: {}", d.rule)?;
                    }
                    for e in &d.evidence {
                        let source = self.claim_index(&e.claim).map(|i| self.claims[i].source);
                        let name = source.map_or_else(String::new, |s| self.source_name(s));
                        writeln!(f, "      {name}: \u{201C}{}\u{201D}", e.text.trim())?;
                    }
                }
            }
        }
        for source in &self.sources {
            let unique: Vec<usize> = self
                .alignments
                .iter()
                .filter(|a| a.kind == AlignmentKind::Unique && a.sources == [source.index])
                .flat_map(|a| a.claims.iter().filter_map(|id| self.claim_index(id)))
                .collect();
            if unique.is_empty() {
                continue;
            }
            writeln!(f, "\nONLY IN {} ({} claims)", self.source_name(source.index), unique.len())?;
            self.write_claims(f, &unique, false)?;
        }
        let (agree, differ, unique) = self.counts();
        writeln!(
            f,
            "\n{} claims from {} sources: {agree} agreements, {differ} differences, {unique} unique",
            self.claims.len(),
            self.sources.len()
        )
    }
}
