//! Grouping candidate pairs into alignments by average link, so that groups do not
//! chain: two groups merge only when their claims are, on average, as alike as the
//! threshold asks.
//!
//! Each group keeps the summed similarity of its candidate links to every other group
//! and its claim count per source, so the average link of two groups costs one lookup;
//! merging moves the smaller group's links into the larger one's.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use super::index::Candidate;

struct Group {
    /// Index nodes in the group.
    nodes: Vec<u32>,
    /// Claims in the group.
    members: Vec<u32>,
    /// Claims per source.
    per_source: BTreeMap<usize, u32>,
    /// Summed candidate similarity to each other group.
    links: HashMap<u32, f32>,
}

impl Group {
    /// Number of cross-source claim pairs between two groups.
    fn cross_pairs(&self, other: &Group) -> u64 {
        let total = self.members.len() as u64 * other.members.len() as u64;
        let (small, large) =
            if self.per_source.len() <= other.per_source.len() { (self, other) } else { (other, self) };
        let same: u64 = small
            .per_source
            .iter()
            .map(|(s, n)| u64::from(*n) * u64::from(large.per_source.get(s).copied().unwrap_or(0)))
            .sum();
        total - same
    }
}

/// Groups claims given their index nodes (`nodes[i]`: the claims of node `i`), the
/// nodes' source-order-free ranks, each claim's source, and scored candidate pairs of
/// nodes. Returns groups of claim indices, each sorted, ordered by their first claim.
pub(crate) fn average_link(
    nodes: &[Vec<u32>],
    rank: &[u32],
    source: &[usize],
    candidates: &[Candidate],
    threshold: f32,
) -> Vec<Vec<u32>> {
    let n = nodes.len();
    let mut groups: Vec<Group> = nodes
        .iter()
        .enumerate()
        .map(|(node, claims)| {
            let mut per_source = BTreeMap::new();
            for &c in claims {
                *per_source.entry(source[c as usize]).or_default() += 1;
            }
            Group { nodes: vec![node as u32], members: claims.clone(), per_source, links: HashMap::default() }
        })
        .collect();
    // A candidate's similarity holds for every cross-source pair of claims of its nodes.
    for c in candidates {
        let weight = c.similarity * groups[c.a as usize].cross_pairs(&groups[c.b as usize]) as f32;
        *groups[c.a as usize].links.entry(c.b).or_default() += weight;
        *groups[c.b as usize].links.entry(c.a).or_default() += weight;
    }
    let mut group_of: Vec<u32> = (0..n as u32).collect();
    let mut order: Vec<&Candidate> = candidates.iter().collect();
    // Most similar first; ties by the nodes' ranks, which do not depend on source order.
    let ranked = |c: &Candidate| {
        let (x, y) = (rank[c.a as usize], rank[c.b as usize]);
        (x.min(y), x.max(y))
    };
    order.sort_by(|x, y| y.similarity.total_cmp(&x.similarity).then(ranked(x).cmp(&ranked(y))));
    for c in order {
        let (ga, gb) = (group_of[c.a as usize], group_of[c.b as usize]);
        if ga == gb {
            continue;
        }
        let sum = groups[ga as usize].links.get(&gb).copied().unwrap_or(0.0);
        let pairs = groups[ga as usize].cross_pairs(&groups[gb as usize]);
        if pairs == 0 || sum / (pairs as f32) < threshold {
            continue;
        }
        let (keep, gone) = if groups[ga as usize].members.len() >= groups[gb as usize].members.len() {
            (ga, gb)
        } else {
            (gb, ga)
        };
        let moved = std::mem::take(&mut groups[gone as usize].members);
        let links = std::mem::take(&mut groups[gone as usize].links);
        let per_source = std::mem::take(&mut groups[gone as usize].per_source);
        let moved_nodes = std::mem::take(&mut groups[gone as usize].nodes);
        for &node in &moved_nodes {
            group_of[node as usize] = keep;
        }
        groups[keep as usize].nodes.extend(moved_nodes);
        for (other, weight) in links {
            let other_links = &mut groups[other as usize].links;
            other_links.remove(&gone);
            if other == keep {
                continue;
            }
            *other_links.entry(keep).or_default() += weight;
            *groups[keep as usize].links.entry(other).or_default() += weight;
        }
        let target = &mut groups[keep as usize];
        target.links.remove(&gone);
        target.members.extend(moved);
        for (s, count) in per_source {
            *target.per_source.entry(s).or_default() += count;
        }
    }
    let mut out: Vec<Vec<u32>> = groups.into_iter().map(|g| g.members).filter(|m| !m.is_empty()).collect();
    for g in &mut out {
        g.sort_unstable();
    }
    out.sort_unstable_by_key(|g| g[0]);
    out
}
