//! Claim extraction: the attribution and quantity tables, and the seed articles.

use claimdiff::{Article, ClaimSet, ErrorKind, Extractor, QuantityKind};

#[path = "common/table.rs"]
mod table;
use table::{Case, assert_table, field, read_table};

fn check_attribution(case: &Case) -> Result<(), String> {
    let text = case.lines.join("\n");
    let set = ClaimSet::new(Article::parse(&text).map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    let want = field(case, "claim").ok_or("no claim field")?;
    let claim = set.claims().iter().find(|c| c.text == want).ok_or_else(|| {
        format!("no claim {want:?}; got {:?}", set.claims().iter().map(|c| c.text).collect::<Vec<_>>())
    })?;
    let speaker = field(case, "speaker").ok_or("no speaker field")?;
    if speaker == "none" {
        return match set.speaker_of(claim) {
            None => Ok(()),
            Some(s) => Err(format!("expected no speaker, got {:?}", s.name)),
        };
    }
    let (name, key) = speaker.split_once(" | ").ok_or("speaker needs NAME | KEY")?;
    let attribution = claim.attribution.as_ref().ok_or("no attribution")?;
    let got = &set.speakers()[attribution.speaker];
    if (got.name.as_str(), got.key.as_str()) != (name, key) {
        return Err(format!("speaker {:?} | {:?}, expected {name:?} | {key:?}", got.name, got.key));
    }
    match field(case, "mention") {
        Some("-") | None => {}
        Some(mention) => {
            let got = &text[attribution.mention.range()];
            if got != mention {
                return Err(format!("mention {got:?}, expected {mention:?}"));
            }
        }
    }
    let got_cue = attribution.cue.map(|c| &text[c.range()]);
    match (field(case, "cue"), got_cue) {
        (Some("-"), None) | (None, _) => Ok(()),
        (Some(want), Some(got)) if want == got => Ok(()),
        (want, got) => Err(format!("cue {got:?}, expected {want:?}")),
    }
}

#[test]
fn attribution_table() {
    let cases = read_table(include_str!("data/attribution.txt"));
    assert!(cases.len() >= 60, "the table has {} cases", cases.len());
    assert_table(&cases, check_attribution);
}

fn check_quantity(case: &Case) -> Result<(), String> {
    let text = case.lines.join("\n");
    let set = ClaimSet::new(Article::parse(&text).map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    let quantities: Vec<_> = set.claims().iter().flat_map(|c| c.quantities.iter()).collect();
    let want = field(case, "expect").ok_or("no expect field")?;
    if want == "none" {
        return if quantities.is_empty() {
            Ok(())
        } else {
            Err(format!("expected none, got {quantities:?}"))
        };
    }
    let mut parts = want.split_whitespace();
    let written = field(case, "text").ok_or("no text field")?;
    let value: f64 = parts.next().ok_or("no value")?.parse().map_err(|_| "bad value")?;
    let unit = parts.next().filter(|u| *u != "-");
    let approximate = parts.next() == Some("approx");
    let q = quantities.iter().find(|q| q.text == written).ok_or_else(|| {
        format!("no quantity {written:?}; got {:?}", quantities.iter().map(|q| &q.text).collect::<Vec<_>>())
    })?;
    if (q.value - value).abs() > 1e-6 * value.abs().max(1.0)
        || q.unit.as_deref() != unit
        || q.approximate != approximate
    {
        return Err(format!("got {} {:?} approx={}, expected {want}", q.value, q.unit, q.approximate));
    }
    if let Some(want) = field(case, "interval") {
        check_interval("interval", (q.low, q.high), want)?;
    }
    if let Some(want) = field(case, "base") {
        check_interval("base interval", q.interval_in_base_unit(), want)?;
    }
    match field(case, "counts") {
        None => Ok(()),
        Some(want) if q.counts.as_deref() == Some(want).filter(|w| *w != "none") => Ok(()),
        Some(want) => Err(format!("counts {:?}, expected {want}", q.counts)),
    }
}

/// Checks an interval against "LOW HIGH" (HIGH "-" for unbounded above), to 1e-6
/// relative.
fn check_interval(name: &str, (low, high): (f64, Option<f64>), want: &str) -> Result<(), String> {
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0);
    let (want_low, want_high) = want.split_once(' ').ok_or(format!("{name} needs LOW HIGH"))?;
    let want_low: f64 = want_low.parse().map_err(|_| format!("bad {name} low {want_low:?}"))?;
    let want_high: Option<f64> = match want_high {
        "-" => None,
        h => Some(h.parse().map_err(|_| format!("bad {name} high {h:?}"))?),
    };
    let fits = close(low, want_low)
        && match (high, want_high) {
            (None, None) => true,
            (Some(h), Some(w)) => close(h, w),
            _ => false,
        };
    if fits { Ok(()) } else { Err(format!("{name} {low} {high:?}, expected {want}")) }
}

#[test]
fn quantity_table() {
    let cases = read_table(include_str!("data/quantities.txt"));
    assert!(cases.len() >= 40, "the table has {} cases", cases.len());
    assert_table(&cases, check_quantity);
}

const WAPO: &str = include_str!("../examples/data/000_3ceddb36b1c5c648.txt");
const BLOOMBERG: &str = include_str!("../examples/data/003_4ee3722dddd13468.txt");

#[test]
fn seed_speakers() {
    let set = ClaimSet::new(Article::parse(BLOOMBERG).unwrap()).unwrap();
    let claim = set.claims().iter().find(|c| c.text.contains("800,000-strong")).unwrap();
    // "according to the statement": the statement the European leaders issued.
    assert_eq!(set.speaker_of(claim).unwrap().key, "european-leader");
    assert_eq!(claim.quantities[0].value, 800_000.0);
    let zelensky: Vec<_> = set.by_speaker("zelensky").map(|c| c.index).collect();
    assert!(zelensky.len() >= 6, "{zelensky:?}");
    assert_eq!(set.speakers().iter().find(|s| s.key == "zelensky").unwrap().name, "Volodymyr Zelenskyy");

    let set = ClaimSet::new(Article::parse(WAPO).unwrap()).unwrap();
    let vote = set.claims().iter().find(|c| c.text.contains("would require a vote by Congress")).unwrap();
    assert_eq!(set.speaker_of(vote).unwrap().name, "U.S. officials");
    let merz = set.speakers().iter().find(|s| s.key == "merz").unwrap();
    assert_eq!((merz.name.as_str(), merz.role.as_deref()), ("Friedrich Merz", Some("German Chancellor")));
    let assets = set.claims().iter().find(|c| c.text.contains("$220 billion")).unwrap();
    let money = assets.quantities.iter().find(|q| q.kind == QuantityKind::Money).unwrap();
    assert_eq!((money.value, money.unit.as_deref()), (220e9, Some("USD")));
    assert!(set.speaker_of(assets).is_none());
}

#[test]
fn lookups_by_speaker_and_topic_agree() {
    let set = ClaimSet::new(Article::parse(WAPO).unwrap()).unwrap();
    for (key, count) in set.speaker_keys() {
        assert_eq!(set.by_speaker(key).count(), count);
    }
    let total: usize = set.topics().map(|(_, n)| n).sum();
    assert_eq!(total, set.claims().len());
    let attributed: Vec<_> = set.claims().iter().filter(|c| set.speaker_of(c).is_some()).collect();
    assert!(attributed.len() > 10);
    for claim in attributed {
        let key = &set.speaker_of(claim).unwrap().key;
        assert!(set.by_speaker_and_topic(key, &claim.topic).any(|c| c.index == claim.index));
    }
}

#[test]
fn hedges_and_negations() {
    let text =
        "The talks may resume on Friday, officials said. Moscow ruled out a ceasefire and did not reply.";
    let set = ClaimSet::new(Article::parse(text).unwrap()).unwrap();
    let cues = |i: usize| -> (Vec<&str>, Vec<&str>) {
        let c = &set.claims()[i];
        (
            c.hedges.iter().map(|h| h.cue.as_str()).collect(),
            c.negations.iter().map(|n| n.cue.as_str()).collect(),
        )
    };
    assert_eq!(cues(0), (vec!["may"], vec![]));
    assert_eq!(cues(1), (vec![], vec!["ruled out", "not"]));
    // "Cannot" is one word.
    let set = ClaimSet::new(Article::parse("The port cannot reopen before June.").unwrap()).unwrap();
    let cues: Vec<&str> = set.claims()[0].negations.iter().map(|n| n.cue.as_str()).collect();
    assert_eq!(cues, ["cannot"]);
}

#[test]
fn predicate_after_a_relative_clause_shares_the_subject() {
    let text = "Mara Quist, who won the sprint title in Oslo last winter, has signed a new contract.";
    let set = ClaimSet::new(Article::parse(text).unwrap()).unwrap();
    let claims = set.claims();
    assert_eq!(claims.len(), 2);
    assert_eq!(claims[1].text, "has signed a new contract.");
    let terms: Vec<&str> = claims[1].terms().collect();
    // The subject's words are the predicate's terms; the relative clause's are not.
    assert!(terms.contains(&"quist") && terms.contains(&"contract"), "{terms:?}");
    assert!(!terms.contains(&"oslo"), "{terms:?}");
    assert!(claims[0].terms().any(|t| t == "oslo"));
    // A figure of the subject stays with the subject's claim.
    let text = "The 2,000 dockworkers, who walked out in May, have returned to the port.";
    let set = ClaimSet::new(Article::parse(text).unwrap()).unwrap();
    let terms: Vec<&str> = set.claims()[1].terms().collect();
    assert!(terms.iter().any(|t| t.starts_with("dockwork")), "{terms:?}");
    assert!(!terms.iter().any(|t| t.contains("2000")), "{terms:?}");
}

#[test]
fn a_fronted_adverbial_is_not_the_content_of_a_trailing_attribution() {
    // The attribution leads its content after an opening phrase: the content's words
    // are the claim's terms, not only the opening's.
    let text = "Two days later, the port authority confirmed in a filing that it owns the ferry line. \
                In a memo last month, the mayor's office described the levy as a tool to fund repairs. \
                Wages will rise next year, the finance ministry said on Monday.";
    let set = ClaimSet::new(Article::parse(text).unwrap()).unwrap();
    let terms = |i: usize| -> Vec<&str> { set.claims()[i].terms().collect() };
    assert!(terms(0).contains(&"ferri") && terms(0).contains(&"own"), "{:?}", terms(0));
    assert!(terms(1).contains(&"levi") && terms(1).contains(&"repair"), "{:?}", terms(1));
    // A trailing attribution still leaves only the content before it, whatever
    // phrase follows its cue ("… in a statement that was issued on Tuesday").
    assert!(terms(2).contains(&"rise") && !terms(2).contains(&"ministri"), "{:?}", terms(2));
    // An opening phrase that ends in a noun spelt like a verb ("the Harbour Gazette
    // report") is still an opening phrase; "the officials report that …" is a clause.
    let text = "In the wake of the Harbour Gazette report, Mayor Ada Moss has portrayed herself \
                as a careful steward of the budget who is now going to cut waste.";
    let set = ClaimSet::new(Article::parse(text).unwrap()).unwrap();
    let terms: Vec<&str> = set.claims()[0].terms().collect();
    assert!(terms.contains(&"steward") && terms.contains(&"wast"), "{terms:?}");
    assert!(!terms.contains(&"gazett"), "{terms:?}");
    // A verb in its -s form after a name is a clause's verb: the condition stays.
    let text = "Once the Union agrees, Mayor Ada Moss said the tolls would end.";
    let set = ClaimSet::new(Article::parse(text).unwrap()).unwrap();
    let all: Vec<&str> = set.claims().iter().flat_map(|c| c.terms()).collect();
    assert!(all.contains(&"agre") && all.contains(&"toll"), "{all:?}");
    // An adjective of attitude is no verb: "After months of angry protests" opens the
    // sentence as an adverbial phrase, and the act after the speaker is the content.
    let text = "After months of angry protests, the cabinet approved the ferry subsidy on Tuesday.";
    let set = ClaimSet::new(Article::parse(text).unwrap()).unwrap();
    let terms: Vec<&str> = set.claims()[0].terms().collect();
    assert!(terms.contains(&"ferri") && terms.contains(&"subsidi"), "{terms:?}");
    let text = "The border crossing is closed, the army said in a statement that was issued on Tuesday.";
    let set = ClaimSet::new(Article::parse(text).unwrap()).unwrap();
    let terms: Vec<&str> = set.claims()[0].terms().collect();
    assert!(terms.contains(&"border") && !terms.contains(&"statement"), "{terms:?}");
}

#[test]
fn the_words_around_a_leading_attribution_are_not_its_content() {
    // When, where and how a thing was said lead its content: they make no terms.
    let text = "Two days later, the port authority confirmed in a filing that it owns the ferry line. \
                In its statement, the union said the strike would end on Friday. \
                The harbour, the mayor said, will reopen in May.";
    let set = ClaimSet::new(Article::parse(text).unwrap()).unwrap();
    let terms = |i: usize| -> Vec<&str> { set.claims()[i].terms().collect() };
    assert!(terms(0).contains(&"ferri") && terms(0).contains(&"own"), "{:?}", terms(0));
    assert!(!["day", "later", "file"].iter().any(|w| terms(0).contains(w)), "{:?}", terms(0));
    assert!(terms(1).contains(&"strike") && !terms(1).contains(&"statement"), "{:?}", terms(1));
    // Content on both sides of the speaker's words keeps both sides.
    assert!(terms(2).contains(&"harbour") && terms(2).contains(&"reopen"), "{:?}", terms(2));
    // Only an adverbial phrase is a circumstance: the fronted words of "Revenue doubles,
    // the CEO told investors …" and the words before the "that" of "… destroyed that
    // warehouse" are content.
    let text = "Revenue doubles to $5 billion, the CEO told investors who had gathered in Dallas. \
                The mayor said the fire destroyed that warehouse near the harbour.";
    let set = ClaimSet::new(Article::parse(text).unwrap()).unwrap();
    let all: Vec<&str> = set.claims().iter().flat_map(|c| c.terms()).collect();
    assert!(all.contains(&"revenu") && all.contains(&"fire") && all.contains(&"destroy"), "{all:?}");
    // A clause whose speaker is named in the clause before keeps all its words.
    let text = "Ann Lee and Tom Cole, who sent food to the island last year, have said they will stay.";
    let set = ClaimSet::new(Article::parse(text).unwrap()).unwrap();
    let all: Vec<&str> = set.claims().iter().flat_map(|c| c.terms()).collect();
    assert!(all.contains(&"food") && all.contains(&"stay"), "{all:?}");
}

#[test]
fn adverbs_in_ly_make_no_terms() {
    let text = "The mill currently employs 300 people. Its deadly fire was publicly mourned. \
                Reportedly, the owners sold the mill.";
    let set = ClaimSet::new(Article::parse(text).unwrap()).unwrap();
    let terms: Vec<&str> = set.claims().iter().flat_map(|c| c.terms()).collect();
    assert!(
        !terms.iter().any(|t| ["current", "public", "report"].iter().any(|a| t.starts_with(a))),
        "{terms:?}"
    );
    // Words in -ly that are no adverbs stay.
    assert!(terms.iter().any(|t| t.starts_with("dead")), "{terms:?}");
    assert!(terms.contains(&"mill") && terms.contains(&"employ"), "{terms:?}");
}

#[test]
fn claim_limit_is_a_typed_error() {
    let article = Article::parse("One. Two. Three.").unwrap();
    let err = Extractor::new().max_claims(2).extract(article).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::TooManyClaims);
}

#[test]
fn claim_sets_serialise() {
    let set = ClaimSet::new(Article::parse(BLOOMBERG).unwrap()).unwrap();
    let json = serde_json::to_value(&set).unwrap();
    assert_eq!(json["article"]["outlet"], "Bloomberg");
    assert_eq!(json["claims"].as_array().unwrap().len(), set.claims().len());
    assert_eq!(json["speakers"][0]["key"], "zelensky");
}
