//! Running one function over many items on several threads, results in
//! order: parsing thousands of role files, reading them from disk.

use std::sync::atomic::{AtomicUsize, Ordering};

/// `f` on every item, results in the items' order. Sets of 256 items or
/// more are shared among up to 8 threads, which take batches from a common
/// counter: a thread slowed down (by a busy machine, or bigger files) leaves
/// the rest of the work to the others instead of holding up the result.
pub fn map_in_parallel<'a, T: Sync, R: Send>(
    items: &'a [T],
    f: impl Fn(&'a T) -> R + Sync,
) -> Vec<R> {
    const BATCH: usize = 32;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    if threads < 2 || items.len() < 256 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let start = next.fetch_add(BATCH, Ordering::Relaxed);
            if start >= items.len() {
                return done;
            }
            let batch = &items[start..(start + BATCH).min(items.len())];
            done.push((start, batch.iter().map(&f).collect::<Vec<_>>()));
        }
    };
    let mut batches = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        // This thread works too rather than wait: one thread fewer to
        // start, and its allocations come from the main heap, which grows
        // in large steps (a new thread's heap grows a page at a time, one
        // system call each).
        let mut batches = work();
        for helper in helpers {
            batches.extend(
                helper
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p)),
            );
        }
        batches
    });
    batches.sort_unstable_by_key(|&(start, _)| start);
    // Sized exactly: collecting the flattened batches grew by doubling.
    let mut all = Vec::with_capacity(items.len());
    for (_, results) in batches {
        all.extend(results);
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_items_order() {
        for n in [0, 1, 255, 256, 257, 1_000, 10_007] {
            let items: Vec<usize> = (0..n).collect();
            let got = map_in_parallel(&items, |&i| i * 2);
            let want: Vec<usize> = items.iter().map(|&i| i * 2).collect();
            assert_eq!(got, want, "{n} items");
        }
    }

    #[test]
    fn results_may_borrow_from_the_items() {
        let items: Vec<String> = (0..1_000).map(|i| format!("item {i}")).collect();
        let got: Vec<&str> = map_in_parallel(&items, |s| s.as_str());
        assert_eq!(got[999], "item 999");
    }
}
