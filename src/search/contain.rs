//! Searches on an index viewed in a mapped cache file, kept from taking the process down.
//!
//! The index is checked whole when it is read (`stored.rs`), so a panic in a search can only
//! come from bytes changed under the mapping afterwards: another program writing into the cache
//! file in place. [`contained`] turns that into `None`, for the caller to rebuild the index from
//! the documents, and keeps the panic message off the screen.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static CONTAINING: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f`; None if it panicked. The panic is not reported by the panic hook.
pub fn contained<R>(f: impl FnOnce() -> R) -> Option<R> {
    install_quiet_hook();
    let before = CONTAINING.with(|c| c.replace(true));
    let outcome = panic::catch_unwind(AssertUnwindSafe(f));
    CONTAINING.with(|c| c.set(before));
    outcome.ok()
}

/// Whether the panic under way on this thread is one [`contained`] catches: a panic hook returns
/// at once for it (the reader's hook would otherwise end the process).
pub fn panic_is_contained() -> bool {
    CONTAINING.with(Cell::get)
}

/// Wraps the panic hook in place so that contained panics print nothing. Hooks installed later
/// (the reader's) ask [`panic_is_contained`] themselves.
fn install_quiet_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !panic_is_contained() {
                previous(info);
            }
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_caught_and_the_next_call_still_panics_loudly_outside() {
        let v: Vec<u32> = vec![1, 2, 3];
        let i = v.len() + 2;
        assert_eq!(contained(|| v[i]), None);
        assert!(!panic_is_contained());
        assert_eq!(contained(|| v[1]), Some(2));
        // Outside `contained`, a panic is a panic.
        assert!(panic::catch_unwind(|| v[i]).is_err());
    }
}
