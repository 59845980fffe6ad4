//! Grouping candidate pairs into alignments by average link, so that groups do not
//! chain: two groups merge only when their claims are, on average, as alike as the
//! threshold asks.
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
    let mut out = Vec::with_capacity(x.len() + y.len());
    let (mut i, mut j) = (0, 0);
    while i < x.len() || j < y.len() {
        match (x.get(i), y.get(j)) {
            (Some(a), Some(b)) if a.0 == b.0 => {
                out.push((a.0, a.1 + b.1));
                i += 1;
                j += 1;
            }
            (Some(a), Some(b)) if a.0 < b.0 => {
                out.push(*a);
                i += 1;
            }
            (Some(a), None) => {
                out.push(*a);
                i += 1;
            }
            (_, Some(b)) => {
                out.push(*b);
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
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
                    let local = |c: &Candidate| Candidate {
                        a: components.place[c.a as usize],
                        b: components.place[c.b as usize],
                        similarity: c.similarity,
                    };
                    let pairs: Vec<Candidate> = pairs.iter().map(local).collect();
                    out.extend(link_component(members, &pairs, nodes, rank, source, threshold));
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
/// (ascending) and candidates (in their given order), in compressed rows.
struct Components {
    node_starts: Vec<usize>,
    nodes: Vec<u32>,
    candidate_starts: Vec<usize>,
    candidates: Vec<Candidate>,
    /// Each node's place among the nodes of its component.
    place: Vec<u32>,
}

impl Components {
    fn new(n: usize, candidates: &[Candidate]) -> Components {
        // Union-find with path halving; the smaller root wins, so roots are the least
        // node of their component.
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
        // Components numbered by their least node.
        let mut id = vec![u32::MAX; n];
        let mut count = 0;
        let mut component_of = Vec::with_capacity(n);
        for node in 0..n as u32 {
            let root = find(&mut parent, node) as usize;
            if id[root] == u32::MAX {
                id[root] = count;
                count += 1;
            }
            component_of.push(id[root]);
        }
        let count = count as usize;
        let (node_starts, nodes) =
            super::index::bucket(count, (0..n as u32).map(|node| (component_of[node as usize], node)));
        let (candidate_starts, candidates) =
            super::index::bucket(count, candidates.iter().map(|c| (component_of[c.a as usize], *c)));
        // Each node's place among its component's nodes.
        let mut place = vec![0u32; n];
        for component in 0..count {
            for (i, &node) in nodes[node_starts[component]..node_starts[component + 1]].iter().enumerate() {
                place[node as usize] = i as u32;
            }
        }
        Components { node_starts, nodes, candidate_starts, candidates, place }
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

/// Average link over one component: `members` are its nodes, ascending, and `pairs`
/// its candidates between places in `members`.
fn link_component(
    members: &[u32],
    pairs: &[Candidate],
    nodes: &[Vec<u32>],
    rank: &[u32],
    source: &[usize],
    threshold: f32,
) -> Vec<Vec<u32>> {
    let m = members.len();
    // Claims per source of each node, in one array.
    let (count_starts, node_counts) = {
        let mut starts = Vec::with_capacity(m + 1);
        let mut all: SourceCounts = Vec::new();
        starts.push(0);
        for &node in members {
            let from = all.len();
            all.extend(nodes[node as usize].iter().map(|&c| (source[c as usize], 1)));
            all[from..].sort_unstable();
            let mut kept = from;
            for i in from..all.len() {
                if kept > from && all[kept - 1].0 == all[i].0 {
                    all[kept - 1].1 += 1;
                } else {
                    all[kept] = all[i];
                    kept += 1;
                }
            }
            all.truncate(kept);
            starts.push(all.len());
        }
        (starts, all)
    };
    // A group keeps the id of one of its nodes. Until it has taken in another group,
    // it is that node alone: its nodes and counts are then the node's own, and these
    // lists stay empty (most groups never grow).
    let mut grown_nodes: Vec<Vec<u32>> = vec![Vec::new(); m];
    let mut grown_counts: Vec<SourceCounts> = vec![Vec::new(); m];
    let mut group_of: Vec<u32> = (0..m as u32).collect();
    macro_rules! counts {
        ($g:expr) => {{
            let g = $g as usize;
            if grown_counts[g].is_empty() {
                &node_counts[count_starts[g]..count_starts[g + 1]]
            } else {
                &grown_counts[g][..]
            }
        }};
    }
    // A candidate's similarity holds for every cross-source pair of claims of its
    // nodes: its weight in fixed point, on both nodes' rows.
    let (starts, links) = super::index::bucket(
        m,
        pairs.iter().flat_map(|c| {
            let w = fixed(c.similarity).saturating_mul(cross_pairs(counts!(c.a), counts!(c.b)));
            [(c.a, (c.b, w)), (c.b, (c.a, w))]
        }),
    );
    let row = |node: u32| &links[starts[node as usize]..starts[node as usize + 1]];
    let mut degree: Vec<usize> = (0..m as u32).map(|i| row(i).len()).collect();
    // Pairs of groups found too far apart after summing many links, with the merge
    // counts of both then: asked again while neither has changed, the answer is the
    // same.
    let mut version = vec![0u32; m];
    let mut apart: HashMap<(u32, u32), (u32, u32)> = HashMap::default();
    let threshold = u128::from(fixed(threshold));
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
        let (ga, gb) = (group_of[c.a as usize], group_of[c.b as usize]);
        if ga == gb {
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
        let own = [from];
        let from_nodes =
            if grown_nodes[from as usize].is_empty() { &own[..] } else { &grown_nodes[from as usize][..] };
        let sum: u128 = from_nodes
            .iter()
            .flat_map(|&node| row(node))
            .filter(|(other, _)| group_of[*other as usize] == to)
            .map(|&(_, w)| u128::from(w))
            .sum();
        let pairs = u128::from(cross_pairs(counts!(ga), counts!(gb)));
        if pairs == 0 || sum < threshold * pairs {
            if degree[from as usize] > 16 {
                apart.insert(key, stamp);
            }
            continue;
        }
        let size = |counts: &[(usize, u32)]| counts.iter().map(|&(_, n)| n as usize).sum::<usize>();
        let (keep, gone) = if size(counts!(ga)) >= size(counts!(gb)) { (ga, gb) } else { (gb, ga) };
        let combined = merged(counts!(keep), counts!(gone));
        grown_counts[keep as usize] = combined;
        grown_counts[gone as usize] = Vec::new();
        let mut moved = std::mem::take(&mut grown_nodes[gone as usize]);
        if moved.is_empty() {
            moved.push(gone);
        }
        for &node in &moved {
            group_of[node as usize] = keep;
        }
        let kept = &mut grown_nodes[keep as usize];
        if kept.is_empty() {
            kept.push(keep);
        }
        kept.extend(moved);
        degree[keep as usize] += degree[gone as usize];
        version[keep as usize] += 1;
    }
    let claims_of = |place: u32| nodes[members[place as usize] as usize].iter().copied();
    (0..m as u32)
        .filter(|&g| group_of[g as usize] == g)
        .map(|g| match grown_nodes[g as usize].as_slice() {
            [] => claims_of(g).collect(),
            grown => grown.iter().flat_map(|&place| claims_of(place)).collect(),
        })
        .collect()
}
