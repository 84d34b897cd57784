//! Footnote bodies in real documents: page feet of the GA 2025 PDF texts (A/RES/80/…) with and
//! without a separator, notes between paragraphs, Markdown `[^N]:` bodies, the notes of the SC
//! yearbooks (English and French OCR) and the superscript notes of A/RES/77/338 (French seed).

use super::super::lines::split_lines;
use super::*;

/// The notes as (marker, text) pairs, and the body lines left, from the text of an excerpt.
pub(super) fn extract(text: &str) -> (Vec<(String, String)>, Vec<String>) {
    let (body, notes) = extract_footnotes(split_lines(text));
    (
        notes.into_iter().map(|n| (n.marker, n.text)).collect(),
        body.iter().map(|l| l.text.to_string()).collect(),
    )
}

pub(super) fn pairs(want: &[(&str, &str)]) -> Vec<(String, String)> {
    want.iter()
        .map(|(m, t)| (m.to_string(), t.to_string()))
        .collect()
}

/// A/RES/80/5 (PDF text, lines 137–163): the notes of page 3 under the separator, running to the
/// foot of the page; the paragraph goes on on page 4. (The running title printed over the page's
/// running symbol is left out: the running-title pass drops it before this stage.)
#[test]
fn page_foot_under_a_separator() {
    let text = [
        "(b) ",
        "In addition, while millions have been lifted out of poverty, billions of ",
        "people live close to the poverty line and face a constant risk of falling into extreme ",
        "poverty. Despite significant global progress in gradually expanding social protection ",
        "__________________ ",
        " ",
        "8 United Nations, Treaty Series, vol. 1771, No. 30822. ",
        " ",
        "9 Adopted under the United Nations Framework Convention on Climate Change. See ",
        "FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex. ",
        " ",
        "10 Report of the United Nations Conference on Environment and Development, Rio de Janeiro, ",
        "3–14 June 1992, vol. I, Resolutions Adopted by the Conference (United Nations publication, ",
        "Sales No. E.93.I.8 and corrigendum), resolution 1, annex I.",
        "",
        "A/RES/80/5 ",
        " ",
        "25-17700",
        "4/18 ",
        " ",
        "coverage, including social protection floors, almost 4 billion people still lack access ",
        "to any form of social protection, including nearly 2 billion children;  ",
    ]
    .join("\n");
    let (notes, body) = extract(&text);
    assert_eq!(
        notes,
        pairs(&[
            ("8", "United Nations, Treaty Series, vol. 1771, No. 30822."),
            (
                "9",
                "Adopted under the United Nations Framework Convention on Climate Change. See FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex."
            ),
            (
                "10",
                "Report of the United Nations Conference on Environment and Development, Rio de Janeiro, 3–14 June 1992, vol. I, Resolutions Adopted by the Conference (United Nations publication, Sales No. E.93.I.8 and corrigendum), resolution 1, annex I."
            ),
        ])
    );
    assert_eq!(
        body,
        [
            "(b)",
            "In addition, while millions have been lifted out of poverty, billions of",
            "people live close to the poverty line and face a constant risk of falling into extreme",
            "poverty. Despite significant global progress in gradually expanding social protection",
            "coverage, including social protection floors, almost 4 billion people still lack access",
            "to any form of social protection, including nearly 2 billion children;",
        ]
    );
}

/// A/RES/73/6 (copy-paste of the PDF, lines 40–52, and `pdftotext -layout`, lines 38–50): the
/// marker on a line of its own, its body on another, the page's job number and barcode between.
#[test]
fn page_foot_with_markers_on_their_own_lines() {
    let flow = [
        "nations, to increase capacity-building efforts for developing countries and to continue",
        "",
        "__________________",
        "1",
        "",
        "18-17962 (E)",
        "",
        "See A/AC.105/1137.",
        "",
        "021118",
        "",
        "*1817962*",
        "",
        "\u{c}A/RES/73/6",
        "",
        "to shape the global governance of outer space activities to benefit peopl e and the",
        "planet,",
    ]
    .join("\n");
    let layout = [
        "                 nations, to increase capacity-building efforts for developing countries and to continue",
        "        __________________",
        "             1",
        "                 See A/AC.105/1137.",
        "",
        "",
        "",
        "",
        " 18-17962 (E)      021118",
        " *1817962*",
        "\u{c}A/RES/73/6",
        "",
        "                 to shape the global governance of outer space activities to benefit peopl e and the",
        "                 planet,",
    ]
    .join("\n");
    for text in [flow, layout] {
        let (notes, body) = extract(&text);
        assert_eq!(notes, pairs(&[("1", "See A/AC.105/1137.")]), "{text}");
        assert_eq!(
            body,
            [
                "nations, to increase capacity-building efforts for developing countries and to continue",
                "to shape the global governance of outer space activities to benefit peopl e and the",
                "planet,",
            ]
        );
    }
}

/// Notes between two halves of a paragraph, with no separator: A/RES/80/12 (PDF text, lines
/// 60–70) and A/RES/80/11 (lines 58–64). The text after them is marked as after a break, so
/// that the paragraph is joined again.
#[test]
fn notes_between_paragraphs_without_a_separator() {
    let text = [
        "1. Calls upon Member States, with a view to achieving the broadest possible participation, to provide the Secretary-General, by 30 April annually, with a report on their military expenditures for the latest fiscal year for which data are available, using, preferably and to the extent possible, one of the online reporting forms, including, if appropriate, a nil report or the “single figure” report on military expenditures or any",
        "",
        "1 A/54/298.",
        "",
        "2 A/66/89, A/66/89/Corr.1, A/66/89/Corr.2 and A/66/89/Corr.3.",
        "",
        "3 See https://milex-reporting.unoda.org/en/states.",
        "",
        "4 See https://milex-reporting.unoda.org/en/reporting-tool.",
        "",
        "other format developed in the context of similar reporting on military expenditures to other international or regional organizations;",
        "",
        "2. Recommends the guidelines and recommendations for objective information on military matters to all Member States for implementation, fully taking into account specific political, military and other conditions prevailing in a region;",
    ]
    .join("\n");
    let lines = split_lines(&text);
    let (body, notes) = extract_footnotes(lines);
    let notes: Vec<(String, String)> = notes.into_iter().map(|n| (n.marker, n.text)).collect();
    assert_eq!(
        notes,
        pairs(&[
            ("1", "A/54/298."),
            (
                "2",
                "A/66/89, A/66/89/Corr.1, A/66/89/Corr.2 and A/66/89/Corr.3."
            ),
            ("3", "See https://milex-reporting.unoda.org/en/states."),
            (
                "4",
                "See https://milex-reporting.unoda.org/en/reporting-tool."
            ),
        ])
    );
    assert_eq!(body.len(), 3);
    assert!(body[0].text.starts_with("1. Calls upon Member States"));
    assert!(body[1].text.starts_with("other format developed"));
    assert!(body[1].page_break, "the notes cut the paragraph");
    assert!(body[2].text.starts_with("2. Recommends"));

    let text = [
        "Taking note of the report of the Secretary-General on peacebuilding and sustaining peace of 25 November 20242 and the inputs for the 2025 review of the peacebuilding architecture of the Peacebuilding Commission through its letter dated 13 November 20243 and the former Chairs of the Peacebuilding Commission through their letter dated 12 May 2025, and inputs from thematic and regional consultations, and encouraging relevant United Nations bodies and organs, including the Peacebuilding Commission, to consider the inputs further, and further acknowledging",
        "",
        "2 A/79/552-S/2024/767.",
        "",
        "3 A/79/609-S/2024/827.",
        "",
        "the inputs from the group of independent eminent persons through its letter dated 21 November 2024,4",
    ]
    .join("\n");
    let (notes, body) = extract(&text);
    assert_eq!(
        notes,
        pairs(&[("2", "A/79/552-S/2024/767."), ("3", "A/79/609-S/2024/827.")])
    );
    assert_eq!(body.len(), 2);
}

/// A note that wraps over lines and one that opens with a year, between paragraphs:
/// A/RES/80/11 (lines 37–42) and A/RES/80/15 (lines 56–72).
#[test]
fn wrapped_notes_between_paragraphs() {
    let text = [
        "Recognizing also the vital role of the United Nations in preventing conflicts, in assisting parties to conflicts to end hostilities and emerge towards recovery, reconstruction and development and in mobilizing sustained international attention and assistance,",
        "",
        "1 Including General Assembly resolution 60/180 and Security Council resolution 1645 (2005),",
        "Assembly resolution 65/7 and Council resolution 1947 (2010), Assembly resolution 70/262 and Council resolution 2282 (2016) and Assembly resolution 75/201 and Council resolution 2558",
        "(2020).",
        "",
        "Recognizing further that conflict prevention should be nationally led and owned, and reaffirming that Member States bear the primary responsibility for preventing conflict and building peace and for addressing the root causes of violence and conflict in their countries, and that national efforts to build and sustain peace contribute to the maintenance of international peace and security,",
    ]
    .join("\n");
    let (notes, body) = extract(&text);
    assert_eq!(
        notes,
        pairs(&[(
            "1",
            "Including General Assembly resolution 60/180 and Security Council resolution 1645 (2005), Assembly resolution 65/7 and Council resolution 1947 (2010), Assembly resolution 70/262 and Council resolution 2282 (2016) and Assembly resolution 75/201 and Council resolution 2558 (2020)."
        )])
    );
    assert_eq!(body.len(), 2);

    let text = [
        "Recalling also its resolution 77/35 of 7 December 2022,",
        "",
        "2 See A/68/914, annex.",
        "",
        "3 The United Nations Disarmament Yearbook, vol. 10: 1985 (United Nations publication, Sales No.",
        "E.86.IX.7), appendix VII.",
        "",
        "4 United Nations, Treaty Series, vol. 1981, No. 33873.",
        "",
        "5 A/50/426, annex.",
        "",
        "6 United Nations, Treaty Series, vol. 2970, No. 51633.",
        "",
        "7 Ibid., vol. 402, No. 5778.",
        "",
        "8 2010 Review Conference of the Parties to the Treaty on the Non-Proliferation of Nuclear Weapons, Final Document, vols. I–III (NPT/CONF.2010/50 (Vol. I), NPT/CONF.2010/50",
        "(Vol. II) and NPT/CONF.2010/50 (Vol. III)).",
        "",
        "1. Welcomes the fact that the Treaty for the Prohibition of Nuclear Weapons in Latin America and the Caribbean (Treaty of Tlatelolco) is in force for all sovereign States of the region;",
    ]
    .join("\n");
    let (notes, body) = extract(&text);
    assert_eq!(
        notes,
        pairs(&[
            ("2", "See A/68/914, annex."),
            (
                "3",
                "The United Nations Disarmament Yearbook, vol. 10: 1985 (United Nations publication, Sales No. E.86.IX.7), appendix VII."
            ),
            ("4", "United Nations, Treaty Series, vol. 1981, No. 33873."),
            ("5", "A/50/426, annex."),
            ("6", "United Nations, Treaty Series, vol. 2970, No. 51633."),
            ("7", "Ibid., vol. 402, No. 5778."),
            (
                "8",
                "2010 Review Conference of the Parties to the Treaty on the Non-Proliferation of Nuclear Weapons, Final Document, vols. I–III (NPT/CONF.2010/50 (Vol. I), NPT/CONF.2010/50 (Vol. II) and NPT/CONF.2010/50 (Vol. III))."
            ),
        ])
    );
    assert_eq!(
        body,
        [
            "Recalling also its resolution 77/35 of 7 December 2022,",
            "1. Welcomes the fact that the Treaty for the Prohibition of Nuclear Weapons in Latin America and the Caribbean (Treaty of Tlatelolco) is in force for all sovereign States of the region;",
        ]
    );
}

/// A/RES/80/31 (Markdown, lines 86–103): `[^N]:` bodies after the closing, with indented
/// continuation lines.
#[test]
fn markdown_note_bodies() {
    let text = [
        "52nd plenary meeting 1 December 2025",
        "",
        "---",
        "",
        "[^1]: Resolution S-10/2.",
        "",
        "[^2]: Official Records of the General Assembly, Fifty-fourth Session, Supplement No. 42 (A/54/42),",
        "    annex I.",
        "",
        "[^3]: A/CONF.229/2017/8.",
        "",
        "[^4]: 2010 Review Conference of the Parties to the Treaty on the Non-Proliferation of Nuclear",
        "    Weapons, Final Document, vols. I–III (NPT/CONF.2010/50 (Vol. I), NPT/CONF.2010/50",
        "    (Vol. II) and NPT/CONF.2010/50 (Vol. III)).",
        "",
        "[^5]: United Nations, Treaty Series, vol. 634, No. 9068.",
        "",
        "[^6]: The United Nations Disarmament Yearbook, vol. 10: 1985 (United Nations publication, Sales",
        "    No. E.86.IX.7), appendix VII.",
    ]
    .join("\n");
    let (notes, body) = extract(&text);
    assert_eq!(
        notes,
        pairs(&[
            ("1", "Resolution S-10/2."),
            (
                "2",
                "Official Records of the General Assembly, Fifty-fourth Session, Supplement No. 42 (A/54/42), annex I."
            ),
            ("3", "A/CONF.229/2017/8."),
            (
                "4",
                "2010 Review Conference of the Parties to the Treaty on the Non-Proliferation of Nuclear Weapons, Final Document, vols. I–III (NPT/CONF.2010/50 (Vol. I), NPT/CONF.2010/50 (Vol. II) and NPT/CONF.2010/50 (Vol. III))."
            ),
            ("5", "United Nations, Treaty Series, vol. 634, No. 9068."),
            (
                "6",
                "The United Nations Disarmament Yearbook, vol. 10: 1985 (United Nations publication, Sales No. E.86.IX.7), appendix VII."
            ),
        ])
    );
    assert_eq!(body, ["52nd plenary meeting 1 December 2025"]);
}

/// Markdown and bracketed definitions line by line; a call in the text is no definition.
#[test]
fn bracket_definitions() {
    let cases = [
        // A/RES/80/31, A/RES/80/34 (Markdown).
        (
            "[^1]: Resolution S-10/2.",
            Some(("1", "Resolution S-10/2.")),
        ),
        (
            "[^12]: See 1995 Review and Extension Conference of the Parties to the Treaty on the Non-Proliferation",
            Some((
                "12",
                "See 1995 Review and Extension Conference of the Parties to the Treaty on the Non-Proliferation",
            )),
        ),
        ("[^3]: S/2338/2024.", Some(("3", "S/2338/2024."))),
        // A/RES/80/31: a paragraph with a call, and the GA masthead's committee reference.
        (
            "Welcoming the entry into force on 22 January 2021 of the Treaty on the Prohibition of Nuclear Weapons[^3] and",
            None,
        ),
        (
            "[on the report of the First Committee (A/80/534, para. 7)]",
            None,
        ),
        ("[without reference to a Main Committee (A/80/L.15)]", None),
    ];
    for (line, want) in cases {
        assert_eq!(
            bracket_definition(line),
            want.map(|(m, b)| (m.to_string(), b)),
            "{line}"
        );
    }
}

/// Plain "N text" definitions line by line, and the lines that open with a number but are none.
#[test]
fn plain_definitions() {
    let cases = [
        // A/RES/80/5, A/RES/80/12, A/RES/80/15 (PDF text).
        ("2 Resolution 70/1.", Some(("2", "Resolution 70/1.", false))),
        ("1 A/54/298.", Some(("1", "A/54/298.", false))),
        (
            "3 See https://milex-reporting.unoda.org/en/states.",
            Some((
                "3",
                "See https://milex-reporting.unoda.org/en/states.",
                false,
            )),
        ),
        (
            "8 2010 Review Conference of the Parties to the Treaty on the Non-Proliferation of Nuclear Weapons, Final Document, vols. I–III (NPT/CONF.2010/50 (Vol. I), NPT/CONF.2010/50",
            Some((
                "8",
                "2010 Review Conference of the Parties to the Treaty on the Non-Proliferation of Nuclear Weapons, Final Document, vols. I–III (NPT/CONF.2010/50 (Vol. I), NPT/CONF.2010/50",
                false,
            )),
        ),
        // S/RES/244 (1967), S/RES/105 (1954) (SC yearbook).
        (
            "21 Ibid., document S/8248/Add.3,",
            Some(("21", "Ibid., document S/8248/Add.3,", false)),
        ),
        (
            "10 Adopted without vote.",
            Some(("10", "Adopted without vote.", false)),
        ),
        // S/RES/341 (1973), S/RES/264 (1969), S/RES/443 (1978) (French OCR); "S4" is 54.
        (
            "30 L'un des membres (Chine) n'a pas participé au vote.",
            Some((
                "30",
                "L'un des membres (Chine) n'a pas participé au vote.",
                false,
            )),
        ),
        (
            "2 Voir Documents officiels du Conseil de sécurité, vingt-",
            Some((
                "2",
                "Voir Documents officiels du Conseil de sécurité, vingt-",
                false,
            )),
        ),
        (
            "S4 Un membre (Chine) n'a pas participé au vote.",
            Some(("54", "Un membre (Chine) n'a pas participé au vote.", false)),
        ),
        // Numbers that open text: a numbered paragraph, a date, a vote, a wrapped list of
        // resolutions, the closing of a GA resolution.
        (
            "1. Calls upon Member States, with a view to achieving",
            None,
        ),
        ("4 November 2025 ", None),
        ("14 voix contre zéro", None),
        (
            "56/14 of 29 November 2001, 58/28 of 8 December 2003, 60/44 of 8 December 2005,",
            None,
        ),
        ("1964 and its subsequent resolutions as well as its", None),
        ("52nd plenary meeting 1 December 2025", None),
        (
            "3–14 June 1992, vol. I, Resolutions Adopted by the Conference (United Nations publication, ",
            None,
        ),
    ];
    for (line, want) in cases {
        assert_eq!(
            plain_definition(line),
            want.map(|(m, b, s)| (m.to_string(), b, s)),
            "{line}"
        );
    }
}

/// Separators, markers alone, and the way notes read.
#[test]
fn separators_markers_and_note_openings() {
    // A/RES/80/5 (PDF text) and A/RES/73/6 (layout).
    assert!(is_separator("__________________"));
    assert!(!is_separator("___"));
    assert!(!is_separator("---"));
    assert!(is_marker_only("1"));
    assert!(is_marker_only("37"));
    assert!(!is_marker_only("1."));
    assert!(!is_marker_only("2025"));
    let reads = [
        ("See A/AC.105/1137.", true),
        ("Ibid., vol. 402, No. 5778.", true),
        ("Resolution 70/1.", true),
        ("A/79/552-S/2024/767.", true),
        (
            "Official Records of the General Assembly, Fifty-fourth Session",
            true,
        ),
        (
            "Voir Documents officiels du Conseil de sécurité, vingt-",
            true,
        ),
        ("United Nations, Treaty Series, vol. 1771, No. 30822.", true),
        ("Calls upon Member States, with a view to achieving", false),
        ("November 2025", false),
        ("Décide de demeurer activement saisi de la", false),
    ];
    for (body, want) in reads {
        assert_eq!(reads_like_a_note(body), want, "{body}");
    }
}
