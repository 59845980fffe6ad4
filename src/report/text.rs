//! The readable text rendering of a [`Report`].

use std::fmt;

use super::{AlignmentKind, Report};

/// Longest claim text shown before it is shortened.
const SHOWN_CHARS: usize = 110;

fn shorten(text: &str) -> String {
    if text.chars().count() <= SHOWN_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(SHOWN_CHARS).collect();
    let cut = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{cut} …")
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Sources:")?;
        for s in &self.sources {
            let title = s.title.as_deref().unwrap_or("(no title)");
            writeln!(f, "  [{}] {} — {}", s.index, self.source_name(s.index), title)?;
        }
        // Multi-source groups first (differences, then agreements), then unique details.
        let mut order: Vec<usize> = (0..self.alignments.len()).collect();
        order.sort_by_key(|&i| {
            let kind = self.alignments[i].kind;
            (match kind {
                AlignmentKind::Difference => 0,
                AlignmentKind::Agreement => 1,
                AlignmentKind::Unique => 2,
            }, i)
        });
        for i in order {
            let a = &self.alignments[i];
            let label = match a.kind {
                AlignmentKind::Agreement => "AGREEMENT",
                AlignmentKind::Difference => "DIFFERENCE",
                AlignmentKind::Unique => "UNIQUE",
            };
            let names: Vec<String> = a.sources.iter().map(|&s| self.source_name(s)).collect();
            writeln!(f, "\n{label} ({})", names.join(", "))?;
            for id in &a.claims {
                let Some(c) = self.claim(id) else { continue };
                let who = c.speaker.as_ref().map_or(String::new(), |s| format!(" — {}", s.name));
                writeln!(f, "  {} [{}]{}: {}", c.id, self.source_name(c.source), who, shorten(&c.text))?;
            }
            for d in &a.differences {
                writeln!(f, "  ≠ {:?}: {}", d.kind, d.detail)?;
            }
        }
        let (agree, differ, unique) = self.counts();
        writeln!(
            f,
            "\n{} claims from {} sources: {agree} agreements, {differ} differences, {unique} unique",
            self.claims.len(),
            self.sources.len()
        )
    }
}
