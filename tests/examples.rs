//! Runs the `compare` example's code on the bundled seeds and on bad input.

#[path = "../examples/compare.rs"]
mod compare;

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn compare_prints_the_text_report_for_the_seeds() {
    let out = compare::run(&[]).unwrap();
    assert!(out.contains("[0] Washington Post"));
    assert!(out.contains("[1] Bloomberg"));
    assert!(out.contains("≠ Speaker: U.S. officials (Washington Post) vs Volodymyr Zelenskyy (Bloomberg)"));
    assert!(out.contains("ONLY IN Bloomberg"));
}

#[test]
fn compare_json_follows_the_contract() {
    let out = compare::run(&args(&["--json"])).unwrap();
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["sources"][0]["outlet"], "Washington Post");
    assert_eq!(json["sources"][1]["title"], "Ukraine says US pledged Congress to back security guarantee");
    let claims = json["claims"].as_array().unwrap();
    let first = &claims[0];
    for field in ["id", "source", "text", "span", "speaker", "topic", "quantities"] {
        assert!(first.get(field).is_some(), "claim lacks {field}");
    }
    assert_eq!(first["span"].as_array().unwrap().len(), 2);
    let speaker = &first["speaker"];
    for field in ["name", "key", "mention"] {
        assert!(speaker.get(field).is_some(), "speaker lacks {field}");
    }
    let alignments = json["alignments"].as_array().unwrap();
    let difference = alignments.iter().find(|a| a["kind"] == "difference").unwrap();
    assert_eq!(difference["differences"][0]["kind"], "speaker");
    let evidence = &difference["differences"][0]["evidence"][0];
    for field in ["claim", "span", "text"] {
        assert!(evidence.get(field).is_some(), "evidence lacks {field}");
    }
    let in_groups: usize = alignments.iter().map(|a| a["claims"].as_array().unwrap().len()).sum();
    assert_eq!(in_groups, claims.len());
}

#[test]
fn compare_reports_bad_files_in_one_line() {
    let dir = std::env::temp_dir().join(format!("claimdiff-example-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("empty.txt");
    let binary = dir.join("binary.txt");
    std::fs::write(&empty, "").unwrap();
    std::fs::write(&binary, b"Valid words \xff\xfe\xfd").unwrap();
    let seed = "examples/data/000_3ceddb36b1c5c648.txt";
    for (file, expect) in [
        (empty.to_str().unwrap(), "the input is empty"),
        (binary.to_str().unwrap(), "not valid UTF-8"),
        ("/no/such/file.txt", "/no/such/file.txt"),
    ] {
        let (message, code) = compare::run(&args(&[seed, file])).unwrap_err();
        assert_eq!(code, 1);
        assert!(message.contains(file) && message.contains(expect), "{message}");
        assert_eq!(message.lines().count(), 1);
    }
    let (_, code) = compare::run(&args(&["--bogus"])).unwrap_err();
    assert_eq!(code, 2);
    std::fs::remove_dir_all(&dir).unwrap();
}
