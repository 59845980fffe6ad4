//! Grouping candidate pairs into alignments by average link, so that groups do not
//! chain: two groups merge along a pair that reaches the threshold, and only when their
//! claims are, on average, nearly as alike (a share of the threshold,
//! [`super::MatcherBuilder::group_average`]). Candidates may be less similar than the
//! threshold (down to the matcher's link floor): they count in the average of their
//! groups, but never make or join a group on their own.
//!
//! Groups only ever merge along candidate pairs, so each connected component of the
//! candidate graph is linked on its own (in parallel with the `parallel` feature).
//! Candidates are taken from the most similar down; the average link of two groups is
//! summed when asked, from the candidates of the smaller group's nodes, so no group
//! keeps a table of links to the others. Link weights are fixed-point integers: the
//! sums are exact, whatever order they are added in, so the grouping cannot depend on
//! the order of the sources through rounding.

use rustc_hash::FxHashMap as HashMap;

use super::index::Candidate;

/// Fixed-point scale of similarities in link sums.
const SCALE: f64 = (1u64 << 24) as f64;

/// A similarity (0–1) in fixed point.
fn fixed(similarity: f32) -> u64 {
    (f64::from(similarity) * SCALE).round() as u64
}

/// Links a group must hold before a failed merge with another is remembered (cheaper
/// groups are simply summed again).
const REMEMBERED_DEGREE: usize = 16;

/// Claims per source, sorted by source.
type SourceCounts = Vec<(usize, u32)>;

/// Number of cross-source claim pairs between two groups with these counts.
fn cross_pairs(x: &[(usize, u32)], y: &[(usize, u32)]) -> u64 {
    let total = |c: &[(usize, u32)]| c.iter().map(|&(_, n)| u64::from(n)).sum::<u64>();
    let (mut i, mut j, mut same) = (0, 0, 0u64);
    while i < x.len() && j < y.len() {
        match x[i].0.cmp(&y[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                same += u64::from(x[i].1) * u64::from(y[j].1);
                i += 1;
                j += 1;
            }
        }
    }
    total(x) * total(y) - same
}

/// The counts of two groups together.
fn merged(x: &[(usize, u32)], y: &[(usize, u32)]) -> SourceCounts {
    let mut out: SourceCounts = x.iter().chain(y).copied().collect();
    out.sort_unstable_by_key(|&(source, _)| source);
    out.dedup_by(|next, kept| {
        let same = next.0 == kept.0;
        if same {
            kept.1 += next.1;
        }
        same
    });
    out
}

/// Groups claims given their index nodes (`nodes[i]`: the claims of node `i`), the
/// nodes' source-order-free ranks, each claim's source, and scored candidate pairs of
/// nodes. Two groups merge along a pair of at least `threshold` when their average link
/// is at least `average` times it. Returns groups of claim indices, each sorted,
/// ordered by their first claim.
pub(crate) fn average_link(
    nodes: &[Vec<u32>],
    rank: &[u32],
    source: &[usize],
    candidates: &[Candidate],
    threshold: f32,
    average: f32,
) -> Vec<Vec<u32>> {
    let components = Components::new(nodes.len(), candidates);
    let mut out: Vec<Vec<u32>> = crate::parallel::flat_map_ranges(
        components.count(),
        || (),
        |_, range| {
            let mut out = Vec::new();
            for component in range {
                let members = components.nodes(component);
                let pairs = components.candidates(component);
                if pairs.is_empty() {
                    out.extend(members.iter().map(|&node| nodes[node as usize].clone()));
                } else {
                    out.extend(link_component(members, pairs, nodes, rank, source, (threshold, average)));
                }
            }
            out
        },
    );
    for g in &mut out {
        g.sort_unstable();
    }
    out.sort_unstable_by_key(|g| g[0]);
    out
}

/// The connected components of the candidate graph over nodes: each component's nodes
/// (ascending) and candidates (in their given order, between places among the
/// component's nodes), in compressed rows.
struct Components {
    node_starts: Vec<usize>,
    nodes: Vec<u32>,
    candidate_starts: Vec<usize>,
    candidates: Vec<Candidate>,
}

/// The root of each node's connected component in the graph of `candidates`: its least
/// node (union-find with path halving; the smaller root wins).
pub(crate) fn component_roots(n: usize, candidates: &[Candidate]) -> Vec<u32> {
    let mut parent: Vec<u32> = (0..n as u32).collect();
    let find = |parent: &mut Vec<u32>, mut x: u32| {
        while parent[x as usize] != x {
            let grand = parent[parent[x as usize] as usize];
            parent[x as usize] = grand;
            x = grand;
        }
        x
    };
    for c in candidates {
        let (ra, rb) = (find(&mut parent, c.a), find(&mut parent, c.b));
        parent[ra.max(rb) as usize] = ra.min(rb);
    }
    (0..n as u32).map(|x| find(&mut parent, x)).collect()
}

impl Components {
    fn new(n: usize, candidates: &[Candidate]) -> Components {
        // Components numbered by their least node.
        let mut id = vec![u32::MAX; n];
        let mut count = 0;
        let mut component_of = Vec::with_capacity(n);
        for root in component_roots(n, candidates) {
            let root = root as usize;
            if id[root] == u32::MAX {
                id[root] = count;
                count += 1;
            }
            component_of.push(id[root]);
        }
        let count = count as usize;
        let (node_starts, nodes) =
            super::bucket(count, (0..n as u32).map(|node| (component_of[node as usize], node)));
        let (candidate_starts, mut candidates) =
            super::bucket(count, candidates.iter().map(|c| (component_of[c.a as usize], *c)));
        // Each node's place among its component's nodes.
        let mut place = vec![0u32; n];
        for component in 0..count {
            for (i, &node) in nodes[node_starts[component]..node_starts[component + 1]].iter().enumerate() {
                place[node as usize] = i as u32;
            }
        }
        for c in &mut candidates {
            (c.a, c.b) = (place[c.a as usize], place[c.b as usize]);
        }
        Components { node_starts, nodes, candidate_starts, candidates }
    }

    fn count(&self) -> usize {
        self.node_starts.len() - 1
    }

    fn nodes(&self, component: usize) -> &[u32] {
        &self.nodes[self.node_starts[component]..self.node_starts[component + 1]]
    }

    fn candidates(&self, component: usize) -> &[Candidate] {
        &self.candidates[self.candidate_starts[component]..self.candidate_starts[component + 1]]
    }
}

/// The groups of one component while they merge. A group keeps the id (place) of one
/// of its nodes; until it takes in another group it is that node alone, and its
/// `grown` lists stay empty (most groups never grow).
struct Groups {
    /// Claims per source of each node, in compressed rows.
    count_starts: Vec<usize>,
    node_counts: SourceCounts,
    /// Each place, for the node list of a group that has not grown.
    places: Vec<u32>,
    grown_nodes: Vec<Vec<u32>>,
    grown_counts: Vec<SourceCounts>,
    /// The group of each node.
    group_of: Vec<u32>,
}

impl Groups {
    /// One group per node of `members`, whose claims are `nodes[member]`.
    fn new(members: &[u32], nodes: &[Vec<u32>], source: &[usize]) -> Groups {
        let m = members.len();
        let mut count_starts = Vec::with_capacity(m + 1);
        let mut node_counts: SourceCounts = Vec::new();
        count_starts.push(0);
        let mut sources: Vec<usize> = Vec::new();
        for &node in members {
            sources.clear();
            sources.extend(nodes[node as usize].iter().map(|&c| source[c as usize]));
            sources.sort_unstable();
            for run in sources.chunk_by(|x, y| x == y) {
                node_counts.push((run[0], run.len() as u32));
            }
            count_starts.push(node_counts.len());
        }
        Groups {
            count_starts,
            node_counts,
            places: (0..m as u32).collect(),
            grown_nodes: vec![Vec::new(); m],
            grown_counts: vec![Vec::new(); m],
            group_of: (0..m as u32).collect(),
        }
    }

    /// Claims per source of group `g`.
    fn counts(&self, g: u32) -> &[(usize, u32)] {
        let g = g as usize;
        match self.grown_counts[g].as_slice() {
            [] => &self.node_counts[self.count_starts[g]..self.count_starts[g + 1]],
            grown => grown,
        }
    }

    /// The nodes (places) of group `g`.
    fn nodes(&self, g: u32) -> &[u32] {
        match self.grown_nodes[g as usize].as_slice() {
            [] => &self.places[g as usize..g as usize + 1],
            grown => grown,
        }
    }

    /// Group `gone` into group `keep`.
    fn merge(&mut self, keep: u32, gone: u32) {
        self.grown_counts[keep as usize] = merged(self.counts(keep), self.counts(gone));
        self.grown_counts[gone as usize] = Vec::new();
        let grown = std::mem::take(&mut self.grown_nodes[gone as usize]);
        let moved = if grown.is_empty() { &[gone][..] } else { &grown[..] };
        for &node in moved {
            self.group_of[node as usize] = keep;
        }
        let kept = &mut self.grown_nodes[keep as usize];
        if kept.is_empty() {
            kept.push(keep);
        }
        kept.extend_from_slice(moved);
    }
}

/// Average link over one component: `members` are its nodes, ascending, and `pairs`
/// its candidates between places in `members`.
fn link_component(
    members: &[u32],
    pairs: &[Candidate],
    nodes: &[Vec<u32>],
    rank: &[u32],
    source: &[usize],
    (threshold, average): (f32, f32),
) -> Vec<Vec<u32>> {
    let m = members.len();
    let mut groups = Groups::new(members, nodes, source);
    // A candidate's similarity holds for every cross-source pair of claims of its
    // nodes: its weight in fixed point, on both nodes' rows.
    let weights: Vec<u64> = pairs
        .iter()
        .map(|c| fixed(c.similarity).saturating_mul(cross_pairs(groups.counts(c.a), groups.counts(c.b))))
        .collect();
    let (starts, links) =
        super::bucket(m, pairs.iter().zip(&weights).flat_map(|(c, &w)| [(c.a, (c.b, w)), (c.b, (c.a, w))]));
    let row = |node: u32| &links[starts[node as usize]..starts[node as usize + 1]];
    let mut degree: Vec<usize> = (0..m as u32).map(|i| row(i).len()).collect();
    // Pairs of groups found too far apart after summing many links, with the merge
    // counts of both then: asked again while neither has changed, the answer is the
    // same.
    let mut version = vec![0u32; m];
    let mut apart: HashMap<(u32, u32), (u32, u32)> = HashMap::default();
    let bar = u128::from(fixed(threshold * average));
    // Most similar first; ties by the nodes' ranks, which do not depend on source order.
    // (Similarities are positive, so their bits order them.)
    let mut order: Vec<(u128, u32)> = pairs
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let (x, y) = (rank[members[c.a as usize] as usize], rank[members[c.b as usize] as usize]);
            let key = (u128::from(!c.similarity.to_bits()) << 64)
                | (u128::from(x.min(y)) << 32)
                | u128::from(x.max(y));
            (key, i as u32)
        })
        .collect();
    order.sort_unstable();
    for (_, i) in order {
        let c = &pairs[i as usize];
        let (ga, gb) = (groups.group_of[c.a as usize], groups.group_of[c.b as usize]);
        // Only a pair that reaches the threshold merges two groups.
        if ga == gb || c.similarity < threshold {
            continue;
        }
        let key = (ga.min(gb), ga.max(gb));
        let stamp = (version[key.0 as usize], version[key.1 as usize]);
        if apart.get(&key) == Some(&stamp) {
            continue;
        }
        // The summed link weight between the groups, from the rows of the group with
        // fewer links.
        let (from, to) = if degree[ga as usize] <= degree[gb as usize] { (ga, gb) } else { (gb, ga) };
        let sum: u128 = groups
            .nodes(from)
            .iter()
            .flat_map(|&node| row(node))
            .filter(|(other, _)| groups.group_of[*other as usize] == to)
            .map(|&(_, w)| u128::from(w))
            .sum();
        let pairs = u128::from(cross_pairs(groups.counts(ga), groups.counts(gb)));
        if pairs == 0 || sum < bar * pairs {
            if degree[from as usize] > REMEMBERED_DEGREE {
                apart.insert(key, stamp);
            }
            continue;
        }
        let size = |g: u32| groups.counts(g).iter().map(|&(_, n)| n as usize).sum::<usize>();
        let (keep, gone) = if size(ga) >= size(gb) { (ga, gb) } else { (gb, ga) };
        groups.merge(keep, gone);
        degree[keep as usize] += degree[gone as usize];
        version[keep as usize] += 1;
    }
    let claims_of = |place: &u32| nodes[members[*place as usize] as usize].iter().copied();
    (0..m as u32)
        .filter(|&g| groups.group_of[g as usize] == g)
        .map(|g| groups.nodes(g).iter().flat_map(claims_of).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(a: u32, b: u32, similarity: f32) -> Candidate {
        Candidate { a, b, similarity }
    }

    /// Three claims of three sources, one node each.
    fn group_three(candidates: &[Candidate]) -> Vec<Vec<u32>> {
        group_three_at(candidates, 1.0)
    }

    fn group_three_at(candidates: &[Candidate], average: f32) -> Vec<Vec<u32>> {
        let nodes = vec![vec![0], vec![1], vec![2]];
        average_link(&nodes, &[0, 1, 2], &[0, 1, 2], candidates, 0.3, average)
    }

    #[test]
    fn a_pair_below_the_threshold_counts_in_the_average() {
        // 0 and 1 alike; 2 near 0, weakly like 1: on average (0.45 + 0.2) / 2 it joins.
        let groups = group_three(&[pair(0, 1, 0.6), pair(0, 2, 0.45), pair(1, 2, 0.2)]);
        assert_eq!(groups, [vec![0, 1, 2]]);
        // Without the weak pair it counts as 0: (0.45 + 0) / 2 is too little.
        let groups = group_three(&[pair(0, 1, 0.6), pair(0, 2, 0.45)]);
        assert_eq!(groups, [vec![0, 1], vec![2]]);
    }

    #[test]
    fn pairs_below_the_threshold_never_make_a_group() {
        let groups = group_three(&[pair(0, 1, 0.25), pair(1, 2, 0.2)]);
        assert_eq!(groups, [vec![0], vec![1], vec![2]]);
    }

    #[test]
    fn a_lower_average_joins_a_claim_close_to_one_member_along_a_strong_pair() {
        // 2 is near 1 (0.35) and farther from 0 (0.15): on average 0.25, below the 0.3 of
        // a full average, above 0.8 of it.
        let pairs = [pair(0, 1, 0.6), pair(1, 2, 0.35), pair(0, 2, 0.15)];
        assert_eq!(group_three_at(&pairs, 1.0), [vec![0, 1], vec![2]]);
        assert_eq!(group_three_at(&pairs, 0.8), [vec![0, 1, 2]]);
        // The pair they merge along must reach the threshold itself: 0.28 and 0.26 are
        // above the lower bar, but neither makes or joins a group.
        assert_eq!(group_three_at(&[pair(0, 1, 0.28), pair(1, 2, 0.26)], 0.8), [vec![0], vec![1], vec![2]]);
        assert_eq!(
            group_three_at(&[pair(0, 1, 0.6), pair(1, 2, 0.28), pair(0, 2, 0.26)], 0.8),
            [vec![0, 1], vec![2]]
        );
    }
}
