//! Any bytes as `bookmarks.json`, read as the reader and `plenary bookmarks` read it at start,
//! then used as they use the store: looked up at each drawn paragraph, exported as JSON and
//! Markdown, toggled, annotated, removed, found again in a changed document.
//!
//! Checked: what the store holds is sanitised ("Text read from the file … is made safe for the
//! terminal", one line per field but the note), one bookmark per paragraph ("the first entry
//! wins"), and the file it would write reads back to the same bookmarks.
//!
//! Input: the file's bytes.

#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary::store::bookmarks::{Bookmark, BookmarkStore, format_date, relocate};
use plenary_fuzz::is_screen_line;

/// Paragraphs (id, text) of a document a bookmark may point into.
const PARAGRAPHS: [(&str, &str); 3] = [
    (
        "PP1",
        "Recalling its resolution 242 (1967) of 22 November 1967,",
    ),
    ("OP1", "Decides to remain seized of the matter."),
    (
        "OP2",
        "Requests the Secretary-General to report to the Council,",
    ),
];

fn check_sanitised(b: &Bookmark) {
    let lines = [
        &b.document,
        &b.path,
        &b.paragraph,
        &b.fingerprint,
        &b.excerpt,
    ];
    for line in lines.into_iter().chain(&b.symbol) {
        assert!(is_screen_line(line), "{b:?}");
    }
    assert!(is_screen_line(&b.note.replace('\n', " ")), "{b:?}");
}

fuzz_target!(|data: &[u8]| {
    let Ok(mut store) = BookmarkStore::from_file_bytes(data) else {
        return;
    };
    let bookmarks = store.bookmarks().to_vec();
    let mut keys = std::collections::HashSet::new();
    for b in &bookmarks {
        check_sanitised(b);
        assert!(
            keys.insert((&b.document, &b.paragraph)),
            "a paragraph twice: {b:?}"
        );
        assert!(store.contains(&b.document, &b.paragraph));
        let _ = format_date(b.added);
        let _ = relocate(b, &PARAGRAPHS);
    }

    // The file a save writes, read back.
    let json = store.to_json();
    let again = BookmarkStore::from_file_bytes(json.as_bytes()).expect("a written file reads");
    assert_eq!(again.bookmarks(), bookmarks.as_slice(), "{json}");
    let _ = store.to_markdown();

    // A session's changes (never saved: the store has no file).
    if let Some(first) = bookmarks.first() {
        let _ = store.set_note(0, &first.excerpt);
        assert!(store.toggle(first.clone()).is_ok_and(|now| !now));
        assert!(!store.contains(&first.document, &first.paragraph));
        assert!(store.toggle(first.clone()).is_ok_and(|now| now));
        let _ = store.remove(0);
    }
    let (id, text) = PARAGRAPHS[1];
    let added = Bookmark::new(
        "s-res-242-1967",
        Some("S/RES/242 (1967)"),
        "doc.txt",
        id,
        text,
    );
    let _ = store.toggle(added);
    let _ = store.to_markdown();
});
