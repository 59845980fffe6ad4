//! Rewrites of one article compared with the original: neutral rewrites (spelling,
//! quote marks, ways of writing a figure, page furniture) flag nothing; a changed
//! fact flags exactly its kind. Cases in `tests/data/rewrites.txt`.

#[path = "common/table.rs"]
mod table;

use claimdiff::{Article, ClaimSet, DifferenceKind, Matcher};
use table::{Case, assert_table, read_table};

fn kind_name(kind: DifferenceKind) -> String {
    format!("{kind:?}").to_lowercase()
}

fn check(case: &Case) -> Result<(), String> {
    let original = case.lines.join("\n\n");
    let mut copy = original.clone();
    for (key, value) in &case.fields {
        if key != "replace" {
            continue;
        }
        let (from, to) = value.split_once(" => ").ok_or("replace needs FROM => TO")?;
        if !copy.contains(from) {
            return Err(format!("{from:?} is not in the text"));
        }
        copy = copy.replacen(from, &to.replace("\\n", "\n\n"), 1);
    }
    let expected: Vec<String> = match table::field(case, "expect").ok_or("no expect")? {
        "none" => Vec::new(),
        list => list.split(", ").map(str::to_string).collect(),
    };
    let sets =
        [&original, &copy].map(|t| Article::parse(t).and_then(ClaimSet::new).map_err(|e| e.to_string()));
    let [a, b] = sets;
    let report = Matcher::new().compare(&[a?, b?]).map_err(|e| e.to_string())?;
    let found: Vec<String> =
        report.alignments.iter().flat_map(|a| a.differences.iter().map(|d| kind_name(d.kind))).collect();
    if found != expected {
        let details: Vec<String> =
            report.alignments.iter().flat_map(|a| a.differences.iter().map(|d| d.rule.clone())).collect();
        return Err(format!("flagged {found:?}, expected {expected:?}: {details:?}"));
    }
    // Every flag explains itself and shows both sides.
    for d in report.alignments.iter().flat_map(|a| &a.differences) {
        if d.rule.is_empty() || d.evidence.len() < 2 {
            return Err(format!("{:?} without a rule or two sides of evidence", d.kind));
        }
    }
    Ok(())
}

#[test]
fn rewrites_table() {
    assert_table(&read_table(include_str!("data/rewrites.txt")), check);
}
