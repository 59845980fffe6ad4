//! Inputs that once crashed a fuzz target (`fuzz/`), kept as regression files under
//! `tests/data/regressions/`: each must parse, extract and compare against itself and
//! the seeds without a panic, with every span on char boundaries.

use claimdiff::{Article, ClaimSet};

mod common;

const SEED: &str = include_str!("../examples/data/000_3ceddb36b1c5c648.txt");

#[test]
fn every_regression_input_runs_cleanly() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/regressions");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(!files.is_empty(), "no regression inputs in {dir}");
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.display();
        let Ok(article) = Article::parse_bytes(&bytes) else { continue };
        let text = article.text();
        for s in article.sentences() {
            assert!(text.get(s.span.range()).is_some(), "{name}: sentence span off a char boundary");
        }
        let set = match ClaimSet::new(article) {
            Ok(set) => set,
            Err(_) => continue,
        };
        common::assert_claims_sound(&name.to_string(), text, set, SEED);
    }
}
