//! The parser never panics, never loses its footing on hostile or broken input, and never lets
//! terminal control sequences through.

use plenary::document::source::{Meta, Source, decode, sanitize};
use plenary::document::{Corpus, parse};
use proptest::prelude::*;

fn parse_bytes(bytes: &[u8]) -> Option<plenary::document::Document> {
    let text = decode(bytes).ok()?;
    let text = sanitize(&text).into_owned();
    Some(parse::parse(&Source {
        path: "fuzz.txt".into(),
        file: None,
        collection: "Fuzz".into(),
        text: text.into(),
        meta: Meta::default(),
    }))
}

/// Pieces of real documents, so random inputs reach the interesting branches.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\u{c}".to_string()),
        Just("1. ".to_string()),
        Just("(a) ".to_string()),
        Just("__________________\n".to_string()),
        Just("¹ Résolution 70/1.\n".to_string()),
        Just("2030¹,".to_string()),
        Just("27 One member did not vote.\n".to_string()),
        Just("1/ S/1994/262.\n".to_string()),
        Just(" 1\n".to_string()),
        Just("*Considère* ".to_string()),
        Just("1^{er} septembre 2023 ".to_string()),
        Just("^e ".to_string()),
        Just("A/RES/73/6\n".to_string()),
        Just("18-17962 (E)    021118\n".to_string()),
        Just("*1817962*\n".to_string()),
        Just("resolution 242 (1967) ".to_string()),
        Just("ses résolutions 64/183 du 18 décembre 2009, 65/124 ".to_string()),
        Just("« Coopération entre l’ONU et l’OCS » du 1er septembre 2023 ".to_string()),
        Just("L'Assemblée générale,\n".to_string()),
        Just("The Security Council,\n".to_string()),
        Just("77/338. Titre\n".to_string()),
        Just("Resolution 242 (1967)\n".to_string()),
        Just("Rappelant ".to_string()),
        Just("é".to_string()),
        Just("中文".to_string()),
        Just("\u{1b}[31m".to_string()),
        Just("    ".to_string()),
        "[a-zA-Z ,.;:()0-9éÉ’«»-]{0,40}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn parsing_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        if let Some(doc) = parse_bytes(&bytes) {
            for p in &doc.paragraphs {
                for m in &p.markup {
                    let r = m.range();
                    prop_assert!(r.start <= r.end && r.end <= p.text.len());
                    prop_assert!(p.text.is_char_boundary(r.start) && p.text.is_char_boundary(r.end));
                }
                prop_assert!(!p.text.chars().any(|c| c.is_control() && c != '\n'));
            }
        }
    }

    #[test]
    fn parsing_document_like_text_never_panics(pieces in proptest::collection::vec(piece(), 0..120)) {
        let text: String = pieces.concat();
        let doc = parse_bytes(text.as_bytes()).expect("UTF-8 text decodes");
        let ids: std::collections::HashSet<&str> = doc.paragraphs.iter().map(|p| p.id.as_str()).collect();
        prop_assert_eq!(ids.len(), doc.paragraphs.len(), "paragraph ids are unique");
        for p in &doc.paragraphs {
            prop_assert!(!p.text.contains('\u{1b}'), "escape in text");
            prop_assert!(!p.text.trim().is_empty());
            for c in &p.citations {
                prop_assert_eq!(&p.text[c.range.clone()], c.text.as_str());
            }
            for m in &p.footnotes {
                prop_assert!(doc.footnote(m).is_some() || m.chars().all(|c| c.is_ascii_digit()));
            }
        }
        let corpus = Corpus::from_documents(vec![doc]);
        prop_assert_eq!(corpus.documents.len(), 1);
    }
}

#[test]
fn escape_sequences_in_a_document_never_reach_the_text() {
    let bytes = b"Title \x1b]52;c;aGVsbG8=\x07line\n\nThe \x1b[2J\x1b[31mSecurity\x9b Council,\n\n1. Decides \x07 to \x1b(0remain\x1b\\ seized.\n";
    let doc = parse_bytes(bytes).unwrap();
    let all: String = doc
        .paragraphs
        .iter()
        .map(|p| p.text.clone())
        .chain(doc.header.iter().cloned())
        .chain(std::iter::once(doc.title.clone()))
        .collect();
    assert!(!all.chars().any(|c| c.is_control() && c != '\n'), "{all:?}");
    assert!(all.contains("Decides"));
}

/// Real text, hard-wrapped, with page breaks and footnotes, repeated to about `bytes`.
fn big_document(bytes: usize) -> String {
    let page = include_str!("../../assets/library/unsc/S_RES_699_1991.txt");
    let mut text = String::with_capacity(bytes + page.len());
    while text.len() < bytes {
        text.push_str(page);
        text.push_str("\n\u{c}\n");
    }
    text
}

/// The fastest of three parses of `text`, and its paragraph count.
fn parse_time(text: &str) -> (std::time::Duration, usize) {
    (0..3)
        .map(|_| {
            let source = Source {
                path: "big.txt".into(),
                file: None,
                collection: "Big".into(),
                text: text.to_string().into(),
                meta: Meta::default(),
            };
            let start = std::time::Instant::now();
            let doc = parse::parse(&source);
            (start.elapsed(), doc.paragraphs.len())
        })
        .min()
        .expect("three runs")
}

/// Parsing is linear: eight times the text takes about eight times as long. The bound is
/// generous (a loaded machine, a debug build) but far below the 64 times of quadratic growth.
#[test]
fn parse_time_grows_linearly_with_the_text() {
    let small = big_document(256 * 1024);
    let large = big_document(8 * small.len());
    let (t1, p1) = parse_time(&small);
    let (t8, p8) = parse_time(&large);
    assert!(p8 >= 7 * p1, "{p1} then {p8} paragraphs");
    let ratio = t8.as_secs_f64() / t1.as_secs_f64().max(1e-6);
    assert!(
        ratio < 24.0,
        "8x the text took {ratio:.1}x the time ({t1:?} then {t8:?})"
    );
}

#[test]
fn absurdly_long_line() {
    let line = "Rappelant sa résolution 71/14 ".repeat(200_000);
    let doc = parse_bytes(line.as_bytes()).unwrap();
    assert_eq!(doc.paragraphs.len(), 1);
    assert_eq!(doc.paragraphs[0].citations.len(), 200_000);
}
