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
        // Multi-source groups first (differences, then agreements), then each source's
        // unique details together.
        for kind in [AlignmentKind::Difference, AlignmentKind::Agreement] {
            for a in self.alignments.iter().filter(|a| a.kind == kind) {
                let label = if kind == AlignmentKind::Difference { "DIFFERENCE" } else { "AGREEMENT" };
                let names: Vec<String> = a.sources.iter().map(|&s| self.source_name(s)).collect();
                writeln!(f, "\n{label} ({})", names.join(", "))?;
                for c in a.claims.iter().filter_map(|id| self.claim(id)) {
                    let who = c.speaker.as_ref().map_or(String::new(), |s| format!(" — {}", s.name));
                    writeln!(f, "  {} [{}]{}: {}", c.id, self.source_name(c.source), who, shorten(&c.text))?;
                }
                for d in &a.differences {
                    writeln!(f, "  ≠ {:?}: {}", d.kind, d.detail)?;
                }
            }
        }
        for source in &self.sources {
            let unique: Vec<&str> = self
                .alignments
                .iter()
                .filter(|a| a.kind == AlignmentKind::Unique && a.sources == [source.index])
                .flat_map(|a| a.claims.iter().map(String::as_str))
                .collect();
            if unique.is_empty() {
                continue;
            }
            writeln!(f, "\nONLY IN {} ({} claims)", self.source_name(source.index), unique.len())?;
            for c in unique.iter().filter_map(|id| self.claim(id)) {
                let who = c.speaker.as_ref().map_or(String::new(), |s| format!(" — {}", s.name));
                writeln!(f, "  {}{}: {}", c.id, who, shorten(&c.text))?;
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
