//! Atomic claims: the clause table (`tests/data/clauses.txt`) and the invariants of
//! clause splitting.

use claimdiff::{Article, ClaimSet};

#[path = "common/table.rs"]
mod table;
use table::{Case, assert_table, read_table};

/// The expected claims of a case, each with the speaker name the table gives for it.
fn expected(case: &Case) -> Vec<(&str, Option<&str>)> {
    let mut claims: Vec<(&str, Option<&str>)> = Vec::new();
    for (key, value) in &case.fields {
        match (key.as_str(), claims.last_mut()) {
            ("claim", _) => claims.push((value, None)),
            ("speaker", Some(last)) => last.1 = Some(value),
            _ => {}
        }
    }
    claims
}

fn check(case: &Case) -> Result<(), String> {
    let text = case.lines.join("\n");
    let set = ClaimSet::new(Article::parse(&text).map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    let got: Vec<&str> = set.claims().iter().map(|c| c.text).collect();
    let claims = expected(case);
    let want: Vec<&str> = claims.iter().map(|(c, _)| *c).collect();
    let at = got
        .windows(want.len())
        .position(|w| w == want.as_slice())
        .ok_or_else(|| format!("claims {got:?}, expected {want:?} in a row"))?;
    for (claim, &(text, speaker)) in set.claims()[at..].iter().zip(&claims) {
        let Some(speaker) = speaker else { continue };
        let name = set.speaker_of(claim).map_or("none", |s| s.name.as_str());
        if name != speaker {
            return Err(format!("claim {text:?}: speaker {name:?}, expected {speaker:?}"));
        }
    }
    Ok(())
}

#[test]
fn clause_table() {
    let cases = read_table(include_str!("data/clauses.txt"));
    assert!(cases.len() >= 80, "the table has {} cases", cases.len());
    assert_table(&cases, check);
}

#[test]
fn claims_of_a_sentence_are_contiguous_and_cover_it() {
    let text = "Police closed the bridge on Monday, and engineers began inspecting its cables. \
                The mayor said repairs would take a week, adding that ferries would run meanwhile.";
    let set = ClaimSet::new(Article::parse(text).unwrap()).unwrap();
    assert_eq!(set.claims().len(), 4);
    for pair in set.claims().windows(2) {
        if pair[0].sentence == pair[1].sentence {
            let between = &text[pair[0].span.end..pair[1].span.start];
            assert!(between.trim().is_empty(), "gap {between:?}");
        }
    }
    let speaker = |i: usize| set.speaker_of(&set.claims()[i]).map(|s| s.key.clone());
    assert_eq!(speaker(0), None);
    assert_eq!(speaker(2), speaker(3), "the continuation shares the speaker");
    assert!(speaker(2).is_some());
}
