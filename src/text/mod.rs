//! Text stage: normalisation with an offset map, sentences and tokens.

pub(crate) mod normalize;
pub(crate) mod sentence;
pub(crate) mod token;
