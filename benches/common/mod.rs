//! A deterministic corpus generator for the benchmarks: wire-style articles about one
//! story, some facts shared between sources (with varied wording and speakers), some
//! unique. No network, no files.

#![allow(dead_code)]

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Throughput};

/// The two bundled seed articles.
pub const SEEDS: [&str; 2] = [
    include_str!("../../examples/data/000_3ceddb36b1c5c648.txt"),
    include_str!("../../examples/data/003_4ee3722dddd13468.txt"),
];

/// Benchmarks `run` over the seeds and over a generated 100-article corpus (seed 11),
/// with byte throughput, as `seeds` and `corpus_100_articles` in `group`.
pub fn over_seeds_and_corpus(group: &mut BenchmarkGroup<'_, WallTime>, run: impl Fn(&[&str]) -> usize) {
    group.throughput(Throughput::Bytes(SEEDS.iter().map(|s| s.len() as u64).sum()));
    group.bench_function("seeds", |b| b.iter(|| run(&SEEDS)));
    let corpus = corpus(100, 11);
    let texts: Vec<&str> = corpus.iter().map(String::as_str).collect();
    group.throughput(Throughput::Bytes(texts.iter().map(|s| s.len() as u64).sum()));
    group.bench_function("corpus_100_articles", |b| b.iter(|| run(&texts)));
}

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
/// Syllables of the made-up words in unique sentences: 24⁴ words, so that two unique
/// sentences rarely share more than a word, as in real reporting.
const SYLLABLES: &[&str] = &[
    "ka", "lo", "mer", "sta", "vin", "dor", "pel", "tru", "gan", "shi", "bor", "na", "qui", "fen", "ra",
    "tol", "mis", "ber", "cu", "zan", "hol", "dri", "po", "len",
];
const FILLER: &[&str] = &["residents", "officials", "markets", "analysts", "convoys", "negotiators"];

fn made_up_word(rng: &mut Rng) -> String {
    (0..4).map(|_| rng.pick(SYLLABLES)).collect()
}

/// The words of one story: its names, places and subjects (made-up words, so that two
/// stories share only the generic words of news prose).
fn story_words(story: u64) -> Vec<String> {
    let mut rng = Rng::new(story.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ 0x5DEE_CE66);
    (0..24).map(|_| made_up_word(&mut rng)).collect()
}

/// One fact of a story, written with the variation a source may bring.
fn fact(words: &[String], id: usize, rng: &mut Rng) -> String {
    let mut f = Rng::new(id as u64 * 7919 + 17); // the fact itself is fixed by its id
    let speaker = f.pick(SPEAKERS);
    let topic = f.pick(TOPICS);
    let (name, subject, object) =
        (&words[f.below(words.len())], &words[f.below(words.len())], &words[f.below(words.len())]);
    let topic = format!("{topic} for {}", capitalise(name));
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
            "{speaker} said in {place} that {topic} {verb} {noun} on {subject} {object} worth ${amount} million before {month} {day}."
        ),
        1 => format!(
            "{topic} {verb} {noun} on {subject} {object} worth about ${amount} million before {month} {day}, {speaker} said in {place}."
        ),
        _ => format!(
            "\u{201C}{} {verb} {noun} on {subject} {object} worth ${amount} million before {month} {day},\u{201D} {speaker} said in {place}.",
            capitalise(&topic)
        ),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

fn unique_sentence(rng: &mut Rng) -> String {
    let words: Vec<String> = (0..10).map(|_| made_up_word(rng)).collect();
    format!(
        "{} {} {} in {} on {} {}.",
        capitalise(&words[0]),
        rng.pick(FILLER),
        words[1..].join(" "),
        rng.pick(PLACES),
        rng.pick(MONTHS),
        1 + rng.below(28)
    )
}

/// One article of about `claims` sentences on story `story`: roughly two thirds drawn
/// from the story's pool of `pool` shared facts, the rest unique; a headline and a
/// credit line around them.
pub fn article(story: u64, seed: u64, claims: usize, pool: usize) -> String {
    let words = story_words(story);
    let mut rng = Rng::new(seed);
    let mut out = format!("{} talks enter a crucial week\n", capitalise(&words[0]));
    for i in 0..claims {
        let sentence = if rng.below(3) < 2 {
            fact(&words, story as usize * 100_000 + rng.below(pool), &mut rng)
        } else {
            unique_sentence(&mut rng)
        };
        out.push_str(&sentence);
        out.push(if i % 3 == 2 { '\n' } else { ' ' });
    }
    out.push_str("\nJane Roe contributed to this report.\n");
    out
}

/// `n` articles of ~40 claims each, as a news pipeline sees them: stories covered by
/// about 20 sources each (the last story takes the remainder).
pub fn corpus(n: usize, seed: u64) -> Vec<String> {
    corpus_of_stories(n, 20, seed)
}

/// `n` articles of ~40 claims each, on stories of `per_story` sources; the pool of
/// facts of a story grows with its coverage.
pub fn corpus_of_stories(n: usize, per_story: usize, seed: u64) -> Vec<String> {
    let per_story = per_story.clamp(1, n.max(1));
    let stories = (n / per_story).max(1);
    let pool = 60 + per_story / 4;
    (0..n)
        .map(|i| {
            let story = (i / per_story).min(stories - 1) as u64;
            article(seed.wrapping_add(story), seed.wrapping_add(i as u64 * 1_000_003), 40, pool)
        })
        .collect()
}

/// About `bytes` of article text, as one article.
pub fn long_article(bytes: usize, seed: u64) -> String {
    let mut out = String::with_capacity(bytes + 1024);
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(&article(seed, seed + i, 40, 200));
        i += 1;
    }
    out
}
