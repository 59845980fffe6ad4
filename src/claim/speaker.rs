//! Speakers: reading a speaker mention, canonical names and cross-source keys.

use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use super::lexicon::{RoleKind, lexicon, singular};
use crate::span::Span;
use crate::text::token::Token;

/// What sort of speaker a claim is attributed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SpeakerKind {
    /// A named person ("Volodymyr Zelensky") or a named body ("Kremlin").
    Named,
    /// An unnamed person ("one senior European diplomat", "a U.S. official").
    Anonymous,
    /// A group ("U.S. officials", "European leaders").
    Group,
    /// A document ("the statement", "the report").
    Document,
}

/// A speaker of an article, with the fullest name the article gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The fullest name given, title split off: "Friedrich Merz", "U.S. officials".
    pub name: String,
    /// The title or role given with the name: "German Chancellor".
    pub role: Option<String>,
    /// A key equal across sources for the same speaker: "zelensky", "us-official".
    pub key: String,
    /// What sort of speaker this is.
    pub kind: SpeakerKind,
}

/// The gender a pronoun or a title tells ("he", "Mrs."), for resolving pronouns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Gender {
    #[default]
    Unknown,
    Male,
    Female,
}

impl Gender {
    /// The gender a word tells: a pronoun or a title.
    pub fn of_word(word: &str) -> Gender {
        match word {
            "he" | "him" | "his" | "himself" | "mr" | "mister" | "sir" => Gender::Male,
            "she" | "her" | "hers" | "herself" | "mrs" | "ms" | "miss" | "madam" => Gender::Female,
            _ => Gender::Unknown,
        }
    }

    /// Whether a speaker of gender `self` may be referred to with a pronoun of `other`.
    pub fn fits(self, other: Gender) -> bool {
        self == Gender::Unknown || other == Gender::Unknown || self == other
    }
}

/// A speaker mention as read from the words of a sentence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Mention {
    /// "he", "they", with the gender the word tells.
    Pronoun(RoleKind, Gender),
    /// A name, with the role words before it: "German Chancellor" + "Friedrich Merz".
    Named { name: String, role: Option<String>, surname: String },
    /// A description: "one senior European diplomat", "the statement".
    Description {
        head: String,
        modifiers: Vec<String>,
        kind: RoleKind,
        plural: bool,
        definite: bool,
        text: String,
    },
}

/// Folds a name for cross-source keys: lower case, accents off, and common
/// transliteration endings made one ("Zelenskyy", "Zelenskiy" -> "zelensky").
pub(crate) fn fold_name(name: &str) -> CompactString {
    let mut folded: CompactString = if name.is_ascii() {
        name.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
    } else {
        name.nfkd().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
    };
    for (from, to) in [("yy", "y"), ("iy", "y"), ("ij", "y"), ("ii", "y")] {
        if folded.len() > 4 && folded.ends_with(from) {
            folded.truncate(folded.len() - from.len());
            folded.push_str(to);
            break;
        }
    }
    folded
}

impl Mention {
    /// The per-article key of a mention that is not a pronoun.
    pub fn key(&self) -> Option<String> {
        match self {
            Mention::Pronoun(..) => None,
            Mention::Named { surname, .. } => Some(fold_name(surname).into()),
            Mention::Description { head, modifiers, .. } => {
                let mut parts: Vec<&str> = modifiers.iter().map(String::as_str).collect();
                parts.push(head);
                Some(parts.join("-"))
            }
        }
    }

    pub fn speaker_kind(&self) -> SpeakerKind {
        match self {
            Mention::Named { .. } | Mention::Pronoun(..) => SpeakerKind::Named,
            Mention::Description { kind: RoleKind::Document, .. } => SpeakerKind::Document,
            Mention::Description { plural: true, .. }
            | Mention::Description { kind: RoleKind::Group, .. } => SpeakerKind::Group,
            Mention::Description { .. } => SpeakerKind::Anonymous,
        }
    }
}

/// Whether token `b` is joined to token `a` before it by a hyphen ("London-based",
/// "Ki-moon").
pub(crate) fn hyphen_joined(text: &str, a: &Token, b: &Token) -> bool {
    text.get(a.span.end..b.span.start) == Some("-")
}

pub(crate) fn is_determiner(t: &Token) -> bool {
    lexicon().determiners.contains(t.norm.as_str())
}

fn is_role(t: &Token) -> bool {
    lexicon().role(&t.norm).is_some()
}

/// Whether a token may stand inside a speaker noun phrase.
pub(crate) fn np_word(t: &Token) -> bool {
    let lex = lexicon();
    if t.numeric {
        return false;
    }
    if is_determiner(t) || is_role(t) || t.norm == "and" {
        return true;
    }
    t.capitalized && !lex.stopwords.contains(t.norm.as_str()) && !lex.speech_verbs.contains(t.norm.as_str())
}

/// Company suffixes after a name, normalised ("Inc." is `inc`).
const CORPORATE_SUFFIXES: [&str; 12] =
    ["inc", "corp", "corporation", "ltd", "llc", "plc", "co", "ag", "sa", "gmbh", "nv", "lp"];

/// Reads the tokens of a noun phrase as a speaker mention; `text` is the article text.
pub(crate) fn read_mention(text: &str, tokens: &[Token]) -> Option<Mention> {
    let lex = lexicon();
    if let [only] = tokens
        && let Some(&kind) = lex.pronouns.get(only.norm.as_str())
    {
        return Some(Mention::Pronoun(kind, Gender::of_word(only.norm.as_str())));
    }
    let definite =
        tokens.first().is_some_and(|t| matches!(t.norm.as_str(), "the" | "his" | "her" | "their" | "its"));
    let mut words: &[Token] = tokens;
    // A quantifier that stands alone is the phrase's head ("Some believe", "Many
    // expect"): only a determiner before more words is dropped.
    while let [first, rest @ ..] = words {
        if (is_determiner(first) && (!rest.is_empty() || !is_role(first))) || first.norm == "and" {
            words = rest;
        } else {
            break;
        }
    }
    while let [rest @ .., last] = words {
        if last.norm == "and" || (is_determiner(last) && (!rest.is_empty() || !is_role(last))) {
            words = rest;
        } else {
            break;
        }
    }
    if words.is_empty() {
        return None;
    }
    // "Zelensky and other Ukrainian officials": the first conjunct, when it stands alone.
    // "U.S. and European officials" is one group: no determiner after "and".
    if let Some(and) = words.iter().position(|t| t.norm == "and") {
        // "Alphabet and Google CEO Sundar Pichai": organisations before a title and a
        // name are part of the title; the speaker is the person.
        let second = &words[and + 1..];
        if let Some(role) = second.iter().rposition(is_role)
            && role + 1 < second.len()
            && second[role + 1..].iter().all(|t| t.capitalized)
            && words[..and].iter().all(|t| t.capitalized && !is_role(t))
            && let Some(Mention::Named { name, surname, .. }) = read_mention(text, second)
        {
            let title = Span::new(words[0].span.start, second[role].span.end);
            return Some(Mention::Named { name, role: Some(text[title.range()].to_string()), surname });
        }
        let separate = words.get(and + 1).is_some_and(is_determiner) || !words.last().is_some_and(is_role);
        let first = read_mention(text, &words[..and]);
        if separate && matches!(first, Some(Mention::Named { .. }) | Some(Mention::Description { .. })) {
            return first;
        }
        let joined: Vec<Token> = words.iter().filter(|t| t.norm != "and").cloned().collect();
        return read_mention(text, &joined);
    }
    let span_text = |ts: &[Token]| -> String {
        let (Some(a), Some(b)) = (ts.first(), ts.last()) else { return String::new() };
        text[Span::new(a.span.start, b.span.end).range()].trim_end_matches(['\'', '\u{2019}']).to_string()
    };
    // A role word that "of" and a name follow opens the name: "Ministry of Transport".
    let last_role = (0..words.len())
        .rev()
        .find(|&k| is_role(&words[k]) && words.get(k + 1).is_none_or(|n| n.norm != "of"));
    // Without a listed title, lower-case words before a trailing name are its title:
    // "the host Lev Aron", "longtime pollster Pat Caddell".
    // Lower-case words after a listed role word are part of the title too: "NBC News
    // moderator Matt Lauer".
    // A lower-case part joined by a hyphen to a capitalised one is part of a name:
    // "Ban Ki-moon", "Kim Jong-un".
    let hyphened =
        |k: usize| k > 0 && words[k - 1].capitalized && hyphen_joined(text, &words[k - 1], &words[k]);
    let name_like = |k: usize| words[k].capitalized || hyphened(k);
    let after_lower =
        (0..words.len()).rposition(|k| !name_like(k) && words[k].norm != "of").map_or(0, |k| k + 1);
    let name_from = last_role.map_or(after_lower, |r| (r + 1).max(after_lower));
    let mut name = &words[name_from..];
    // "Alphabet Inc." is Alphabet: a company suffix is no part of the name's key.
    while let [rest @ .., last] = name
        && !rest.is_empty()
        && CORPORATE_SUFFIXES.contains(&last.norm.as_str())
    {
        name = rest;
    }
    let in_name = |(k, t): (usize, &Token)| {
        name_like(name_from + k) || (t.norm == "of" && k > 0 && k + 1 < name.len() && name[k + 1].capitalized)
    };
    if !name.is_empty() && name.iter().enumerate().all(in_name) {
        let role = (name_from > 0).then(|| span_text(&words[..name_from]));
        // The surname of "Ban Ki-moon" is "ki-moon", all its hyphened parts.
        let last = name.len() - 1;
        let first_part = (0..=last).rev().take_while(|&k| k == last || hyphened(name_from + k + 1)).last()?;
        let surname = name[first_part..].iter().map(|t| t.norm.as_str()).collect::<Vec<_>>().join("-");
        return Some(Mention::Named { name: span_text(name), role, surname });
    }
    let head = words.last()?;
    let kind = lex.role(&head.norm)?;
    let modifiers = words[..words.len() - 1]
        .iter()
        .filter(|t| t.capitalized && !is_role(t))
        .map(|t| t.norm.to_string())
        .collect();
    Some(Mention::Description {
        head: singular(&head.norm).to_string(),
        modifiers,
        kind,
        plural: singular(&head.norm) != head.norm,
        definite,
        text: span_text(words),
    })
}

/// Reads a subject phrase as a speaker mention: as [`read_mention`], and with
/// `general`, a phrase headed by a noun outside the lexicon too ("the fund", "63
/// percent"), read as a group.
pub(crate) fn read_subject(text: &str, tokens: &[Token], general: bool) -> Option<Mention> {
    if let Some(m) = read_mention(text, tokens) {
        return Some(m);
    }
    if !general {
        return None;
    }
    let definite =
        tokens.first().is_some_and(|t| matches!(t.norm.as_str(), "the" | "his" | "her" | "their" | "its"));
    let words: Vec<&Token> = tokens.iter().filter(|t| !is_determiner(t) && t.norm != "and").collect();
    let head = words.last().filter(|h| !h.capitalized)?;
    let (a, b) = (words.first()?.span.start, head.span.end);
    Some(Mention::Description {
        head: singular(&head.norm).to_string(),
        modifiers: words[..words.len() - 1]
            .iter()
            .filter(|t| t.capitalized)
            .map(|t| t.norm.to_string())
            .collect(),
        kind: RoleKind::Group,
        plural: singular(&head.norm) != head.norm,
        definite,
        text: text[a..b].to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;

    fn mention(s: &str) -> Option<Mention> {
        read_mention(s, &tokenize(s))
    }

    #[test]
    fn splits_titles_from_names() {
        let Some(Mention::Named { name, role, surname }) = mention("German Chancellor Friedrich Merz") else {
            panic!("not a name")
        };
        assert_eq!(
            (name.as_str(), role.as_deref(), surname.as_str()),
            ("Friedrich Merz", Some("German Chancellor"), "merz")
        );
    }

    #[test]
    fn reads_descriptions() {
        let m = mention("one senior European diplomat").unwrap();
        assert_eq!(m.key().as_deref(), Some("european-diplomat"));
        assert_eq!(m.speaker_kind(), SpeakerKind::Anonymous);
        let m = mention("U.S. officials").unwrap();
        assert_eq!(m.key().as_deref(), Some("us-official"));
        assert_eq!(m.speaker_kind(), SpeakerKind::Group);
        assert_eq!(mention("the statement").unwrap().speaker_kind(), SpeakerKind::Document);
    }

    #[test]
    fn folds_transliterations() {
        assert_eq!(fold_name("Zelenskyy"), fold_name("Zelensky"));
        assert_eq!(fold_name("Zelenskiy"), fold_name("Zelensky"));
        assert_ne!(fold_name("Putin"), fold_name("Peskov"));
    }
}
