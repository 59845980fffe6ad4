//! Word lists compiled in from `src/data/`, loaded once.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::text::data_lines as lines;

/// What a description headed by a role word refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RoleKind {
    Person,
    Group,
    Document,
}

pub(crate) struct Lexicon {
    pub speech_verbs: HashSet<&'static str>,
    pub roles: HashMap<&'static str, RoleKind>,
    pub subject_skip: HashSet<&'static str>,
    pub determiners: HashSet<&'static str>,
    pub pronouns: HashMap<&'static str, RoleKind>,
    pub stopwords: HashSet<&'static str>,
    pub number_words: HashMap<&'static str, f64>,
    /// Each word of a synonym group mapped to the group's first word.
    pub synonyms: HashMap<&'static str, &'static str>,
    /// Hedge cues (pattern index = index into `hedge_words`).
    /// Hedge and negation phrases in one automaton, so a sentence is scanned once.
    pub cues: AhoCorasick,
    /// The phrases of `cues` by pattern id; the first `hedge_count` are hedges.
    pub cue_words: Vec<&'static str>,
    pub hedge_count: usize,
}

/// One leftmost-longest automaton over the phrases of two lists; pattern ids of the
/// second list follow those of the first.
fn phrases(first: &'static str, second: &'static str) -> (AhoCorasick, Vec<&'static str>, usize) {
    let mut words: Vec<&'static str> = lines(first).collect();
    let count = words.len();
    words.extend(lines(second));
    // Short cue words ("no", "may") make a literal prefilter verify at most positions;
    // a plain DFA scan of a sentence is faster.
    let automaton = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .prefilter(false)
        .build(&words)
        .expect("cue word list");
    (automaton, words, count)
}

pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut roles = HashMap::default();
        let mut kind = RoleKind::Person;
        for line in lines(include_str!("../data/roles.txt")) {
            kind = match line {
                "[person]" => RoleKind::Person,
                "[group]" => RoleKind::Group,
                "[document]" => RoleKind::Document,
                word => {
                    roles.entry(word).or_insert(kind);
                    continue;
                }
            };
        }
        let pronouns = lines(include_str!("../data/pronouns.txt"))
            .filter_map(|l| l.split_once(' '))
            .map(|(w, k)| (w, if k == "person" { RoleKind::Person } else { RoleKind::Group }))
            .collect();
        let number_words = lines(include_str!("../data/number_words.txt"))
            .filter_map(|l| l.split_once(' '))
            .filter_map(|(w, v)| Some((w, v.parse().ok()?)))
            .collect();
        let (cues, cue_words, hedge_count) =
            phrases(include_str!("../data/hedges.txt"), include_str!("../data/negations.txt"));
        let mut synonyms = HashMap::default();
        for line in lines(include_str!("../data/synonyms.txt")) {
            let mut words = line.split_whitespace();
            let Some(first) = words.next() else { continue };
            for w in words {
                synonyms.entry(w).or_insert(first);
            }
        }
        Lexicon {
            synonyms,
            speech_verbs: lines(include_str!("../data/speech_verbs.txt")).collect(),
            roles,
            subject_skip: lines(include_str!("../data/subject_skip.txt")).collect(),
            determiners: lines(include_str!("../data/determiners.txt")).collect(),
            pronouns,
            stopwords: lines(include_str!("../data/stopwords.txt")).flat_map(str::split_whitespace).collect(),
            number_words,
            cues,
            cue_words,
            hedge_count,
        }
    })
}

impl Lexicon {
    /// The role kind of a word, trying its singular too ("officials" -> official).
    pub fn role(&self, word: &str) -> Option<RoleKind> {
        self.roles.get(word).copied().or_else(|| self.roles.get(singular(word)).copied())
    }
}

/// A crude singular for role nouns: "officials" -> "official", "leaders" -> "leader".
pub(crate) fn singular(word: &str) -> &str {
    if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") {
        &word[..word.len() - 1]
    } else {
        word
    }
}
