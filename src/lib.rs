//! claimdiff: compare news articles claim by claim.
#![deny(missing_docs)]

mod article;
mod error;
mod span;
mod text;

pub use article::{Article, ArticleParser, ArticleParserBuilder, ArticleRecord, Boilerplate, BoilerplateKind, Paragraph, Sentence, DEFAULT_MAX_BYTES};
pub use error::{Error, ErrorKind, Result};
pub use span::Span;
pub use text::normalize::NormalizedText;
pub use text::sentence::split_sentences;
mod claim;
pub use claim::{Attribution, AttributionForm, Claim, ClaimSet, Cue, Extractor, Quantity, QuantityKind, Speaker, SpeakerKind, DEFAULT_MAX_CLAIMS};
mod align;
mod report;
pub use align::{Matcher, MatcherBuilder, DEFAULT_MAX_SOURCES, DEFAULT_MIN_SHARED_TERMS, DEFAULT_QUOTE_SIMILARITY, DEFAULT_THRESHOLD};
pub use report::{Alignment, AlignmentKind, Difference, DifferenceKind, Evidence, Report, ReportClaim, ReportSpeaker, SourceInfo};
