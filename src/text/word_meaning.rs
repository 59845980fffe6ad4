//! Word meaning without a model at run time: a static table of word-stem vectors
//! distilled from the sentence encoder all-MiniLM-L6-v2 by
//! `tools/distill_word_vectors.py` (`src/data/word_vectors.bin`, licence beside it),
//! read once, lazily, from the bytes compiled into the crate.
//!
//! Each stem (Snowball English, as claim terms are stemmed) has a 128-dimension vector
//! of signed bytes; the cosine of two vectors is the similarity of the stems ("buy" and
//! "purchas" 0.86, "die" and "kill" 0.7, "buy" and "minist" below 0).

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

/// The table as the distillation script writes it.
static TABLE: &[u8] = include_bytes!("../data/word_vectors.bin");

/// The format version this reader understands.
const VERSION: u32 = 3;

/// The stems of the table and their vectors.
#[derive(Debug, Default)]
pub(crate) struct WordMeaning {
    /// Row of each stem.
    rows: FxHashMap<&'static str, u32>,
    dims: usize,
    /// `rows.len() * dims` components, row by row.
    vectors: Vec<i8>,
}

/// The table, parsed on first use. A table that does not parse (which the
/// `table_parses` test rules out) reads as empty: no stem has a meaning.
pub(crate) fn word_meaning() -> &'static WordMeaning {
    static MEANING: OnceLock<WordMeaning> = OnceLock::new();
    MEANING.get_or_init(|| parse(TABLE).unwrap_or_default())
}

fn parse(bytes: &'static [u8]) -> Option<WordMeaning> {
    let u32_at = |at: usize| Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?));
    if bytes.get(..4)? != b"CDWV" || u32_at(4)? != VERSION {
        return None;
    }
    let (count, dims) = (u32_at(8)? as usize, u32_at(12)? as usize);
    let mut rows = FxHashMap::default();
    rows.reserve(count);
    let mut at = 20;
    for row in 0..count {
        let end = at + bytes.get(at..)?.iter().position(|&b| b == b'\n')?;
        rows.insert(std::str::from_utf8(&bytes[at..end]).ok()?, row as u32);
        at = end + 1;
    }
    let vectors = bytes.get(at..at + count * dims)?.iter().map(|&b| b as i8).collect();
    Some(WordMeaning { rows, dims, vectors })
}

impl WordMeaning {
    /// How many stems the table holds.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }

    /// How many components a vector has.
    pub(crate) fn dims(&self) -> usize {
        self.dims
    }

    /// The vector of a stem, as signed components, if the table has it.
    pub(crate) fn vector(&self, stem: &str) -> Option<&[i8]> {
        let r = *self.rows.get(stem)? as usize * self.dims;
        self.vectors.get(r..r + self.dims)
    }

    /// The cosine similarity of two stems' vectors, if both are in the table.
    #[cfg(test)]
    pub(crate) fn similarity(&self, a: &str, b: &str) -> Option<f32> {
        let (x, y) = (self.vector(a)?, self.vector(b)?);
        let (mut dot, mut xx, mut yy) = (0i32, 0i32, 0i32);
        for (&p, &q) in x.iter().zip(y) {
            let (p, q) = (i32::from(p), i32::from(q));
            dot += p * q;
            xx += p * p;
            yy += q * q;
        }
        Some(dot as f32 / ((xx as f32).sqrt() * (yy as f32).sqrt()).max(f32::MIN_POSITIVE))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses() {
        let meaning = parse(TABLE).expect("the compiled-in table parses");
        assert!(meaning.len() > 10_000);
    }

    #[test]
    fn near_words_are_near() {
        let m = word_meaning();
        let buy_purchase = m.similarity("buy", "purchas").unwrap();
        let buy_minister = m.similarity("buy", "minist").unwrap();
        assert!(buy_purchase > 0.8 && buy_minister < 0.3, "{buy_purchase} {buy_minister}");
        assert_eq!(m.vector("no-such-stem"), None);
        assert_eq!(m.vector("buy").map(<[i8]>::len), Some(m.dims()));
    }
}
