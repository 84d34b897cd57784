//! A search index as bytes, for the library cache: written once, read back without rebuilding.
//!
//! The layout is the index's own arrays, little-endian, each preceded by its length, so reading
//! is a copy and a check rather than a parse: a 100k-paragraph index (about 25 MB) reads back in
//! a few milliseconds, where building it again takes hundreds. Everything read is checked
//! (lengths, offsets, token and record numbers in range, UTF-8 on token boundaries), so a damaged
//! file gives `None`, never an index that could panic or read out of bounds later.

use std::collections::HashMap;
use std::io::{Read, Write};

use super::index::{RecordId, SearchIndex};

impl SearchIndex {
    /// Appends the index to `out`, for [`SearchIndex::decode`].
    pub fn encode(&self, out: &mut Vec<u8>) {
        // Writing to a Vec does not fail.
        let _ = self.write_to(out);
    }

    /// Writes the index to `out`, for [`SearchIndex::read_from`], a piece at a time: no copy
    /// of the whole is made.
    pub fn write_to(&self, out: &mut impl Write) -> std::io::Result<()> {
        let mut w = Writer {
            out,
            buffer: Vec::with_capacity(PIECE),
        };
        w.u64(self.ids.len() as u64)?;
        for id in &self.ids {
            w.put(&id.doc.to_le_bytes())?;
            w.put(&id.item.to_le_bytes())?;
        }
        w.u32s(&self.tokens)?;
        w.offsets(&self.starts)?;
        w.u64(self.vocab.len() as u64)?;
        w.put(self.vocab.as_bytes())?;
        w.offsets(&self.bounds)?;
        w.u32s(&self.sorted)?;
        w.u32s(&self.postings)?;
        w.offsets(&self.post_starts)?;
        w.flush()
    }

    /// Whether every record names a document below `documents`: what a cache checks before
    /// pairing an index it read with the documents it read.
    pub fn documents_below(&self, documents: usize) -> bool {
        self.ids.iter().all(|id| (id.doc as usize) < documents)
    }

    /// An index written by [`SearchIndex::encode`] that is the whole of `bytes`.
    pub fn decode(mut bytes: &[u8]) -> Option<SearchIndex> {
        let len = bytes.len() as u64;
        let index = SearchIndex::read_from(&mut bytes, len)?;
        bytes.is_empty().then_some(index)
    }

    /// An index written by [`SearchIndex::encode`], read from `input`, which holds at most
    /// `len` more bytes (a bound for what damaged lengths could make it allocate). Reads in
    /// pieces straight into the index's arrays: no copy of the whole is ever held. None when the
    /// bytes are not a whole, consistent index.
    pub fn read_from(input: &mut impl Read, len: u64) -> Option<SearchIndex> {
        let mut r = Reader {
            input,
            left: len,
            buffer: vec![0; PIECE],
        };
        let records = r.len(8)?;
        let mut ids = Vec::with_capacity(records);
        r.each(records, 8, |c| {
            ids.push(RecordId {
                doc: u32::from_le_bytes([c[0], c[1], c[2], c[3]]),
                item: u32::from_le_bytes([c[4], c[5], c[6], c[7]]),
            })
        })?;
        let tokens = r.u32s()?;
        let starts = r.offsets()?;
        let vocab_len = r.len(1)?;
        let mut vocab = Vec::with_capacity(vocab_len);
        r.each(vocab_len, 1, |b| vocab.push(b[0]))?;
        let vocab = String::from_utf8(vocab).ok()?;
        let bounds = r.offsets()?;
        let sorted = r.u32s()?;
        let postings = r.u32s()?;
        let post_starts = r.offsets()?;

        let terms = bounds.len().checked_sub(1)?;
        let consistent = starts.len() == records + 1
            && monotonic_from_zero(&starts, tokens.len())
            && monotonic_from_zero(&bounds, vocab.len())
            && bounds.iter().all(|&b| vocab.is_char_boundary(b))
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

/// Bytes read at a time: large enough that reads cost little, small enough to stay in cache.
const PIECE: usize = 64 * 1024;

/// Gathers small writes into pieces of `PIECE` bytes.
struct Writer<'a, W> {
    out: &'a mut W,
    buffer: Vec<u8>,
}

impl<W: Write> Writer<'_, W> {
    fn put(&mut self, bytes: &[u8]) -> std::io::Result<()> {
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

    fn u64(&mut self, n: u64) -> std::io::Result<()> {
        self.put(&n.to_le_bytes())
    }

    fn u32s(&mut self, values: &[u32]) -> std::io::Result<()> {
        self.u64(values.len() as u64)?;
        values.iter().try_for_each(|v| self.put(&v.to_le_bytes()))
    }

    fn offsets(&mut self, values: &[usize]) -> std::io::Result<()> {
        self.u64(values.len() as u64)?;
        values.iter().try_for_each(|&v| self.u64(v as u64))
    }
}

/// Starts at 0, never decreases, ends at `end`.
fn monotonic_from_zero(offsets: &[usize], end: usize) -> bool {
    offsets.first() == Some(&0)
        && offsets.last() == Some(&end)
        && offsets.windows(2).all(|w| w[0] <= w[1])
}

fn all_below(values: &[u32], limit: usize) -> bool {
    // Folded into one comparison so the loop vectorises; 25 MB of postings check in about a ms.
    values.iter().fold(0, |m, &v| m.max(v)) < u32::try_from(limit).unwrap_or(u32::MAX)
        || values.is_empty()
}

struct Reader<'a, R> {
    input: &'a mut R,
    /// Bytes the input may still hold.
    left: u64,
    buffer: Vec<u8>,
}

impl<R: Read> Reader<'_, R> {
    /// `f` of each of `n` items of `size` bytes, read a piece at a time.
    fn each(&mut self, n: usize, size: usize, mut f: impl FnMut(&[u8])) -> Option<()> {
        let mut bytes = n.checked_mul(size)?;
        let per_piece = (PIECE / size) * size;
        while bytes > 0 {
            let take = bytes.min(per_piece);
            let piece = &mut self.buffer[..take];
            self.input.read_exact(piece).ok()?;
            self.left = self.left.checked_sub(take as u64)?;
            piece.chunks_exact(size).for_each(&mut f);
            bytes -= take;
        }
        Some(())
    }

    fn u64(&mut self) -> Option<u64> {
        let mut word = [0; 8];
        self.input.read_exact(&mut word).ok()?;
        self.left = self.left.checked_sub(8)?;
        Some(u64::from_le_bytes(word))
    }

    /// A count of items of `size` bytes each that the rest of the input can hold.
    fn len(&mut self, size: usize) -> Option<usize> {
        let n = usize::try_from(self.u64()?).ok()?;
        (n.checked_mul(size)? as u64 <= self.left).then_some(n)
    }

    fn u32s(&mut self) -> Option<Vec<u32>> {
        let n = self.len(4)?;
        let mut values = Vec::with_capacity(n);
        let mut left = n * 4;
        while left > 0 {
            let take = left.min(PIECE);
            let piece = &mut self.buffer[..take];
            self.input.read_exact(piece).ok()?;
            self.left = self.left.checked_sub(take as u64)?;
            // `extend` over exact chunks compiles to a plain copy loop, unlike a push per item.
            values.extend(
                piece
                    .chunks_exact(4)
                    .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])),
            );
            left -= take;
        }
        Some(values)
    }

    fn offsets(&mut self) -> Option<Vec<usize>> {
        let n = self.len(8)?;
        let mut values = Vec::with_capacity(n);
        let mut fits = true;
        self.each(n, 8, |c| {
            let mut w = [0; 8];
            w.copy_from_slice(c);
            match usize::try_from(u64::from_le_bytes(w)) {
                Ok(v) => values.push(v),
                Err(_) => fits = false,
            }
        })?;
        fits.then_some(values)
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
        let back = SearchIndex::decode(&bytes).expect("decodes");
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(SearchIndex::decode(&longer).is_none(), "a byte too many");
        for query in [
            "resolution",
            "l'onu cooperation",
            "cooprtion",
            "71/14",
            "zzz",
            "",
        ] {
            for doc in [None, Some(0), Some(1)] {
                assert_eq!(
                    back.search(query, doc, 10),
                    index.search(query, doc, 10),
                    "{query:?} in {doc:?}"
                );
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
