//! Word lists compiled in from `src/data/`, loaded once.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

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
    pub hedges: AhoCorasick,
    pub hedge_words: Vec<&'static str>,
    pub negations: AhoCorasick,
    pub negation_words: Vec<&'static str>,
}

fn phrases(data: &'static str) -> (AhoCorasick, Vec<&'static str>) {
    let words: Vec<&'static str> = lines(data).collect();
    let automaton = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&words)
        .expect("cue word list");
    (automaton, words)
}

pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut roles = HashMap::new();
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
        let (hedges, hedge_words) = phrases(include_str!("../data/hedges.txt"));
        let (negations, negation_words) = phrases(include_str!("../data/negations.txt"));
        let mut synonyms = HashMap::new();
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
            hedges,
            hedge_words,
            negations,
            negation_words,
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
