//! Table-driven tests: cases of "> LINE" input lines followed by "key: value" lines,
//! read from the data files under `tests/data/`. Each test file takes what it needs.
#![allow(dead_code)]

/// One case of a table: where it starts, its input lines and its fields.
#[derive(Default, Debug)]
pub struct Case {
    pub line: usize,
    pub lines: Vec<String>,
    /// The case's "key: value" lines, in order.
    pub fields: Vec<(String, String)>,
}

pub fn read_table(data: &str) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    let mut open = false;
    for (n, line) in data.lines().enumerate() {
        if let Some(text) = line.strip_prefix("> ") {
            if !open {
                cases.push(Case { line: n + 1, ..Case::default() });
                open = true;
            }
            cases.last_mut().unwrap().lines.push(text.to_string());
        } else if let Some((key, value)) = line.split_once(": ").filter(|_| !line.starts_with('#')) {
            open = false;
            cases.last_mut().expect("a field before any input").fields.push((key.into(), value.into()));
        }
    }
    cases
}

/// Runs `check` on every case and fails with the list of failing cases.
pub fn assert_table(cases: &[Case], check: fn(&Case) -> Result<(), String>) {
    let failures: Vec<String> =
        cases.iter().filter_map(|c| check(c).err().map(|e| format!("line {}: {e}", c.line))).collect();
    assert_no_failures(&failures, cases.len());
}

/// Fails with the list of `failures` out of `total` cases, if there are any.
pub fn assert_no_failures(failures: &[String], total: usize) {
    assert!(failures.is_empty(), "{} of {total} cases fail:\n{}", failures.len(), failures.join("\n"));
}

pub fn field<'c>(case: &'c Case, name: &str) -> Option<&'c str> {
    case.fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}
