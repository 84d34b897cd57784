//! Any file, under any name, loaded and parsed as `plenary FILE` does: read from the disk,
//! decoded (UTF-8, UTF-16, Windows-1252, binary refused), sanitised, `+++` front matter taken
//! out of a `.md`, parsed into a `Document`, linked into a corpus and shown as `show --json`.
//!
//! Input: the file name on the first line (any bytes; `.md`, `.txt`, `.MD`, `.pdf`, none…), the
//! file's bytes after it. Without a line break the whole input is the text of `doc.txt`, so that
//! a real document is a seed as it is.

#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary::document::{Corpus, Document, parse, source};
use plenary_fuzz::{check_parsed, file_name, first_line, is_loaded_text, scratch};

fuzz_target!(|data: &[u8]| {
    let (name, content) = first_line(data);
    // Through a real file: the loader reads files by path, and the name decides as much as the
    // bytes do (Markdown or not, the symbol a file name like S_RES_242_1967.txt gives).
    let path = scratch().join(file_name(name, "doc.txt"));
    std::fs::write(&path, content).expect("the scratch folder is writable");

    let (sources, errors) = source::load_paths(&[path]);
    // "Every file gives a `Source` or exactly one fatal `LoadError`", a warning at most besides.
    let fatal = errors.iter().filter(|e| !e.is_warning()).count();
    assert_eq!(sources.len() + fatal, 1, "{errors:?}");
    for e in &errors {
        // "Displayed as one line naming the file."
        assert!(!e.to_string().contains('\n'), "{e}");
    }
    for s in &sources {
        assert!(is_loaded_text(&s.text), "unsanitised text: {:?}", s.text);
    }

    let documents: Vec<Document> = sources.iter().map(parse::parse).collect();
    documents.iter().for_each(check_parsed);
    let corpus = Corpus::from_documents(documents);
    for d in &corpus.documents {
        let _ = plenary::cli::document_json(d).to_string();
    }
});
