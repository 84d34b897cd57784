//! What the fuzz targets share: cutting an input into its parts, a scratch folder for the
//! targets that load files through the disk as the program does, and the invariants the library
//! documents for what it hands out, checked on every input.

use std::ffi::OsStr;
use std::fs;
use std::ops::Range;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use plenary::document::{Citation, Document, Markup};

/// `data` cut at its first line break: the first line and the rest. Without a line break the
/// first line is empty and the rest is everything, so that a plain document is a valid input.
pub fn first_line(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|&b| b == b'\n') {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (&[], data),
    }
}

/// A file name of any bytes a Unix name may hold (`/` and NUL become `_`, at most 200 bytes,
/// which keeps the sidecar's name under the 255-byte limit too); `fallback` when that leaves no
/// name a file can have.
pub fn file_name(bytes: &[u8], fallback: &str) -> PathBuf {
    let mut name: Vec<u8> = bytes
        .iter()
        .take(200)
        .map(|&b| if b == b'/' || b == 0 { b'_' } else { b })
        .collect();
    if name.is_empty() || name == b"." || name == b".." {
        name = fallback.as_bytes().to_vec();
    }
    PathBuf::from(OsStr::from_bytes(&name))
}

/// A folder of this process's own, emptied of what the last input left: the targets that load
/// files write them here. It stays in the system's temporary folder after the run (libFuzzer
/// ends the process with `exit`, which runs no destructor); set TMPDIR to a tmpfs for speed.
pub fn scratch() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    let dir = DIR
        .get_or_init(|| {
            tempfile::Builder::new()
                .prefix("plenary-fuzz-")
                .tempdir()
                .expect("a temporary folder for the fuzz target")
        })
        .path();
    for entry in fs::read_dir(dir).expect("the scratch folder is readable") {
        let path = entry.expect("a readable entry").path();
        fs::remove_file(&path).expect("the scratch folder's own files can be removed");
    }
    dir
}

/// What the source loader promises of the text it hands out: no control character other than
/// `\n` and `\f` (so no CR and no escape sequence).
pub fn is_loaded_text(text: &str) -> bool {
    !text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\x0c')
}

/// A line safe to put on the screen, as metadata values and error lines must be: no control
/// character at all (C0, DEL, C1), and none of the bidi overrides and isolates that reorder
/// what the terminal shows.
pub fn is_screen_line(text: &str) -> bool {
    !text.chars().any(|c| {
        c.is_control()
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    })
}

/// `range` is a slice of `text`: in bounds, ordered, on character boundaries.
fn is_slice_of(text: &str, range: &Range<usize>) -> bool {
    range.start <= range.end && text.get(range.clone()).is_some()
}

/// Each citation's range is the byte range of its words in `text` ("Byte range of `text` in the
/// paragraph or footnote text").
pub fn check_citations(text: &str, citations: &[Citation]) {
    for c in citations {
        assert!(
            text.get(c.range.clone()) == Some(c.text.as_str()),
            "citation {:?} at {:?} is not that slice of {text:?}",
            c.text,
            c.range
        );
    }
}

/// Markup ranges are byte ranges into the text they style.
fn check_markup(text: &str, markup: &[Markup]) {
    for m in markup {
        assert!(
            is_slice_of(text, &m.range()),
            "markup {m:?} outside {text:?}"
        );
    }
}

/// What the parser promises of a document it made: every citation and markup range names a
/// slice of its paragraph's or footnote's text.
pub fn check_parsed(doc: &Document) {
    for p in &doc.paragraphs {
        check_citations(&p.text, &p.citations);
        check_markup(&p.text, &p.markup);
    }
    for f in &doc.footnotes {
        check_citations(&f.text, &f.citations);
        check_markup(&f.text, &f.markup);
    }
}
