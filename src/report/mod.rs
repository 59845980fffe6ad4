//! Report stage: the owned, serialisable result of a comparison, per
//! `REPORT-CONTRACT.md`, and its renderings.

mod html;
mod text;

pub use html::HTML_MAX_COLUMNS;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::claim::{Cue, Quantity, SpeakerKind};
use crate::span::Span;

/// The result of comparing N sources: their claims and how the claims align.
///
/// Serialises to the JSON report contract (`sources`, `claims`, `alignments`); its
/// `Display` is a readable text report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The sources, in the order given.
    pub sources: Vec<SourceInfo>,
    /// Every claim of every source.
    pub claims: Vec<ReportClaim>,
    /// Alignment groups; every claim is in exactly one.
    pub alignments: Vec<Alignment>,
}

/// One compared source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceInfo {
    /// Position in the input order.
    pub index: usize,
    /// The outlet, when the article reveals it.
    pub outlet: Option<String>,
    /// The headline, when the article reveals it.
    pub title: Option<String>,
}

/// A speaker as shown in a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportSpeaker {
    /// The fullest name the article gives.
    pub name: String,
    /// A key equal across sources for the same speaker.
    pub key: String,
    /// The words naming the speaker at this claim.
    pub mention: String,
    /// Where those words stand in the input.
    pub mention_span: Span,
    /// The title or role given with the name.
    pub role: Option<String>,
    /// What sort of speaker this is.
    pub kind: SpeakerKind,
}

/// A claim as shown in a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportClaim {
    /// Report-wide identifier: `c0`, `c1`, …
    pub id: String,
    /// Index of its source.
    pub source: usize,
    /// The words of the claim, exactly `input[span]`.
    pub text: String,
    /// Byte range in the source's input.
    pub span: Span,
    /// Byte range, in the same input, of the sentence the claim comes from: a sentence
    /// may hold several claims, and this lets a reader show a claim in its context. It
    /// contains `span`, and equals it when the claim is the whole sentence. Reports
    /// written before this field read it as `[0, 0]`: no context known.
    #[serde(default)]
    pub sentence: Span,
    /// Who says it; `null` for the outlet's own voice.
    pub speaker: Option<ReportSpeaker>,
    /// Topic key.
    pub topic: String,
    /// Quantities in the claim.
    pub quantities: Vec<Quantity>,
    /// Hedging cues.
    pub hedges: Vec<Cue>,
    /// Negation cues.
    pub negations: Vec<Cue>,
}

/// How the sources relate on one claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AlignmentKind {
    /// Several sources state it and nothing conflicts.
    Agreement,
    /// Several sources state it and some detail conflicts.
    Difference,
    /// Only one source states it.
    Unique,
}

/// A group of claims that state the same thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// Agreement, difference or unique.
    pub kind: AlignmentKind,
    /// The claim ids in the group.
    pub claims: Vec<String>,
    /// The sources of those claims, ascending.
    pub sources: Vec<usize>,
    /// The conflicts, for a `difference`.
    pub differences: Vec<Difference>,
}

/// What kind of detail conflicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DifferenceKind {
    /// No speaker in common between the sources' versions.
    Speaker,
    /// Different figures for the same thing.
    Number,
    /// Different dates.
    Date,
    /// One source hedges what another states plainly.
    Hedge,
    /// One source negates what another asserts.
    Negation,
    /// The same speaker quoted on the same point in other words.
    Quote,
    /// Anything else.
    Other,
}

/// One conflict inside an alignment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Difference {
    /// What conflicts.
    pub kind: DifferenceKind,
    /// A readable account naming the sources.
    pub detail: String,
    /// The rule that found the conflict, with the values it compared: "numbers of the
    /// same role do not overlap: 107000000 GBP vs 115000000 GBP".
    #[serde(default)]
    pub rule: String,
    /// The differing words of each side.
    pub evidence: Vec<Evidence>,
}

/// The words of one side of a difference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The claim id.
    pub claim: String,
    /// Byte range in that claim's source input.
    pub span: Span,
    /// The words, exactly `input[span]`.
    pub text: String,
}

impl Report {
    /// The report as compact JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a report always serialises")
    }

    /// The report as indented JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("a report always serialises")
    }

    /// A claim by id.
    pub fn claim(&self, id: &str) -> Option<&ReportClaim> {
        self.claim_index(id).map(|i| &self.claims[i])
    }

    /// The position of a claim in `claims`, by id.
    fn claim_index(&self, id: &str) -> Option<usize> {
        let index: usize = id.strip_prefix('c')?.parse().ok()?;
        self.claims.get(index).filter(|c| c.id == id).map(|_| index)
    }

    /// The alignment holding a claim.
    pub fn alignment_of(&self, id: &str) -> Option<&Alignment> {
        self.alignments.iter().find(|a| a.claims.iter().any(|c| c == id))
    }

    /// Number of alignments of each kind: (agreements, differences, unique).
    pub fn counts(&self) -> (usize, usize, usize) {
        let count = |k| self.alignments.iter().filter(|a| a.kind == k).count();
        (count(AlignmentKind::Agreement), count(AlignmentKind::Difference), count(AlignmentKind::Unique))
    }

    /// A source's display name: its outlet, else its title, else `source N`.
    pub fn source_name(&self, index: usize) -> String {
        self.sources
            .get(index)
            .and_then(|s| s.outlet.clone().or_else(|| s.title.clone()))
            .unwrap_or_else(|| format!("source {index}"))
    }
}

impl ReportClaim {
    /// Whether the claim is only part of its sentence, as far as the report knows: a
    /// report read from JSON without `sentence` knows no sentence.
    fn in_longer_sentence(&self) -> bool {
        self.sentence.contains(self.span) && self.sentence != self.span
    }
}

/// `text` cut at a word boundary to at most `max` characters, with ` …` when cut.
fn cut_end(text: &str, max: usize) -> Cow<'_, str> {
    let Some((at, _)) = text.char_indices().nth(max) else {
        return Cow::Borrowed(text);
    };
    let head = &text[..at];
    // Inside a word: back to the last white space, unless that drops everything.
    let head = match head.rfind(char::is_whitespace) {
        Some(space) if !text[at..].starts_with(char::is_whitespace) && space > 0 => &head[..space],
        _ => head,
    };
    Cow::Owned(format!("{} …", head.trim_end()))
}

/// The end of `text` cut at a word boundary to at most `max` characters, with `… ` when
/// cut.
fn cut_start(text: &str, max: usize) -> Cow<'_, str> {
    let count = text.chars().count();
    if count <= max {
        return Cow::Borrowed(text);
    }
    let at = text.char_indices().nth(count - max).map_or(text.len(), |(i, _)| i);
    let tail = &text[at..];
    // Inside a word: on to the next white space, unless that drops everything.
    let tail = match tail.find(char::is_whitespace) {
        Some(space) if !text[..at].ends_with(char::is_whitespace) && !tail[space..].trim().is_empty() => {
            &tail[space..]
        }
        _ => tail,
    };
    Cow::Owned(format!("… {}", tail.trim_start()))
}
