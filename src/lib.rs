#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod align;
mod article;
mod claim;
mod error;
mod parallel;
mod report;
mod span;
mod text;

pub use align::{
    DEFAULT_CONTAINMENT, DEFAULT_CONTAINMENT_FLOOR, DEFAULT_MAX_PROPOSING, DEFAULT_MAX_SOURCES,
    DEFAULT_MEANING_OVERLAP, DEFAULT_MEANING_THRESHOLD, DEFAULT_MIN_SHARED_TERMS, DEFAULT_QUOTE_SIMILARITY,
    DEFAULT_SOFT_THRESHOLD, DEFAULT_THRESHOLD, Matcher, MatcherBuilder,
};
pub use article::{
    Article, ArticleParser, ArticleParserBuilder, ArticleRecord, Boilerplate, BoilerplateKind,
    DEFAULT_MAX_BYTES, Paragraph, Sentence,
};
pub use claim::{
    Attribution, AttributionForm, Claim, ClaimSet, Cue, DEFAULT_MAX_CLAIMS, Extractor, Quantity,
    QuantityKind, Speaker, SpeakerKind,
};
pub use error::{Error, ErrorKind, Result};
pub use report::{
    Alignment, AlignmentKind, Difference, DifferenceKind, Evidence, HTML_MAX_COLUMNS, Report, ReportClaim,
    ReportSpeaker, SourceInfo,
};
pub use span::Span;
pub use text::normalize::NormalizedText;
pub use text::sentence::split_sentences;

/// Parses, extracts and compares plain-text articles in one call, with default options.
///
/// ```
/// let report = claimdiff::compare_texts(&[
///     "Rebels seized the airport on Tuesday, the army said.",
///     "The army said rebels seized the airport on Tuesday.",
/// ])?;
/// assert_eq!(report.counts(), (1, 0, 0));
/// # Ok::<(), claimdiff::Error>(())
/// ```
pub fn compare_texts(texts: &[&str]) -> Result<Report> {
    Matcher::new().compare(&claim_sets(texts)?)
}

/// Parses plain-text articles and extracts their claim sets with default options, on
/// all cores with the `parallel` feature. The sets come in input order; the first
/// error (in input order) is returned.
///
/// ```
/// let sets = claimdiff::claim_sets(&["The army said rebels seized the airport.", "Talks resumed."])?;
/// assert_eq!(sets.len(), 2);
/// assert!(sets[0].claims()[0].attribution.is_some());
/// # Ok::<(), claimdiff::Error>(())
/// ```
pub fn claim_sets<'a>(texts: &[&'a str]) -> Result<Vec<ClaimSet<'a>>> {
    parallel::map(texts, |t| Article::parse(t).and_then(ClaimSet::new)).into_iter().collect()
}
