//! Any metadata, through each way a document gets it:
//!
//! - `Meta::from_toml`, the reader of sidecar `NAME.toml` files and `+++` front matter: values
//!   come out as one clean line each, errors as one line;
//! - a sidecar `doc.toml` beside `doc.txt`, loaded as `plenary doc.txt` loads it (decoded as
//!   documents are): the document gets exactly that metadata, or loads without it and a warning;
//! - `+++` TOML front matter at the top of `doc.md`, loaded the same way;
//! - `---` YAML front matter as conversion pipelines write it, which the parser reads.
//!
//! Input: the metadata text (bytes: a sidecar may be in an old encoding).

#![no_main]

use std::borrow::Cow;
use std::fs;

use libfuzzer_sys::fuzz_target;
use plenary::document::source::{self, Source};
use plenary::document::{Meta, parse};
use plenary_fuzz::{check_parsed, is_screen_line, scratch};

const BODY: &str = "The General Assembly,\n\n1. Decides to remain seized of the matter.\n";

fn check_meta(meta: &Meta) {
    let Meta {
        id,
        title,
        symbol,
        date,
        kind,
        language,
        collection,
    } = meta;
    for value in [id, title, symbol, date, kind, language, collection]
        .into_iter()
        .flatten()
    {
        // "String values are sanitised to one clean line each: they end up on screen."
        assert!(is_screen_line(value) && !value.is_empty(), "{meta:?}");
        assert_eq!(value.trim(), value, "{meta:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let direct = source::decode(data).map(|text| Meta::from_toml(&text));
    if let Ok(read) = &direct {
        match read {
            Ok(meta) => check_meta(meta),
            // "The `Err` is one line."
            Err(reason) => assert!(is_screen_line(reason), "{reason:?}"),
        }
    }

    let dir = scratch();
    let doc = dir.join("doc.txt");
    fs::write(&doc, BODY).expect("the scratch folder is writable");
    fs::write(dir.join("doc.toml"), data).expect("the scratch folder is writable");
    let (sources, errors) = source::load_paths(&[doc]);
    assert_eq!(
        sources.len(),
        1,
        "a bad sidecar never stops the document: {errors:?}"
    );
    match &direct {
        Ok(Ok(meta)) => {
            assert_eq!(&sources[0].meta, meta, "the sidecar read otherwise");
            assert!(errors.is_empty(), "{errors:?}");
        }
        _ => {
            assert_eq!(sources[0].meta, Meta::default());
            assert!(errors.len() == 1 && errors[0].is_warning(), "{errors:?}");
        }
    }
    for e in &errors {
        assert!(!e.to_string().contains('\n'), "{e}");
    }

    // The same text as `+++` front matter of a Markdown file.
    let dir = scratch();
    let md = dir.join("doc.md");
    let mut file = b"+++\n".to_vec();
    file.extend_from_slice(data);
    file.extend_from_slice(b"\n+++\n");
    file.extend_from_slice(BODY.as_bytes());
    fs::write(&md, &file).expect("the scratch folder is writable");
    let (sources, errors) = source::load_paths(&[md]);
    let fatal = errors.iter().filter(|e| !e.is_warning()).count();
    assert_eq!(sources.len() + fatal, 1, "{errors:?}");
    for s in &sources {
        check_meta(&s.meta);
        check_parsed(&parse::parse(s));
    }

    // As YAML front matter, which the parser reads from the text itself.
    let text = format!("---\n{}\n---\n{BODY}", String::from_utf8_lossy(data));
    let text = source::sanitize(&text).into_owned();
    let yaml = Source {
        path: "doc.md".to_string(),
        file: None,
        collection: source::LOCAL_COLLECTION.to_string(),
        text: Cow::Owned(text),
        meta: Meta::default(),
    };
    check_parsed(&parse::parse(&yaml));
});
