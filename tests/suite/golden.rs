//! Golden counts of real documents of every development shape: GA resolutions of 2025 as PDF
//! text and as Markdown, French Security Council resolutions OCR'd from the printed volumes, and
//! bundled English Security Council resolutions.
//!
//! Every number below was counted by reading the file, not taken from the parser: preambular
//! and operative paragraphs of the resolution itself (sub-paragraphs inside their paragraph,
//! quoted texts of other documents left out, unnumbered operative paragraphs counted), annex
//! paragraphs apart, footnote bodies present in the file, and the adoption date.

use plenary::document::{Document, Markup, ParagraphKind, parse, source};
use std::path::PathBuf;

/// A document as the command line loads it.
fn load(path: &str) -> Document {
    let full = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path);
    let (sources, errors) = source::load_paths(&[full]);
    assert!(errors.is_empty(), "{path}: {errors:?}");
    parse::parse(&sources[0])
}

/// (file, adoption date, preambular, operative, annex, footnote bodies)
const GOLDEN: &[(&str, &str, usize, usize, usize, usize)] = &[
    // General Assembly 2025, PDF text. 80/5 adopts a declaration: one unnumbered operative
    // paragraph, then the annex's 44 numbered paragraphs.
    (
        "tests/fixtures/unga80/raw/A_RES_80_5.txt",
        "2025-11-04",
        0,
        1,
        44,
        15,
    ),
    (
        "tests/fixtures/unga80/raw/A_RES_80_11.txt",
        "2025-11-26",
        16,
        30,
        0,
        4,
    ),
    (
        "tests/fixtures/unga80/raw/A_RES_80_14.txt",
        "2025-12-01",
        5,
        8,
        0,
        5,
    ),
    (
        "tests/fixtures/unga80/raw/A_RES_80_21.txt",
        "2025-12-01",
        13,
        11,
        0,
        8,
    ),
    (
        "tests/fixtures/unga80/raw/A_RES_80_25.txt",
        "2025-12-01",
        10,
        8,
        0,
        5,
    ),
    (
        "tests/fixtures/unga80/raw/A_RES_80_29.txt",
        "2025-12-01",
        9,
        4,
        0,
        0,
    ),
    // General Assembly 2025, Markdown.
    (
        "tests/fixtures/unga80/md/A_RES_80_31.md",
        "2025-12-01",
        16,
        10,
        0,
        12,
    ),
    (
        "tests/fixtures/unga80/md/A_RES_80_35.md",
        "2025-12-01",
        13,
        11,
        0,
        1,
    ),
    (
        "tests/fixtures/unga80/md/A_RES_80_40.md",
        "2025-12-01",
        14,
        9,
        0,
        2,
    ),
    (
        "tests/fixtures/unga80/md/A_RES_80_45.md",
        "2025-12-01",
        9,
        6,
        0,
        5,
    ),
    (
        "tests/fixtures/unga80/md/A_RES_80_50.md",
        "2025-12-01",
        15,
        7,
        0,
        3,
    ),
    (
        "tests/fixtures/unga80/md/A_RES_80_55.md",
        "2025-12-01",
        17,
        7,
        0,
        4,
    ),
    // French Security Council resolutions (OCR). 345 annexes eight rules, one paragraph each;
    // 687 leaves out the three quoted paragraphs of another text its OCR interleaves.
    (
        "tests/fixtures/unsc-fr/S_RES_264_1969_FR.txt",
        "1969-03-20",
        6,
        10,
        0,
        2,
    ),
    (
        "tests/fixtures/unsc-fr/S_RES_277_1970_FR.txt",
        "1970-03-18",
        7,
        24,
        0,
        2,
    ),
    (
        "tests/fixtures/unsc-fr/S_RES_345_1974_FR.txt",
        "1974-01-17",
        3,
        1,
        8,
        0,
    ),
    (
        "tests/fixtures/unsc-fr/S_RES_367_1975_FR.txt",
        "1975-03-12",
        5,
        10,
        0,
        1,
    ),
    (
        "tests/fixtures/unsc-fr/S_RES_502_1982_FR.txt",
        "1982-04-03",
        3,
        3,
        0,
        1,
    ),
    (
        "tests/fixtures/unsc-fr/S_RES_674_1990_FR.txt",
        "1990-10-29",
        13,
        13,
        0,
        0,
    ),
    (
        "tests/fixtures/unsc-fr/S_RES_687_1991_FR.txt",
        "1991-04-03",
        26,
        34,
        0,
        0,
    ),
    (
        "tests/fixtures/unsc-fr/S_RES_443_1978_FR.txt",
        "1978-12-14",
        4,
        2,
        0,
        2,
    ),
    // Security Council, English (bundled). 47 (1948): four unnumbered operative paragraphs, then
    // eighteen numbered measures in parts A–C. 101 (1953) numbers its parts A–C afresh; 161
    // (1961) has two parts with their own preambles; 687 (1991) sections A–I number on.
    (
        "assets/library/unsc/S_RES_1_1946.txt",
        "1946-01-25",
        1,
        3,
        0,
        1,
    ),
    (
        "assets/library/unsc/S_RES_6_1946.txt",
        "1946-05-17",
        2,
        2,
        0,
        1,
    ),
    (
        "assets/library/unsc/S_RES_27_1947.txt",
        "1947-08-01",
        1,
        1,
        0,
        1,
    ),
    (
        "assets/library/unsc/S_RES_47_1948.txt",
        "1948-04-21",
        5,
        22,
        0,
        1,
    ),
    (
        "assets/library/unsc/S_RES_82_1950.txt",
        "1950-06-25",
        3,
        5,
        0,
        2,
    ),
    (
        "assets/library/unsc/S_RES_101_1953.txt",
        "1953-11-24",
        2,
        9,
        0,
        4,
    ),
    (
        "assets/library/unsc/S_RES_143_1960.txt",
        "1960-07-14",
        2,
        3,
        0,
        1,
    ),
    (
        "assets/library/unsc/S_RES_161_1961.txt",
        "1961-02-21",
        9,
        8,
        0,
        1,
    ),
    (
        "assets/library/unsc/S_RES_186_1964.txt",
        "1964-03-04",
        3,
        8,
        0,
        1,
    ),
    (
        "assets/library/unsc/S_RES_232_1966.txt",
        "1966-12-16",
        4,
        10,
        0,
        0,
    ),
    (
        "assets/library/unsc/S_RES_242_1967.txt",
        "1967-11-22",
        3,
        4,
        0,
        0,
    ),
    (
        "assets/library/unsc/S_RES_253_1968.txt",
        "1968-05-29",
        10,
        23,
        0,
        0,
    ),
    (
        "assets/library/unsc/S_RES_338_1973.txt",
        "1973-10-22",
        0,
        3,
        0,
        1,
    ),
    (
        "assets/library/unsc/S_RES_353_1974.txt",
        "1974-07-20",
        8,
        7,
        0,
        2,
    ),
    (
        "assets/library/unsc/S_RES_418_1977.txt",
        "1977-11-04",
        10,
        7,
        0,
        1,
    ),
    (
        "assets/library/unsc/S_RES_446_1979.txt",
        "1979-03-22",
        3,
        7,
        0,
        2,
    ),
    (
        "assets/library/unsc/S_RES_465_1980.txt",
        "1980-03-01",
        11,
        9,
        0,
        6,
    ),
    (
        "assets/library/unsc/S_RES_541_1983.txt",
        "1983-11-18",
        8,
        9,
        0,
        4,
    ),
    (
        "assets/library/unsc/S_RES_598_1987.txt",
        "1987-07-20",
        10,
        10,
        0,
        1,
    ),
    (
        "assets/library/unsc/S_RES_660_1990.txt",
        "1990-08-02",
        3,
        4,
        0,
        0,
    ),
    (
        "assets/library/unsc/S_RES_678_1990.txt",
        "1990-11-29",
        5,
        5,
        0,
        0,
    ),
    (
        "assets/library/unsc/S_RES_687_1991.txt",
        "1991-04-03",
        26,
        34,
        0,
        0,
    ),
];

fn count(d: &Document, kind: ParagraphKind) -> usize {
    d.paragraphs.iter().filter(|p| p.kind == kind).count()
}

#[test]
fn counts_read_off_the_documents() {
    let mut wrong = Vec::new();
    for &(path, date, pp, op, annex, notes) in GOLDEN {
        let d = load(path);
        let got = (
            d.date.as_deref().unwrap_or(""),
            count(&d, ParagraphKind::Preambular),
            count(&d, ParagraphKind::Operative),
            count(&d, ParagraphKind::Annex),
            d.footnotes.len(),
        );
        if got != (date, pp, op, annex, notes) {
            wrong.push(format!(
                "{path}: got date/PP/OP/annex/footnotes {got:?}, read {:?}",
                (date, pp, op, annex, notes)
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The number printed on an operative paragraph, where it is printed plainly ("5. ").
fn printed(text: &str) -> Option<u32> {
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    let rest = &text[digits.len()..];
    (!digits.is_empty() && (rest.starts_with(". ") || rest == "."))
        .then(|| digits.parse().ok())
        .flatten()
}

#[test]
fn operative_ids_are_the_printed_numbers() {
    for &(path, ..) in GOLDEN {
        let d = load(path);
        for p in d
            .paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Operative)
        {
            if let Some(n) = printed(&p.text) {
                assert_eq!(p.number(), Some(n), "{path} {}: {}", p.id, p.text);
            }
        }
    }
}

#[test]
fn no_paragraph_keeps_layout_noise_or_a_literal_newline() {
    for &(path, ..) in GOLDEN {
        let d = load(path);
        for p in &d.paragraphs {
            for line in p.text.split('\n').skip(1) {
                let t = line.trim_start();
                let sub = t.starts_with('(')
                    || t.split_once(')').is_some_and(|(l, _)| l.len() <= 4)
                    || t.starts_with(['-', '–', '•']);
                assert!(sub, "{path} {}: a line break before {t:?}", p.id);
            }
            for noise in [
                "Distr.:",
                "25-17",
                "*25",
                "A/RES/80/5 ",
                "2/18",
                "__________",
            ] {
                assert!(
                    !p.text.contains(noise),
                    "{path} {}: {noise:?} in {:?}",
                    p.id,
                    p.text
                );
            }
        }
    }
}

#[test]
fn every_call_has_its_body_and_no_body_is_lost() {
    // The GA files: every call is to a body of the file, every body is called once at least.
    for &(path, ..) in &GOLDEN[..12] {
        let d = load(path);
        let mut called = std::collections::BTreeSet::new();
        for p in &d.paragraphs {
            for m in &p.markup {
                if let Markup::FootnoteRef { marker, .. } = m {
                    assert!(
                        d.footnote(marker).is_some(),
                        "{path} {}: call {marker}",
                        p.id
                    );
                    called.insert(marker.clone());
                }
            }
        }
        for f in &d.footnotes {
            assert!(
                called.contains(&f.marker),
                "{path}: note {} is called nowhere",
                f.marker
            );
        }
    }
}

#[test]
fn parts_keep_their_own_numbering() {
    // S/RES/101 (1953): parts A, B, C each number from 1.
    let d = load("assets/library/unsc/S_RES_101_1953.txt");
    let ops: Vec<&str> = d
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Operative)
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(
        ops,
        [
            "A.OP1", "A.OP2", "B.OP1", "B.OP2", "B.OP3", "C.OP1", "C.OP2", "C.OP3", "C.OP4"
        ]
    );
    // S/RES/161 (1961): each part has its preamble.
    let d = load("assets/library/unsc/S_RES_161_1961.txt");
    let first_b = d
        .paragraphs
        .iter()
        .find(|p| p.part.as_deref() == Some("B"))
        .unwrap();
    assert_eq!(first_b.id, "B.H1");
    assert!(d.paragraph_index("B.PP1").is_some() && d.paragraph_index("A.PP4").is_some());
    // S/RES/687 (1991): sections number on; paragraph 17 is in section E.
    let d = load("assets/library/unsc/S_RES_687_1991.txt");
    assert!(d.paragraph_index("OP1").is_some());
    assert!(d.paragraph_index("E.OP17").is_some());
}

#[test]
fn an_annexed_declaration_is_not_the_operative_part() {
    let d = load("tests/fixtures/unga80/raw/A_RES_80_5.txt");
    let op = &d.paragraphs[d.paragraph_index("OP1").unwrap()];
    assert!(op.text.starts_with("Adopts the Doha Political Declaration"));
    let p44 = &d.paragraphs[d.paragraph_index("Annex.P44").unwrap()];
    assert_eq!(p44.kind, ParagraphKind::Annex);
    assert_eq!(p44.part.as_deref(), Some("Annex"));
    assert!(p44.text.starts_with("44. "));
    // Headings of the declaration, and no running title among its paragraphs.
    for h in ["A call to action", "Follow-up"] {
        assert!(
            d.paragraphs
                .iter()
                .any(|p| p.kind == ParagraphKind::Heading && p.text == h),
            "{h}"
        );
    }
    // Paragraph 2 runs over a page foot (footnotes, the running header and title, the job
    // number and the page mark): it is whole again.
    let p2 = &d.paragraphs[d.paragraph_index("Annex.P2").unwrap()];
    assert!(
        p2.text
            .contains("their underlying and structural causes and their distressing consequences in accordance with international law"),
        "{}",
        p2.text
    );
    let title = "Doha Political Declaration of the “World Social Summit” under the title";
    let cites: Vec<&str> = d
        .paragraphs
        .iter()
        .filter(|p| p.text.contains(title))
        .map(|p| p.id.as_str())
        .collect();
    // The paragraph that adopts it, the annex's own title, and paragraph 43 that names it.
    assert_eq!(cites, ["OP1", "Annex.H2", "Annex.P43"]);
}

#[test]
fn titles_and_subjects() {
    let d = load("tests/fixtures/unga80/md/A_RES_80_45.md");
    // The title line is cut short in the text; the front matter has it whole.
    assert!(d.title.ends_with("Review Conferences of the Parties to the Treaty on the Non-Proliferation of Nuclear Weapons"), "{}", d.title);
    let d = load("assets/library/unsc/S_RES_242_1967.txt");
    assert_eq!(d.title, "The situation in the Middle East");
    let d = load("tests/fixtures/unsc-fr/S_RES_264_1969_FR.txt");
    assert!(
        !d.title.starts_with("du ") && !d.title.starts_with("Prenant"),
        "{}",
        d.title
    );
}
