//! The benchmark corpus generator (benches/common): deterministic, and its documents parse back
//! into the paragraphs it meant to write.

use crate::generator as common;

use std::borrow::Cow;

use plenary::document::{ParagraphKind, Source, parse};

fn texts(pool: &common::Pool, seed: u64, total: usize) -> Vec<String> {
    common::Generator::new(pool, seed, total)
        .map(|d| d.text)
        .collect()
}

#[test]
fn same_seed_same_library_other_seed_other_library() {
    let pool = common::Pool::load(&common::repo_root());
    assert!(pool.paragraphs() > 5000, "pool: {}", pool.paragraphs());
    let a = texts(&pool, 7, 3000);
    assert_eq!(a, texts(&pool, 7, 3000));
    assert_ne!(a, texts(&pool, 8, 3000));
    let paragraphs: usize = common::Generator::new(&pool, 7, 3000)
        .map(|d| d.paragraphs.len())
        .sum();
    assert_eq!(paragraphs, 3000);
    assert_eq!(common::paragraphs(&pool, 7, 3000).len(), 3000);
}

#[test]
fn generated_documents_parse_into_their_paragraphs() {
    let pool = common::Pool::load(&common::repo_root());
    let mut symbols = std::collections::HashSet::new();
    for doc in common::Generator::new(&pool, 1, 2000) {
        let source = Source {
            path: format!("{}.txt", doc.number),
            file: None,
            collection: "generated".into(),
            text: Cow::Owned(doc.text.clone()),
            meta: Default::default(),
        };
        let parsed = parse::parse(&source);
        let body: Vec<_> = parsed
            .paragraphs
            .iter()
            .filter(|p| matches!(p.kind, ParagraphKind::Preambular | ParagraphKind::Operative))
            .collect();
        assert_eq!(
            body.len(),
            doc.paragraphs.len(),
            "document {}:\n{}",
            doc.number,
            doc.text
        );
        let symbol = parsed.symbol.map(|s| s.as_str().to_string());
        assert!(
            symbol.as_deref().is_some_and(|s| s.starts_with("A/RES/")),
            "document {}: symbol {symbol:?}",
            doc.number
        );
        assert!(
            symbols.insert(symbol),
            "document {}: symbol repeated",
            doc.number
        );
    }
}

#[test]
fn mutation_is_light_and_keeps_the_first_word() {
    let mut rng = common::Rng::new(3);
    let text = "Recalling its resolution 242 (1967) of 22 November 1967 and the principles of the \
                Charter of the United Nations concerning the peaceful settlement of disputes";
    let mut changed = 0;
    for _ in 0..200 {
        let mut out = String::new();
        common::mutate(text, &mut rng, &mut out);
        assert!(out.starts_with("Recalling "), "{out}");
        let (a, b) = (text.split(' ').count(), out.split(' ').count());
        assert!(a.abs_diff(b) <= 4, "{out}");
        changed += usize::from(out != text);
    }
    assert!((20..200).contains(&changed), "{changed} of 200 changed");
}
