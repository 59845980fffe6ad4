//! Boilerplate that shares a line with body text: a date stamp or wire dateline before
//! it ("date 2023-02-01 Chelsea have …", "LONDON (Reuters) - The …") and a photo
//! credit after it ("… a Chelsea player (Picture: Getty Images)").

use std::sync::OnceLock;

use regex::Regex;

use super::BoilerplateKind;
use crate::text::data_lines;

/// A month name or its abbreviation, for use inside a case-insensitive pattern.
pub(crate) const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

/// The words a photo credit names its source with: "Picture", "Photograph", "Credit".
pub(crate) const CREDIT_LABEL: &str = r"(?:(?:photo|picture|image)\s+credits?|photo(?:graph)?s?|pictures?|pics?|images?|credits?|illustration|main image|top image)";

/// Photo agencies whose name alone, in brackets at the end of a caption, is a credit.
const AGENCIES: &str = include_str!("../data/photo_agencies.txt");

/// Longest date stamp or dateline cut from the start of a line.
const MAX_STAMP_BYTES: usize = 80;
/// Longest photo credit cut from the end of a line.
const MAX_CREDIT_BYTES: usize = 100;

struct Patterns {
    iso: Regex,
    labelled: Regex,
    text_date: Regex,
    time: Regex,
    separator: Regex,
    dateline: Regex,
    credit_brackets: Regex,
    credit_dash: Regex,
    agency_photo: Regex,
    agencies: Vec<String>,
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let re = |p: &str| Regex::new(p).expect("edge pattern");
        let weekday =
            r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?,?\s+)?";
        let text_date = format!(
            r"{weekday}(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}}|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
        );
        let iso = r"\d{4}[-/]\d{2}[-/]\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?";
        let numeric = r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}";
        let agencies = data_lines(AGENCIES).map(str::to_lowercase).collect();
        Patterns {
            // "date 2023-02-01", "2023-02-01T10:30:00Z": the date may stand alone.
            iso: re(&format!(r"(?i)^(?:date:?\s+)?{iso}")),
            // "Published: 1 February 2023", "Updated on Feb 1, 2023", "Posted 01/02/2023".
            labelled: re(&format!(
                r"(?i)^(?:date:?|published|posted|updated|last updated|last modified|first published|modified)(?:\s+on|\s+at)?\s*:?\s*(?:{iso}|{text_date}|{numeric})"
            )),
            // A written date alone: it needs a time, a separator or the end of the line after it.
            text_date: re(&format!(r"(?i)^{text_date}")),
            time: re(
                r"(?i)^,?\s*(?:at\s+|[|·•-]\s*)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m(?:\.|(?-u:\b)))?(?:\s*(?:GMT|BST|UTC|CET|CEST|EST|EDT|CST|CDT|PST|PDT|ET|PT|IST|AEST|AEDT)(?-u:\b))?",
            ),
            separator: re(r"^\s*(?:[|·•\-\u{2013}\u{2014}]+|:)(?:\s|$)"),
            // "WASHINGTON (Reuters) - ", "LONDON, Feb 1 (Reuters) — ", "KYIV, Ukraine — ".
            dateline: re(&format!(
                concat!(
                    r"^(?P<city>\p{{Lu}}[\p{{Lu}}'\u{{2019}}.\-]+(?:\s+\p{{Lu}}[\p{{Lu}}'\u{{2019}}.\-]+){{0,3}})",
                    r"(?P<region>,\s+\p{{Lu}}[\p{{L}}.'\u{{2019}}\-]*(?:\s+\p{{Lu}}[\p{{L}}.'\u{{2019}}\-]*){{0,2}})??",
                    r"(?P<date>,\s+(?i:{month})\s+\d{{1,2}})?",
                    r"\s*(?P<agency>\(\p{{Lu}}[\p{{L}}.&/]*(?:\s+\p{{Lu}}[\p{{L}}.&/]*){{0,2}}\))?",
                    r"\s*(?:-{{1,2}}|\u{{2013}}|\u{{2014}})(?:\s|$)",
                ),
                month = MONTH
            )),
            credit_brackets: re(&format!(
                r"(?i)\s*[(\[]\s*{CREDIT_LABEL}\s*:\s*(?P<who>[^()\[\]]{{1,80}}?)\s*[)\]]\.?$"
            )),
            credit_dash: re(&format!(
                r"(?i)\s+(?:[|\-\u{{2013}}\u{{2014}}]|--)\s+{CREDIT_LABEL}\s*:\s*(?P<who>[^()\[\]]{{1,60}}?)\.?$"
            )),
            // "(AP Photo/Evan Vucci)", "(Getty Images)".
            agency_photo: re(r"\s*\((?P<who>[^()]{1,60})\)\.?$"),
            agencies,
        }
    })
}

/// Words in capitals that open a line like a place but are a label or a body
/// ("BREAKING - …", "NATO - The alliance said …").
const NOT_PLACES: [&str; 24] = [
    "BREAKING",
    "EXCLUSIVE",
    "UPDATE",
    "UPDATED",
    "WATCH",
    "LIVE",
    "ANALYSIS",
    "OPINION",
    "EDITORIAL",
    "COMMENT",
    "VIDEO",
    "PHOTOS",
    "NATO",
    "FIFA",
    "UEFA",
    "OPEC",
    "NASA",
    "NHTSA",
    "FBI",
    "CIA",
    "EU",
    "UN",
    "USA",
    "WHO",
];

/// Whether `who` reads as the source of a photo: names, an agency, "Jane Doe/AP", rather
/// than a clause ("the bank said lending would tighten").
pub(crate) fn names_a_source(who: &str) -> bool {
    const LINKS: &[&str] = &[
        "via", "for", "and", "of", "the", "de", "da", "del", "van", "von", "der", "le", "la", "courtesy",
        "by",
    ];
    let words: Vec<&str> = who.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 10
        && who.chars().any(char::is_uppercase)
        && words.iter().all(|word| {
            word.split(['/', '-', '&'])
                .map(|piece| piece.trim_matches(|c: char| !c.is_alphanumeric()))
                .filter(|piece| !piece.is_empty())
                .all(|piece| {
                    piece.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                        || LINKS.contains(&piece.to_lowercase().as_str())
                })
        })
}

/// The length of a date stamp or dateline at the start of the trimmed `line`, without
/// the white space after it, and its kind.
pub(crate) fn leading(line: &str) -> Option<(usize, BoilerplateKind)> {
    let p = patterns();
    let head = &line[..floor_boundary(line, MAX_STAMP_BYTES + 40)];
    if let Some(end) = date_stamp(p, head) {
        return Some((end, BoilerplateKind::DateStamp));
    }
    let m = p.dateline.captures(head)?;
    let whole = m.get(0)?;
    let city = &m["city"];
    let rest = line[whole.end()..].trim_start();
    // A dateline names a place in capitals, then perhaps a region, a date and an agency;
    // the body goes on after it with a capital, a digit or a quotation mark. A place
    // alone ("BRUSSELS - European leaders …") is up to three words of four letters or
    // more in all.
    let anchored = m.name("agency").is_some() || m.name("region").is_some() || m.name("date").is_some();
    let place_alone =
        city.split_whitespace().count() <= 3 && city.chars().filter(|c| c.is_alphabetic()).count() >= 4;
    let starts_body = rest.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\u{201C}' | '\u{2018}' | '\'')
    });
    let letters = city.chars().filter(|c| c.is_alphabetic()).count();
    // Labels and acronyms in capitals are no places: "BREAKING - …", "NATO - The …".
    if NOT_PLACES.iter().any(|w| city.eq_ignore_ascii_case(w)) {
        return None;
    }
    ((anchored || place_alone) && starts_body && letters >= 3 && whole.end() <= MAX_STAMP_BYTES)
        .then(|| (line[..whole.end()].trim_end().len(), BoilerplateKind::Dateline))
}

/// The end of one or more date stamps at the start of `line` ("Published: 1 Feb 2023 |
/// Updated: 2 Feb 2023"), with any separator after them.
fn date_stamp(p: &Patterns, line: &str) -> Option<usize> {
    let mut end = 0;
    for _ in 0..3 {
        let rest = &line[end..];
        let lead = rest.len() - rest.trim_start().len();
        let rest = rest.trim_start();
        let labelled = p.iso.find(rest).or_else(|| p.labelled.find(rest)).map(|m| m.end());
        let bare = p.text_date.find(rest).map(|m| m.end());
        let (mut stop, bare) = match (labelled, bare) {
            (Some(stop), _) => (stop, false),
            (None, Some(stop)) => (stop, true),
            (None, None) => break,
        };
        let timed = p.time.find(&rest[stop..]).map(|m| m.end());
        stop += timed.unwrap_or(0);
        let separated = p.separator.find(&rest[stop..]).map(|m| m.end());
        let at_end = rest[stop..].trim().is_empty();
        // A written date alone ("February 1, 2023 marked …") is a stamp only when a
        // time, a separator or the end of the line follows it.
        if bare && timed.is_none() && separated.is_none() && !at_end {
            return (end > 0).then_some(end);
        }
        // The stamp must end at a word boundary: "2023-02-01x" is no stamp; and a date
        // the sentence goes on from ("2023-01-15 was the day …", "Posted on 1 May,
        // the video …") is its content, not a stamp.
        let after = rest[stop..].trim_start();
        let goes_on = after.starts_with(',') || after.chars().next().is_some_and(char::is_lowercase);
        if rest[stop..].chars().next().is_some_and(char::is_alphanumeric) || (goes_on && separated.is_none())
        {
            return (end > 0).then_some(end);
        }
        if let Some(sep) = separated {
            stop += sep;
        }
        end += lead + rest[..stop].trim_end().len();
        if end > MAX_STAMP_BYTES {
            return None;
        }
    }
    (end > 0).then_some(end)
}

/// Where a photo credit at the end of the trimmed `line` starts (after the white space
/// before it), and its kind; the text before it must remain.
pub(crate) fn trailing(line: &str) -> Option<(usize, BoilerplateKind)> {
    let p = patterns();
    let from = line.len().saturating_sub(MAX_CREDIT_BYTES + 20);
    let tail_start = ceil_boundary(line, from);
    let tail = &line[tail_start..];
    let found = [&p.credit_brackets, &p.credit_dash]
        .into_iter()
        .filter_map(|re| re.captures(tail))
        .find(|c| names_a_source(&c["who"]))
        .or_else(|| {
            p.agency_photo.captures(tail).filter(|c| {
                let who = c["who"].trim().to_lowercase();
                p.agencies.contains(&who) || (who.contains("photo/") && names_a_source(&c["who"]))
            })
        })?;
    let whole = found.get(0)?;
    let start = tail_start + whole.start();
    let credit = line[start..].trim_start();
    let start = line.len() - credit.len();
    (start > 0 && credit.len() <= MAX_CREDIT_BYTES && !line[..start].trim().is_empty())
        .then_some((start, BoilerplateKind::PhotoCredit))
}

/// The largest char boundary of `s` at or below `at`.
fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The smallest char boundary of `s` at or above `at`.
fn ceil_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(line: &str) -> Option<(&str, BoilerplateKind)> {
        leading(line).map(|(end, kind)| (&line[..end], kind))
    }

    fn credit(line: &str) -> Option<&str> {
        trailing(line).map(|(start, _)| &line[start..])
    }

    #[test]
    fn date_stamps() {
        let d = BoilerplateKind::DateStamp;
        assert_eq!(stamp("date 2023-02-01 Chelsea have signed him."), Some(("date 2023-02-01", d)));
        assert_eq!(stamp("date 2023-01-22"), Some(("date 2023-01-22", d)));
        assert_eq!(stamp("2023-02-01T09:30:00Z The club said."), Some(("2023-02-01T09:30:00Z", d)));
        assert_eq!(
            stamp("Published: 1 February 2023 The club said."),
            Some(("Published: 1 February 2023", d))
        );
        assert_eq!(
            stamp("Published: Wed 1 Feb 2023 10.30 GMT | Updated: 2 Feb 2023 The club said."),
            Some(("Published: Wed 1 Feb 2023 10.30 GMT | Updated: 2 Feb 2023", d))
        );
        assert_eq!(stamp("February 1, 2023 - The club said."), Some(("February 1, 2023 -", d)));
        assert_eq!(stamp("February 1, 2023 marked a turning point."), None);
        assert_eq!(stamp("2012-2023 Model S cars are affected."), None);
        assert_eq!(stamp("Updated software will fix it."), None);
    }

    #[test]
    fn datelines() {
        let d = BoilerplateKind::Dateline;
        assert_eq!(stamp("WASHINGTON (Reuters) - The Senate voted."), Some(("WASHINGTON (Reuters) -", d)));
        assert_eq!(
            stamp("LONDON, Feb 1 (Reuters) \u{2014} Shares fell."),
            Some(("LONDON, Feb 1 (Reuters) \u{2014}", d))
        );
        assert_eq!(stamp("KYIV, Ukraine \u{2014} Sirens sounded."), Some(("KYIV, Ukraine \u{2014}", d)));
        assert_eq!(stamp("BRUSSELS - European leaders met."), Some(("BRUSSELS -", d)));
        assert_eq!(stamp("WASHINGTON -- President Obama spoke."), Some(("WASHINGTON --", d)));
        assert_eq!(stamp("NASA \u{2014} the agency \u{2014} said so."), None);
        assert_eq!(stamp("EU - The bloc agreed."), None);
        assert_eq!(stamp("UK inflation - the highest in decades - rose."), None);
    }

    #[test]
    fn trailing_credits() {
        assert_eq!(
            credit("Enzo Fernandez has been confirmed as a Chelsea player (Picture: Getty Images)"),
            Some("(Picture: Getty Images)")
        );
        assert_eq!(credit("The recall affects four models.  -  Photo: Tesla"), Some("-  Photo: Tesla"));
        assert_eq!(credit("The president speaks in Ohio. (AP Photo/Jane Doe)"), Some("(AP Photo/Jane Doe)"));
        assert_eq!(credit("Crowds gather at the gate (Getty Images)"), Some("(Getty Images)"));
        assert_eq!(credit("(Picture: Getty Images)"), None);
        assert_eq!(credit("Lending fell (credit: the bank said it would tighten)"), None);
        assert_eq!(credit("The vote was close (Reuters poll)"), None);
    }

    #[test]
    fn sources() {
        assert!(names_a_source("Jane Doe/AP"));
        assert!(names_a_source("AFP via Getty Images"));
        assert!(!names_a_source("the bank said it would tighten"));
    }
}
