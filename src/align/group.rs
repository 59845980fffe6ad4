//! Grouping candidate pairs into alignments by average link, so that groups do not
//! chain: two groups merge only when their claims are, on average, as alike as the
//! threshold asks.

use std::collections::HashMap;

use super::index::Candidate;

/// Groups `n` claims given scored candidate pairs. Returns groups of claim indices,
/// each sorted, ordered by their first claim.
pub(crate) fn average_link(
    n: usize,
    source: &[usize],
    candidates: &[Candidate],
    threshold: f32,
) -> Vec<Vec<u32>> {
    let mut pairs: HashMap<(u32, u32), f32> = HashMap::with_capacity(candidates.len());
    for c in candidates {
        pairs.insert((c.a, c.b), c.similarity);
    }
    let mut order: Vec<&Candidate> = candidates.iter().collect();
    order.sort_by(|x, y| y.similarity.total_cmp(&x.similarity).then((x.a, x.b).cmp(&(y.a, y.b))));
    let mut group_of: Vec<u32> = (0..n as u32).collect();
    let mut members: Vec<Vec<u32>> = (0..n as u32).map(|i| vec![i]).collect();
    for c in order {
        let (ga, gb) = (group_of[c.a as usize], group_of[c.b as usize]);
        if ga == gb {
            continue;
        }
        // Average similarity over cross-source pairs between the two groups.
        let (mut sum, mut count) = (0f32, 0u32);
        for &x in &members[ga as usize] {
            for &y in &members[gb as usize] {
                if source[x as usize] == source[y as usize] {
                    continue;
                }
                let key = if x < y { (x, y) } else { (y, x) };
                sum += pairs.get(&key).copied().unwrap_or(0.0);
                count += 1;
            }
        }
        if count == 0 || sum / (count as f32) < threshold {
            continue;
        }
        let (keep, gone) =
            if members[ga as usize].len() >= members[gb as usize].len() { (ga, gb) } else { (gb, ga) };
        let moved = std::mem::take(&mut members[gone as usize]);
        for &m in &moved {
            group_of[m as usize] = keep;
        }
        members[keep as usize].extend(moved);
    }
    let mut groups: Vec<Vec<u32>> = members.into_iter().filter(|g| !g.is_empty()).collect();
    for g in &mut groups {
        g.sort_unstable();
    }
    groups.sort_unstable_by_key(|g| g[0]);
    groups
}
