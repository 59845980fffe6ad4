//! Article parsing of arbitrary bytes: never a panic; every span on char boundaries.
#![no_main]

use claimdiff::Article;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(article) = Article::parse_bytes(data) else { return };
    let text = article.text();
    for sentence in article.sentences() {
        assert!(text.get(sentence.span.range()).is_some(), "sentence span off a char boundary");
    }
    for b in article.boilerplate() {
        assert!(text.get(b.span.range()).is_some(), "boilerplate span off a char boundary");
    }
});
