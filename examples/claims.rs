//! Prints one article's claim set: by speaker, then by topic, with each claim's
//! quantities, hedges and negations.
//!
//! ```text
//! cargo run --example claims -- FILE      # no FILE: the bundled Bloomberg seed
//! ```

use std::process::ExitCode;

use claimdiff::{Article, Claim, ClaimSet};

const SEED: &str = include_str!("data/003_4ee3722dddd13468.txt");

fn describe(claim: &Claim<'_>) -> String {
    let mut notes = Vec::new();
    for q in &claim.quantities {
        let unit = q.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
        let approx = if q.approximate { "~" } else { "" };
        notes.push(format!("{} = {approx}{}{unit}", q.text, q.value));
    }
    notes.extend(claim.hedges.iter().map(|h| format!("hedge: {}", h.cue)));
    notes.extend(claim.negations.iter().map(|n| format!("negation: {}", n.cue)));
    if notes.is_empty() { String::new() } else { format!("\n        [{}]", notes.join("; ")) }
}

fn main() -> ExitCode {
    let text = match std::env::args().nth(1) {
        Some(path) => match std::fs::read(&path).map(String::from_utf8) {
            Ok(Ok(text)) => text,
            Ok(Err(_)) => {
                eprintln!("error: {path}: not valid UTF-8");
                return ExitCode::FAILURE;
            }
            Err(e) => {
                eprintln!("error: {path}: {e}");
                return ExitCode::FAILURE;
            }
        },
        None => SEED.to_string(),
    };
    let set = match Article::parse(&text).and_then(ClaimSet::new) {
        Ok(set) => set,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let article = set.article();
    println!(
        "{} — {}",
        article.outlet().unwrap_or("(unknown outlet)"),
        article.title().unwrap_or("(no title)")
    );
    println!("\nBY SPEAKER");
    for speaker in set.speakers() {
        let role = speaker.role.as_deref().map(|r| format!(", {r}")).unwrap_or_default();
        println!("\n  {} ({:?}{role}) key={}", speaker.name, speaker.kind, speaker.key);
        for c in set.by_speaker(&speaker.key) {
            println!("    #{} {}{}", c.index, c.text, describe(c));
        }
    }
    println!("\n  The outlet's own voice:");
    for c in set.claims().iter().filter(|c| c.attribution.is_none()) {
        println!("    #{} {}{}", c.index, c.text, describe(c));
    }
    println!("\nBY TOPIC");
    for (topic, count) in set.topics() {
        let ids: Vec<String> = set.by_topic(topic).map(|c| format!("#{}", c.index)).collect();
        println!("  {topic:<50} {count} claim(s): {}", ids.join(" "));
    }
    ExitCode::SUCCESS
}
