//! Data parallelism behind the `parallel` feature: with it, work is spread over rayon's
//! thread pool; without it, the same functions run in order on the calling thread. Both
//! return results in input order, so the output never depends on the feature.

/// `f` applied to every item, results in item order.
pub(crate) fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        items.par_iter().map(f).collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        items.iter().map(f).collect()
    }
}

/// `f` applied to consecutive ranges of `0..n` (each with scratch state from `init`),
/// the results concatenated in range order.
pub(crate) fn flat_map_ranges<S, R: Send>(
    n: usize,
    init: impl Fn() -> S + Sync + Send,
    f: impl Fn(&mut S, std::ops::Range<usize>) -> Vec<R> + Sync + Send,
) -> Vec<R> {
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        const CHUNK: usize = 256;
        let chunks: Vec<Vec<R>> = (0..n.div_ceil(CHUNK))
            .into_par_iter()
            .map_init(&init, |state, i| f(state, i * CHUNK..((i + 1) * CHUNK).min(n)))
            .collect();
        chunks.into_iter().flatten().collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        f(&mut init(), 0..n)
    }
}
