//! Recognising lines that carry no reportable text: credits, trailers, copyright and
//! distribution lines, rules, comment prompts and section headings.

use std::sync::OnceLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

/// Why a line of an article is boilerplate rather than body text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BoilerplateKind {
    /// The headline at the top of the text.
    Headline,
    /// "The post … appeared first on …".
    Trailer,
    /// "Published in …", "Updated …" and similar placement lines.
    Placement,
    /// "X contributed to this report", "—With assistance from …", bylines.
    Credit,
    /// "©2025 …", "Copyright …", "Distributed by …", "All rights reserved".
    Copyright,
    /// "Comments", "Read more", "Sign up …" and other page furniture.
    Furniture,
    /// A rule such as `---------`.
    Rule,
    /// A short section heading inside the body.
    Heading,
}

/// What a boilerplate line says about the article.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct LineFacts {
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// An outlet found in a weaker place (a distributor line): used only as a fallback.
    pub distributor: Option<String>,
}

struct Patterns {
    trailer: Regex,
    placement: Regex,
    credit: Regex,
    copyright: Regex,
    copyright_holder: Regex,
    distributor: Regex,
    furniture: Regex,
    rule: Regex,
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let re = |p: &str| Regex::new(p).expect("boilerplate pattern");
        Patterns {
            trailer: re(r"(?i)^the post (.+) appeared first on (.+?)\.?$"),
            placement: re(r"(?i)^(published in|posted in|filed under|updated:?|first published)(?-u:\b)"),
            credit: re(concat!(
                r"(?i)(contributed (reporting )?to this (report|story|article)\.?$",
                r"|^[-\u2014\u2013\s]*with assistance from(?-u:\b)",
                r"|^[-\u2014\u2013\s]*(additional )?reporting by(?-u:\b)",
                r"|^(edited|written|compiled) by(?-u:\b)",
                r"|^by [\p{Lu}][\p{L}.'\u2019-]+( [\p{Lu}][\p{L}.'\u2019-]+){0,3}( and [\p{Lu}][\p{L}.'\u2019-]+( [\p{Lu}][\p{L}.'\u2019-]+){0,3})?$)",
            )),
            copyright: re(r"(?i)^(©|\(c\)|copyright(?-u:\b))|all rights reserved|^distributed by(?-u:\b)"),
            copyright_holder: re(
                r"(?i)^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}\s*)?(?:[-,]\s*\d{4}\s*)?([^,©]+?)(?:\.\s|\.$|,|$)",
            ),
            distributor: re(r"(?i)distributed by\s+([^.,]+)"),
            furniture: re(
                r"(?i)^(comments?|advertisement|read more|related( articles| stories)?|share this( article| story)?|sign up(?-u:\b).*|subscribe(?-u:\b).*|click here(?-u:\b).*|follow us(?-u:\b).*|more from(?-u:\b).*)[\s\W]*$",
            ),
            rule: re(r"^[\s\-_=*~#\u2014\u2013\u2022\u00b7.]{3,}$"),
        }
    })
}

/// Strips corporate suffixes: "Bloomberg L.P." -> "Bloomberg".
fn clean_outlet(name: &str) -> String {
    let mut name = name.trim().trim_end_matches('.').trim();
    loop {
        let lower = name.to_lowercase();
        let Some(cut) = [" l.p", " lp", " inc", " llc", " ltd", " co", " corp", " plc", " gmbh"]
            .iter()
            .find(|s| lower.ends_with(*s))
        else {
            break;
        };
        name = name[..name.len() - cut.len()].trim_end_matches([',', ' ', '.']);
    }
    let name = name.strip_prefix("The ").unwrap_or(name);
    name.trim().to_string()
}

/// The longest line that can be boilerplate other than a trailer.
const MAX_FURNITURE_BYTES: usize = 400;

/// Classifies one trimmed line; `None` means body text (or a candidate heading, which
/// the parser decides with the context of the lines around it).
pub(crate) fn classify(line: &str) -> Option<(BoilerplateKind, LineFacts)> {
    let p = patterns();
    let mut facts = LineFacts::default();
    if let Some(c) = p.trailer.captures(line) {
        facts.title = Some(c[1].trim().to_string());
        facts.outlet = Some(clean_outlet(&c[2]));
        return Some((BoilerplateKind::Trailer, facts));
    }
    // Credit, copyright, placement and furniture lines are short; a long paragraph that
    // happens to end "… contributed to this report." is body text.
    if line.len() > MAX_FURNITURE_BYTES {
        return None;
    }
    if p.rule.is_match(line) {
        return Some((BoilerplateKind::Rule, facts));
    }
    if p.copyright.is_match(line) {
        if let Some(c) = p.copyright_holder.captures(line) {
            let holder = clean_outlet(&c[1]);
            if !holder.is_empty() {
                facts.outlet = Some(holder);
            }
        }
        if let Some(c) = p.distributor.captures(line) {
            facts.distributor = Some(clean_outlet(&c[1]));
        }
        return Some((BoilerplateKind::Copyright, facts));
    }
    if p.credit.is_match(line) {
        return Some((BoilerplateKind::Credit, facts));
    }
    if line.len() < 120 && p.placement.is_match(line) {
        return Some((BoilerplateKind::Placement, facts));
    }
    if line.len() < 80 && p.furniture.is_match(line) {
        return Some((BoilerplateKind::Furniture, facts));
    }
    None
}

/// Whether a line reads as a title or heading: short, no closing punctuation, starts
/// with a capital letter or digit.
pub(crate) fn reads_as_heading(line: &str, max_words: usize) -> bool {
    if line.len() > max_words * 14 {
        return false;
    }
    let words = line.split_whitespace().count();
    let last = line.chars().last();
    let first = line.chars().next();
    words > 0
        && words <= max_words
        && !matches!(last, Some('.' | ',' | ';' | ':' | '!' | '?' | '\u{201D}' | '"'))
        && first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copyright_gives_outlet() {
        let (kind, facts) = classify(
            "\u{a9}2025 Bloomberg L.P. Visit bloomberg.com. Distributed by Tribune Content Agency, LLC.",
        )
        .unwrap();
        assert_eq!(kind, BoilerplateKind::Copyright);
        assert_eq!(facts.outlet.as_deref(), Some("Bloomberg"));
        assert_eq!(facts.distributor.as_deref(), Some("Tribune Content Agency"));
    }

    #[test]
    fn trailer_gives_title_and_outlet() {
        let (_, facts) = classify("The post A deal is near appeared first on The Example Times.").unwrap();
        assert_eq!(facts.title.as_deref(), Some("A deal is near"));
        assert_eq!(facts.outlet.as_deref(), Some("Example Times"));
    }

    #[test]
    fn body_is_not_boilerplate() {
        assert!(classify("Comments on the plan came late on Monday, officials said.").is_none());
        assert!(classify("By the end of the year, the fund had grown.").is_none());
    }
}
