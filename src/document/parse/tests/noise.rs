//! Layout noise in real documents: page furniture of the GA 2025 PDF texts (A/RES/80/…), of the
//! `pdftotext -layout` copies of A/RES/73/3 and 73/6, running titles at page tops, and the page
//! numbers of the French Security Council volumes (OCR).

use super::super::lines::split_lines;
use super::*;

fn lines_of(text: &str) -> Vec<Line<'_>> {
    split_lines(text)
}

fn texts(lines: &[Line<'_>]) -> Vec<String> {
    lines.iter().map(|l| l.text.to_string()).collect()
}

/// Lines that are page furniture, and lines next to them that are text.
#[test]
fn noise_lines_of_real_pages() {
    let cases = [
        // A/RES/80/5 (PDF text): job number, barcode, running symbol and page counters.
        ("25-17700 (E) ", true),
        ("*2517700* ", true),
        ("A/RES/80/5 ", true),
        ("A/RES/80/5", true),
        ("25-17700", true),
        ("25-17700 ", true),
        ("2/18 ", true),
        ("18/18 ", true),
        // A/RES/73/6 and A/RES/73/3 (`pdftotext -layout`): job number with its date stamp, the
        // barcode, and the page counter and job number on one line.
        (" 18-17962 (E)      021118", true),
        (" *1817962*", true),
        (" 18-16895 (E)     241018", true),
        (
            "2/5                                                                                                          18-17962",
            true,
        ),
        (
            "18-17962                                                                                                             3/5",
            true,
        ),
        // A/RES/73/6 (copy-paste): the date stamp alone on its line.
        ("021118", true),
        // Text of the same pages: masthead, title, paragraphs, notes, closing.
        ("United Nations ", false),
        ("General Assembly ", false),
        ("Distr.: General ", false),
        ("4 November 2025 ", false),
        ("Agenda item 25 (b) ", false),
        (
            "80/5. Doha Political Declaration of the “World Social Summit” under ",
            false,
        ),
        ("1. ", false),
        ("2030 Agenda for Sustainable Development.2 ", false),
        ("2 Resolution 70/1.", false),
        ("5 Resolution 79/1. ", false),
        ("28th plenary meeting ", false),
        ("52nd plenary meeting 1 December 2025", false),
        // A/RES/73/3 (layout): the running header holds the title: not a line of layout tokens
        // alone (the running-title pass takes it).
        (
            "A/RES/73/3                                                                                           on the fight against tuberculosis",
            false,
        ),
        // S/RES/105 (1954) and S/RES/244 (1967) (SC yearbook): heading, reference, notes.
        ("105 (1954). Resolution of 28 July 1954", false),
        ("[S/3274]", false),
        ("10 Adopted without vote.", false),
        ("1386th meeting.", false),
        ("8 December 1967, 24", false),
        // S/RES/341 (1973) (French OCR): the vote and a note.
        ("14 voix contre zéro", false),
        ("32 Ibid.", false),
        ("Rev.1 32, en date du 27 octobre 1973;", false),
    ];
    for (line, want) in cases {
        assert_eq!(is_noise(line), want, "{line:?}");
    }
}

/// The tokens page furniture is made of, one word at a time.
#[test]
fn layout_tokens() {
    // Job numbers: A/RES/80/5, A/RES/73/6; not a symbol's number or a date.
    for w in ["25-17700", "18-17962", "18-16895"] {
        assert!(is_job_number(w), "{w}");
    }
    for w in ["25-17700(E)", "2517700", "6–12", "S/8248/Add.7-9", "1995"] {
        assert!(!is_job_number(w), "{w}");
    }
    // Page counters: "2/18" (A/RES/80/5), "3/5" (A/RES/73/6), "10/10" (A/RES/73/3). Not the
    // resolutions a text cites ("56/14", "79/1", "70/1."), nor the "1/" of an SC note.
    for w in ["2/18", "18/18", "3/5", "10/10"] {
        assert!(is_page_counter(w), "{w}");
    }
    for w in ["56/14", "79/1", "70/1.", "1/", "80/5.", "S/3274"] {
        assert!(!is_page_counter(w), "{w}");
    }
    // Date stamps and language tags: "18-17962 (E)      021118" (A/RES/73/6).
    assert!(is_date_stamp("021118"));
    assert!(is_date_stamp("241018"));
    assert!(!is_date_stamp("2517700"));
    assert!(!is_date_stamp("1995,"));
    assert!(is_language_tag("(E)"));
    assert!(!is_language_tag("(b)"));
    assert!(!is_language_tag("(1954)."));
    // Running symbols: "A/RES/80/5"; "S/RES/1445 (2002)" with its year in brackets.
    assert!(is_running_symbol("A/RES/80/5"));
    assert!(is_running_symbol("S/RES/1445"));
    assert!(!is_running_symbol("A/RES/"));
    assert!(!is_running_symbol("A/80/534,"));
    assert!(is_year_paren("(2002)"));
    assert!(is_year_paren("(1967)"));
    assert!(!is_year_paren("(XXII)"));
    assert!(!is_year_paren("(1967),"));
}

/// The symbol a running header or a masthead prints.
#[test]
fn running_symbols_in_headers() {
    let cases = [
        // A/RES/73/6 and A/RES/73/3 (layout): the masthead's first line.
        (
            "                 United Nations                                                                            A/RES/73/6",
            Symbol::parse("A/RES/73/6"),
        ),
        // A/RES/73/3 (layout): a running header with the title's end.
        (
            "A/RES/73/3                                                                                      on the fight against tuberculosis",
            Symbol::parse("A/RES/73/3"),
        ),
        // A/RES/80/5 (PDF text).
        ("A/RES/80/5 ", Symbol::parse("A/RES/80/5")),
        // Text that names no running symbol: the masthead of A/RES/80/12, a reference.
        ("General Assembly Distr.: General 5 December 2025", None),
        (
            "[on the report of the First Committee (A/80/534, para. 7)]",
            None,
        ),
    ];
    for (line, want) in cases {
        assert_eq!(running_symbol_in(line), want, "{line:?}");
    }
}

/// "[S/3274]" (S/RES/105 (1954)) and "(S/3139/Rev.2]" (S/RES/101 (1953), OCR): the document a
/// resolution was adopted from; a GA committee reference is not one.
#[test]
fn document_references_under_sc_headings() {
    assert!(is_document_reference("[S/3274]"));
    assert!(is_document_reference("(S/3139/Rev.2]"));
    assert!(!is_document_reference(
        "[on the report of the First Committee (A/80/534, para. 7)]"
    ));
    assert!(!is_document_reference(
        "[without reference to a Main Committee (A/80/L.5)] "
    ));
    assert!(!is_document_reference("The Security Council,"));
}

/// A/RES/80/5 (PDF text, lines 40–92 and 141–163 of the file): the title printed at the top of
/// every page of the annex, under or over the running symbol. The running copies go; the title
/// line itself and the annex's title stay; the text the header cut is marked as after a page
/// break, so that it can be joined again.
#[test]
fn running_titles_of_a_ga_annex() {
    let text = [
        "80/5. Doha Political Declaration of the “World Social Summit” under ",
        "the title “the Second World Summit for Social Development” ",
        " ",
        " ",
        " ",
        "The General Assembly ",
        " ",
        "Adopts the Doha Political Declaration of the “World Social Summit” under the ",
        "title “the Second World Summit for Social Development”, as contained in the annex ",
        "to the present resolution. ",
        " ",
        "28th plenary meeting ",
        "4 November 2025 ",
        " ",
        " ",
        " ",
        "Annex ",
        " ",
        " ",
        "Doha Political Declaration of the “World Social Summit” under the title “the ",
        "Second World Summit for Social Development” ",
        " ",
        "1. ",
        "We, Heads of State and Government and high representatives, have gathered in ",
        "is our task to address both their underlying and structural causes and their distressing ",
        "__________________ ",
        " ",
        "2 Resolution 70/1.",
        "",
        "A/RES/80/5 ",
        "Doha Political Declaration of the “World Social Summit” under the ",
        "title “the Second World Summit for Social Development”",
        " ",
        "25-17700",
        "2/18 ",
        " ",
        "consequences in accordance with international law, including human rights ",
        "obligations, in order to reduce uncertainty, inequality and insecurity. ",
        "7 Resolution 79/323, annex.",
        "",
        "Doha Political Declaration of the “World Social Summit” under the ",
        "title “the Second World Summit for Social Development” ",
        "A/RES/80/5",
        " ",
        "3/18",
        "25-17700 ",
        " ",
        "12. We reaffirm that the eradication of poverty in all its forms and dimensions, ",
    ]
    .join("\n");
    // The title as the front matter gives it, and as the title line prints it.
    let titles = [
        "Doha Political Declaration of the \"World Social Summit\" under the title \"the Second World Summit for Social Development\" :",
        "Doha Political Declaration of the “World Social Summit” under the title “the Second World Summit for Social Development”",
    ];
    let lines = drop_running_titles(lines_of(&text), &titles);
    assert_eq!(
        texts(&lines),
        [
            "80/5. Doha Political Declaration of the “World Social Summit” under",
            "the title “the Second World Summit for Social Development”",
            "The General Assembly",
            "Adopts the Doha Political Declaration of the “World Social Summit” under the",
            "title “the Second World Summit for Social Development”, as contained in the annex",
            "to the present resolution.",
            "28th plenary meeting",
            "4 November 2025",
            "Annex",
            "Doha Political Declaration of the “World Social Summit” under the title “the",
            "Second World Summit for Social Development”",
            "1.",
            "We, Heads of State and Government and high representatives, have gathered in",
            "is our task to address both their underlying and structural causes and their distressing",
            "__________________",
            "2 Resolution 70/1.",
            "consequences in accordance with international law, including human rights",
            "obligations, in order to reduce uncertainty, inequality and insecurity.",
            "7 Resolution 79/323, annex.",
            "12. We reaffirm that the eradication of poverty in all its forms and dimensions,",
        ]
    );
    let at = |t: &str| {
        lines
            .iter()
            .find(|l| l.text.starts_with(t))
            .expect("line kept")
    };
    // The paragraph the page 2 header cut goes on after a page break.
    assert!(at("consequences in accordance").page_break);
    assert!(at("consequences in accordance").new_page);
    assert!(at("12. We reaffirm").page_break);
}

/// Without a title, nothing is a running title.
#[test]
fn no_title_no_running_title() {
    // A/RES/80/12 (PDF text): a paragraph that reads like the title's words stays.
    let text = "Recalling its resolutions 53/72 of 4 December 1998, 54/43 of 1 December 1999,\n56/14 of 29 November 2001, 58/28 of 8 December 2003, 60/44 of 8 December 2005,";
    let lines = drop_running_titles(lines_of(text), &[]);
    assert_eq!(lines.len(), 2);
}

/// Page numbers alone on a line before a form feed, in the French SC volumes (OCR), "s" for 5
/// included; a footnote's marker alone on its line is no page number.
#[test]
fn page_numbers_of_french_sc_volumes() {
    // S/RES/264 (1969), lines 50–57: "1" at the foot of the page.
    let text = [
        "4. Déclare que les actes du Gouvernement sud-africain visant à détruire l'unité nationale et l'intégrité",
        "territoriale de la Namibie par la création de bantoustans",
        "sont contraires aux dispositions de la Charte des",
        "Nations Unies;",
        "",
        "1",
        "\u{c}5. Déclare que le Gouvernement sud-africain n'a",
        "aucun droit de promulguer le projet de loi relatif aux",
    ]
    .join("\n");
    let lines = drop_page_numbers(lines_of(&text));
    assert_eq!(
        texts(&lines),
        [
            "4. Déclare que les actes du Gouvernement sud-africain visant à détruire l'unité nationale et l'intégrité",
            "territoriale de la Namibie par la création de bantoustans",
            "sont contraires aux dispositions de la Charte des",
            "Nations Unies;",
            "5. Déclare que le Gouvernement sud-africain n'a",
            "aucun droit de promulguer le projet de loi relatif aux",
        ]
    );
    assert!(lines[4].page_break);

    // S/RES/341 (1973), lines 11–17: "10" cuts a sentence that goes on over the page.
    let text = [
        "Voir Documents officiels du Conseil de sécurité, vingt-",
        "huitième année, Supplément d'octobre, novembre et décembre",
        "1973.",
        "",
        "10",
        "\u{c}de sécurité, contenu dans le document S/11052/",
        "Rev.1 32, en date du 27 octobre 1973;",
    ]
    .join("\n");
    let lines = drop_page_numbers(lines_of(&text));
    assert_eq!(
        texts(&lines),
        [
            "Voir Documents officiels du Conseil de sécurité, vingt-",
            "huitième année, Supplément d'octobre, novembre et décembre",
            "1973.",
            "de sécurité, contenu dans le document S/11052/",
            "Rev.1 32, en date du 27 octobre 1973;",
        ]
    );
    assert!(lines[3].page_break);

    // S/RES/465 (1980), lines 65–72: the OCR read the page number 5 as "s".
    let text = [
        "I Documents officiels du Conseil de sécurité. trente et unii.im•",
        "année,",
        "1969' séance.",
        "",
        "s",
        "\u{c}informations conformément à l'article 39 de son règlement intérieur provisoire,",
        "",
        "I. Félicite la Commission du Conseil de sécurité",
    ]
    .join("\n");
    let lines = drop_page_numbers(lines_of(&text));
    assert_eq!(
        texts(&lines),
        [
            "I Documents officiels du Conseil de sécurité. trente et unii.im•",
            "année,",
            "1969' séance.",
            "informations conformément à l'article 39 de son règlement intérieur provisoire,",
            "I. Félicite la Commission du Conseil de sécurité",
        ]
    );

    // S/RES/498 (1981), lines 40–43: "7" over a sub-paragraph on the next page.
    let text = [
        "56 Ibid., document S/14792.",
        "",
        "7",
        "\u{c}b) Demande à Israël de cesser immédiatement son",
    ]
    .join("\n");
    let lines = drop_page_numbers(lines_of(&text));
    assert_eq!(
        texts(&lines),
        [
            "56 Ibid., document S/14792.",
            "b) Demande à Israël de cesser immédiatement son",
        ]
    );

    // S/RES/318 (1972), lines 34–38: "37" is the marker of the note under it, not a page number.
    let text = [
        "36 Ibid., Supplément d'avril, mai et juin 1972.",
        "37",
        "Ibid., document S/10632.",
        "",
        "Rappelant en outre que, comme il a été affirmé dans",
    ]
    .join("\n");
    let lines = drop_page_numbers(lines_of(&text));
    assert_eq!(
        texts(&lines),
        [
            "36 Ibid., Supplément d'avril, mai et juin 1972.",
            "37",
            "Ibid., document S/10632.",
            "Rappelant en outre que, comme il a été affirmé dans",
        ]
    );
}
