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

/// How a form of an attribution verb stands: the base or -s form, the past (or past
/// participle), or the -ing participle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VerbForm {
    Present,
    Past,
    Participle,
}

/// A form of a verb of `attribution_verbs.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CueVerb {
    pub form: VerbForm,
    /// The form is also a common noun ("plans", "claim"): only a speaker-like subject
    /// makes it a cue.
    pub noun_like: bool,
    /// Marks on the word after the verb, as written in the list: "+to" for a verb that
    /// attributes only before an infinitive ("declined to comment"), "+out +to" for
    /// "pointed out" / "pointed to" (one of them must follow), "-up" for a verb that
    /// does not attribute before that word ("showed up"). Empty when the verb
    /// attributes whatever follows.
    pub next_words: &'static str,
    /// A verb of evidence ("found", "showed"): it attributes to documents and data
    /// ("the study found"), not to people ("police found the boy").
    pub evidence: bool,
    /// An adjective or participle of attitude that attributes after a form of "be"
    /// ("were frustrated that", "is confident the deal will hold"), listed as written.
    pub stance: bool,
    /// Listed only as such an adjective ("confident"), with no verb reading.
    pub adjective: bool,
}

impl CueVerb {
    /// Whether the verb attributes when the word `next` (lower case) follows it.
    pub fn attributes_before(&self, next: Option<&str>) -> bool {
        let marks = || self.next_words.split_whitespace();
        let required = marks().any(|m| m.starts_with('+'));
        let forbidden = next.is_some_and(|n| marks().any(|m| m.strip_prefix('-') == Some(n)));
        !forbidden && (!required || next.is_some_and(|n| marks().any(|m| m.strip_prefix('+') == Some(n))))
    }
}

pub(crate) struct Lexicon {
    pub speech_verbs: HashSet<&'static str>,
    /// Words that show a clause has a finite verb (auxiliaries, irregular verbs).
    pub verb_signals: HashSet<&'static str>,
    /// Every form of the attribution verbs (speech, evidence, cognition, intent).
    pub cue_verbs: HashMap<String, CueVerb>,
    pub roles: HashMap<&'static str, RoleKind>,
    /// Group words that may stand for an organisation the article names ("company",
    /// "automaker"; `roles.txt`, `[organisation]`).
    pub organisations: HashSet<&'static str>,
    /// Words that make a description another body than the organisation the article
    /// names ("the rival company", "the central bank"; `roles.txt`, `[other-body]`).
    pub other_bodies: HashSet<&'static str>,
    pub subject_skip: HashSet<&'static str>,
    pub determiners: HashSet<&'static str>,
    /// Words that open an adverbial phrase or clause, not a noun phrase ("meanwhile",
    /// "if").
    pub adverbial_openers: HashSet<&'static str>,
    /// Phrases that open a purpose or a reason ("in an effort to"), by their first word:
    /// the words after it, one list a phrase.
    pub purpose_markers: HashMap<&'static str, Vec<Vec<&'static str>>>,
    /// Words of time that make a fronted phrase an adverbial ("Last week").
    pub time_words: HashSet<&'static str>,
    /// Words in -ly that are no adverbs ("family", "deadly"): see [`Lexicon::adverb`].
    pub not_adverbs: HashSet<&'static str>,
    pub pronouns: HashMap<&'static str, RoleKind>,
    pub stopwords: HashSet<&'static str>,
    /// Words that state a negative without a negation cue ("unclear", "failed"):
    /// a version with one of them does not assert a predicate plainly.
    pub negative_words: HashSet<&'static str>,
    pub number_words: HashMap<&'static str, f64>,
    /// Hedges that report a claim second-hand or as it seems (`hearsay_hedges.txt`).
    pub hearsay_hedges: HashSet<&'static str>,
    /// Verbs that ask or urge someone to act (`directive_verbs.txt`).
    pub directive_verbs: HashSet<&'static str>,
    /// News outlets' names, as word lists (`news_outlets.txt`, `[names]`).
    pub outlet_names: Vec<Vec<&'static str>>,
    /// Last words that make a name a masthead ("Times", "Tribune").
    pub outlet_mastheads: HashSet<&'static str>,
    /// Words that name an outlet after "The" ("The Hill"; `news_outlets.txt`, `[after-the]`).
    pub outlet_after_the: HashSet<&'static str>,
    /// Each word of a synonym group mapped to the group's first word.
    pub synonyms: HashMap<&'static str, &'static str>,
    /// Hedge cues (pattern index = index into `hedge_words`).
    /// Hedge and negation phrases in one automaton, so a sentence is scanned once.
    pub cues: AhoCorasick,
    /// The phrases of `cues` by pattern id; the first `hedge_count` are hedges.
    pub cue_words: Vec<&'static str>,
    pub hedge_count: usize,
    /// The lists of `slot_words.txt`, read by `slots`.
    pub slot_words: SlotWords,
}

/// What a word of `slot_words.txt` is to the slot facts.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct SlotWord {
    /// Its place among the slot prepositions, if it is one ("in", "with").
    pub preposition: Option<u8>,
    /// A preposition after a sum of money that names what it is spent on.
    pub money: bool,
    /// A word skipped between a preposition and its object.
    pub determiner: bool,
    /// The day of the week it names (0: Monday).
    pub weekday: Option<u8>,
}

/// The word lists of `slot_words.txt`: one lookup tells all a word is.
pub(crate) struct SlotWords {
    /// Every listed word.
    words: HashMap<&'static str, SlotWord>,
    /// Per first byte (ASCII), one bit per length (up to 31) of the listed words that
    /// start with it: most words are ruled out by it without hashing.
    lengths: [u32; 128],
    /// The days of the week from Monday.
    pub weekdays: Vec<&'static str>,
}

impl SlotWords {
    /// Reads the sections of `slot_words.txt`.
    fn new(data: &'static str) -> SlotWords {
        let mut words: HashMap<&'static str, SlotWord> = HashMap::default();
        let (mut section, mut prepositions, mut weekdays) = ("", 0u8, Vec::new());
        for line in lines(data) {
            if line.starts_with('[') {
                section = line;
                continue;
            }
            for word in line.split_whitespace() {
                let entry = words.entry(word).or_default();
                match section {
                    "[prepositions]" => {
                        entry.preposition = Some(prepositions);
                        prepositions += 1;
                    }
                    "[money]" => entry.money = true,
                    "[determiners]" => entry.determiner = true,
                    "[weekdays]" => {
                        entry.weekday = Some(weekdays.len() as u8);
                        weekdays.push(word);
                    }
                    _ => {}
                }
            }
        }
        let mut lengths = [0u32; 128];
        for w in words.keys() {
            assert!(w.is_ascii() && w.len() < 32, "slot words are short ASCII words: {w}");
            lengths[usize::from(w.as_bytes()[0])] |= 1 << w.len();
        }
        SlotWords { words, lengths, weekdays }
    }

    /// What `word` (lower case) is to the slot facts; all `None` and false if unlisted.
    pub fn get(&self, word: &str) -> SlotWord {
        let listed_shape = match word.as_bytes() {
            [first, ..] if first.is_ascii() && word.len() < 32 => {
                self.lengths[usize::from(*first)] & (1 << word.len()) != 0
            }
            _ => false,
        };
        if !listed_shape {
            return SlotWord::default();
        }
        self.words.get(word).copied().unwrap_or_default()
    }
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
        const ROLES: &str = include_str!("../data/roles.txt");
        let mut roles = HashMap::default();
        // `None` in a section of words that are no roles ("[other-body]").
        let mut kind = Some(RoleKind::Person);
        for line in lines(ROLES) {
            kind = match line {
                "[person]" => Some(RoleKind::Person),
                "[group]" | "[organisation]" => Some(RoleKind::Group),
                "[document]" => Some(RoleKind::Document),
                "[other-body]" => None,
                word => {
                    if let Some(kind) = kind {
                        roles.entry(word).or_insert(kind);
                    }
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
            verb_signals: lines(include_str!("../data/verb_signals.txt"))
                .flat_map(str::split_whitespace)
                .collect(),
            cue_verbs: cue_verbs(include_str!("../data/attribution_verbs.txt")),
            roles,
            organisations: section(ROLES, "[organisation]").collect(),
            other_bodies: section(ROLES, "[other-body]").collect(),
            subject_skip: lines(include_str!("../data/subject_skip.txt")).collect(),
            determiners: lines(include_str!("../data/determiners.txt")).collect(),
            purpose_markers: lines(include_str!("../data/purpose_markers.txt")).fold(
                HashMap::default(),
                |mut by_first: HashMap<&'static str, Vec<Vec<&'static str>>>, line| {
                    let mut words = line.split_whitespace();
                    if let Some(first) = words.next() {
                        by_first.entry(first).or_default().push(words.collect());
                    }
                    by_first
                },
            ),
            time_words: lines(include_str!("../data/time_words.txt"))
                .flat_map(str::split_whitespace)
                .collect(),
            not_adverbs: lines(include_str!("../data/not_adverbs.txt"))
                .flat_map(str::split_whitespace)
                .collect(),
            adverbial_openers: lines(include_str!("../data/adverbial_openers.txt"))
                .flat_map(str::split_whitespace)
                .collect(),
            pronouns,
            stopwords: lines(include_str!("../data/stopwords.txt")).flat_map(str::split_whitespace).collect(),
            negative_words: lines(include_str!("../data/negative_words.txt"))
                .flat_map(str::split_whitespace)
                .collect(),
            number_words,
            hearsay_hedges: lines(include_str!("../data/hearsay_hedges.txt")).collect(),
            directive_verbs: lines(include_str!("../data/directive_verbs.txt"))
                .flat_map(str::split_whitespace)
                .collect(),
            outlet_names: section(include_str!("../data/news_outlets.txt"), "[names]")
                .map(|l| l.split_whitespace().collect())
                .collect(),
            outlet_mastheads: section(include_str!("../data/news_outlets.txt"), "[mastheads]").collect(),
            outlet_after_the: section(include_str!("../data/news_outlets.txt"), "[after-the]").collect(),
            cues,
            cue_words,
            hedge_count,
            slot_words: SlotWords::new(include_str!("../data/slot_words.txt")),
        }
    })
}

/// Every form of the verbs of `attribution_verbs.txt`: the listed forms and the
/// regular -s, -ed and -ing forms derived from the base.
fn cue_verbs(data: &'static str) -> HashMap<String, CueVerb> {
    let mut verbs: HashMap<String, CueVerb> = HashMap::default();
    let mut evidence = false;
    let mut stance = false;
    for line in lines(data) {
        if line.starts_with('[') {
            evidence = line == "[evidence]";
            stance = line == "[stance]";
            continue;
        }
        // The trailing "+word" / "-word" marks, kept as written: a slice of the static data.
        let is_mark = |w: &str| w.len() > 1 && (w.starts_with('+') || w.starts_with('-'));
        let next_words = line
            .split_whitespace()
            .find(|w| is_mark(w))
            .map_or("", |first| line[first.as_ptr() as usize - line.as_ptr() as usize..].trim());
        let words: Vec<&str> = line.split_whitespace().filter(|w| !is_mark(w)).collect();
        if stance {
            // Adjectives take no derived forms. A form that is also a verb's keeps the
            // verb's reading and gains the stance after "be" ("regulators worried that",
            // "regulators are worried that").
            for &word in &words {
                let adjective = CueVerb {
                    form: VerbForm::Past,
                    noun_like: false,
                    next_words,
                    evidence: false,
                    stance,
                    adjective: true,
                };
                verbs.entry(word.to_string()).and_modify(|v| v.stance = true).or_insert(adjective);
            }
            continue;
        }
        let Some((&first, listed)) = words.split_first() else { continue };
        let noun_like = first.starts_with('~');
        let base = first.trim_start_matches('~');
        let mut add = |form: String, kind: VerbForm| {
            // A form listed twice keeps its first reading (and "noun-like" if either is).
            let noun_like = noun_like && kind == VerbForm::Present;
            let entry = verbs.entry(form).or_insert(CueVerb {
                form: kind,
                noun_like,
                next_words,
                evidence,
                stance: false,
                adjective: false,
            });
            entry.noun_like |= noun_like;
        };
        add(base.to_string(), VerbForm::Present);
        add(third_person(base), VerbForm::Present);
        for &form in listed {
            let kind = if form.ends_with("ing") {
                VerbForm::Participle
            } else if form.ends_with('s') && form != base {
                VerbForm::Present
            } else {
                VerbForm::Past
            };
            add(form.to_string(), kind);
        }
        if !listed.iter().any(|f| f.ends_with("ing")) {
            add(ing_form(base), VerbForm::Participle);
        }
        if !listed.iter().any(|f| !f.ends_with("ing") && !f.ends_with('s')) {
            add(past_form(base), VerbForm::Past);
        }
    }
    verbs
}

fn ends_consonant_y(word: &str) -> bool {
    word.len() > 2 && word.ends_with('y') && !word[..word.len() - 1].ends_with(['a', 'e', 'o', 'u'])
}

fn third_person(base: &str) -> String {
    if ends_consonant_y(base) {
        format!("{}ies", &base[..base.len() - 1])
    } else if base.ends_with(['s', 'x', 'z'])
        || base.ends_with("ch")
        || base.ends_with("sh")
        || base.ends_with('o')
    {
        format!("{base}es")
    } else {
        format!("{base}s")
    }
}

fn past_form(base: &str) -> String {
    if base.ends_with('e') {
        format!("{base}d")
    } else if ends_consonant_y(base) {
        format!("{}ied", &base[..base.len() - 1])
    } else {
        format!("{base}ed")
    }
}

fn ing_form(base: &str) -> String {
    if let Some(stem) = base.strip_suffix("ie") {
        format!("{stem}ying")
    } else if base.len() > 2 && base.ends_with('e') && !base.ends_with("ee") {
        format!("{}ing", &base[..base.len() - 1])
    } else {
        format!("{base}ing")
    }
}

impl Lexicon {
    /// The attribution-verb reading of a word, if it is one.
    pub fn cue_verb(&self, word: &str) -> Option<CueVerb> {
        self.cue_verbs.get(word).copied()
    }

    /// The role kind of a word, trying its singular too ("officials" -> official).
    pub fn role(&self, word: &str) -> Option<RoleKind> {
        self.roles.get(word).copied().or_else(|| self.roles.get(singular(word).as_ref()).copied())
    }

    /// The first word of a word's synonym group (`synonyms.txt`), looked up as written
    /// and, for a plural in -s, as its singular ("vehicles" -> "car").
    pub(crate) fn synonym(&self, word: &str) -> Option<&'static str> {
        self.synonyms.get(word).copied().or_else(|| self.synonyms.get(singular_in_s(word)?).copied())
    }

    /// Whether a lower-case word is an adverb in -ly ("currently", "publicly"): six
    /// letters or more, not listed in `not_adverbs.txt`.
    pub(crate) fn adverb(&self, word: &str) -> bool {
        word.len() >= MIN_ADVERB_BYTES && word.ends_with("ly") && !self.not_adverbs.contains(word)
    }
}

/// The shortest adverb in -ly that [`Lexicon::adverb`] recognises ("partly"): shorter
/// words in -ly are mostly no adverbs ("only", "july", "rely").
const MIN_ADVERB_BYTES: usize = 6;

/// A crude singular for role nouns: "officials" -> "official", "leaders" -> "leader",
/// "fishermen" -> "fisherman".
pub(crate) fn singular(word: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if let Some(one) = singular_in_s(word) {
        Cow::Borrowed(one)
    } else if let Some(stem) = word.strip_suffix("men").filter(|s| s.len() > 2) {
        Cow::Owned(format!("{stem}man"))
    } else {
        Cow::Borrowed(word)
    }
}

/// The singular of a plural in -s ("leaders" -> "leader"), not of a word in -ss.
fn singular_in_s(word: &str) -> Option<&str> {
    (word.len() > 3 && !word.ends_with("ss")).then(|| word.strip_suffix('s')).flatten()
}

/// The lines of one `[section]` of a data file (up to the next section).
fn section(data: &'static str, name: &'static str) -> impl Iterator<Item = &'static str> {
    lines(data).skip_while(move |l| *l != name).skip(1).take_while(|l| !l.starts_with('['))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adverbs_in_ly() {
        let lex = lexicon();
        for word in ["currently", "publicly", "interestingly", "sharply"] {
            assert!(lex.adverb(word), "{word}");
        }
        for word in ["family", "deadly", "weekly", "only", "rely", "supply", "reply", "bodily"] {
            assert!(!lex.adverb(word), "{word}");
        }
    }

    #[test]
    fn synonyms_are_found_in_the_plural_too() {
        let lex = lexicon();
        for (word, first) in [
            ("vehicle", Some("car")),
            ("vehicles", Some("car")),
            ("vessels", Some("ship")),
            ("summits", Some("meeting")),
            // The group's first word maps to nothing; a word in -ss is no plural.
            ("cars", None),
            ("glass", None),
            ("vehicless", None),
        ] {
            assert_eq!(lex.synonym(word), first, "{word}");
        }
    }

    #[test]
    fn derives_verb_forms() {
        let lex = lexicon();
        for (word, form) in [
            ("said", VerbForm::Past),
            ("says", VerbForm::Present),
            ("believes", VerbForm::Present),
            ("criticized", VerbForm::Past),
            ("denied", VerbForm::Past),
            ("denies", VerbForm::Present),
            ("urging", VerbForm::Participle),
            ("argued", VerbForm::Past),
            ("admitted", VerbForm::Past),
            ("wrote", VerbForm::Past),
            ("vowed", VerbForm::Past),
            ("echoes", VerbForm::Present),
        ] {
            assert_eq!(lex.cue_verb(word).map(|v| v.form), Some(form), "{word}");
        }
        assert!(lex.cue_verb("plans").is_some_and(|v| v.noun_like));
        assert!(lex.cue_verb("planned").is_some_and(|v| !v.noun_like));
        assert!(lex.cue_verb("declined").is_some_and(|v| v.attributes_before(Some("to"))));
        assert!(lex.cue_verb("declined").is_some_and(|v| !v.attributes_before(Some("sharply"))));
        assert!(lex.cue_verb("said").is_some_and(|v| v.attributes_before(None)));
        assert!(lex.cue_verb("showed").is_some_and(|v| !v.attributes_before(Some("up"))));
        assert!(lex.cue_verb("showed").is_some_and(|v| v.attributes_before(Some("that"))));
        assert!(lex.cue_verb("during").is_none());
    }
}
