//! Atomic claims: the clause table (`tests/data/clauses.txt`) and the invariants of
//! clause splitting.

use claimdiff::{Article, ClaimSet};

/// One case of the clause table: the article lines and the expected claims, each with
/// the speaker name it should carry when the table gives one.
#[derive(Default, Debug)]
struct Case {
    line: usize,
    lines: Vec<String>,
    claims: Vec<(String, Option<String>)>,
}

fn read_table(data: &str) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    let mut open = false;
    for (n, line) in data.lines().enumerate() {
        if let Some(text) = line.strip_prefix("> ") {
            if !open {
                cases.push(Case { line: n + 1, ..Case::default() });
                open = true;
            }
            cases.last_mut().unwrap().lines.push(text.to_string());
        } else if let Some(claim) = line.strip_prefix("claim: ") {
            open = false;
            cases.last_mut().expect("a claim before any input").claims.push((claim.to_string(), None));
        } else if let Some(speaker) = line.strip_prefix("speaker: ") {
            let case = cases.last_mut().expect("a speaker before any input");
            case.claims.last_mut().expect("a speaker line follows a claim line").1 =
                Some(speaker.to_string());
        }
    }
    cases
}

fn check(case: &Case) -> Result<(), String> {
    let text = case.lines.join("\n");
    let set = ClaimSet::new(Article::parse(&text).map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    let got: Vec<&str> = set.claims().iter().map(|c| c.text).collect();
    let want: Vec<&str> = case.claims.iter().map(|(c, _)| c.as_str()).collect();
    let at = got
        .windows(want.len())
        .position(|w| w == want.as_slice())
        .ok_or_else(|| format!("claims {got:?}, expected {want:?} in a row"))?;
    for (claim, (text, speaker)) in set.claims()[at..].iter().zip(&case.claims) {
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
    let failures: Vec<String> =
        cases.iter().filter_map(|c| check(c).err().map(|e| format!("line {}: {e}", c.line))).collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
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
