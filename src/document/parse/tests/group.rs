//! Lines of real documents grouped into paragraphs: hard-wrapped SC yearbook texts (English and
//! French OCR), the GA 2025 PDF texts (one paragraph a line, or wrapped), Markdown, and the
//! `pdftotext -layout` copy of A/RES/73/6; paragraphs cut by a page break or a footnote block
//! joined again.

use super::super::footnotes::extract_footnotes;
use super::super::lines::split_lines;
use super::super::noise::drop_page_numbers;
use super::*;

/// The paragraphs of an excerpt, through the stages that come before grouping (lines, notes,
/// page numbers), then grouping and the rejoining of page breaks.
fn paragraphs(text: &str, layout: bool, wrapped: bool, markdown: bool) -> Vec<String> {
    let (lines, _) = extract_footnotes(split_lines(text));
    let lines = drop_page_numbers(lines);
    let mut raw = group_paragraphs(&lines, layout, wrapped, markdown);
    rejoin_page_breaks(&mut raw, wrapped);
    raw.into_iter().map(|p| p.text).collect()
}

/// S/RES/244 (1967) (yearbook, lines 15–27): wrapped lines joined up to the blank line; a line
/// that opens with a year ("1964 and its …") goes on the paragraph.
#[test]
fn wrapped_lines_of_a_yearbook_text() {
    let text = [
        "Noting from the said report of the Secretary-General",
        "that circumstances continue to require the presence of",
        "the United Nations Peace-keeping Force in Cyprus for",
        "a further period,",
        "",
        "Noting that the Government of Cyprus has agreed",
        "that it is necessary to continue the Force beyond 26",
        "December 1967,",
        "",
        "1. Reaffirms its resolution 186 (1964) of 4 March",
        "1964 and its subsequent resolutions as well as its",
        "expressions of consensus on this question;",
    ]
    .join("\n");
    assert_eq!(
        paragraphs(&text, false, true, false),
        [
            "Noting from the said report of the Secretary-General that circumstances continue to require the presence of the United Nations Peace-keeping Force in Cyprus for a further period,",
            "Noting that the Government of Cyprus has agreed that it is necessary to continue the Force beyond 26 December 1967,",
            "1. Reaffirms its resolution 186 (1964) of 4 March 1964 and its subsequent resolutions as well as its expressions of consensus on this question;",
        ]
    );
}

/// S/RES/183 (1963) (yearbook, lines 6–20): a citation's year wrapped to the next line, and a
/// hyphen at a line end that belongs to the word ("Secretary-⏎General").
#[test]
fn wrapped_citation_and_hyphen() {
    let text = [
        "Having considered the Secretary-General’s report as",
        "contained in document S/5448 and addenda, 5",
        "",
        "Recalling General Assembly resolution 1541 (XV) of",
        "15 December 1960,",
        "",
        "Recalling further Security Council resolution 180",
        "(1963) of 31 July 1963,",
        "",
        "Noting with appreciation the efforts of the Secretary-",
        "General in establishing contact between representatives",
        "of Portugal and representatives of African States,",
        "",
        "1. Regrets that this contact has not achieved the",
        "desired results, because of failure to reach agreement on",
    ]
    .join("\n");
    assert_eq!(
        paragraphs(&text, false, true, false),
        [
            "Having considered the Secretary-General’s report as contained in document S/5448 and addenda, 5",
            "Recalling General Assembly resolution 1541 (XV) of 15 December 1960,",
            "Recalling further Security Council resolution 180 (1963) of 31 July 1963,",
            "Noting with appreciation the efforts of the Secretary-General in establishing contact between representatives of Portugal and representatives of African States,",
            "1. Regrets that this contact has not achieved the desired results, because of failure to reach agreement on",
        ]
    );
}

/// S/RES/101 (1953) (yearbook, lines 19–43): the letters of the parts stand alone; a paragraph
/// that a blank line cut goes on in lower case.
#[test]
fn part_letters_and_a_cut_paragraph() {
    let text = [
        "A",
        "",
        "1. Finds that the retaliatory action at Qibya taken",
        "by armed forces of Israel on 14-15 October 1953 and",
        "all such actions constitute a violation of the cease-fire",
        "provisions of Security Council resolution 54 (1948) and",
        "are inconsistent with the parties’ obligations under the",
        "General Armistice Agreement between Israel and Jordan 10",
        "and the Charter of the United Nations;",
        "",
        "2. Expresses the strongest censure of that action,",
        "which can only prejudice the chances of that peaceful",
        "settlement which both parties, in accordance with the",
        "Charter, are bound to seek, and calls upon Israel to",
        "take effective measures to prevent all such actions in",
        "the future;",
        "",
        "B",
        "",
        "1. Takes note of the fact that there is substantial",
        "evidence of crossing of the demarcation line by unauthorized persons, often resulting in acts of violence, and",
        "",
        "requests the Government of Jordan to continue and",
        "strengthen the measures which it is already taking to",
        "prevent such crossings:",
    ]
    .join("\n");
    assert_eq!(
        paragraphs(&text, false, true, false),
        [
            "A",
            "1. Finds that the retaliatory action at Qibya taken by armed forces of Israel on 14-15 October 1953 and all such actions constitute a violation of the cease-fire provisions of Security Council resolution 54 (1948) and are inconsistent with the parties’ obligations under the General Armistice Agreement between Israel and Jordan 10 and the Charter of the United Nations;",
            "2. Expresses the strongest censure of that action, which can only prejudice the chances of that peaceful settlement which both parties, in accordance with the Charter, are bound to seek, and calls upon Israel to take effective measures to prevent all such actions in the future;",
            "B",
            "1. Takes note of the fact that there is substantial evidence of crossing of the demarcation line by unauthorized persons, often resulting in acts of violence, and requests the Government of Jordan to continue and strengthen the measures which it is already taking to prevent such crossings:",
        ]
    );
}

/// A/RES/80/5 (PDF text, lines 59–95): the annex's heading and title, "1." alone on its line
/// opening the next line's paragraph, and paragraph 2 cut by the page's notes and furniture.
/// (The running title printed under the running symbol, lines 85–86, is left out: the
/// running-title pass drops it before these stages.)
#[test]
fn numbers_alone_and_a_paragraph_over_a_page() {
    let text = [
        "Annex ",
        " ",
        " ",
        "Doha Political Declaration of the “World Social Summit” under the title “the ",
        "Second World Summit for Social Development” ",
        " ",
        "1. ",
        "We, Heads of State and Government and high representatives, have gathered in ",
        "Doha from 4 to 6 November 2025 at the Second World Summit for Social Development ",
        "to build a more just, inclusive, equitable and sustainable world, by addressing gaps, ",
        "assessing progress and recommitting to the Copenhagen Declaration on Social ",
        "Development and Programme of Action of the World Summit for Social Development 1 ",
        "and their implementation, and give momentum towards the implementation of the ",
        "2030 Agenda for Sustainable Development.2 ",
        "2. ",
        "We acknowledge the urgent need to address profound social challenges, ",
        "especially poverty, unemployment and social exclusion, that affect every country. It ",
        "is our task to address both their underlying and structural causes and their distressing ",
        "__________________ ",
        " ",
        "1 Report of the World Summit for Social Development, Copenhagen, 6–12 March 1995 (United ",
        "Nations publication, Sales No. E.96.IV.8), chap. I, resolution 1, annexes I and II. ",
        " ",
        "2 Resolution 70/1.",
        "",
        "A/RES/80/5 ",
        " ",
        "25-17700",
        "2/18 ",
        " ",
        "consequences in accordance with international law, including human rights ",
        "obligations, in order to reduce uncertainty, inequality and insecurity. ",
        "3. ",
        "We recognize that the three core themes of social development, namely, poverty ",
        "eradication, promotion of full and productive employment and decent work for all ",
    ]
    .join("\n");
    assert_eq!(
        paragraphs(&text, false, true, false),
        [
            "Annex",
            "Doha Political Declaration of the “World Social Summit” under the title “the Second World Summit for Social Development”",
            "1. We, Heads of State and Government and high representatives, have gathered in Doha from 4 to 6 November 2025 at the Second World Summit for Social Development to build a more just, inclusive, equitable and sustainable world, by addressing gaps, assessing progress and recommitting to the Copenhagen Declaration on Social Development and Programme of Action of the World Summit for Social Development 1 and their implementation, and give momentum towards the implementation of the 2030 Agenda for Sustainable Development.2",
            "2. We acknowledge the urgent need to address profound social challenges, especially poverty, unemployment and social exclusion, that affect every country. It is our task to address both their underlying and structural causes and their distressing consequences in accordance with international law, including human rights obligations, in order to reduce uncertainty, inequality and insecurity.",
            "3. We recognize that the three core themes of social development, namely, poverty eradication, promotion of full and productive employment and decent work for all",
        ]
    );
}

const RECALLING_80_12: [&str; 5] = [
    "Recalling its resolutions 53/72 of 4 December 1998, 54/43 of 1 December 1999,",
    "56/14 of 29 November 2001, 58/28 of 8 December 2003, 60/44 of 8 December 2005,",
    "62/13 of 5 December 2007, 64/22 of 2 December 2009, 66/20 of 2 December 2011,",
    "68/23 of 5 December 2013, 70/21 of 7 December 2015, 72/20 of 4 December 2017,",
    "74/24 of 12 December 2019 and 77/33 of 7 December 2022 on objective information on military matters, including transparency of military expenditures,",
];
const CONVINCED_80_12: &str = "Convinced that transparency in military matters is an essential element for building a climate of trust and confidence between States worldwide and that a better";
const FLOW_80_12: &str = "flow of objective information on military matters can help to relieve international tension and is therefore an important contribution to conflict prevention,";
const NOTING_80_12: &str = "Noting the role of the standardized reporting system, as instituted through its resolution 35/142 B, as an important instrument to enhance transparency in military matters,";
const CALLS_UPON_80_12: &str = "1. Calls upon Member States, with a view to achieving the broadest possible participation, to provide the Secretary-General, by 30 April annually, with a report on their military expenditures for the latest fiscal year for which data are available, using, preferably and to the extent possible, one of the online reporting forms, including, if appropriate, a nil report or the “single figure” report on military expenditures or any";
const OTHER_FORMAT_80_12: &str = "other format developed in the context of similar reporting on military expenditures to other international or regional organizations;";
const RECOMMENDS_80_12: &str = "2. Recommends the guidelines and recommendations for objective information on military matters to all Member States for implementation, fully taking into account specific political, military and other conditions prevailing in a region;";

/// A/RES/80/12 (PDF text, one paragraph a line; lines 26–30, 40–46 and 60–72): a list of
/// resolutions wrapped over lines that open with a symbol ("56/14 of 29 November 2001,") is one
/// paragraph; a paragraph cut by a blank line in mid-sentence, and one cut by a block of notes,
/// are joined again.
#[test]
fn one_paragraph_a_line_with_wrapped_lists_and_cuts() {
    let text = [
        RECALLING_80_12.join("\n").as_str(),
        "",
        CONVINCED_80_12,
        "",
        FLOW_80_12,
        "",
        NOTING_80_12,
        "",
        CALLS_UPON_80_12,
        "",
        "1 A/54/298.",
        "",
        "2 A/66/89, A/66/89/Corr.1, A/66/89/Corr.2 and A/66/89/Corr.3.",
        "",
        "3 See https://milex-reporting.unoda.org/en/states.",
        "",
        "4 See https://milex-reporting.unoda.org/en/reporting-tool.",
        "",
        OTHER_FORMAT_80_12,
        "",
        RECOMMENDS_80_12,
    ]
    .join("\n");
    assert_eq!(
        paragraphs(&text, false, false, false),
        [
            RECALLING_80_12.join(" "),
            format!("{CONVINCED_80_12} {FLOW_80_12}"),
            NOTING_80_12.to_string(),
            format!("{CALLS_UPON_80_12} {OTHER_FORMAT_80_12}"),
            RECOMMENDS_80_12.to_string(),
        ]
    );
}

/// A/RES/80/14 (PDF text, lines 26–31): a line cut before a bracket goes on the paragraph.
#[test]
fn one_paragraph_a_line_with_a_bracket_wrapped() {
    let recalling = "Recalling its resolutions 51/53 of 10 December 1996 and 56/17 of 29 November 2001 and all its other relevant resolutions, as well as those of the Organization of African Unity and of the African Union,";
    let further = "Recalling further the Cairo Declaration adopted on that occasion,2 in which it was emphasized that nuclear-weapon-free zones, especially in regions of tension, such as the Middle East, enhance global and regional peace and security,";
    let text = [
        recalling,
        "",
        "Recalling also the signing of the African Nuclear-Weapon-Free Zone Treaty",
        "(Treaty of Pelindaba) in Cairo on 11 April 1996,1",
        "",
        further,
    ]
    .join("\n");
    assert_eq!(
        paragraphs(&text, false, false, false),
        [
            recalling,
            "Recalling also the signing of the African Nuclear-Weapon-Free Zone Treaty (Treaty of Pelindaba) in Cairo on 11 April 1996,1",
            further,
        ]
    );
}

const TAKING_NOTE_80_11: &str = "Taking note of the report of the Secretary-General on peacebuilding and sustaining peace of 25 November 20242 and the inputs for the 2025 review of the peacebuilding architecture of the Peacebuilding Commission through its letter dated 13 November 20243 and the former Chairs of the Peacebuilding Commission through their letter dated 12 May 2025, and inputs from thematic and regional consultations, and encouraging relevant United Nations bodies and organs, including the Peacebuilding Commission, to consider the inputs further, and further acknowledging";
const INPUTS_80_11: &str = "the inputs from the group of independent eminent persons through its letter dated 21 November 2024,4";
const AFFIRMING_80_11: &str = "Affirming that the 2025 review of the peacebuilding architecture is aimed at further enhancing the implementation and impact of peacebuilding activities at the field level,";
const REAFFIRMS_80_11: &str = "1. Reaffirms all relevant resolutions relating to the mandate of the Peacebuilding Commission, and, mindful of the important role of the Commission, also reaffirms the need to strengthen its fulfilment by:";
const REQUESTING_80_11: &str = "Requesting the Peacebuilding Commission to establish a detailed, predictable and flexible annual programme of work reflecting, inter alia, its country- specific, regional and thematic issues, while also taking into consideration the programmes of work of the General Assembly, the Security Council and the Economic and Social Council, as appropriate;";

/// A/RES/80/11 (PDF text, lines 58–72): a paragraph cut by two notes is joined again; the
/// section heading "Peacebuilding Commission" stays apart from the paragraphs around it.
#[test]
fn notes_cut_a_paragraph_and_a_heading_stays_apart() {
    let text = [
        TAKING_NOTE_80_11,
        "",
        "2 A/79/552-S/2024/767.",
        "",
        "3 A/79/609-S/2024/827.",
        "",
        INPUTS_80_11,
        "",
        AFFIRMING_80_11,
        "",
        "Peacebuilding Commission",
        "",
        REAFFIRMS_80_11,
        "",
        REQUESTING_80_11,
    ]
    .join("\n");
    assert_eq!(
        paragraphs(&text, false, false, false),
        [
            format!("{TAKING_NOTE_80_11} {INPUTS_80_11}"),
            AFFIRMING_80_11.to_string(),
            "Peacebuilding Commission".to_string(),
            REAFFIRMS_80_11.to_string(),
            REQUESTING_80_11.to_string(),
        ]
    );
}

/// A/RES/80/24 (PDF text, lines 84–94): a sentence cut after "the 2013" by three notes.
#[test]
fn notes_cut_a_sentence_after_a_year() {
    let reaffirming = "Reaffirming the proposals submitted by the States members of the Conference on Disarmament that are members of the Group of 21 on the follow-up to the 2013";
    let high_level = "high-level meeting of the General Assembly on nuclear disarmament, pursuant to Assembly resolution 68/32 of 5 December 2013, as contained in documents of the Conference,11";
    let also = "Reaffirming also the importance and validity of the Conference on Disarmament as the sole multilateral disarmament negotiating forum, and expressing the need to adopt and implement a balanced and comprehensive programme of work on the basis of its agenda and dealing with, inter alia, four core issues, in accordance with the rules of procedure,12 and by taking into consideration the security concerns of all States,";
    let text = [
        reaffirming,
        "",
        "8 See resolution 50/245 and A/50/1027.",
        "",
        "9 A/51/218, annex.",
        "",
        "10 See Official Records of the General Assembly, Sixty-fourth Session, Supplement No. 27 (A/64/27), para. 18.",
        "",
        high_level,
        "",
        also,
    ]
    .join("\n");
    assert_eq!(
        paragraphs(&text, false, false, false),
        [format!("{reaffirming} {high_level}"), also.to_string()]
    );
}

/// A/RES/80/31 (Markdown, lines 27–42): wrapped lines of a list of resolutions, and a paragraph
/// that a blank line cut in mid-sentence.
#[test]
fn markdown_paragraphs() {
    let first = "Recalling its resolutions 51/45 B of 10 December 1996, 52/38 N of 9 December 1997, 53/77 Q of 4 December 1998, 54/54 L of 1 December 1999, 55/33 I of 20 November 2000, 56/24 G of 29 November 2001, 57/73 of 22 November 2002,";
    let rest = [
        "58/49 of 8 December 2003, 59/85 of 3 December 2004, 60/58 of 8 December 2005,",
        "61/69 of 6 December 2006, 62/35 of 5 December 2007, 63/65 of 2 December 2008,",
        "64/44 of 2 December 2009, 65/58 of 8 December 2010, 67/55 of 3 December 2012,",
        "69/35 of 2 December 2014, 70/45 of 7 December 2015, 71/51 of 5 December 2016,",
        "72/45 of 4 December 2017, 74/48 of 12 December 2019, 76/44 of 6 December 2021 and 78/50 of 4 December 2023,",
    ];
    let pursue = "Determined to pursue the total elimination of nuclear weapons,";
    let also = "Determined also to continue to contribute to the prevention of the proliferation of nuclear weapons in all its aspects and to the process of general and complete disarmament under strict and effective international control, in particular in the field";
    let of = "of nuclear weapons and other weapons of mass destruction, with a view to strengthening international peace and security, in accordance with the purposes and principles of the Charter of the United Nations,";
    let text = format!("{first}\n{}\n\n{pursue}\n\n{also}\n\n{of}", rest.join("\n"));
    assert_eq!(
        paragraphs(&text, false, true, true),
        [
            format!("{first} {}", rest.join(" ")),
            pursue.to_string(),
            format!("{also} {of}"),
        ]
    );
}

/// A/RES/73/6 (`pdftotext -layout`, lines 20–60): paragraphs open at the deeper indent; a
/// paragraph goes on over the footnote block, the job number and the page break. (The words the
/// justification split, "Confere nce", are mended by a later pass.)
#[test]
fn layout_paragraphs_by_indent() {
    let text = [
        "                      The General Assembly,",
        "                       Recalling its resolutions 2453 A (XXIII) of 20 December 1968, 37/90 of",
        "                 10 December 1982, 54/68 of 6 December 1999, 59/2 of 20 October 2004 and 72/79",
        "                 of 7 December 2017,",
        "                       Recognizing that the fiftieth anniversary of the first United Nations Confere nce",
        "                 on the Exploration and Peaceful Uses of Outer Space (UNISPACE+50) offers a",
        "                 unique opportunity for Member States to reflect on more than 50 years of achievement",
        "                 in space exploration and use and to chart the future contribution of the Committee on",
        "                 the Peaceful Uses of Outer Space to the global governance of outer space activities, 1",
        "                 at a time when more participants, representing both governmental agencies and",
        "                 non-governmental entities, including industry and the private sector, are increasingly",
        "                 becoming involved in ventures to explore and use space and carry out space activities,",
        "                       Emphasizing that, for the past 50 years, the Committee on the Peaceful Uses of",
        "                 Outer Space and its subcommittees, supported by the Office for Outer Space Affairs,",
        "                 have provided unique platforms to promote international cooperat ion in space",
        "                 activities at all levels, to foster dialogue among spacefaring and emerging space",
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
        "                      Convinced that the fulfilment of the 2030 Agenda for Sustainable",
        "                 Development, 2 of the Sendai Framework for Disaster Risk Reduction 2015–2030 3 and",
    ]
    .join("\n");
    assert_eq!(
        paragraphs(&text, true, true, false),
        [
            "The General Assembly,",
            "Recalling its resolutions 2453 A (XXIII) of 20 December 1968, 37/90 of 10 December 1982, 54/68 of 6 December 1999, 59/2 of 20 October 2004 and 72/79 of 7 December 2017,",
            "Recognizing that the fiftieth anniversary of the first United Nations Confere nce on the Exploration and Peaceful Uses of Outer Space (UNISPACE+50) offers a unique opportunity for Member States to reflect on more than 50 years of achievement in space exploration and use and to chart the future contribution of the Committee on the Peaceful Uses of Outer Space to the global governance of outer space activities, 1 at a time when more participants, representing both governmental agencies and non-governmental entities, including industry and the private sector, are increasingly becoming involved in ventures to explore and use space and carry out space activities,",
            "Emphasizing that, for the past 50 years, the Committee on the Peaceful Uses of Outer Space and its subcommittees, supported by the Office for Outer Space Affairs, have provided unique platforms to promote international cooperat ion in space activities at all levels, to foster dialogue among spacefaring and emerging space nations, to increase capacity-building efforts for developing countries and to continue to shape the global governance of outer space activities to benefit peopl e and the planet,",
            "Convinced that the fulfilment of the 2030 Agenda for Sustainable Development, 2 of the Sendai Framework for Disaster Risk Reduction 2015–2030 3 and",
        ]
    );
}

/// S/RES/264 (1969) (French OCR, lines 6–18): a paragraph cut in two by a block of notes,
/// joined again.
#[test]
fn french_paragraph_cut_by_notes() {
    let text = [
        "Prenant note des résolutions de l'Assemblée générale",
        "2248 (S-V), en date du 19 mai 1967, 2324 (XXII)",
        "",
        "1 Cette question, précédemment intitulée \"Question du Sud-Ouest africain\", a fait l'objet de résolutions ou décisions de",
        "la part du Conseil en 1968.",
        "",
        "2 Voir Documents officiels du Conseil de sécurité, vingt-",
        "quatrième année, Supplément de janvier, février et mars 1969.",
        "",
        "et 2325 (XXII), en date du 16 décembre 1967, 2372",
        "(XXII), en date du 12 juin 1968, et 2403 (XXIII),",
        "en date du 16 décembre 1968,",
        "",
        "Tenant compte de la résolution 2145 (XXI) de",
        "l'Assemblée générale, en date du 27 octobre 1966, par",
    ]
    .join("\n");
    assert_eq!(
        paragraphs(&text, false, true, false),
        [
            "Prenant note des résolutions de l'Assemblée générale 2248 (S-V), en date du 19 mai 1967, 2324 (XXII) et 2325 (XXII), en date du 16 décembre 1967, 2372 (XXII), en date du 12 juin 1968, et 2403 (XXIII), en date du 16 décembre 1968,",
            "Tenant compte de la résolution 2145 (XXI) de l'Assemblée générale, en date du 27 octobre 1966, par",
        ]
    );
}

/// S/RES/264 (1969) (French OCR, lines 49–63): a page number and a form feed between two
/// operative paragraphs, which stay apart.
#[test]
fn french_page_break_between_paragraphs() {
    let text = [
        "4. Déclare que les actes du Gouvernement sud-africain visant à détruire l'unité nationale et l'intégrité",
        "territoriale de la Namibie par la création de bantoustans",
        "sont contraires aux dispositions de la Charte des",
        "Nations Unies;",
        "",
        "1",
        "\u{c}5. Déclare que le Gouvernement sud-africain n'a",
        "aucun droit de promulguer le projet de loi relatif aux",
        "affaires du Sud-Ouest africain (South West Africa",
        "Affairs Bill),",
        "car une telle promulgation constituerait",
        "une violation des résolutions pertinentes de l'Assemblée",
        "générale;",
    ]
    .join("\n");
    assert_eq!(
        paragraphs(&text, false, true, false),
        [
            "4. Déclare que les actes du Gouvernement sud-africain visant à détruire l'unité nationale et l'intégrité territoriale de la Namibie par la création de bantoustans sont contraires aux dispositions de la Charte des Nations Unies;",
            "5. Déclare que le Gouvernement sud-africain n'a aucun droit de promulguer le projet de loi relatif aux affaires du Sud-Ouest africain (South West Africa Affairs Bill), car une telle promulgation constituerait une violation des résolutions pertinentes de l'Assemblée générale;",
        ]
    );
}

/// S/RES/277 (1970) (French OCR, lines 44–63 and 193–204): notes, a page number and a form feed
/// between two preambular paragraphs, which stay apart; and a word cut at a page's foot
/// ("supplémen-" ⏎ "6" ⏎ "taires"), joined again.
#[test]
fn french_pages_between_and_inside_paragraphs() {
    let text = [
        "Reconnaissant la légitimité de la lutte que mène le",
        "peuple de la Rhodésie du Sud pour obtenir la jouissance",
        "de ses droits tels qu'ils sont énoncés dans la Charte et",
        "conformément aux objectifs de la résolution 1514 (XV)",
        "de l'Assemblée générale,",
        "",
        "16 Le représentant de l'Inde a pris place à la table du Conseil à la 1533e séance, le 13 mars 1970.",
        "",
        "17 Voir Documents officiels du Conseil de sécurité, vingt-",
        "troisième année, Supplément d'octobre, novembre et décembre",
        "1968,",
        "document S/8954; et ibid., vingt-quatrième année, Sup",
        "plément d'avril, mai et juin 1969,",
        "document S/9252 et Add.l.",
        "",
        "5",
        "\u{c}Réaffirmant que la situation actuelle en Rhodésie du",
        "Sud constitue une menace à la paix et à la sécurité",
        "internationales,",
    ]
    .join("\n");
    assert_eq!(
        paragraphs(&text, false, true, false),
        [
            "Reconnaissant la légitimité de la lutte que mène le peuple de la Rhodésie du Sud pour obtenir la jouissance de ses droits tels qu'ils sont énoncés dans la Charte et conformément aux objectifs de la résolution 1514 (XV) de l'Assemblée générale,",
            "Réaffirmant que la situation actuelle en Rhodésie du Sud constitue une menace à la paix et à la sécurité internationales,",
        ]
    );

    let text = [
        "a) D'examiner les rapports sur l'application de la",
        "présente résolution qui seront présentés par le Secrétaire général;",
        "",
        "b) De demander aux Etats Membres, au sujet de",
        "l'application effective des dispositions énoncées dans",
        "la présente résolution, tous renseignements supplémen-",
        "",
        "6",
        "\u{c}taires qu'il pourra juger nécessaires pour s'acquitter",
        "dûment de son obligation de faire rapport au Conseil",
        "de sécurité;",
        "",
        "c) D'étudier les moyens par lesquels les Etats",
        "Membres pourraient appliquer de façon plus effective",
    ]
    .join("\n");
    assert_eq!(
        paragraphs(&text, false, true, false),
        [
            "a) D'examiner les rapports sur l'application de la présente résolution qui seront présentés par le Secrétaire général;",
            "b) De demander aux Etats Membres, au sujet de l'application effective des dispositions énoncées dans la présente résolution, tous renseignements supplémentaires qu'il pourra juger nécessaires pour s'acquitter dûment de son obligation de faire rapport au Conseil de sécurité;",
            "c) D'étudier les moyens par lesquels les Etats Membres pourraient appliquer de façon plus effective",
        ]
    );
}

/// S/RES/498 (1981) (French OCR, lines 21–29): "1." alone on its line.
#[test]
fn french_number_alone() {
    let text = [
        "Convaincu que la détérioration de la situation",
        "actuelle a de graves conséquences pour la paix et la",
        "sécurité au Moyen-Orient,",
        "",
        "1.",
        "Réaffirme sa résolution 425 (1978), aux termes",
        "de laquelle il",
        "",
        "a) Demande que soient strictement respectées",
    ]
    .join("\n");
    assert_eq!(
        paragraphs(&text, false, true, false),
        [
            "Convaincu que la détérioration de la situation actuelle a de graves conséquences pour la paix et la sécurité au Moyen-Orient,",
            "1. Réaffirme sa résolution 425 (1978), aux termes de laquelle il",
            "a) Demande que soient strictement respectées",
        ]
    );
}
