fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let a = claimdiff::Article::parse(&text).unwrap();
    println!("title={:?} outlet={:?}", a.title(), a.outlet());
    for b in a.boilerplate() { println!("BP {:?}: {}", b.kind, a.slice(b.span)); }
    for s in a.sentences() { println!("[{}] {}", s.paragraph, s.text); }
}
