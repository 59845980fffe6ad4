//! A deterministic corpus generator for the benchmarks: wire-style articles about one
//! story, some facts shared between sources (with varied wording and speakers), some
//! unique. No network, no files.

#![allow(dead_code)]

/// A small deterministic generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SPEAKERS: &[&str] = &[
    "Finance Minister Lena Park",
    "a senior U.S. official",
    "Mayor Tom Reed",
    "union leader Carla Mendes",
    "European officials",
    "the ministry",
    "Deputy Foreign Minister Oleg Sokol",
    "one diplomat familiar with the talks",
];
const PLACES: &[&str] = &["Berlin", "Geneva", "Santos", "Kyiv", "Brussels", "Istanbul", "Doha", "Nairobi"];
const TOPICS: &[&str] = &[
    "the ceasefire plan",
    "the grain corridor",
    "the frozen assets",
    "the port strike",
    "the security guarantees",
    "the border crossing",
    "the aid package",
    "the prisoner exchange",
    "the energy deal",
    "the reconstruction fund",
];
const VERBS: &[&str] =
    &["would require", "could delay", "may unlock", "will not change", "depends on", "rules out"];
const NOUNS: &[&str] = &[
    "a vote in parliament",
    "new sanctions",
    "a monitoring mission",
    "further talks",
    "a referendum",
    "more funding",
];
const MONTHS: &[&str] = &["Jan.", "Feb.", "March", "Oct.", "Nov.", "Dec."];
const FILLER: &[&str] = &[
    "residents",
    "officials",
    "markets",
    "analysts",
    "convoys",
    "negotiators",
    "farmers",
    "shipping",
    "lenders",
    "engineers",
    "voters",
    "courts",
    "hospitals",
    "schools",
    "refineries",
];

/// One fact of the story, written with the variation a source may bring.
fn fact(id: usize, rng: &mut Rng) -> String {
    let mut f = Rng::new(id as u64 * 7919 + 17); // the fact itself is fixed by its id
    let speaker = f.pick(SPEAKERS);
    let topic = f.pick(TOPICS);
    let verb = f.pick(VERBS);
    let noun = f.pick(NOUNS);
    let place = f.pick(PLACES);
    let amount = 10 + f.below(900);
    let day = 1 + f.below(28);
    let month = f.pick(MONTHS);
    // Sources vary: the speaker, the figure (rarely), the order of the clauses.
    let amount = if rng.below(20) == 0 { amount + 5 } else { amount };
    let speaker = if rng.below(10) == 0 { rng.pick(SPEAKERS) } else { speaker };
    match rng.below(3) {
        0 => format!(
            "{speaker} said in {place} that {topic} {verb} {noun} worth ${amount} million before {month} {day}."
        ),
        1 => format!(
            "{topic} {verb} {noun} worth about ${amount} million before {month} {day}, {speaker} said in {place}."
        ),
        _ => format!(
            "\u{201C}{} {verb} {noun} worth ${amount} million before {month} {day},\u{201D} {speaker} said in {place}.",
            capitalise(topic)
        ),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

fn unique_sentence(rng: &mut Rng) -> String {
    let words: Vec<&str> = (0..12).map(|_| rng.pick(FILLER)).collect();
    format!(
        "{} {} in {} on {} {}.",
        capitalise(words[0]),
        words[1..].join(" "),
        rng.pick(PLACES),
        rng.pick(MONTHS),
        1 + rng.below(28)
    )
}

/// One article of about `claims` sentences: roughly two thirds drawn from a pool of
/// `pool` shared facts, the rest unique; a headline and a credit line around them.
pub fn article(seed: u64, claims: usize, pool: usize) -> String {
    let mut rng = Rng::new(seed);
    let mut out = format!("{} talks enter a crucial week\n", rng.pick(PLACES));
    for i in 0..claims {
        let sentence =
            if rng.below(3) < 2 { fact(rng.below(pool), &mut rng) } else { unique_sentence(&mut rng) };
        out.push_str(&sentence);
        out.push(if i % 3 == 2 { '\n' } else { ' ' });
    }
    out.push_str("\nJane Roe contributed to this report.\n");
    out
}

/// `n` articles on one story, ~40 claims each.
pub fn corpus(n: usize, seed: u64) -> Vec<String> {
    let pool = 60 + n / 4;
    (0..n).map(|i| article(seed.wrapping_add(i as u64 * 1_000_003), 40, pool)).collect()
}

/// About `bytes` of article text, as one article.
pub fn long_article(bytes: usize, seed: u64) -> String {
    let mut out = String::with_capacity(bytes + 1024);
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(&article(seed + i, 40, 200));
        i += 1;
    }
    out
}
