//! Parsing and citation resolution on the real bundled documents, beyond the seeds.

use std::collections::HashSet;

use plenary::document::source::{Meta, Source};
use plenary::document::{Corpus, Document, ParagraphKind, parse};

fn bundled() -> &'static Corpus {
    crate::common::bundled()
}

fn fixture(path: &str) -> Document {
    let text = std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR")))
        .expect("fixture is in the repository");
    parse::parse(&Source {
        path: path.to_string(),
        file: None,
        collection: "Fixtures".into(),
        text: text.into(),
        meta: Meta::default(),
    })
}

#[test]
fn bundled_library_is_complete() {
    let corpus = bundled();
    let count = |c: &str| {
        corpus
            .documents
            .iter()
            .filter(|d| d.collection == c)
            .count()
    };
    assert_eq!(count("Seeds"), 2);
    assert_eq!(count("Charter"), 2);
    assert_eq!(count("Security Council"), 699);
    assert_eq!(count("General Assembly"), 2);
    let ids: HashSet<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids.len(), corpus.documents.len(), "ids are unique");
    assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
    for d in &corpus.documents {
        assert!(!d.paragraphs.is_empty(), "{} has paragraphs", d.id);
        assert!(!d.title.trim().is_empty(), "{} has a title", d.id);
    }
}

#[test]
fn every_security_council_citation_resolves_to_its_bundled_target() {
    let corpus = bundled();
    let mut checked = 0;
    for d in corpus
        .documents
        .iter()
        .filter(|d| d.collection == "Security Council")
    {
        for c in d.citations() {
            let Some(symbol) = &c.symbol else { continue };
            let s = symbol.as_str();
            let Some(rest) = s.strip_prefix("S/RES/") else {
                continue;
            };
            let number: u32 = rest
                .split(' ')
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or(u32::MAX);
            if number > 699 {
                continue;
            }
            let target = c
                .target
                .as_deref()
                .unwrap_or_else(|| panic!("{}: {s} ({:?}) is not resolved", d.id, c.text));
            let t = corpus.get(target).unwrap();
            assert_eq!(
                t.symbol.as_ref().unwrap().base_key(),
                symbol.base_key(),
                "{}: {:?}",
                d.id,
                c.text
            );
            checked += 1;
        }
    }
    assert!(checked > 1000, "only {checked} S/RES citations checked");
}

#[test]
fn citation_chain_242_to_338() {
    let corpus = bundled();
    let res338 = corpus.get("s-res-338-1973").unwrap();
    let op2 = &res338.paragraphs[res338.paragraph_index("OP2").unwrap()];
    assert_eq!(op2.citations[0].target.as_deref(), Some("s-res-242-1967"));
    let res242 = corpus.get("s-res-242-1967").unwrap();
    assert!(res242.cited_by.contains(&"s-res-338-1973".to_string()));
    // "in accordance with Article 2 of the Charter" → the English Charter at Article 2.
    let pp3 = &res242.paragraphs[res242.paragraph_index("PP3").unwrap()];
    let article = pp3
        .citations
        .iter()
        .find(|c| c.paragraph.is_some())
        .expect("Article 2 of the Charter");
    assert_eq!(article.target.as_deref(), Some("un-charter-en"));
    let charter = corpus.get("un-charter-en").unwrap();
    let heading = &charter.paragraphs[charter
        .paragraph_index(article.paragraph.as_deref().unwrap())
        .unwrap()];
    assert_eq!(heading.text, "Article 2");
}

#[test]
fn layout_noise_never_reaches_paragraph_text() {
    let corpus = bundled();
    let mut docs: Vec<Document> = corpus.documents.clone();
    for f in [
        "tests/fixtures/unga/flow/A_RES_73_3.txt",
        "tests/fixtures/unga/flow/A_RES_73_6.txt",
        "tests/fixtures/unga/layout/A_RES_73_3.txt",
        "tests/fixtures/unga/layout/A_RES_73_6.txt",
    ] {
        docs.push(fixture(f));
    }
    let job = regex::Regex::new(
        r"\b\d{2}-\d{5}\b|\*\d{7}\*|\bPage \d+\b|\b\d{1,2}/\d{1,2}\s*$|_{5,}|\u{c}",
    )
    .unwrap();
    for d in &docs {
        for p in &d.paragraphs {
            assert!(!job.is_match(&p.text), "{} {}: {:?}", d.id, p.id, p.text);
            assert!(
                !p.text
                    .split_whitespace()
                    .any(|w| w == "A/RES/73/6" || w == "A/RES/73/3"),
                "{} {}: running header in {:?}",
                d.id,
                p.id,
                p.text
            );
            assert!(
                !p.text.contains("Political declaration of the high-level meeting of the General Assembly on the fight against tuberculosis A/RES"),
                "{} {}", d.id, p.id
            );
        }
    }
}

#[test]
fn ga_layout_and_flow_give_the_same_operative_paragraphs() {
    let layout = fixture("tests/fixtures/unga/layout/A_RES_73_6.txt");
    let flow = fixture("tests/fixtures/unga/flow/A_RES_73_6.txt");
    // The copy-paste of the PDF lost two compound hyphens that pdftotext keeps ("twentyfirst",
    // "capacity building" for twenty-first, capacity-building): texts compare without hyphens.
    let plain = |t: &str| -> String { t.replace(['-', ' '], "") };
    let ops = |d: &Document| -> Vec<(String, String, Vec<String>)> {
        d.paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Operative)
            .map(|p| (p.id.clone(), plain(&p.text), p.footnotes.clone()))
            .collect()
    };
    assert_eq!(ops(&layout).len(), 14);
    assert_eq!(ops(&layout), ops(&flow));
    // And the preamble and footnotes too.
    let all =
        |d: &Document| -> Vec<String> { d.paragraphs.iter().map(|p| plain(&p.text)).collect() };
    assert_eq!(all(&layout), all(&flow));
    assert!(
        layout
            .paragraphs
            .iter()
            .any(|p| p.text.contains("for the twenty-first century")),
        "the layout text keeps the compound's hyphen across the line end"
    );
    let notes = |d: &Document| -> Vec<(String, String)> {
        d.footnotes
            .iter()
            .map(|f| (f.marker.clone(), f.text.clone()))
            .collect()
    };
    assert_eq!(notes(&layout), notes(&flow));
    assert_eq!(layout.symbol.as_ref().unwrap().as_str(), "A/RES/73/6");
    assert_eq!(layout.date.as_deref(), Some("2018-10-26"));
}

#[test]
fn ga_layout_footnotes_and_calls() {
    let d = fixture("tests/fixtures/unga/layout/A_RES_73_6.txt");
    let note = |m: &str| d.footnote(m).map(|f| f.text.clone()).unwrap_or_default();
    assert_eq!(note("1"), "See A/AC.105/1137.");
    assert_eq!(note("2"), "Resolution 70/1.");
    assert_eq!(
        note("4"),
        "See FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex."
    );
    // Footnote 6 runs over a page break; its end is under the next page's separator.
    assert!(
        note("6").ends_with("A/AC.105/1180 and A/AC.105/1181."),
        "{}",
        note("6")
    );
    let pp5 = &d.paragraphs[d.paragraph_index("PP5").unwrap()];
    assert_eq!(pp5.footnotes, ["2", "3", "4"]);
    assert!(pp5.text.contains("Sustainable Development,² of the Sendai"));
    // A paragraph cut by a page break and a footnote block is joined back.
    let pp4 = &d.paragraphs[d.paragraph_index("PP4").unwrap()];
    assert!(
        pp4.text
            .contains("to continue to shape the global governance")
    );
    // The old-style GA citation in the preamble.
    let pp1 = &d.paragraphs[d.paragraph_index("PP1").unwrap()];
    let symbols: Vec<String> = pp1
        .citations
        .iter()
        .filter_map(|c| c.symbol.as_ref().map(|s| s.to_string()))
        .collect();
    assert_eq!(
        symbols,
        [
            "A/RES/2453 A (XXIII)",
            "A/RES/37/90",
            "A/RES/54/68",
            "A/RES/59/2",
            "A/RES/72/79"
        ]
    );
}

#[test]
fn security_council_shapes() {
    let corpus = bundled();
    // Sub-paragraphs stay inside their operative paragraph.
    let d = corpus.get("s-res-242-1967").unwrap();
    let ids: Vec<&str> = d.paragraphs.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        ["H1", "PP1", "PP2", "PP3", "OP1", "OP2", "OP3", "OP4", "C1"]
    );
    let op2 = &d.paragraphs[5];
    assert!(
        op2.text
            .contains("\n(a) For guaranteeing freedom of navigation")
    );
    assert_eq!(
        d.paragraphs[8].text,
        "Adopted unanimously at the 1382nd meeting."
    );
    assert_eq!(d.date.as_deref(), Some("1967-11-22"));
    // Plain-number footnote at the end, called by a detached number.
    let d = corpus.get("s-res-338-1973").unwrap();
    assert_eq!(
        d.footnote("27").unwrap().text,
        "One member (China) did not participate in the voting."
    );
    let closing = d.paragraphs.last().unwrap();
    assert_eq!(closing.footnotes, ["27"]);
    assert!(!closing.text.contains(" 27"));
    // A form feed inside a preambular paragraph; the dangling call does not glue paragraphs.
    let d = corpus.get("s-res-699-1991").unwrap();
    assert!(
        d.paragraphs
            .iter()
            .any(|p| p.text.starts_with("Also taking note"))
    );
}

#[test]
fn symbol_lookup_forms() {
    let corpus = bundled();
    for (name, id) in [
        ("A/RES/77/338", "a-res-77-338"),
        ("77/338", "a-res-77-338"),
        ("S/RES/242 (1967)", "s-res-242-1967"),
        ("S/RES/242", "s-res-242-1967"),
        ("s-res-242-1967", "s-res-242-1967"),
        ("seeds/004_912be11ada29c0f5.txt", "astana-declaration-2024"),
    ] {
        let i = corpus.find(name).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(corpus.documents[i].id, id, "{name}");
    }
    assert_eq!(corpus.find("A/RES/99/999"), None);
}

#[test]
fn security_council_pdf_layout_of_the_2000s() {
    let d = fixture("tests/fixtures/unsc/S_RES_1445_2002.txt");
    assert_eq!(d.symbol.as_ref().unwrap().as_str(), "S/RES/1445 (2002)");
    assert_eq!(d.date.as_deref(), Some("2002-12-04"));
    let ids: Vec<&str> = d.paragraphs.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["H1", "PP1", "PP2", "PP3", "OP1", "OP2", "OP3"]);
    for p in &d.paragraphs {
        assert!(
            !p.text.contains("02-72829") && !p.text.contains("Page 2"),
            "{}",
            p.text
        );
        assert!(!p.text.contains("S/RES/1445"), "{}", p.text);
    }
    assert_eq!(d.footnote("1").unwrap().text, "S/2002/1180.");
    assert_eq!(d.paragraphs[2].footnotes, ["1"]);
    assert!(
        d.paragraphs[2]
            .text
            .contains("18 October 2002¹ and the progress")
    );
    let c = &d.paragraphs[1].citations[0];
    assert_eq!(c.symbol.as_ref().unwrap().as_str(), "S/RES/1417 (2002)");
}

#[test]
fn security_council_dates_fall_in_the_year_of_their_symbol() {
    let corpus = bundled();
    let mut dated = 0;
    for d in corpus
        .documents
        .iter()
        .filter(|d| d.collection == "Security Council")
    {
        let symbol = d.symbol.as_ref().unwrap().to_string();
        let year = &symbol[symbol.len() - 5..symbol.len() - 1];
        if let Some(date) = &d.date {
            assert!(date.starts_with(year), "{symbol}: {date}");
            dated += 1;
        }
    }
    // OCR'd headings ("of 3 Apri] 1991") leave a few undated rather than misdated.
    assert!(dated >= 690, "{dated}");
}

#[test]
fn a_paragraph_cut_by_a_page_after_a_comma_is_one_paragraph() {
    // Paragraph 6 of the declaration A/RES/73/3 adopts ends a page with "… the heavy burden of
    // tuberculosis," and the next page goes on "HIV and AIDS, and other co-morbidities …"
    // (facing pages have other margins). The declaration's paragraphs are the annexed text's,
    // not operative paragraphs of the resolution: Annex.P6.
    for d in [
        bundled().get("a-res-73-3").cloned().unwrap(),
        fixture("tests/fixtures/unga/flow/A_RES_73_3.txt"),
    ] {
        let op6 = &d.paragraphs[d.paragraph_index("Annex.P6").unwrap()];
        assert!(
            op6.text
                .contains("burden of tuberculosis, HIV and AIDS, and other co-morbidities"),
            "{}: {}",
            d.path,
            op6.text
        );
        assert!(
            d.paragraphs
                .iter()
                .all(|p| !p.text.starts_with("HIV and AIDS"))
        );
    }
}

#[test]
fn parsing_on_several_threads_keeps_order_and_output() {
    let sources = plenary::document::source::bundled();
    let mut seen = Vec::new();
    let parallel = plenary::document::corpus::parse_all(&sources, |n| seen.push(n));
    let serial: Vec<Document> = sources.iter().map(parse::parse).collect();
    assert_eq!(parallel.len(), serial.len());
    for (a, b) in parallel.iter().zip(&serial) {
        assert_eq!(a.id, b.id);
        assert_eq!(a.paragraphs, b.paragraphs);
    }
    // Progress counts up to the total, once per document.
    assert_eq!(seen, (1..=sources.len()).collect::<Vec<_>>());
}

#[test]
fn footnote_called_after_a_year() {
    let corpus = bundled();
    // "6 (1946). Resolution of 17 May 1946 21" … "21 Modified by the Council at its 51st meeting".
    let d = corpus.get("s-res-6-1946").unwrap();
    assert_eq!(
        d.footnote("21").map(|f| f.text.as_str()),
        Some("Modified by the Council at its 51st meeting (see below).")
    );
    assert!(d.paragraphs.iter().all(|p| !p.text.starts_with("21 ")));
    // "in his report of 29 April 1963 2" (S/RES/179).
    let d = corpus.get("s-res-179-1963").unwrap();
    assert!(
        d.paragraphs
            .iter()
            .any(|p| p.text.contains("29 April 1963²"))
    );
    assert!(d.footnote("2").is_some());
}

/// A French text added beside the bundled English one: named by its file it is that file (not
/// the bundled text of its symbol), and it names no subject of its own, so its row says what the
/// English text's catalogue title says.
#[test]
fn french_text_beside_its_english_one() {
    let mut corpus = Corpus::load(&[], true);
    let path = "tests/fixtures/unsc-fr/S_RES_502_1982_FR.txt";
    let french = fixture(path);
    assert_eq!(
        french.title, "S/RES/502 (1982)",
        "no subject in the French text"
    );
    corpus.extend(vec![french]);
    let i = corpus.find(path).expect("found by its path");
    let doc = &corpus.documents[i];
    assert_eq!(doc.path, path);
    assert_eq!(
        doc.title,
        "Demanding withdrawal of Argentine forces from the Falkland Islands (Malvinas)"
    );
    let english = corpus.find("S/RES/502").expect("found by its symbol");
    assert_eq!(
        corpus.documents[english].id, "s-res-502-1982",
        "the symbol names the first text"
    );
}

/// The Charter as a user's file, without the catalog's metadata: it opens "WE THE PEOPLES…",
/// not with its name, and is still numbered as it is cited (Article 2, paragraph 4, is line
/// 36 of either text).
#[test]
fn charter_without_metadata_is_numbered_by_article() {
    for (path, opening) in [
        (
            "assets/library/charter/UN_Charter_en.txt",
            "All Members shall refrain in their international relations",
        ),
        (
            "assets/library/charter/UN_Charter_fr.txt",
            "Les Membres de l'Organisation s'abstiennent, dans leurs relations",
        ),
    ] {
        let doc = fixture(path);
        assert_eq!(doc.kind, plenary::document::DocumentKind::Treaty, "{path}");
        let para = |id: &str| doc.paragraphs.iter().find(|p| p.id == id);
        assert!(
            para("Art2(4)").is_some_and(|p| p.text.starts_with(opening)),
            "{path}"
        );
        assert!(para("ChVII").is_some() && para("Art51").is_some(), "{path}");
        assert!(!doc.paragraphs.iter().any(|p| p.id == "P20"), "{path}");
    }
}

/// Many files of one symbol (copies, drafts, versions) each get an id of their own, numbered in
/// library order, and one already called like a suffix keeps its own.
#[test]
fn documents_sharing_an_id_are_numbered_in_order() {
    let text = "Resolution 242 (1967)\n\nThe Security Council,\n\n1. Decides to remain seized.\n";
    let sources: Vec<Source> = (0..3000)
        .map(|i| Source {
            path: format!("copy-{i}.txt"),
            file: None,
            collection: "Copies".into(),
            text: text.into(),
            meta: Meta {
                // The 10th copy is named like the suffix the 3rd would take.
                id: (i == 10).then(|| "s-res-242-1967-3".to_string()),
                ..Meta::default()
            },
        })
        .collect();
    let corpus = Corpus::from_sources(&sources);
    let ids: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids.iter().collect::<HashSet<_>>().len(), 3000);
    assert_eq!(ids[0], "s-res-242-1967");
    assert_eq!(ids[1], "s-res-242-1967-2");
    assert_eq!(ids[2], "s-res-242-1967-3");
    // Taken by the 3rd: the 10th, asking for it, gets a suffix of its own.
    assert_eq!(ids[10], "s-res-242-1967-3-2");
    assert_eq!(ids[11], "s-res-242-1967-11");
    assert_eq!(ids[2999], "s-res-242-1967-2999");
}
