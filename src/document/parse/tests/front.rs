//! Headers of real documents: the GA masthead (A/RES/80/…, PDF text and Markdown; A/RES/73/6,
//! layout; A/RES/77/338, French seed), the Security Council headings of the yearbooks (English)
//! and of the French volumes (OCR).

use super::super::lines::split_lines;
use super::*;

fn front_of(text: &str) -> (Front, Vec<String>) {
    let lines = split_lines(text);
    let texts = lines.iter().map(|l| l.text.to_string()).collect();
    (split_front(&lines), texts)
}

/// A/RES/80/12 (PDF text, lines 12–26): masthead, committee reference, title line, formula.
#[test]
fn ga_masthead_of_a_committee_resolution() {
    let text = [
        "United Nations",
        "",
        "General Assembly Distr.: General 5 December 2025",
        "",
        "Eightieth session Agenda item 90 (b) Reduction of military budgets: objective information on military matters, including transparency of military expenditures",
        "",
        "Resolution adopted by the General Assembly on 1 December 2025",
        "",
        "[on the report of the First Committee (A/80/534, para. 7)]",
        "",
        "80/12. Objective information on military matters, including transparency of military expenditures",
        "",
        "The General Assembly,",
        "",
        "Recalling its resolutions 53/72 of 4 December 1998, 54/43 of 1 December 1999,",
    ]
    .join("\n");
    let (front, lines) = front_of(&text);
    assert_eq!(
        front.header,
        [
            "United Nations",
            "General Assembly Distr.: General 5 December 2025",
            "Eightieth session Agenda item 90 (b) Reduction of military budgets: objective information on military matters, including transparency of military expenditures",
            "Resolution adopted by the General Assembly on 1 December 2025",
            "[on the report of the First Committee (A/80/534, para. 7)]",
        ]
    );
    assert_eq!(
        front.title.as_deref(),
        Some(
            "Objective information on military matters, including transparency of military expenditures"
        )
    );
    assert_eq!(front.symbol, Symbol::parse("A/RES/80/12"));
    assert_eq!(lines[front.body_start], "The General Assembly,");
    assert!(front.resolution_markers);
    assert_eq!(front.subject, None);
}

/// A/RES/80/5 (PDF text, lines 12–49): the masthead broken over many lines, with the page's
/// furniture, and a title wrapped over two lines.
#[test]
fn ga_masthead_with_a_wrapped_title() {
    let text = [
        "United Nations ",
        "A/RES/80/5",
        " ",
        " ",
        "General Assembly ",
        "Distr.: General ",
        "4 November 2025 ",
        " ",
        "25-17700 (E) ",
        "*2517700* ",
        " ",
        " ",
        "Eightieth session ",
        "Agenda item 25 (b) ",
        "Social development: social development, including ",
        "questions relating to the world social situation and to ",
        "youth, ageing, persons with disabilities and the family ",
        " ",
        " ",
        " ",
        " ",
        " Resolution adopted by the General Assembly ",
        "on 4 November 2025 ",
        " ",
        " ",
        " ",
        " ",
        "[without reference to a Main Committee (A/80/L.5)] ",
        " ",
        " ",
        " ",
        "80/5. Doha Political Declaration of the “World Social Summit” under ",
        "the title “the Second World Summit for Social Development” ",
        " ",
        " ",
        " ",
        "The General Assembly ",
        " ",
        "Adopts the Doha Political Declaration of the “World Social Summit” under the ",
    ]
    .join("\n");
    let (front, lines) = front_of(&text);
    assert_eq!(
        front.header,
        [
            "United Nations",
            "General Assembly",
            "Distr.: General",
            "4 November 2025",
            "Eightieth session",
            "Agenda item 25 (b)",
            "Social development: social development, including",
            "questions relating to the world social situation and to",
            "youth, ageing, persons with disabilities and the family",
            "Resolution adopted by the General Assembly",
            "on 4 November 2025",
            "[without reference to a Main Committee (A/80/L.5)]",
        ]
    );
    assert_eq!(
        front.title.as_deref(),
        Some(
            "Doha Political Declaration of the “World Social Summit” under the title “the Second World Summit for Social Development”"
        )
    );
    assert_eq!(front.symbol, Symbol::parse("A/RES/80/5"));
    assert_eq!(lines[front.body_start], "The General Assembly");
}

/// A/RES/73/6 (`pdftotext -layout`, lines 1–20): the title in its column, over three lines.
#[test]
fn ga_masthead_in_layout() {
    let text = [
        "                 United Nations                                                                            A/RES/73/6",
        "                 General Assembly                                                 Distr.: General",
        "                                                                                  31 October 2018",
        "",
        "",
        "",
        "",
        "Seventy-third session",
        "Agenda item 30",
        "",
        "",
        "                 Resolution adopted by the General Assembly on",
        "                 26 October 2018",
        "                 [without reference to a Main Committee (A/73/L.6 and A/73/L.6/Add.1)]",
        "",
        "     73/6.       Fiftieth anniversary of the first United Nations Conference on the",
        "                 Exploration and Peaceful Uses of Outer Space: space as a driver of",
        "                 sustainable development",
        "",
        "                      The General Assembly,",
        "                       Recalling its resolutions 2453 A (XXIII) of 20 December 1968, 37/90 of",
    ]
    .join("\n");
    let (front, lines) = front_of(&text);
    assert_eq!(
        front.title.as_deref(),
        Some(
            "Fiftieth anniversary of the first United Nations Conference on the Exploration and Peaceful Uses of Outer Space: space as a driver of sustainable development"
        )
    );
    assert_eq!(front.symbol, Symbol::parse("A/RES/73/6"));
    assert_eq!(front.header.len(), 8, "{:?}", front.header);
    assert_eq!(
        front.header.last().map(String::as_str),
        Some("[without reference to a Main Committee (A/73/L.6 and A/73/L.6/Add.1)]")
    );
    assert_eq!(lines[front.body_start], "The General Assembly,");
}

/// A/RES/77/338 (French seed, lines 1–23): the French masthead.
#[test]
fn french_ga_masthead() {
    let text = [
        "",
        "",
        "",
        "",
        "Assemblée générale",
        "",
        "Distr. générale",
        "14 septembre 2023",
        "",
        "Soixante-dix-septième session",
        "",
        "Point 127 s) de l'ordre du jour",
        "",
        "Coopération entre l'Organisation des Nations Unies et les organisations régionales ou autres : coopération entre l'Organisation des Nations Unies et l'Organisation de Shanghai pour la coopération",
        "",
        "Résolution adoptée par l'Assemblée générale le 1^{er} septembre 2023",
        "",
        "[sans renvoi à une grande commission (A/77/L.107)]",
        "",
        "77/338. Coopération entre l'Organisation des Nations Unies et l'Organisation de Shanghai pour la coopération",
        "",
        "L'Assemblée générale,",
        "",
        "Rappelant que l'un des objectifs de l'Organisation des Nations Unies est de mettre la coopération au service du maintien de la paix",
    ]
    .join("\n");
    let (front, lines) = front_of(&text);
    assert_eq!(
        front.title.as_deref(),
        Some(
            "Coopération entre l'Organisation des Nations Unies et l'Organisation de Shanghai pour la coopération"
        )
    );
    assert_eq!(front.symbol, Symbol::parse("A/RES/77/338"));
    assert_eq!(front.header.len(), 8);
    assert_eq!(front.header[0], "Assemblée générale");
    assert_eq!(lines[front.body_start], "L'Assemblée générale,");
}

/// Title lines of GA resolutions, and lines that only look like one.
#[test]
fn ga_title_lines() {
    let cases = [
        // A/RES/80/12, A/RES/80/11 (PDF text), A/RES/80/31 (Markdown), A/RES/77/338 (seed).
        (
            "80/12. Objective information on military matters, including transparency of military expenditures",
            Some((
                "A/RES/80/12",
                "Objective information on military matters, including transparency of military expenditures",
            )),
        ),
        (
            "80/11. 2025 review of the United Nations peacebuilding architecture",
            Some((
                "A/RES/80/11",
                "2025 review of the United Nations peacebuilding architecture",
            )),
        ),
        (
            "80/31. Nuclear-weapon-free southern hemisphere and adjacent areas",
            Some((
                "A/RES/80/31",
                "Nuclear-weapon-free southern hemisphere and adjacent areas",
            )),
        ),
        (
            "77/338. Coopération entre l'Organisation des Nations Unies et l'Organisation de Shanghai pour la coopération",
            Some((
                "A/RES/77/338",
                "Coopération entre l'Organisation des Nations Unies et l'Organisation de Shanghai pour la coopération",
            )),
        ),
        // Lines of the same texts that open with a symbol or a number but are not a title.
        (
            "1. Calls upon Member States, with a view to achieving",
            None,
        ),
        ("2 Resolution 70/1.", None),
        (
            "56/14 of 29 November 2001, 58/28 of 8 December 2003, 60/44 of 8 December 2005,",
            None,
        ),
        ("FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex. ", None),
        ("1 A/54/298.", None),
        (
            "[on the report of the First Committee (A/80/534, para. 7)]",
            None,
        ),
    ];
    for (line, want) in cases {
        let got = ga_title_line(line).map(|(s, t)| (s.as_str().to_string(), t));
        assert_eq!(got, want.map(|(s, t)| (s.to_string(), t)), "{line}");
    }
}

/// Security Council headings, English and French, and lines of their texts that are none.
#[test]
fn sc_title_lines() {
    let cases = [
        // S/RES/244 (1967), S/RES/688 (1991) (yearbook).
        ("Resolution 244 (1967)", Symbol::parse("S/RES/244 (1967)")),
        ("Resolution 688 (1991)", Symbol::parse("S/RES/688 (1991)")),
        // S/RES/105 (1954), S/RES/161 (1961): the heading of the 1950s volumes.
        (
            "105 (1954). Resolution of 28 July 1954",
            Symbol::parse("S/RES/105 (1954)"),
        ),
        (
            "161 (1961). Resolution of 21 February 1961",
            Symbol::parse("S/RES/161 (1961)"),
        ),
        // S/RES/1 (1946): no full stop after the year.
        (
            "1 (1946) Resolution of 25 January 1946",
            Symbol::parse("S/RES/1 (1946)"),
        ),
        // S/RES/279 (1970), S/RES/264 (1969) (French OCR).
        ("Résolution 279 (1970)", Symbol::parse("S/RES/279 (1970)")),
        ("Résolution 264 (1969)", Symbol::parse("S/RES/264 (1969)")),
        // S/RES/687 (1991) (French OCR): the heading printed without its accent.
        ("Resolution 687 (1991)", Symbol::parse("S/RES/687 (1991)")),
        // Resolutions cited at the start of a wrapped line: S/RES/277 (1970) (French),
        // S/RES/183 (1963), S/RES/244 (1967).
        ("253 (1968) du 29 mai 1968,", None),
        ("(1963) of 31 July 1963,", None),
        ("1964 and its subsequent resolutions as well as its", None),
        ("Rappelant ses résolutions 245 (1968) du 25 janvier", None),
        ("1. Reaffirms its resolution 186 (1964) of 4 March", None),
    ];
    for (line, want) in cases {
        assert_eq!(sc_title_line(line), want, "{line}");
    }
}

/// S/RES/244 (1967) (yearbook, lines 1–4), S/RES/279 (1970) and S/RES/688 (1991) (French
/// OCR, lines 1–5; the OCR read "du 5" as "elu e").
#[test]
fn sc_headings() {
    let cases: [(&str, &[&str], &str, &str); 5] = [
        (
            "Resolution 244 (1967)\nof 22 December 1967\n\nThe Security Council,\n\nNoting the appeals addressed by the Secretary-General to the Governments of Greece, Turkey and",
            &["Resolution 244 (1967)", "of 22 December 1967"],
            "S/RES/244 (1967)",
            "The Security Council,",
        ),
        (
            "Résolution 279 (1970)\n\ndu 12 mai 1970\n\nLe Conseil de sécurité\n\nExige le retrait immédiat du territoire libanais de\ntoutes les forces armées israéliennes.",
            &["Résolution 279 (1970)", "du 12 mai 1970"],
            "S/RES/279 (1970)",
            "Le Conseil de sécurité",
        ),
        (
            "Résolution 688 (1991)\n\nelu e avril 199!\n\nLe Conseil de sécurité,\n",
            &["Résolution 688 (1991)", "elu e avril 199!"],
            "S/RES/688 (1991)",
            "Le Conseil de sécurité,",
        ),
        // S/RES/105 (1954) (lines 1–4): the document the resolution was adopted from.
        (
            "105 (1954). Resolution of 28 July 1954\n[S/3274]\n\nThe Security Council,\n\nNoting with regret the death of Judge Sir Benegal",
            &["105 (1954). Resolution of 28 July 1954", "[S/3274]"],
            "S/RES/105 (1954)",
            "The Security Council,",
        ),
        // S/RES/161 (1961) (lines 1–6): the letter of the first part over the formula.
        (
            "161 (1961). Resolution of 21 February 1961\n[S/4741]\n\nA\n\nThe Security Council,\nHaving considered the situation in the Congo,",
            &["161 (1961). Resolution of 21 February 1961", "[S/4741]"],
            "S/RES/161 (1961)",
            "A",
        ),
    ];
    for (text, header, symbol, first) in cases {
        let (front, lines) = front_of(text);
        assert_eq!(front.header, header, "{text}");
        assert_eq!(front.symbol, Symbol::parse(symbol), "{text}");
        assert_eq!(lines[front.body_start], first, "{text}");
        assert!(front.resolution_markers, "{text}");
        assert_eq!(front.title, None, "{text}");
    }
}

/// S/RES/1 (1946) (yearbook, lines 1–5): a subject in capitals over the heading.
#[test]
fn sc_subject_over_the_heading() {
    let text = "MILITARY STAFF COMMITTEE\n\n1 (1946) Resolution of 25 January 1946\n\nBy Article 47 of the Charter, the United Nations have agreed that there shall be established a Military Staff Committee to advise and assist the Security Council and that the Military Staff Committee shall consist of the Chiefs of Staff of the permanent members of the Security Council or their representatives ;\n\nTherefore";
    let (front, _) = front_of(text);
    assert_eq!(front.symbol, Symbol::parse("S/RES/1 (1946)"));
    assert_eq!(front.subject.as_deref(), Some("Military Staff Committee"));
    assert_eq!(
        front.header,
        [
            "MILITARY STAFF COMMITTEE",
            "1 (1946) Resolution of 25 January 1946"
        ]
    );
    assert_eq!(front.body_start, 2);
}

/// Date lines under SC headings, and lines that open the same way but are text.
#[test]
fn date_lines() {
    let cases = [
        // S/RES/244 (1967), S/RES/688 (1991) (yearbook).
        ("of 22 December 1967", true),
        ("of 5 April 1991", true),
        // S/RES/279 (1970), S/RES/264 (1969), S/RES/465 (1980), S/RES/688 (1991) (French OCR).
        ("du 12 mai 1970", true),
        ("du 20 mars 1969", true),
        ("du 1er mars 1980", true),
        ("elu e avril 199!", true),
        // Text: A/RES/80/31 (Markdown), S/RES/264 (1969) (French OCR), S/RES/244 (1967).
        (
            "of nuclear weapons and other weapons of mass destruction, with a view to strengthening international peace and security, in accordance with the purposes and principles of the Charter of the United Nations,",
            false,
        ),
        (
            "du Sud en Namibie est illégale et contraire aux principes",
            false,
        ),
        ("The Security Council,", false),
        ("Le Conseil de sécurité,", false),
    ];
    for (line, want) in cases {
        assert_eq!(date_line(line), want, "{line}");
    }
}

/// The GA title found before the body is read, with the line after it: A/RES/80/31 (Markdown,
/// lines 12–25).
#[test]
fn ga_title_of_a_markdown_text() {
    let text = [
        "United Nations",
        "",
        "General Assembly Distr.: General 3 December 2025",
        "",
        "Eightieth session Agenda item 99 (j) General and complete disarmament:",
        "nuclear-weapon-free southern hemisphere and adjacent areas",
        "",
        "Resolution adopted by the General Assembly on 1 December 2025",
        "",
        "[on the report of the First Committee (A/80/534, para. 7)]",
        "",
        "80/31. Nuclear-weapon-free southern hemisphere and adjacent areas",
        "",
        "The General Assembly,",
    ]
    .join("\n");
    let lines = split_lines(&text);
    let (i, symbol, title, next) = ga_title(&lines).expect("a title line");
    assert_eq!(i, 6);
    assert_eq!(symbol, Symbol::parse("A/RES/80/31").unwrap());
    assert_eq!(
        title,
        "Nuclear-weapon-free southern hemisphere and adjacent areas"
    );
    assert_eq!(lines[next].text, "The General Assembly,");
    // An SC heading is no GA title line.
    assert!(
        ga_title(&split_lines(
            "Resolution 244 (1967)\nof 22 December 1967\n\nThe Security Council,"
        ))
        .is_none()
    );
}

#[test]
fn subjects_in_sentence_case() {
    // S/RES/1 (1946) (yearbook).
    assert_eq!(
        sentence_case("MILITARY STAFF COMMITTEE"),
        "Military Staff Committee"
    );
    assert!(is_part_letter("A"));
    assert!(is_part_letter("B"));
    assert!(!is_part_letter("Annex"));
}
