//! Quantities: numbers, money, percentages, dates and durations, normalised to values.

use compact_str::CompactString;
use std::sync::OnceLock;

use regex::{Captures, Regex};
use serde::{Deserialize, Serialize};

use super::lexicon::lexicon;
use crate::span::Span;
use crate::text::normalize::NormalizedText;

/// What a quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum QuantityKind {
    /// A plain count or figure: "800,000", "Article Five".
    Count,
    /// An amount of money; `unit` is the currency code.
    Money,
    /// A percentage.
    Percent,
    /// A calendar date or year.
    Date,
    /// A length of time; `unit` is the time unit in the plural.
    Duration,
}

/// A quantity as written in a claim, with its normalised value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The words as written in the input.
    pub text: String,
    /// Where the quantity stands in the input.
    pub span: Span,
    /// The value as a plain number (for dates: `year*10000 + month*100 + day`, unknown
    /// parts 0).
    pub value: f64,
    /// The unit: a currency code (`"USD"`), `"percent"`, a time unit (`"hours"`), or
    /// `null` for plain figures and dates.
    pub unit: Option<String>,
    /// What the quantity measures.
    pub kind: QuantityKind,
    /// Whether it was qualified as approximate or as a bound ("nearly", "more than").
    pub approximate: bool,
    /// Month of a date (1-12).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub month: Option<u32>,
    /// Day of a date.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub day: Option<u32>,
    /// Year of a date.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub year: Option<u32>,
}

impl Quantity {
    /// Whether two quantities can be compared: same kind and unit.
    pub fn comparable(&self, other: &Quantity) -> bool {
        self.kind == other.kind && self.unit == other.unit
    }

    /// Whether two comparable quantities are consistent: equal values, or within the
    /// range that an approximate one allows ("nearly four-year" fits "four-year").
    pub fn agrees_with(&self, other: &Quantity) -> bool {
        if self.kind == QuantityKind::Date {
            let fits = |a: Option<u32>, b: Option<u32>| a.is_none() || b.is_none() || a == b;
            return fits(self.year, other.year) && fits(self.month, other.month) && fits(self.day, other.day);
        }
        let (a, b) = (self.value, other.value);
        if a == b {
            return true;
        }
        let tolerance = if self.approximate || other.approximate { 0.15 } else { 0.005 };
        (a - b).abs() <= tolerance * a.abs().max(b.abs())
    }

    /// A term for matching claims: equal for equal values of the same kind and unit.
    pub(crate) fn term(&self) -> CompactString {
        match self.kind {
            QuantityKind::Date => compact_str::format_compact!(
                "@{}-{}-{}",
                self.year.unwrap_or(0),
                self.month.unwrap_or(0),
                self.day.unwrap_or(0)
            ),
            _ => compact_str::format_compact!("#{}", self.value),
        }
    }
}

const MONTHS: [&str; 12] =
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// Indices of the pattern's named groups, looked up once (a lookup by name hashes the
/// name on every match).
struct Groups {
    approx: usize,
    cur: usize,
    curword: usize,
    date: usize,
    date2: usize,
    day: usize,
    day2: usize,
    mnum: usize,
    money: usize,
    month: usize,
    month2: usize,
    mscale: usize,
    num: usize,
    pct: usize,
    scale: usize,
    unit: usize,
    year: usize,
    year2: usize,
}

fn groups() -> &'static Groups {
    static GROUPS: OnceLock<Groups> = OnceLock::new();
    GROUPS.get_or_init(|| {
        let names: Vec<Option<&str>> = pattern().capture_names().collect();
        let index = |name: &str| names.iter().position(|n| *n == Some(name)).expect("named group");
        Groups {
            approx: index("approx"),
            cur: index("cur"),
            curword: index("curword"),
            date: index("date"),
            date2: index("date2"),
            day: index("day"),
            day2: index("day2"),
            mnum: index("mnum"),
            money: index("money"),
            month: index("month"),
            month2: index("month2"),
            mscale: index("mscale"),
            num: index("num"),
            pct: index("pct"),
            scale: index("scale"),
            unit: index("unit"),
            year: index("year"),
            year2: index("year2"),
        }
    })
}

fn pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        let words: Vec<&str> = {
            let mut w: Vec<&str> = lexicon().number_words.keys().copied().collect();
            w.sort_by_key(|w| std::cmp::Reverse(w.len()));
            w
        };
        let word = format!("(?:{})", words.join("|"));
        let month = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
        let scale = r"(?:trillion|billion|million|thousand|tn|bn|mn|m|k)";
        let unit = r"(?:hours?|minutes?|seconds?|days?|weeks?|months?|years?|decades?)";
        let source = format!(
            r"(?x)
            (?P<approx>(?-u:\b)(?:nearly|almost|about|around|roughly|approximately|some|more\ than|less\ than|fewer\ than|over|under|up\ to|at\ least|at\ most|close\ to|as\ many\ as|as\ much\ as)\s+)?
            (?:
              (?P<date>(?-u:\b)(?P<month>{month})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<year>(?:1[89]|20)\d{{2}})(?-u:\b))?)
            | (?P<date2>(?-u:\b)(?P<day2>\d{{1,2}})\s+(?P<month2>{month})(?-u:\b)\.?(?:,?\s+(?P<year2>(?:1[89]|20)\d{{2}})(?-u:\b))?)
            | (?P<money>(?P<cur>us\$|\$|€|£|¥)\s?(?P<mnum>\d[\d,]*(?:\.\d+)?)(?:\s?(?P<mscale>{scale})(?-u:\b))?)
            | (?P<num>(?:(?-u:\b)\d[\d,]*(?:\.\d+)?|(?-u:\b){word}(?:-{word})?)(?-u:\b))
              (?:\s?(?P<scale>trillion|billion|million|thousand|bn)(?-u:\b))?
              (?:\s?(?P<pct>%|percent(?-u:\b)|per\ cent(?-u:\b)))?
              (?:\s?(?P<curword>dollars|euros|pounds|yen)(?-u:\b))?
              (?:(?:\s|-)(?P<unit>{unit})(?-u:\b))?
            )"
        );
        Regex::new(&source).expect("quantity pattern")
    })
}

fn scale_of(word: &str) -> f64 {
    match word {
        "trillion" | "tn" => 1e12,
        "billion" | "bn" => 1e9,
        "million" | "mn" | "m" => 1e6,
        "thousand" | "k" => 1e3,
        _ => 1.0,
    }
}

/// The value of a single number word ("five" -> 5).
pub(crate) fn number_word(word: &str) -> Option<f64> {
    lexicon().number_words.get(word).copied()
}

fn month_of(word: &str) -> Option<u32> {
    MONTHS.iter().position(|m| word.starts_with(m)).map(|i| i as u32 + 1)
}

/// The value of digits ("800,000", "2.5") or number words ("five", "twenty-two").
fn number_value(text: &str) -> Option<f64> {
    if text.starts_with(|c: char| c.is_ascii_digit()) {
        return text.replace(',', "").parse().ok();
    }
    let words = &lexicon().number_words;
    let mut total = 0.0;
    for part in text.split('-') {
        let v = *words.get(part)?;
        total = if v == 100.0 && total > 0.0 { total * 100.0 } else { total + v };
    }
    Some(total)
}

fn build(c: &Captures, norm: &NormalizedText, input: &str, base: usize) -> Option<Quantity> {
    let g = groups();
    let whole = c.get(0)?;
    let approximate = c.get(g.approx).is_some();
    let value_start = c.get(g.approx).map_or(whole.start(), |m| m.end());
    let span = norm.source_span(value_start, whole.end()).shift(base);
    let mut q = Quantity {
        text: String::new(),
        span,
        value: 0.0,
        unit: None,
        kind: QuantityKind::Count,
        approximate,
        month: None,
        day: None,
        year: None,
    };
    if c.get(g.date).is_some() || c.get(g.date2).is_some() {
        let month = c.get(g.month).or(c.get(g.month2))?.as_str();
        let day = c.get(g.day).or(c.get(g.day2))?.as_str().parse().ok()?;
        // "may 5" is a date, but "may" alone is a hedge: only with a day does it count.
        q.kind = QuantityKind::Date;
        q.month = month_of(month);
        q.day = Some(day).filter(|d| (1..=31).contains(d));
        q.day?;
        q.year = c.get(g.year).or(c.get(g.year2)).and_then(|y| y.as_str().parse().ok());
    } else if c.get(g.money).is_some() {
        let scale = c.get(g.mscale).map_or(1.0, |s| scale_of(s.as_str()));
        q.kind = QuantityKind::Money;
        q.value = number_value(c.get(g.mnum)?.as_str())? * scale;
        q.unit = Some(
            match c.get(g.cur)?.as_str() {
                "€" => "EUR",
                "£" => "GBP",
                "¥" => "JPY",
                _ => "USD",
            }
            .to_string(),
        );
    } else {
        let num = c.get(g.num)?.as_str();
        let digits = num.starts_with(|c: char| c.is_ascii_digit());
        let scale = c.get(g.scale).map(|s| s.as_str());
        let unit = c.get(g.unit).map(|u| u.as_str());
        let has_more =
            scale.is_some() || unit.is_some() || c.get(g.pct).is_some() || c.get(g.curword).is_some();
        // "one" is mostly an article ("one official"): only with a unit is it a figure.
        if num == "one" && !has_more {
            return None;
        }
        q.value = number_value(num)? * scale.map_or(1.0, scale_of);
        if c.get(g.pct).is_some() {
            q.kind = QuantityKind::Percent;
            q.unit = Some("percent".into());
        } else if let Some(cur) = c.get(g.curword) {
            q.kind = QuantityKind::Money;
            q.unit = Some(
                match cur.as_str() {
                    "euros" => "EUR",
                    "pounds" => "GBP",
                    "yen" => "JPY",
                    _ => "USD",
                }
                .into(),
            );
        } else if let Some(unit) = unit {
            q.kind = QuantityKind::Duration;
            let plural = if unit.ends_with('s') { unit.to_string() } else { format!("{unit}s") };
            q.unit = Some(plural);
        } else if digits
            && !num.contains([',', '.'])
            && scale.is_none()
            && (1800.0..=2100.0).contains(&q.value)
            && num.len() == 4
        {
            q.kind = QuantityKind::Date;
            q.year = Some(q.value as u32);
        }
    }
    if q.kind == QuantityKind::Date {
        q.value = f64::from(q.year.unwrap_or(0) * 10000 + q.month.unwrap_or(0) * 100 + q.day.unwrap_or(0));
    }
    q.text = input[(span.start - base)..(span.end - base)].to_string();
    Some(q)
}

/// Finds the quantities in `input` (a sentence starting at byte `base` of the article).
pub(crate) fn find_quantities(input: &str, norm: &NormalizedText, base: usize) -> Vec<Quantity> {
    pattern().captures_iter(norm.as_str()).filter_map(|c| build(&c, norm, input, base)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(s: &str) -> Vec<(f64, Option<String>, bool)> {
        let norm = NormalizedText::new(s);
        find_quantities(s, &norm, 0).into_iter().map(|q| (q.value, q.unit, q.approximate)).collect()
    }

    #[test]
    fn reads_news_figures() {
        assert_eq!(values("an 800,000-strong army"), [(800000.0, None, false)]);
        assert_eq!(values("$220 billion in assets"), [(220e9, Some("USD".into()), false)]);
        assert_eq!(values("\u{20ac}210bn"), [(210e9, Some("EUR".into()), false)]);
        assert_eq!(values("\u{201C}90 percent\u{201D}"), [(90.0, Some("percent".into()), false)]);
        assert_eq!(values("Article Five-like"), [(5.0, None, false)]);
        assert_eq!(values("nearly four-year war"), [(4.0, Some("years".into()), true)]);
        assert_eq!(values("five hours of talks"), [(5.0, Some("hours".into()), false)]);
        assert_eq!(values("one official said"), []);
    }

    #[test]
    fn reads_dates() {
        let norm = NormalizedText::new("on Oct. 16 and December 2, 2022");
        let q = find_quantities("on Oct. 16 and December 2, 2022", &norm, 0);
        assert_eq!((q[0].month, q[0].day, q[0].year), (Some(10), Some(16), None));
        assert_eq!(q[0].text, "Oct. 16");
        assert_eq!((q[1].month, q[1].day, q[1].year), (Some(12), Some(2), Some(2022)));
    }
}
