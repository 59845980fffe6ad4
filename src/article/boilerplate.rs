//! Recognising lines that carry no reportable text: credits, trailers, copyright and
//! distribution lines, rules, comment and link prompts, photo credits, help lines,
//! embedded social-media posts and section headings. Date stamps, datelines and photo
//! credits that share a line with body text are cut off in `edges`.

use std::sync::OnceLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::edges;

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
    /// A date stamp before the body text or on a line of its own: "date 2023-02-01",
    /// "2023-02-01", "Published: 1 February 2023".
    DateStamp,
    /// A wire dateline before the body text: "WASHINGTON (Reuters) -",
    /// "LONDON, Feb 1 (Reuters) —".
    Dateline,
    /// A photo credit, on a line of its own or ending a caption: "(Picture: Getty
    /// Images)", "Photograph: Jane Doe/AP", "Credit: …".
    PhotoCredit,
    /// A help line or contact prompt whose content is a phone number: "For confidential
    /// support call 0800 123 456".
    Contact,
    /// An embedded social-media post: a line with a "pic.twitter.com/…" or
    /// "https://t.co/…" link, an embed's markup (`<tweet tweet-id=…>`), or a post's
    /// signature "— Name (@handle) April 20, 2023", with the post's text when it shares
    /// the line.
    SocialPost,
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
    prompt: Regex,
    rule: Regex,
    social_link: Regex,
    social_signature: Regex,
    photo_line: Regex,
    photo_by: Regex,
    contact_start: Regex,
    contact_cue: Regex,
    phone: Regex,
    short_code: Regex,
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let re = |p: &str| Regex::new(p).expect("boilerplate pattern");
        Patterns {
            trailer: re(r"(?i)^the post (.+) appeared first on (.+?)\.?$"),
            // "Updated" is a placement line only with a time or date after it ("Updated 3
            // hours ago", "Updated: Feb 1"), not "Updated figures showed …".
            placement: re(&format!(
                r"(?i)^(?:(?:published in|posted in|filed under|first published)(?-u:\b)|updated(?::|\s+(?:on|at)(?-u:\b)|\s+\d|\s+{}(?-u:\b)|\s*$))",
                edges::MONTH
            )),
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
            // "Read more: …", "WATCH: …", "Related: …", "Watch the video", "For all the
            // results, click here.", a newsletter box ending "Sign up Privacy Policy".
            prompt: re(concat!(
                r"(?i)^(?:(?:read more|read also|also read|more|related|watch|watch now|watch live|listen|see also|",
                r"recommended|further reading|video|more on this story|most read)\s*:\s*\S",
                r"|watch the (?:full )?video(?-u:\b)|.*(?-u:\b)click here\W*$",
                r"|.*(?-u:\b)(?:sign up|subscribe)(?-u:\b).*privacy (?:policy|notice)\W*$)",
            )),
            rule: re(r"^[\s\-_=*~#\u2014\u2013\u2022\u00b7.]{3,}$"),
            // A post's picture or short link, Instagram's caption line, or an embed's
            // markup left in the text ("<tweet tweet-id=…>", "<blockquote class=…>").
            social_link: re(
                r"(?i)(?:(?-u:\b)pic\.twitter\.com/\w|https?://t\.co/\w|^a post shared by(?-u:\b)|^<(?:tweet|blockquote|iframe|embed)(?-u:\b))",
            ),
            // "— Elon Musk (@elonmusk) April 20, 2023" ends an embedded post.
            social_signature: re(&format!(
                concat!(
                    r"(?i)(?:^|\s)(?:[\u2014\u2013\u2015]|--?)\s*[^()\u2014\u2013]{{1,80}}?\s*\(@\w{{1,30}}\)",
                    r"\s*(?:{month}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{month}\s+\d{{4}})?\.?\s*$",
                ),
                month = edges::MONTH
            )),
            // "Photograph: Jane Doe/AP", "(Picture: Getty Images)", "Credit: Supplied".
            photo_line: re(&format!(
                r"(?i)^[(\[]?\s*{}\s*:\s*(?P<who>[^()\[\]]{{1,80}}?)\s*[)\]]?\.?$",
                edges::CREDIT_LABEL
            )),
            photo_by: re(r"(?i)^[(\[]?(?:photo(?:graph)?|picture|image)s?\s+(?:by|courtesy of|via)\s+(?P<who>[^()\[\]]{1,60}?)[)\]]?$"),
            // A help line reads as a prompt: "If you have been affected …", "For confidential
            // support call …", "Contact us on …", "Anyone with information …".
            contact_start: re(concat!(
                r"(?i)^(?:if you(?:'ve|\u2019ve| have| are| or someone| need| feel)|for (?:confidential |free |more |further |emotional )?",
                r"(?:support|help|advice|information|details)|(?:please )?(?:call|phone|ring|text|dial|contact|telephone|tel|freephone|helpline|hotline)(?-u:\b)",
                r"|anyone (?:with|who has) (?:information|any information)|you can (?:call|contact|reach|ring|text)|to (?:contact|reach) (?:us|the)",
                r"|need (?:help|support)|samaritans(?-u:\b)|childline(?-u:\b))",
            )),
            contact_cue: re(
                r"(?i)(?-u:\b)(?:call|calls|phone|ring|text|dial|contact|telephone|tel|freephone|free on|helpline|hotline|whatsapp)(?-u:\b)",
            ),
            // "0800 123 456", "020 7946 0000", "+44 20 7946 0000", "1-800-273-8255", "(555) 123-4567".
            phone: re(r"(?:^|[^\w,.])(?P<number>(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{1,5}(?:[\s.-]\d{2,5}){1,4})(?:$|[^\w,])"),
            // "call 999", "free on 116 123", "text SHOUT to 85258".
            short_code: re(concat!(
                r"(?i)(?-u:\b)(?:call|dial|ring|free on|text(?:\s+\p{Lu}+\s+to)?)\s+(?:\d{3}(?:[\s-]\d{3})?|\d{5,6})",
                r"\s*(?:$|[.;)]|\s(?:or|and|for|free|anytime|24)(?-u:\b))",
            )),
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
    if p.social_link.is_match(line) || p.social_signature.is_match(line) {
        return Some((BoilerplateKind::SocialPost, facts));
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
    if line.len() < 80 && p.furniture.is_match(line) || line.len() < 160 && p.prompt.is_match(line) {
        return Some((BoilerplateKind::Furniture, facts));
    }
    let credit = p.photo_line.captures(line).or_else(|| p.photo_by.captures(line));
    if credit.is_some_and(|c| edges::names_a_source(&c["who"])) {
        return Some((BoilerplateKind::PhotoCredit, facts));
    }
    if is_contact(p, line) {
        return Some((BoilerplateKind::Contact, facts));
    }
    None
}

/// Words right before a phone number that make it one to call.
const CONTACT_LEADS: [&str; 12] = [
    "call",
    "phone",
    "ring",
    "text",
    "dial",
    "contact",
    "telephone",
    "tel",
    "tel.",
    " on",
    "helpline",
    "hotline",
];

/// Whether a line is a help line or contact prompt: it reads as a prompt and gives a
/// number, or it is short, asks to call and gives a full phone number.
fn is_contact(p: &Patterns, line: &str) -> bool {
    if line.len() > 250 {
        return false;
    }
    let numbers: Vec<regex::Match<'_>> = p
        .phone
        .captures_iter(line)
        .filter_map(|c| c.name("number"))
        .filter(|m| is_phone_number(m.as_str()))
        .collect();
    // In a short line, the number must follow its cue: "call 0800 …", "on 020 …".
    let cued = numbers.iter().any(|m| {
        let before = line[..m.start()].trim_end().trim_end_matches(':').to_lowercase();
        CONTACT_LEADS.iter().any(|lead| before.ends_with(lead))
    });
    (p.contact_start.is_match(line) && (!numbers.is_empty() || p.short_code.is_match(line)))
        || (line.len() <= 160 && cued && p.contact_cue.is_match(line))
}

/// Whether digit groups read as a phone number rather than a year range ("2012-2023") or
/// a quantity: 7 to 13 digits, led by "0", "+" or an area code in brackets, or in three
/// or more groups.
fn is_phone_number(number: &str) -> bool {
    let digits = number.chars().filter(char::is_ascii_digit).count();
    let groups: Vec<&str> = number.split(|c: char| !c.is_ascii_digit()).filter(|g| !g.is_empty()).collect();
    let year = |g: &&str| g.len() == 4 && (g.starts_with("19") || g.starts_with("20"));
    // A date ("2023-03-12", "12.03.2023") or a figure with spaced thousands
    // ("2 500 000") is no phone number.
    let date = match groups.as_slice() {
        [a, b, c] => {
            (a.len() == 4 && b.len() <= 2 && c.len() <= 2) || (a.len() <= 2 && b.len() <= 2 && c.len() >= 2)
        }
        _ => false,
    };
    let thousands = groups.len() >= 2
        && groups[0].len() <= 3
        && !groups[0].starts_with('0')
        && groups[1..].iter().all(|g| g.len() == 3)
        && !number.contains(['(', '+', '-']);
    if date || thousands {
        return false;
    }
    (7..=13).contains(&digits)
        && !groups.iter().all(year)
        && (number.starts_with(['0', '+', '(']) || groups.len() >= 3)
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
