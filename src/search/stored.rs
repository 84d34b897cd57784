//! A search index as bytes, for the library cache: written once, then used in place.
//!
//! The layout is the index's own arrays, little-endian, each preceded by its length and padded to
//! 8 bytes, so that in a mapped cache file (whose sections start 8-aligned) every array can be
//! viewed where it lies rather than copied ([`Array`]). Everything is checked when read (lengths,
//! offsets, token and record numbers in range, UTF-8 on token boundaries), so damaged bytes give
//! `None`, never an index that could panic or read out of bounds later.

use std::collections::HashMap;
use std::io::Write;
use std::ops::Range;
use std::sync::Arc;

use super::array::{Array, Backing};
use super::index::{RecordId, SearchIndex};

/// Bytes gathered before a write.
const PIECE: usize = 64 * 1024;

impl SearchIndex {
    /// Appends the index to `out`, for [`SearchIndex::decode`].
    pub fn encode(&self, out: &mut Vec<u8>) {
        // Writing to a Vec does not fail.
        let _ = self.write_to(out);
    }

    /// Writes the index to `out` (a multiple of 8 bytes), for [`SearchIndex::from_bytes`], a
    /// piece at a time: no copy of the whole is made.
    pub fn write_to(&self, out: &mut impl Write) -> std::io::Result<()> {
        let mut w = Writer {
            out,
            buffer: Vec::with_capacity(PIECE),
            written: 0,
        };
        w.u64(self.ids.len() as u64)?;
        for id in &self.ids {
            w.put(&id.doc.to_le_bytes())?;
            w.put(&id.item.to_le_bytes())?;
        }
        w.u32s(&self.tokens)?;
        w.u64s(&self.starts)?;
        w.u64(self.vocab.len() as u64)?;
        w.put(self.vocab.as_bytes())?;
        w.pad()?;
        w.u64s(&self.bounds)?;
        w.u32s(&self.sorted)?;
        w.u32s(&self.postings)?;
        w.u64s(&self.post_starts)?;
        w.flush()
    }

    /// Whether every record names a document below `documents`: what a cache checks before
    /// pairing an index it read with the documents it read.
    pub fn documents_below(&self, documents: usize) -> bool {
        self.ids.iter().all(|id| (id.doc as usize) < documents)
    }

    /// An index written by [`SearchIndex::encode`] that is the whole of `bytes` (copied).
    pub fn decode(bytes: &[u8]) -> Option<SearchIndex> {
        let backing: Backing = Arc::new(bytes.to_vec());
        SearchIndex::from_bytes(&backing, 0..bytes.len())
    }

    /// The index written by [`SearchIndex::write_to`] that is exactly `bytes[range]`. Its large
    /// arrays are views of `bytes` where they are aligned (as in a mapped cache file), copies
    /// otherwise. None when the bytes are not a whole, consistent index.
    pub fn from_bytes(bytes: &Backing, range: Range<usize>) -> Option<SearchIndex> {
        let all: &[u8] = (**bytes).as_ref();
        all.get(range.clone())?;
        let mut r = Reader {
            all,
            origin: range.start,
            at: range.start,
            end: range.end,
        };
        let records = r.count(8)?;
        let ids: Vec<RecordId> = r
            .take(records * 8)?
            .chunks_exact(8)
            .map(|c| RecordId {
                doc: u32::from_le_bytes([c[0], c[1], c[2], c[3]]),
                item: u32::from_le_bytes([c[4], c[5], c[6], c[7]]),
            })
            .collect();
        let tokens = r.array(4, bytes, u32::from_le)?;
        let starts = r.array(8, bytes, u64::from_le)?;
        let vocab_len = r.count(1)?;
        let vocab = std::str::from_utf8(r.take(vocab_len)?).ok()?.to_owned();
        r.skip_padding()?;
        let bounds = r.array(8, bytes, u64::from_le)?;
        let sorted = r.array(4, bytes, u32::from_le)?;
        let postings = r.array(4, bytes, u32::from_le)?;
        let post_starts = r.array(8, bytes, u64::from_le)?;
        if r.at != r.end {
            return None;
        }

        let terms = bounds.len().checked_sub(1)?;
        let consistent = starts.len() == records + 1
            && monotonic_from_zero(&starts, tokens.len())
            && monotonic_from_zero(&bounds, vocab.len())
            && bounds.iter().all(|&b| vocab.is_char_boundary(b as usize))
            && post_starts.len() == bounds.len()
            && monotonic_from_zero(&post_starts, postings.len())
            && sorted.len() == terms
            && all_below(&tokens, terms)
            && all_below(&sorted, terms)
            && all_below(&postings, records);
        if !consistent {
            return None;
        }
        let mut by_doc: HashMap<u32, Vec<u32>> = HashMap::new();
        for (r, id) in (0..=u32::MAX).zip(&ids) {
            by_doc.entry(id.doc).or_default().push(r);
        }
        Some(SearchIndex {
            ids,
            tokens,
            starts,
            vocab,
            bounds,
            sorted,
            postings,
            post_starts,
            by_doc,
        })
    }
}

/// Gathers small writes into pieces of `PIECE` bytes, counting what it writes.
struct Writer<'a, W> {
    out: &'a mut W,
    buffer: Vec<u8>,
    written: usize,
}

impl<W: Write> Writer<'_, W> {
    fn put(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.written += bytes.len();
        if self.buffer.len() + bytes.len() > PIECE {
            self.flush()?;
        }
        if bytes.len() > PIECE {
            return self.out.write_all(bytes);
        }
        self.buffer.extend_from_slice(bytes);
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.write_all(&self.buffer)?;
        self.buffer.clear();
        Ok(())
    }

    /// Zeros up to the next multiple of 8 bytes.
    fn pad(&mut self) -> std::io::Result<()> {
        let n = (8 - self.written % 8) % 8;
        self.put(&[0; 8][..n])
    }

    fn u64(&mut self, n: u64) -> std::io::Result<()> {
        self.put(&n.to_le_bytes())
    }

    fn u32s(&mut self, values: &[u32]) -> std::io::Result<()> {
        self.u64(values.len() as u64)?;
        values.iter().try_for_each(|v| self.put(&v.to_le_bytes()))?;
        self.pad()
    }

    fn u64s(&mut self, values: &[u64]) -> std::io::Result<()> {
        self.u64(values.len() as u64)?;
        values.iter().try_for_each(|&v| self.u64(v))
    }
}

/// Starts at 0, never decreases, ends at `end`.
fn monotonic_from_zero(offsets: &[u64], end: usize) -> bool {
    offsets.first() == Some(&0)
        && offsets.last() == Some(&(end as u64))
        && offsets.windows(2).all(|w| w[0] <= w[1])
}

fn all_below(values: &[u32], limit: usize) -> bool {
    // Folded into one comparison so the loop vectorises; 25 MB of postings check in about a ms.
    values.iter().fold(0, |m, &v| m.max(v)) < u32::try_from(limit).unwrap_or(u32::MAX)
        || values.is_empty()
}

/// A cursor over `all[at..end]`; padding is counted from `origin`, where the index starts.
struct Reader<'a> {
    all: &'a [u8],
    origin: usize,
    at: usize,
    end: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        if end > self.end {
            return None;
        }
        let bytes = self.all.get(self.at..end)?;
        self.at = end;
        Some(bytes)
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    /// A count of items of `size` bytes each that the rest of the input can hold.
    fn count(&mut self, size: usize) -> Option<usize> {
        let n = usize::try_from(self.u64()?).ok()?;
        (n.checked_mul(size)? <= self.end - self.at).then_some(n)
    }

    fn skip_padding(&mut self) -> Option<()> {
        let n = (8 - (self.at - self.origin) % 8) % 8;
        self.take(n).map(|_| ())
    }

    /// A counted array of `size`-byte values, viewed in `bytes` where it can be, and the
    /// padding after it.
    fn array<T: bytemuck::Pod + Default>(
        &mut self,
        size: usize,
        bytes: &Backing,
        from_le: fn(T) -> T,
    ) -> Option<Array<T>> {
        let n = self.count(size)?;
        let start = self.at;
        self.take(n * size)?;
        let array = Array::shared(bytes, start..self.at, from_le)?;
        self.skip_padding()?;
        Some(array)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> SearchIndex {
        let texts = [
            "Rappelant sa résolution 71/14 du 5 décembre 2016,",
            "L’Organisation de Shanghai pour la coopération",
            "",
            "coopération économique et résolution",
        ];
        SearchIndex::build(texts.iter().enumerate().map(|(i, t)| {
            (
                RecordId {
                    doc: (i / 2) as u32,
                    item: i as u32,
                },
                *t,
            )
        }))
    }

    #[test]
    fn decoded_index_answers_as_the_original() {
        let index = sample();
        let mut bytes = Vec::new();
        index.encode(&mut bytes);
        assert_eq!(bytes.len() % 8, 0, "whole 8-byte words");
        let back = SearchIndex::decode(&bytes).expect("decodes");
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(SearchIndex::decode(&longer).is_none(), "a byte too many");
        // Viewed in place, in a buffer after an 8-byte header (as in a cache file).
        let mut framed = vec![0u8; 8];
        framed.extend_from_slice(&bytes);
        let backing: Backing = Arc::new(framed);
        let viewed = SearchIndex::from_bytes(&backing, 8..8 + bytes.len()).expect("in place");
        for query in [
            "resolution",
            "l'onu cooperation",
            "cooprtion",
            "71/14",
            "zzz",
            "",
        ] {
            for doc in [None, Some(0), Some(1)] {
                let want = index.search(query, doc, 10);
                assert_eq!(back.search(query, doc, 10), want, "{query:?} in {doc:?}");
                assert_eq!(viewed.search(query, doc, 10), want, "{query:?} in {doc:?}");
            }
        }
        assert!(!back.search("resolution", None, 10).is_empty());
    }

    #[test]
    fn truncated_or_damaged_bytes_are_refused_without_panicking() {
        let mut bytes = Vec::new();
        sample().encode(&mut bytes);
        for cut in 0..bytes.len() {
            assert!(SearchIndex::decode(&bytes[..cut]).is_none(), "cut at {cut}");
        }
        // Every single-byte change either is refused or still gives an index that searches.
        for at in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0xa5;
            if let Some(index) = SearchIndex::decode(&damaged) {
                let _ = index.search("resolution cooperation", None, 5);
                let _ = index.search("r", Some(1), 5);
            }
        }
    }
}
