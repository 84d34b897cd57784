//! The arrays of an index: built in memory, or borrowed from the bytes of a cache file.
//!
//! A warm search reads a 25 MB index. Copying it into fresh memory costs a zeroed page fault per
//! 4 KiB, most of the time of a warm `plenary search`; viewing the mapped cache file in place
//! costs a few page-cache mappings. The view is checked once, when the index is read: alignment
//! and length here, the values by the index's own consistency checks.

use std::ops::{Deref, Range};
use std::sync::Arc;

use bytemuck::Pod;

/// Bytes an index may borrow from: a mapped cache file, or a buffer. Never changed once shared.
pub type Backing = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// A `[T]` owned, or viewed in shared bytes (little-endian, aligned).
pub(super) enum Array<T> {
    Owned(Vec<T>),
    Shared { bytes: Backing, range: Range<usize> },
}

impl<T: Pod + Default> Array<T> {
    /// `bytes[range]` as a `[T]`: viewed in place where the bytes are aligned for `T` and the
    /// machine is little-endian, copied otherwise. None when the range is outside the bytes or
    /// not a whole number of `T`s.
    pub(super) fn shared(
        bytes: &Backing,
        range: Range<usize>,
        from_le: fn(T) -> T,
    ) -> Option<Self> {
        let raw = (**bytes).as_ref().get(range.clone())?;
        if raw.len() % size_of::<T>() != 0 {
            return None;
        }
        if cfg!(target_endian = "little") && bytemuck::try_cast_slice::<u8, T>(raw).is_ok() {
            return Some(Array::Shared {
                bytes: Arc::clone(bytes),
                range,
            });
        }
        let values = raw
            .chunks_exact(size_of::<T>())
            .map(|c| from_le(bytemuck::pod_read_unaligned(c)))
            .collect();
        Some(Array::Owned(values))
    }
}

impl<T> Default for Array<T> {
    fn default() -> Self {
        Array::Owned(Vec::new())
    }
}

impl<T> From<Vec<T>> for Array<T> {
    fn from(values: Vec<T>) -> Self {
        Array::Owned(values)
    }
}

impl<T: Pod> Deref for Array<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        match self {
            Array::Owned(values) => values,
            // `shared` checked that this range exists, is aligned and a whole number of `T`s,
            // and the bytes never change, so the cast cannot fail; should it, the array is empty.
            Array::Shared { bytes, range } => (**bytes)
                .as_ref()
                .get(range.clone())
                .and_then(|raw| bytemuck::try_cast_slice(raw).ok())
                .unwrap_or(&[]),
        }
    }
}

impl<T: Pod + std::fmt::Debug> std::fmt::Debug for Array<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match self {
            Array::Owned(_) => "owned",
            Array::Shared { .. } => "shared",
        };
        write!(f, "Array({kind}, {} items)", self.len())
    }
}

impl<T: Pod> Array<T> {
    /// The values as a vector, copied only when shared.
    pub(super) fn into_vec(self) -> Vec<T> {
        match self {
            Array::Owned(values) => values,
            shared => shared.to_vec(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_views_equal_their_bytes_and_misfits_are_refused() {
        let values: Vec<u32> = vec![1, 2, 0xdead_beef, 7];
        let mut raw: Vec<u8> = vec![0; 8];
        raw.extend(values.iter().flat_map(|v| v.to_le_bytes()));
        let bytes: Backing = Arc::new(raw);
        let array = Array::<u32>::shared(&bytes, 8..24, u32::from_le).expect("whole u32s");
        assert_eq!(&*array, values.as_slice());
        // Misaligned: still the right values, copied.
        let mut odd: Vec<u8> = vec![0; 9];
        odd.extend(values.iter().flat_map(|v| v.to_le_bytes()));
        let odd: Backing = Arc::new(odd);
        let copied = Array::<u32>::shared(&odd, 9..25, u32::from_le).expect("copied");
        assert_eq!(&*copied, values.as_slice());
        assert!(
            Array::<u32>::shared(&bytes, 8..23, u32::from_le).is_none(),
            "not whole"
        );
        assert!(
            Array::<u32>::shared(&bytes, 8..28, u32::from_le).is_none(),
            "past the end"
        );
        assert_eq!(array.into_vec(), values);
    }
}
