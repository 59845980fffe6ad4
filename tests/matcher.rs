//! The matcher on real text: the seed articles, metamorphic variants of them, a third
//! source, and a syndicated rewrite.

use std::collections::BTreeSet;

use claimdiff::{AlignmentKind, Article, ClaimSet, DifferenceKind, ErrorKind, Matcher, Report};

const WAPO: &str = include_str!("../examples/data/000_3ceddb36b1c5c648.txt");
const BLOOMBERG: &str = include_str!("../examples/data/003_4ee3722dddd13468.txt");

fn compare(texts: &[&str]) -> Report {
    compare_with(&Matcher::new(), texts)
}

fn compare_with(matcher: &Matcher, texts: &[&str]) -> Report {
    let sets: Vec<ClaimSet<'_>> =
        texts.iter().map(|t| ClaimSet::new(Article::parse(t).unwrap()).unwrap()).collect();
    matcher.compare(&sets).unwrap()
}

/// The alignment holding the claim of `source` whose text contains `anchor`.
fn group_of<'r>(report: &'r Report, source: usize, anchor: &str) -> &'r claimdiff::Alignment {
    let claim = report
        .claims
        .iter()
        .find(|c| c.source == source && c.text.contains(anchor))
        .unwrap_or_else(|| panic!("no claim holds {anchor:?}"));
    report.alignment_of(&claim.id).unwrap()
}

fn difference_kinds(a: &claimdiff::Alignment) -> Vec<DifferenceKind> {
    a.differences.iter().map(|d| d.kind).collect()
}

/// Groups as sets of (source, position of the claim within its source).
fn shape(report: &Report) -> BTreeSet<Vec<(usize, usize)>> {
    let mut first = vec![usize::MAX; report.sources.len()];
    for (i, c) in report.claims.iter().enumerate() {
        first[c.source] = first[c.source].min(i);
    }
    report
        .alignments
        .iter()
        .map(|a| {
            let mut members: Vec<(usize, usize)> = a
                .claims
                .iter()
                .map(|id| {
                    let c = report.claim(id).unwrap();
                    let index: usize = id[1..].parse().unwrap();
                    (c.source, index - first[c.source])
                })
                .collect();
            members.sort();
            members
        })
        .collect()
}

/// Groups as sets of (source, claim text), for comparisons where positions move.
fn text_shape(report: &Report) -> BTreeSet<Vec<(usize, String)>> {
    report
        .alignments
        .iter()
        .map(|a| {
            let mut members: Vec<(usize, String)> = a
                .claims
                .iter()
                .map(|id| report.claim(id).unwrap())
                .map(|c| (c.source, c.text.clone()))
                .collect();
            members.sort();
            members
        })
        .collect()
}

#[test]
fn seeds_congress_vote_is_a_speaker_difference() {
    let report = compare(&[WAPO, BLOOMBERG]);
    let vote = group_of(&report, 0, "would require a vote by Congress");
    assert_eq!(vote.kind, AlignmentKind::Difference);
    assert!(difference_kinds(vote).contains(&DifferenceKind::Speaker));
    let other = vote.claims.iter().map(|id| report.claim(id).unwrap()).find(|c| c.source == 1).unwrap();
    assert!(other.text.contains("through a vote in Congress"));
    let speaker = &vote.differences[0];
    assert_eq!(speaker.evidence.len(), 2);
    for e in &speaker.evidence {
        let source = report.claim(&e.claim).unwrap().source;
        let input = [WAPO, BLOOMBERG][source];
        assert_eq!(&input[e.span.range()], e.text);
    }
}

#[test]
fn seeds_unique_and_agreement() {
    let report = compare(&[WAPO, BLOOMBERG]);
    let army = group_of(&report, 1, "800,000-strong");
    assert_eq!((army.kind, army.sources.as_slice()), (AlignmentKind::Unique, &[1][..]));
    let article5 = group_of(&report, 0, "Article Five-like");
    assert_eq!(article5.kind, AlignmentKind::Agreement);
    assert!(
        article5.claims.iter().any(|id| report.claim(id).unwrap().text.contains("strong “Article 5-like”"))
    );
}

#[test]
fn every_claim_in_exactly_one_alignment_and_spans_exact() {
    let report = compare(&[WAPO, BLOOMBERG]);
    let mut seen = BTreeSet::new();
    for a in &report.alignments {
        for id in &a.claims {
            assert!(seen.insert(id.clone()), "{id} is in two alignments");
        }
    }
    assert_eq!(seen.len(), report.claims.len());
    for c in &report.claims {
        assert_eq!(&[WAPO, BLOOMBERG][c.source][c.span.range()], c.text);
    }
}

#[test]
fn output_is_deterministic() {
    assert_eq!(compare(&[WAPO, BLOOMBERG]).to_json(), compare(&[WAPO, BLOOMBERG]).to_json());
}

#[test]
fn order_of_sources_does_not_change_groups() {
    let ab = compare(&[WAPO, BLOOMBERG]);
    let ba = compare(&[BLOOMBERG, WAPO]);
    let swap = |r: &Report, flip: bool| -> BTreeSet<Vec<(usize, String)>> {
        text_shape(r)
            .into_iter()
            .map(|g| {
                let mut g: Vec<_> = g.into_iter().map(|(s, t)| (if flip { 1 - s } else { s }, t)).collect();
                g.sort();
                g
            })
            .collect()
    };
    assert_eq!(swap(&ab, false), swap(&ba, true));
}

#[test]
fn an_article_against_itself_agrees_everywhere() {
    for text in [WAPO, BLOOMBERG] {
        let report = compare(&[text, text]);
        for a in &report.alignments {
            assert_eq!(a.kind, AlignmentKind::Agreement, "{:?}", a);
        }
    }
}

/// Compares `text` with a copy where `from` is replaced by `to`, and returns the report
/// and the alignment of the changed claim.
fn changed(text: &str, from: &str, to: &str) -> (Report, claimdiff::Alignment) {
    assert!(text.contains(from), "{from:?} is not in the text");
    let copy = text.replacen(from, to, 1);
    let report = compare(&[text, &copy]);
    let group = group_of(&report, 1, to).clone();
    (report, group)
}

fn assert_only_change(report: &Report, group: &claimdiff::Alignment, kind: DifferenceKind) {
    assert_eq!(group.kind, AlignmentKind::Difference, "{group:?}");
    assert_eq!(difference_kinds(group), [kind]);
    let others: Vec<_> = report.alignments.iter().filter(|a| a.kind != AlignmentKind::Agreement).collect();
    assert_eq!(others.len(), 1, "more than the changed claim differs: {others:?}");
}

#[test]
fn a_changed_number_is_a_number_difference() {
    let (report, group) = changed(WAPO, "$220 billion", "$210 billion");
    assert_only_change(&report, &group, DifferenceKind::Number);
    let texts: Vec<&str> = group.differences[0].evidence.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(texts, ["$220 billion", "$210 billion"]);
    let (report, group) = changed(BLOOMBERG, "800,000-strong", "600,000-strong");
    assert_only_change(&report, &group, DifferenceKind::Number);
}

#[test]
fn a_changed_date_is_a_date_difference() {
    let (report, group) = changed(BLOOMBERG, "Oct. 16", "Oct. 18");
    assert_only_change(&report, &group, DifferenceKind::Date);
}

#[test]
fn a_changed_word_in_a_quote_is_a_quote_difference() {
    let (report, group) = changed(WAPO, "just a first step", "just a small step");
    assert_only_change(&report, &group, DifferenceKind::Quote);
}

#[test]
fn a_changed_speaker_is_a_speaker_difference() {
    let (report, group) =
        changed(BLOOMBERG, "Kremlin spokesman Dmitry Peskov said", "Kremlin aide Yuri Orlov said");
    assert_only_change(&report, &group, DifferenceKind::Speaker);
}

#[test]
fn a_hedge_added_is_a_hedge_difference() {
    let (report, group) =
        changed(BLOOMBERG, "It’s demanding strict limits", "It’s reportedly demanding strict limits");
    assert_only_change(&report, &group, DifferenceKind::Hedge);
}

#[test]
fn a_deleted_paragraph_leaves_its_claims_unique() {
    let paragraph = "Zelensky has been facing a major corruption scandal at home and was forced to dismiss his powerful chief of staff, Andriy Yermak, after Yermak’s home was raided as part of the investigation.\n";
    let copy = WAPO.replacen(paragraph, "", 1);
    assert_ne!(copy, WAPO);
    let report = compare(&[WAPO, &copy]);
    let group = group_of(&report, 0, "corruption scandal at home");
    assert_eq!(group.kind, AlignmentKind::Unique);
    let uniques = report.alignments.iter().filter(|a| a.kind == AlignmentKind::Unique).count();
    assert_eq!(uniques, 1);
}

#[test]
fn shuffled_paragraphs_give_the_same_groups() {
    let lines: Vec<&str> = BLOOMBERG.lines().collect();
    let body_start = 3; // headline, "Published in", first paragraph stays first
    let mut shuffled: Vec<&str> = lines[..body_start].to_vec();
    let mut middle: Vec<&str> =
        lines[body_start..].iter().copied().filter(|l| !l.trim().is_empty()).collect();
    middle.reverse();
    shuffled.extend(middle);
    let shuffled = shuffled.join("\n");
    let straight = compare(&[WAPO, BLOOMBERG]);
    let moved = compare(&[WAPO, &shuffled]);
    // Quote continuations depend on paragraph order; compare the groups of claims that
    // do not continue a quote across paragraphs.
    assert_eq!(text_shape(&straight), text_shape(&moved));
}

#[test]
fn straight_quotes_and_decomposed_accents_give_the_same_groups() {
    let plain = |t: &str| -> String {
        t.replace(['\u{201C}', '\u{201D}'], "\"")
            .replace(['\u{2018}', '\u{2019}'], "'")
            .replace('á', "a\u{301}")
    };
    let (w, b) = (plain(WAPO), plain(BLOOMBERG));
    assert_ne!(w, WAPO);
    assert_eq!(shape(&compare(&[WAPO, BLOOMBERG])), shape(&compare(&[&w, &b])));
}

#[test]
fn a_third_source_turns_a_unique_detail_into_an_agreement() {
    let third = include_str!("data/stories/third_800k.txt");
    let report = compare(&[WAPO, BLOOMBERG, third]);
    let army = group_of(&report, 1, "800,000-strong");
    assert_ne!(army.kind, AlignmentKind::Unique);
    assert_eq!(army.sources, [1, 2]);
    assert!(!difference_kinds(army).contains(&DifferenceKind::Number));
}

#[test]
fn a_syndicated_rewrite_aligns_claim_by_claim() {
    let wire = include_str!("data/stories/wire.txt");
    let rewrite = include_str!("data/stories/syndicated.txt");
    let other = include_str!("data/stories/other_facts.txt");
    let report = compare(&[wire, rewrite, other]);
    for anchor in ["nine-day strike", "$90 billion", "major step forward", "backlog of 300 vessels"] {
        let group = group_of(&report, 0, anchor);
        assert_eq!(group.sources, [0, 1], "{anchor:?}: {group:?}");
        assert_eq!(group.kind, AlignmentKind::Agreement, "{anchor:?}: {group:?}");
    }
    assert_eq!(group_of(&report, 0, "180 million tonnes").kind, AlignmentKind::Unique);
    for a in &report.alignments {
        if a.sources.contains(&2) {
            assert_eq!(a.sources, [2], "the other story joined a group: {a:?}");
        }
    }
}

#[test]
fn source_count_is_checked() {
    let one = vec![ClaimSet::new(Article::parse(WAPO).unwrap()).unwrap()];
    assert_eq!(Matcher::new().compare(&one).unwrap_err().kind(), ErrorKind::SourceCount);
    let sets: Vec<_> =
        [WAPO, BLOOMBERG, WAPO].iter().map(|t| ClaimSet::new(Article::parse(t).unwrap()).unwrap()).collect();
    let err = Matcher::builder().max_sources(2).build().compare(&sets).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::SourceCount);
}

#[test]
fn the_text_report_names_kinds_and_counts() {
    let text = compare(&[WAPO, BLOOMBERG]).to_string();
    assert!(text.contains("DIFFERENCE (Washington Post, Bloomberg)"));
    assert!(text.contains("≠ Speaker: U.S. officials (Washington Post) vs Volodymyr Zelenskyy (Bloomberg)"));
    assert!(text.lines().last().unwrap().contains("claims from 2 sources"));
}

/// `claim_sets` (on all cores with the `parallel` feature) gives the same report as
/// extracting one article after another; CI runs this with and without the feature.
#[test]
fn claim_sets_match_serial_extraction() {
    let stories: Vec<String> = ["third_800k", "wire", "syndicated", "other_facts"]
        .iter()
        .map(|n| {
            std::fs::read_to_string(format!("{}/tests/data/stories/{n}.txt", env!("CARGO_MANIFEST_DIR")))
                .unwrap()
        })
        .collect();
    let mut texts = vec![WAPO, BLOOMBERG];
    texts.extend(stories.iter().map(String::as_str));
    let serial: Vec<ClaimSet<'_>> =
        texts.iter().map(|t| ClaimSet::new(Article::parse(t).unwrap()).unwrap()).collect();
    let batch = claimdiff::claim_sets(&texts).unwrap();
    let matcher = Matcher::new();
    let (a, b) = (matcher.compare(&serial).unwrap(), matcher.compare(&batch).unwrap());
    assert_eq!(a.to_json(), b.to_json());
    assert!(
        a.alignments.iter().filter(|g| g.sources.len() >= 2).count() >= 3,
        "facts shared between sources"
    );
}

/// Two stories of one town on one day: short quotes by different speakers that share a
/// word or two ("time", "tell the truth") align, but tell no one fact, so no speaker
/// difference is flagged.
#[test]
fn short_quotes_that_share_a_word_or_two_are_no_speaker_difference() {
    let a = "Mayor rallies supporters in Riverton\n\n\
             Mayor Ada Moss told supporters on Friday that the city needs a new bridge over the river.\n\n\
             “This is a very hard time,” Moss said.\n\n\
             “We will tell the truth,” she added.\n";
    let b = "Council race heats up in Riverton\n\n\
             Councillor Tom Reed said the budget must be cut before the winter.\n\n\
             “It is time,” said the band leader as Reed arrived.\n\n\
             “Reed needs to tell the truth about the budget,” said his rival, Ann Lee.\n";
    let report = compare(&[a, b]);
    let flagged: Vec<_> = report.alignments.iter().flat_map(|g| g.differences.iter()).collect();
    assert!(flagged.is_empty(), "{flagged:?}");
    // The same fact told by two speakers in most of its words still is one.
    let c = "Council race heats up in Riverton\n\n\
             “We will tell the truth about the bridge over the river,” said Councillor Tom Reed.\n";
    let d = "Council race heats up in Riverton\n\n\
             “We will tell the truth about the bridge over the river,” said Mayor Ada Moss.\n";
    let report = compare(&[c, d]);
    let kinds: Vec<_> = report.alignments.iter().flat_map(difference_kinds).collect();
    assert_eq!(kinds, [DifferenceKind::Speaker]);
}

/// A news agency quoted elsewhere in an article does not silence the article's own
/// named speaker: the dispute over who says what stays a speaker difference.
#[test]
fn a_relaying_outlet_does_not_hide_the_other_speakers() {
    let a = "Front line\n\n\
             Russian troops took the town of Avdiivka on Saturday after weeks of fighting, the Kremlin said.\n\n\
             The town had been under siege since October, Reuters reported.\n";
    let b = "Front line\n\n\
             Russian troops took the town of Avdiivka on Saturday after weeks of fighting, Ukraine's general staff said.\n\n\
             The town had been under siege since October, Reuters reported.\n";
    let report = compare(&[a, b]);
    let kinds: Vec<_> = report.alignments.iter().flat_map(difference_kinds).collect();
    assert_eq!(kinds, [DifferenceKind::Speaker]);
}

#[test]
fn a_fact_told_among_many_words_of_its_own_aligns_in_a_long_comparison() {
    // Two long articles on one harbour story. Each tells the ferry subsidy in a long
    // sentence whose other words no other claim uses; with plain IDF those words keep
    // the two tellings apart (cosine 0.25). Counted as held by a few claims, they weigh
    // less (0.34).
    let a = "Harbour news\n\n\
             Ministers in Porto Lume on Tuesday gave final approval to a €40 million ferry subsidy, ending a quarrel \
             with fishermen, shipyard unions and coastal mayors that had dragged through winter.\n\n\
             Storm damage closed the northern pier for repairs.\n\n\
             Tourist numbers fell sharply during August.\n\n\
             A new lighthouse keeper starts work next spring.\n\n\
             Fish prices at the morning market climbed again.\n\n\
             The old customs house will become a museum.\n\n\
             Local schools plan sailing lessons for pupils.\n\n\
             Cruise operators asked for longer berthing slots.\n\n\
             Volunteers cleaned plastic from three beaches.\n\n\
             The yacht club elected its first woman commodore.\n\n\
             Harbour police seized smuggled cigarettes.\n\n\
             Dredging of the channel resumes in March.\n\n\
             A bakery near the quay won a national prize.\n\n\
             Container traffic doubled since the crane upgrade.\n";
    let b = "Ferry deal\n\n\
             After months of angry protests by island residents, the cabinet approved the €40 million ferry \
             subsidy on Tuesday, a relief for commuters whose fares had tripled.\n\n\
             Seagulls nesting on rooftops annoy residents.\n\n\
             The regional orchestra performed on the quay.\n\n\
             Rainfall this autumn broke a forty-year record.\n\n\
             A startup builds electric water taxis.\n\n\
             Divers surveyed a sunken trading vessel.\n\n\
             The marina raised mooring charges slightly.\n\n\
             Students painted murals along the promenade.\n\n\
             An oyster farm opened beside the estuary.\n\n\
             Lifeguards trained with rescue drones.\n\n\
             The ferry terminal café changed owners.\n\n\
             Shipwrights restored a wooden schooner.\n\n\
             Birdwatchers counted rare terns offshore.\n\n\
             The coastguard replaced its radio masts.\n";
    let together = |report: &Report| {
        let group = group_of(report, 0, "ferry subsidy");
        report
            .claims
            .iter()
            .any(|c| c.source == 1 && c.text.contains("ferry subsidy") && group.claims.contains(&c.id))
    };
    assert!(together(&compare(&[a, b])));
    assert!(!together(&compare_with(&Matcher::builder().term_count_floor(1.0).build(), &[a, b])));
}

#[test]
fn a_group_average_that_is_not_a_number_is_the_default() {
    let with_average =
        |share: f32| compare_with(&Matcher::builder().group_average(share).build(), &[WAPO, BLOOMBERG]);
    let default = compare(&[WAPO, BLOOMBERG]);
    assert_eq!(shape(&default), shape(&with_average(f32::NAN)));
    assert_ne!(shape(&default), shape(&with_average(0.0)));
}
