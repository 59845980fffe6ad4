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
