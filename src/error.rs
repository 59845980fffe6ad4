//! The crate's one error type.

use std::fmt;

/// What went wrong, for callers that branch on the cause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input holds no text at all (or only white space).
    Empty,
    /// The input has text, but nothing is left once boilerplate is removed.
    NoBody,
    /// The input is larger than the configured size limit.
    TooLarge,
    /// The bytes given are not valid UTF-8.
    InvalidUtf8,
    /// An article yields more claims than the configured limit.
    TooManyClaims,
    /// A comparison was given fewer sources than it needs, or more than its limit.
    SourceCount,
    /// A record could not be read (for example malformed JSON).
    InvalidRecord,
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            ErrorKind::Empty => "empty input",
            ErrorKind::NoBody => "no body text",
            ErrorKind::TooLarge => "input too large",
            ErrorKind::InvalidUtf8 => "invalid UTF-8",
            ErrorKind::TooManyClaims => "too many claims",
            ErrorKind::SourceCount => "wrong number of sources",
            ErrorKind::InvalidRecord => "invalid record",
        };
        f.write_str(name)
    }
}

/// An error from parsing, extraction or comparison. [`Error::kind`] tells the cause.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input holds no text.
    #[error("the input is empty")]
    Empty,
    /// Nothing but boilerplate (credits, trailers, headings) was found.
    #[error("the input has no body text once boilerplate is removed")]
    NoBody,
    /// The input exceeds the size limit.
    #[error("the input is {size} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The configured limit in bytes.
        limit: usize,
    },
    /// The input bytes are not UTF-8.
    #[error("the input is not valid UTF-8 (first bad byte at offset {valid_up_to})")]
    InvalidUtf8 {
        /// Length of the longest valid prefix.
        valid_up_to: usize,
    },
    /// Too many claims in one article.
    #[error("the article yields {count} claims, over the limit of {limit}")]
    TooManyClaims {
        /// Claims found.
        count: usize,
        /// The configured limit.
        limit: usize,
    },
    /// A comparison got too few or too many sources.
    #[error("a comparison needs between {min} and {max} sources, got {count}")]
    SourceCount {
        /// Sources given.
        count: usize,
        /// Fewest accepted.
        min: usize,
        /// Most accepted.
        max: usize,
    },
    /// A serialised record could not be read.
    #[error("invalid article record: {0}")]
    InvalidRecord(String),
}

impl Error {
    /// The cause of this error as a plain enum.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Empty => ErrorKind::Empty,
            Error::NoBody => ErrorKind::NoBody,
            Error::TooLarge { .. } => ErrorKind::TooLarge,
            Error::InvalidUtf8 { .. } => ErrorKind::InvalidUtf8,
            Error::TooManyClaims { .. } => ErrorKind::TooManyClaims,
            Error::SourceCount { .. } => ErrorKind::SourceCount,
            Error::InvalidRecord(_) => ErrorKind::InvalidRecord,
        }
    }
}

/// Result with the crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
