//! The sentence table of `tests/data/sentences.txt`.

#[path = "common/table.rs"]
mod table;

use claimdiff::split_sentences;

struct Case {
    line: usize,
    input: String,
    expected: Vec<String>,
}

fn cases() -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    for (n, line) in include_str!("data/sentences.txt").lines().enumerate() {
        if let Some(input) = line.strip_prefix("> ") {
            cases.push(Case { line: n + 1, input: input.to_string(), expected: Vec::new() });
        } else if let Some(sentence) = line.strip_prefix("= ") {
            cases.last_mut().expect("an expectation before any input").expected.push(sentence.to_string());
        }
    }
    cases
}

#[test]
fn sentence_table() {
    let cases = cases();
    assert!(cases.len() >= 80, "the table has {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        assert!(!case.expected.is_empty(), "case at line {} has no expectation", case.line);
        let got: Vec<&str> = split_sentences(&case.input).iter().map(|s| &case.input[s.range()]).collect();
        if got != case.expected {
            failures.push(format!(
                "line {}: {:?}\n   expected {:?}\n   got      {:?}",
                case.line, case.input, case.expected, got
            ));
        }
    }
    table::assert_no_failures(&failures, cases.len());
}
