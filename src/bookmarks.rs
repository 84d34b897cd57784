//! Bookmarks: paragraphs the reader marked, with a note, kept across sessions.
//!
//! STAND-IN (branch `tui`): an in-memory store with the public API of the real one being written
//! on branch `bookmarks` (which saves to the config folder). The lead replaces this file.

/// A bookmarked paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bookmark {
    pub document: String,
    pub symbol: Option<String>,
    pub path: String,
    pub paragraph: String,
    pub fingerprint: String,
    pub excerpt: String,
    pub note: String,
    pub added: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum BookmarkError {
    #[error("no bookmark number {0}")]
    NoSuchBookmark(usize),
}

#[derive(Debug, Default)]
pub struct BookmarkStore {
    bookmarks: Vec<Bookmark>,
}

impl BookmarkStore {
    pub fn open_default() -> (BookmarkStore, Vec<String>) {
        (BookmarkStore::default(), Vec::new())
    }

    pub fn in_memory() -> BookmarkStore {
        BookmarkStore::default()
    }

    pub fn bookmarks(&self) -> &[Bookmark] {
        &self.bookmarks
    }

    pub fn contains(&self, doc_id: &str, paragraph_id: &str) -> bool {
        self.bookmarks
            .iter()
            .any(|b| b.document == doc_id && b.paragraph == paragraph_id)
    }

    /// Adds the bookmark, or removes it if that paragraph is already bookmarked; true if added.
    pub fn toggle(&mut self, bookmark: Bookmark) -> Result<bool, BookmarkError> {
        match self
            .bookmarks
            .iter()
            .position(|b| b.document == bookmark.document && b.paragraph == bookmark.paragraph)
        {
            Some(i) => {
                self.bookmarks.remove(i);
                Ok(false)
            }
            None => {
                self.bookmarks.push(bookmark);
                Ok(true)
            }
        }
    }

    pub fn remove(&mut self, index: usize) -> Result<(), BookmarkError> {
        if index >= self.bookmarks.len() {
            return Err(BookmarkError::NoSuchBookmark(index));
        }
        self.bookmarks.remove(index);
        Ok(())
    }

    pub fn set_note(&mut self, index: usize, note: &str) -> Result<(), BookmarkError> {
        let b = self
            .bookmarks
            .get_mut(index)
            .ok_or(BookmarkError::NoSuchBookmark(index))?;
        b.note = note.to_string();
        Ok(())
    }
}

/// A short hash of a paragraph's text, to find it again if the document is re-numbered.
pub fn fingerprint(text: &str) -> String {
    // FNV-1a over the words, so reflowing whitespace does not change it.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for w in text.split_whitespace() {
        for b in w.bytes().chain([b' ']) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// The index in `paragraphs` (id, text) where the bookmarked paragraph now is.
pub fn relocate(bookmark: &Bookmark, paragraphs: &[(&str, &str)]) -> Option<usize> {
    paragraphs
        .iter()
        .position(|(_, text)| fingerprint(text) == bookmark.fingerprint)
        .or_else(|| {
            paragraphs
                .iter()
                .position(|(id, _)| id.eq_ignore_ascii_case(&bookmark.paragraph))
        })
}

/// `YYYY-MM-DD` for a Unix time (UTC).
pub fn format_date(unix: u64) -> String {
    // Civil-from-days (Howard Hinnant's algorithm).
    let days = (unix / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let doe = days.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}
