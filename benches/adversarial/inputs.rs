//! Generators of adversarial inputs, shared by `tests/adversarial.rs` and the
//! `adversarial` benchmark. Deterministic; sizes are parameters.

#![allow(dead_code)]

/// Cycles through `pieces`, joined by `sep`, until the text holds about `bytes` bytes.
fn fill(bytes: usize, pieces: &[&str], sep: &str) -> String {
    let mut out = String::with_capacity(bytes + 64);
    for piece in pieces.iter().cycle() {
        if out.len() >= bytes {
            break;
        }
        out.push_str(piece);
        out.push_str(sep);
    }
    out
}

/// One run-on line of words and speech verbs, without `.`, `!`, `?` or line breaks.
pub fn no_punctuation(bytes: usize) -> String {
    let words = [
        "officials",
        "said",
        "the",
        "Ministry",
        "told",
        "reporters",
        "that",
        "800,000",
        "troops",
        "would",
        "not",
        "cross",
        "on",
        "Oct",
        "16",
        "according",
        "to",
        "Zelenskyy",
        "who",
        "added",
        "$220",
        "billion",
        "could",
        "follow",
        "he",
        "said",
    ];
    fill(bytes, &words, " ")
}

/// Words between every kind of quotation mark, balanced or not, with a few periods.
pub fn quote_marks(bytes: usize) -> String {
    let pieces = [
        "\u{201C}We",
        "will",
        "not\u{201D}",
        "\"he",
        "said\"",
        "\u{2018}no\u{2019}",
        "\u{00AB}jamais\u{00BB}",
        "\u{201E}nie\u{201C}",
        "'so",
        "it's\u{2019}",
        "\u{201D}\u{201C}",
        "\"\"",
        "the",
        "minister",
        "said.",
        "\u{201C}",
        "\u{201D}.",
        "'",
        "\u{2019}s",
    ];
    fill(bytes, &pieces, " ")
}

/// `n` times "he said": in one sentence, or as `n` sentences ("He said.").
pub fn he_said(n: usize, sentences: bool) -> String {
    if sentences { "He said. ".repeat(n) } else { format!("{}.", "he said ".repeat(n).trim_end()) }
}

/// Quotations nested `depth` deep, alternating double and single marks, then closed.
pub fn nested_quotes(depth: usize) -> String {
    let mut out = String::from("The minister said ");
    for i in 0..depth {
        out.push_str(if i % 2 == 0 { "\u{201C}level " } else { "\u{2018}level " });
        out.push_str(&i.to_string());
        out.push(' ');
    }
    for i in (0..depth).rev() {
        out.push_str(if i % 2 == 0 { "\u{201D}" } else { "\u{2019}" });
    }
    out.push_str(". Officials agreed.");
    out
}

/// `count` opening quotation marks that never close, across sentences and paragraphs.
pub fn unbalanced_quotes(count: usize) -> String {
    let mut out = String::new();
    for i in 0..count {
        out.push_str(&format!("\u{201C}Part {i} of the plan, said Ms. Reed. "));
        if i % 7 == 6 {
            out.push('\n');
        }
    }
    out
}

/// Sentences salted with C0 and C1 control characters, DEL and NUL.
pub fn control_characters(bytes: usize) -> String {
    let pieces = [
        "Officials\u{0}said",
        "the\u{7}port",
        "would\u{1B}[31mreopen",
        "on\u{8}Monday.",
        "Traffic\u{7F}was",
        "light\u{85}today.",
        "\u{C}The",
        "ministry\u{1F}said\u{0B}so.",
        "\u{0}\u{0}\u{0}",
    ];
    fill(bytes, &pieces, " ")
}

/// Sentences with emoji: ZWJ sequences, skin tones, flags, keycaps.
pub fn emoji(bytes: usize) -> String {
    let pieces = [
        "\u{1F525}\u{1F525}",
        "Officials",
        "said",
        "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}",
        "the",
        "deal",
        "\u{1F44D}\u{1F3FD}",
        "was",
        "done.",
        "\u{1F1FA}\u{1F1E6}",
        "Zelenskyy",
        "said",
        "\u{201C}\u{1F64F}\u{201D}.",
        "1\u{FE0F}\u{20E3}",
        "\u{1F600}.",
    ];
    fill(bytes, &pieces, " ")
}

/// Right-to-left text (Hebrew, Arabic) with bidirectional marks, mixed with English.
pub fn right_to_left(bytes: usize) -> String {
    let pieces = [
        "\u{05E9}\u{05DC}\u{05D5}\u{05DD}",
        "\u{200F}said",
        "\u{0627}\u{0644}\u{0633}\u{0644}\u{0627}\u{0645}.",
        "Officials",
        "said",
        "\u{202E}reversed\u{202C}",
        "\u{0661}\u{0662}\u{0663}",
        "troops",
        "crossed.",
        "\u{05D0}\u{05DE}\u{05E8}.",
        "\u{200E}The",
        "ministry",
        "said",
        "\u{FB50}\u{FDFA}.",
    ];
    fill(bytes, &pieces, " ")
}

/// Paragraphs with a BOM in front and CRLF and lone CR line ends.
pub fn line_ends(bytes: usize) -> String {
    let mut out = String::from("\u{FEFF}");
    out.push_str(&fill(
        bytes,
        &["Officials said the port would reopen on Oct. 16.\r\n", "Traffic was light.\r"],
        "",
    ));
    out
}

/// Valid text of about `bytes` bytes with one invalid UTF-8 byte at the end, so that
/// the whole input is read before the error.
pub fn invalid_utf8(bytes: usize) -> Vec<u8> {
    let mut out = no_punctuation(bytes).into_bytes();
    out.push(0xFF);
    out
}
