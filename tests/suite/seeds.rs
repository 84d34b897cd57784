//! Golden tests: the parse of both seed documents, pinned paragraph by paragraph.

use plenary::document::{Corpus, Document, ParagraphKind};

fn bundled() -> &'static Corpus {
    crate::common::bundled()
}

fn doc<'a>(corpus: &'a Corpus, id: &str) -> &'a Document {
    corpus.get(id).unwrap_or_else(|| panic!("{id} is bundled"))
}

/// One line per paragraph and footnote: id, kind, footnote calls, citations and targets, the
/// opening and closing words. Pins structure without pinning every word.
fn outline(d: &Document) -> String {
    let mut out = format!(
        "id={} symbol={:?} date={:?} kind={} lang={} title={}\n",
        d.id,
        d.symbol.as_ref().map(|s| s.to_string()),
        d.date,
        d.kind.as_str(),
        d.language.as_str(),
        d.title
    );
    for p in &d.paragraphs {
        let words: Vec<&str> = p.text.split_whitespace().collect();
        let head = words.iter().take(4).copied().collect::<Vec<_>>().join(" ");
        let tail = words
            .iter()
            .rev()
            .take(3)
            .rev()
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        out.push_str(&format!(
            "{:<5} {:<10} words={:<4} fn={:?} «{} … {}»\n",
            p.id,
            p.kind.as_str(),
            words.len(),
            p.footnotes,
            head,
            tail
        ));
        for c in &p.citations {
            out.push_str(&format!(
                "      cites {:?} -> symbol={:?} target={:?} paragraph={:?}\n",
                c.text.replace('\n', " "),
                c.symbol.as_ref().map(|s| s.to_string()),
                c.target,
                c.paragraph
            ));
        }
    }
    for f in &d.footnotes {
        out.push_str(&format!("footnote {} «{}»\n", f.marker, f.text));
        for c in &f.citations {
            out.push_str(&format!(
                "      cites {:?} -> symbol={:?} target={:?}\n",
                c.text,
                c.symbol.as_ref().map(|s| s.to_string()),
                c.target
            ));
        }
    }
    out.push_str(&format!("cited_by={:?}\n", d.cited_by));
    out
}

#[test]
fn resolution_77_338_metadata() {
    let corpus = bundled();
    let d = doc(corpus, "a-res-77-338");
    assert_eq!(d.symbol.as_ref().unwrap().as_str(), "A/RES/77/338");
    assert_eq!(d.date.as_deref(), Some("2023-09-01"));
    assert_eq!(
        d.title,
        "Coopération entre l'Organisation des Nations Unies et l'Organisation de Shanghai pour la coopération"
    );
    assert_eq!(d.kind.as_str(), "resolution");
    assert_eq!(d.language.as_str(), "fr");
    assert!(d.header.iter().any(|h| h == "Assemblée générale"));
    assert!(d.header.iter().any(|h| h.starts_with("Résolution adoptée")));
}

#[test]
fn resolution_77_338_structure() {
    let corpus = bundled();
    let d = doc(corpus, "a-res-77-338");
    let ids: Vec<&str> = d.paragraphs.iter().map(|p| p.id.as_str()).collect();
    let mut want = vec!["H1".to_string()];
    want.extend((1..=23).map(|i| format!("PP{i}")));
    want.extend((1..=5).map(|i| format!("OP{i}")));
    want.extend(["C1".to_string(), "C2".to_string()]);
    assert_eq!(ids, want);
    assert_eq!(d.paragraphs[0].text, "L'Assemblée générale,");
    let closing: Vec<&str> = d
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Closing)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(closing, ["99ᵉ séance plénière", "1ᵉʳ septembre 2023"]);
    for p in &d.paragraphs {
        assert!(!p.text.contains('*'), "{}: raw asterisk", p.id);
        assert!(!p.text.contains("^{"), "{}: raw superscript", p.id);
    }
}

#[test]
fn resolution_77_338_page_breaks_are_rejoined() {
    let corpus = bundled();
    let d = doc(corpus, "a-res-77-338");
    let pp7 = &d.paragraphs[d.paragraph_index("PP7").unwrap()];
    assert!(
        pp7.text
            .contains("d'aborder la question de la sécurité régionale")
    );
    assert!(pp7.text.ends_with("organisations régionales concernées,"));
    // Cut by the footnote block ¹–⁵.
    let pp15 = &d.paragraphs[d.paragraph_index("PP15").unwrap()];
    assert!(
        pp15.text
            .contains("l'Office des Nations Unies contre la drogue et le crime")
    );
    assert!(!pp15.text.contains("Résolution 70/1"));
}

#[test]
fn resolution_77_338_footnotes_are_attached() {
    let corpus = bundled();
    let d = doc(corpus, "a-res-77-338");
    let markers: Vec<&str> = d.footnotes.iter().map(|f| f.marker.as_str()).collect();
    assert_eq!(markers, ["1", "2", "3", "4", "5", "6", "7"]);
    let pp8 = &d.paragraphs[d.paragraph_index("PP8").unwrap()];
    assert_eq!(pp8.footnotes, ["1"]);
    assert_eq!(d.footnote("1").unwrap().text, "Résolution 70/1.");
    assert!(pp8.text.contains("2030¹"));
    let pp21 = &d.paragraphs[d.paragraph_index("PP21").unwrap()];
    assert_eq!(pp21.footnotes, ["6", "7"]);
    assert_eq!(
        d.footnote("2").unwrap().text,
        "Nations Unies, Recueil des Traités, vol. 2896, n° 50518."
    );
    // No footnote text is left in the body.
    assert!(
        d.paragraphs
            .iter()
            .all(|p| !p.text.contains("Recueil des Traités"))
    );
}

#[test]
fn resolution_77_338_citations() {
    let corpus = bundled();
    let d = doc(corpus, "a-res-77-338");
    let symbols: Vec<String> = d
        .citations()
        .filter_map(|c| c.symbol.as_ref().map(|s| s.to_string()))
        .collect();
    for want in [
        "A/RES/59/48",
        "A/RES/64/183",
        "A/RES/65/124",
        "A/RES/67/15",
        "A/RES/69/11",
        "A/RES/71/14",
        "A/RES/73/334",
        "A/RES/75/268",
        "A/RES/61/210",
        "A/RES/70/1",
        "A/RES/60/288",
        "A/RES/S-30/1",
    ] {
        assert!(symbols.iter().any(|s| s == want), "{want} in {symbols:?}");
    }
    let f1 = d.footnote("1").unwrap();
    assert_eq!(
        f1.citations[0].symbol.as_ref().unwrap().as_str(),
        "A/RES/70/1"
    );
    assert_eq!(f1.citations[0].target, None);
    assert_eq!(
        f1.citations[0].url.as_deref(),
        Some("https://undocs.org/fr/A/RES/70/1")
    );
    // "au titre du Chapitre VIII de la Charte des Nations Unies" → the French Charter, at its heading.
    let pp9 = &d.paragraphs[d.paragraph_index("PP9").unwrap()];
    let charter = &pp9.citations[0];
    assert_eq!(charter.target.as_deref(), Some("un-charter-fr"));
    let heading = charter.paragraph.as_deref().unwrap();
    let target = corpus.get("un-charter-fr").unwrap();
    let h = &target.paragraphs[target.paragraph_index(heading).unwrap()];
    assert!(h.text.starts_with("Chapitre VIII"), "{}", h.text);
}

#[test]
fn astana_declaration_metadata_and_paragraphs() {
    let corpus = bundled();
    let d = doc(corpus, "astana-declaration-2024");
    assert_eq!(d.kind.as_str(), "declaration");
    assert_eq!(d.date.as_deref(), Some("2024-07-04"));
    assert!(d.title.starts_with("Déclaration d’Astana"));
    assert_eq!(d.symbol, None);
    assert_eq!(d.paragraphs.len(), 121);
    assert!(
        d.paragraphs
            .iter()
            .enumerate()
            .all(|(i, p)| p.id == format!("P{}", i + 1) && p.kind == ParagraphKind::Body)
    );
    assert!(d.footnotes.is_empty());
}

#[test]
fn astana_declaration_cites_77_338_by_title_and_date() {
    let corpus = bundled();
    let d = doc(corpus, "astana-declaration-2024");
    let p112 = &d.paragraphs[d.paragraph_index("P112").unwrap()];
    let c = p112
        .citations
        .iter()
        .find(|c| c.text.contains("Coopération entre l’ONU et l’OCS"))
        .expect("title-and-date citation found");
    assert_eq!(c.target.as_deref(), Some("a-res-77-338"));
    assert_eq!(c.symbol.as_ref().unwrap().as_str(), "A/RES/77/338");
    // "résolution 2231 du Conseil de sécurité des Nations Unies du 20 juillet 2015"
    let p48 = &d.paragraphs[d.paragraph_index("P48").unwrap()];
    assert_eq!(
        p48.citations[0].symbol.as_ref().unwrap().as_str(),
        "S/RES/2231 (2015)"
    );
    assert_eq!(p48.citations[0].target, None);
    // Backlink.
    let res = doc(corpus, "a-res-77-338");
    assert!(
        res.cited_by
            .contains(&"astana-declaration-2024".to_string())
    );
}

#[test]
fn seeds_outline_is_pinned() {
    let corpus = bundled();
    insta::assert_snapshot!("a-res-77-338", outline(doc(corpus, "a-res-77-338")));
    insta::assert_snapshot!(
        "astana-declaration-2024",
        outline(doc(corpus, "astana-declaration-2024"))
    );
}
