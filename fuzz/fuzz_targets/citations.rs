//! Any text, in either language, through the citation finder the parser runs on every paragraph
//! and footnote, and through the symbol and date readers behind it.
//!
//! Input: a first byte `F` or `f` for French (anything else: English), then the text (invalid
//! UTF-8 replaced, as no paragraph holds any).

#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary::document::cite::{find_citations, parse_date, title_similarity};
use plenary::document::{Language, Symbol};
use plenary_fuzz::check_citations;

fuzz_target!(|data: &[u8]| {
    let Some((&flag, rest)) = data.split_first() else {
        return;
    };
    let language = match flag {
        b'F' | b'f' => Language::Fr,
        _ => Language::En,
    };
    let text = String::from_utf8_lossy(rest);

    let found = find_citations(&text, language);
    check_citations(&text, &found);
    // "In order of appearance, without overlaps."
    for pair in found.windows(2) {
        assert!(pair[0].range.end <= pair[1].range.start, "{found:?}");
    }
    for c in &found {
        assert!(!c.range.is_empty(), "{c:?}");
        if let Some(symbol) = &c.symbol {
            // What linking and the reader do with a found symbol.
            let _ = (
                symbol.key(),
                symbol.base_key(),
                symbol.slug(),
                symbol.url(language),
            );
            // As a user would type it back to `show` or `cites`.
            let _ = Symbol::parse(symbol.as_str());
        }
    }

    // What a user types to name a document, and the dates title-and-date citations compare.
    let _ = Symbol::parse(&text);
    let _ = parse_date(&text);
    let half = text.len() / 2;
    if let (Some(a), Some(b)) = (text.get(..half), text.get(half..)) {
        let s = title_similarity(a, b);
        assert!((0.0..=1.0).contains(&s), "similarity {s}");
    }
});
