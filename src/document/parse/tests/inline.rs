//! Footnote calls and inline markup in paragraphs of real documents: the GA 2025 texts (PDF
//! text, calls as bare digits; Markdown, `[^N]` calls), the SC yearbooks (English and French
//! OCR, calls detached or glued to a year or a word), and A/RES/77/338 (French seed:
//! superscript calls, `*emphasis*`, `^{er}`). Paragraphs whose lines the source wraps are given
//! as the grouping stage joins them (with a space).

use std::collections::BTreeSet;

use super::*;

/// `text` with each `(from, to)` made once; `from` must occur exactly once in it.
fn edit(text: &str, edits: &[(&str, &str)]) -> String {
    let mut out = text.to_string();
    for (from, to) in edits {
        assert_eq!(out.matches(from).count(), 1, "{from:?} once in {text:?}");
        out = out.replacen(from, to, 1);
    }
    out
}

/// Reads the paragraphs of one document in order with one tracker of its `markers`, and checks
/// each paragraph's text and the markers it calls.
fn check(markers: &[u32], paragraphs: &[(&str, String, &[&str])]) {
    let mut calls = CallTracker::new(markers.iter().copied().collect::<BTreeSet<u32>>());
    for (text, want, called) in paragraphs {
        let got = inline(text, &mut calls);
        assert_eq!(&got.text, want, "{text}");
        assert_eq!(got.footnotes, *called, "{text}");
        // Every call is marked where it stands.
        for m in &got.markup {
            if let Markup::FootnoteRef { start, end, marker } = m {
                let digits: String = got.text[*start..*end]
                    .chars()
                    .map(super::super::footnotes::superscript_value)
                    .collect();
                assert_eq!(&digits, marker, "{text}");
            }
        }
    }
}

/// A/RES/80/12 (PDF text, lines 46–80 and 104): calls glued to the comma or semicolon that ends
/// a clause; a date and the closing's date are no calls.
#[test]
fn calls_after_punctuation() {
    let p46 = "Recalling, in that regard, the report of the Secretary-General on ways and means to implement the guidelines and recommendations for objective information on military matters, including, in particular, on how to strengthen and broaden participation in the standardized reporting system,1";
    let p48 = "Recalling also the report of the Group of Governmental Experts on the Operation and Further Development of the United Nations Standardized Instrument for Reporting Military Expenditures on further ways and means to implement the guidelines and recommendations for objective information on military matters, including, in particular, on how to strengthen and broaden participation in the standardized reporting system,2";
    let p50 = "Welcoming the new interactive web platform of the Secretariat on military expenditures,3 as well as the new online reporting tool,4 both available in the six official languages of the United Nations, thus increasing user-friendliness and facilitating the submission of reports, in accordance with resolution 66/20,";
    let p60 = "1. Calls upon Member States, with a view to achieving the broadest possible participation, to provide the Secretary-General, by 30 April annually, with a report on their military expenditures for the latest fiscal year for which data are available, using, preferably and to the extent possible, one of the online reporting forms, including, if appropriate, a nil report or the “single figure” report on military expenditures or any other format developed in the context of similar reporting on military expenditures to other international or regional organizations;";
    let p80 = "6. Takes note of the annual report of the Secretary-General;5";
    let closing = "52nd plenary meeting 1 December 2025";
    check(
        &[1, 2, 3, 4, 5],
        &[
            (p46, edit(p46, &[("system,1", "system,¹")]), &["1"]),
            (p48, edit(p48, &[("system,2", "system,²")]), &["2"]),
            (
                p50,
                edit(
                    p50,
                    &[("expenditures,3", "expenditures,³"), ("tool,4", "tool,⁴")],
                ),
                &["3", "4"],
            ),
            (p60, p60.to_string(), &[]),
            (
                p80,
                "6. Takes note of the annual report of the Secretary-General;⁵".to_string(),
                &["5"],
            ),
            (closing, closing.to_string(), &[]),
        ],
    );
}

/// A/RES/80/11 (PDF text, lines 28 and 58–66): calls glued to a year ("20242" is 2024 and the
/// call 2); a year alone stays.
#[test]
fn calls_glued_to_a_year() {
    let p28 = "Recalling the relevant provisions adopted at the Summit of the Future on 22 and 23 September 2024, and reaffirming all General Assembly and Security Council resolutions and statements by the President of the Security Council on peacebuilding and sustaining peace,1";
    let p58 = "Taking note of the report of the Secretary-General on peacebuilding and sustaining peace of 25 November 20242 and the inputs for the 2025 review of the peacebuilding architecture of the Peacebuilding Commission through its letter dated 13 November 20243 and the former Chairs of the Peacebuilding Commission through their letter dated 12 May 2025, and inputs from thematic and regional consultations, and encouraging relevant United Nations bodies and organs, including the Peacebuilding Commission, to consider the inputs further, and further acknowledging the inputs from the group of independent eminent persons through its letter dated 21 November 2024,4";
    check(
        &[1, 2, 3, 4],
        &[
            (p28, edit(p28, &[("peace,1", "peace,¹")]), &["1"]),
            (
                p58,
                edit(
                    p58,
                    &[
                        ("November 20242", "November 2024²"),
                        ("November 20243", "November 2024³"),
                        ("November 2024,4", "November 2024,⁴"),
                    ],
                ),
                &["2", "3", "4"],
            ),
        ],
    );
}

/// A/RES/80/5 (PDF text, lines 65–72, 110–136 and 164–170): calls detached after a word
/// ("Development 1 and"), after a comma ("Commitment, 7 which"), glued to a word
/// ("Development6") and after a full stop ("Development.2"); the dates, counts and years of
/// the same paragraphs stay.
#[test]
fn detached_and_glued_calls_of_a_declaration() {
    let p1 = "1. We, Heads of State and Government and high representatives, have gathered in Doha from 4 to 6 November 2025 at the Second World Summit for Social Development to build a more just, inclusive, equitable and sustainable world, by addressing gaps, assessing progress and recommitting to the Copenhagen Declaration on Social Development and Programme of Action of the World Summit for Social Development 1 and their implementation, and give momentum towards the implementation of the 2030 Agenda for Sustainable Development.2";
    let p6 = "6. We recommit to the Copenhagen Declaration and Programme of Action, as they remain relevant and valid, and the further initiatives for social development adopted by the General Assembly, including at its twenty-fourth special session,3 and to a continued global dialogue on social development issues.";
    let p8 = "8. We also reaffirm the intergovernmental commitments related to social development, including those in the political declarations of the Sustainable Development Goals Summits held in 2019 and 2023, 4 as well as the relevant commitments in the Pact for the Future and its annexes.5";
    let p9 = "9. We reaffirm the Addis Ababa Action Agenda of the Third International Conference on Financing for Development6 as an integral part of the 2030 Agenda. We are committed to its full implementation, which is critical for the realization of the Sustainable Development Goals and their targets.";
    let p10 = "10. We welcome the outcome document of the Fourth International Conference on Financing for Development, the Sevilla Commitment, 7 which renews the global financing for development framework, building on the Addis Ababa Action Agenda, and call for its timely and effective implementation.";
    let p13 = "13. We stress the need to take urgent and ambitious climate action in the implementation of the United Nations Framework Convention on Climate Change 8 and the Paris Agreement 9 in relation to climate mitigation, adaptation and the provision of the means of implementation, especially finance to developing countries.";
    let p14 = "14. We reaffirm all the principles of the Rio Declaration on Environment and Development, 10 including, inter alia, the principle of common but differentiated responsibilities, as set out in principle 7 thereof.";
    check(
        &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        &[
            (
                p1,
                edit(
                    p1,
                    &[
                        ("Development 1 and", "Development¹ and"),
                        ("Development.2", "Development.²"),
                    ],
                ),
                &["1", "2"],
            ),
            (p6, edit(p6, &[("session,3", "session,³")]), &["3"]),
            (
                p8,
                edit(
                    p8,
                    &[("2023, 4 as", "2023,⁴ as"), ("annexes.5", "annexes.⁵")],
                ),
                &["4", "5"],
            ),
            (p9, edit(p9, &[("Development6", "Development⁶")]), &["6"]),
            (
                p10,
                edit(p10, &[("Commitment, 7 which", "Commitment,⁷ which")]),
                &["7"],
            ),
            (
                p13,
                edit(
                    p13,
                    &[
                        ("Change 8 and", "Change⁸ and"),
                        ("Agreement 9 in", "Agreement⁹ in"),
                    ],
                ),
                &["8", "9"],
            ),
            (
                p14,
                edit(
                    p14,
                    &[("Development, 10 including", "Development,¹⁰ including")],
                ),
                &["10"],
            ),
        ],
    );
}

/// A/RES/80/31 (Markdown, lines 34–76): `[^N]` calls among bare ones, a call after a closing
/// quotation mark and a comma ("concerned”, 2"), and numbers that are none (a count, a date).
#[test]
fn markdown_and_plain_calls() {
    let p34 = "Recalling also the provisions on nuclear-weapon-free zones of the Final Document of the Tenth Special Session of the General Assembly, the first special session devoted to disarmament,1";
    let p36 = "Recalling further the adoption by the Disarmament Commission at its 1999 substantive session of a text entitled “Establishment of nuclear-weapon-free zones on the basis of arrangements freely arrived at among the States of the region concerned”, 2";
    let p44 = "Welcoming the entry into force on 22 January 2021 of the Treaty on the Prohibition of Nuclear Weapons[^3] and its reaffirmation of the conviction that the establishment of the internationally recognized nuclear-weapon-free zones on the basis of arrangements freely arrived at among the States of the region concerned enhances global and regional peace and security, strengthens the nuclear non‑proliferation regime and contributes towards realizing the objective of nuclear disarmament,";
    let p46 = "Recalling the Final Document of the 2010 Review Conference of the Parties to the Treaty on the Non-Proliferation of Nuclear Weapons,4 which reaffirmed the conviction that the establishment of nuclear-weapon-free zones contributes towards realizing the objectives of nuclear disarmament,";
    let p48 = "Stressing the importance of the treaties of Tlatelolco,5 Rarotonga,6 Bangkok[^7] and Pelindaba[^8] establishing nuclear-weapon-free zones, as well as the Antarctic Treaty,9 inter alia, for achieving a world entirely free of nuclear weapons,";
    let p60 = "Noting that 115 States are currently Parties or signatories to nuclear-weapon- free zone treaties,";
    let p64 = "Reaffirming the applicable principles and rules of international law relating to the freedom of the high seas and the rights of passage through maritime space, including those of the United Nations Convention on the Law of the Sea, 10";
    let p72 = "4. Calls upon all States concerned to continue to work together in order to facilitate adherence to the protocols to nuclear-weapon-free zone treaties by all relevant States that have not yet done so, in this regard recalls with appreciation the ratification by China, France, the Russian Federation and the United Kingdom of Great Britain and Northern Ireland of the Protocol to the Treaty on a Nuclear-Weapon- Free Zone in Central Asia[^11] and the steps taken by the United States of America towards the ratification of the protocols to the Treaty on a Nuclear-Weapon-Free Zone in Central Asia, to the Treaty of Pelindaba and to the Treaty of Rarotonga, and encourages progress with a view to concluding consultations between the nuclear- weapon States and the Parties to the Bangkok Treaty on the Protocol to that Treaty;";
    let p76 = "6. Welcomes the steps taken to conclude further nuclear-weapon-free zone treaties on the basis of arrangements freely arrived at among the States of the region concerned, including the steps taken towards the establishment of a nuclear-weapon- free zone in the Middle East, in accordance with, inter alia, the outcome of the 1995 Review and Extension Conference of the Parties to the Treaty on the Non‑Proliferation of Nuclear Weapons;12";
    let p84 = "10. Decides to include in the provisional agenda of its eighty-second session, under the item entitled “General and complete disarmament”, the sub-item entitled “Nuclear-weapon-free southern hemisphere and adjacent areas”.";
    let closing = "52nd plenary meeting 1 December 2025";
    check(
        &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
        &[
            (
                p34,
                edit(p34, &[("disarmament,1", "disarmament,¹")]),
                &["1"],
            ),
            (p36, edit(p36, &[("concerned”, 2", "concerned”,²")]), &["2"]),
            (p44, edit(p44, &[("Weapons[^3]", "Weapons³")]), &["3"]),
            (p46, edit(p46, &[("Weapons,4", "Weapons,⁴")]), &["4"]),
            (
                p48,
                edit(
                    p48,
                    &[
                        ("Tlatelolco,5", "Tlatelolco,⁵"),
                        ("Rarotonga,6", "Rarotonga,⁶"),
                        ("Bangkok[^7]", "Bangkok⁷"),
                        ("Pelindaba[^8]", "Pelindaba⁸"),
                        ("Treaty,9", "Treaty,⁹"),
                    ],
                ),
                &["5", "6", "7", "8", "9"],
            ),
            (p60, p60.to_string(), &[]),
            (p64, edit(p64, &[("Sea, 10", "Sea,¹⁰")]), &["10"]),
            (p72, edit(p72, &[("Asia[^11]", "Asia¹¹")]), &["11"]),
            (p76, edit(p76, &[("Weapons;12", "Weapons;¹²")]), &["12"]),
            (p84, p84.to_string(), &[]),
            (closing, closing.to_string(), &[]),
        ],
    );
}

/// S/RES/244 (1967) (yearbook, lines 6–22 and 28–31): calls among dates ("22 November, 21 24
/// November 22 and 3 December 23"), before the verb's object ("concerned 25 to the appeal");
/// a date with a marker's number ("beyond 26 December 1967") is none.
#[test]
fn yearbook_calls_among_dates() {
    let appeals = "Noting the appeals addressed by the Secretary-General to the Governments of Greece, Turkey and Cyprus on 22 November, 21 24 November 22 and 3 December 23 and the report of the Secretary-General of 8 December 1967, 24";
    let replies = "Noting the replies of the three Governments concerned 25 to the appeal of the Secretary-General of 3 December in which the Secretary-General proffered his good offices, and their replies 26 to his previous appeals,";
    let beyond = "Noting that the Government of Cyprus has agreed that it is necessary to continue the Force beyond 26 December 1967,";
    let extends = "2. Extends the stationing in Cyprus of the United Nations Peace-keeping Force established under the Council’s resolution 186 (1964), for a period of three months ending on 26 March 1968;";
    check(
        &[21, 22, 23, 24, 25, 26],
        &[
            (
                appeals,
                "Noting the appeals addressed by the Secretary-General to the Governments of Greece, Turkey and Cyprus on 22 November,²¹ 24 November²² and 3 December²³ and the report of the Secretary-General of 8 December 1967,²⁴".to_string(),
                &["21", "22", "23", "24"],
            ),
            (
                replies,
                "Noting the replies of the three Governments concerned²⁵ to the appeal of the Secretary-General of 3 December in which the Secretary-General proffered his good offices, and their replies²⁶ to his previous appeals,".to_string(),
                &["25", "26"],
            ),
            (beyond, beyond.to_string(), &[]),
            (extends, extends.to_string(), &[]),
        ],
    );
}

/// S/RES/101 (1953) (yearbook, lines 12–27, 74–89): calls after a year and after a name; the
/// vote ("by 9 votes to none, with 2 abstentions") holds the numbers of markers but no call.
#[test]
fn yearbook_calls_and_a_vote() {
    let reports = "Noting the reports of 27 October 1953 8 and 9 November 1953 9 to the Security Council by the Chief of Staff of the United Nations Truce Supervision Organization in Palestine and the statements to the Council by the representatives of Jordan and Israel,";
    let finds = "1. Finds that the retaliatory action at Qibya taken by armed forces of Israel on 14-15 October 1953 and all such actions constitute a violation of the cease-fire provisions of Security Council resolution 54 (1948) and are inconsistent with the parties’ obligations under the General Armistice Agreement between Israel and Jordan 10 and the Charter of the United Nations;";
    let requests = "4. Requests the Chief of Staff of the Truce Supervision Organization to report within three months to the Security Council with such recommendations as he may consider appropriate on compliance with and enforcement of the General Armistice Agreements, with particular reference to the provisions of this resolution and taking into account any agreement reached in pursuance of the request by the Government of Israel 11 for the convocation of a conference under article XI¥ of the General Armistice Agreement between Israel and Jordan.";
    let adopted = "Adopted at the 642nd meeting by 9 votes to none, with 2 abstentions (Lebanon, Union of Soviet Socialist Republics).";
    check(
        &[8, 9, 10, 11],
        &[
            (
                reports,
                edit(
                    reports,
                    &[
                        ("October 1953 8 and", "October 1953⁸ and"),
                        ("November 1953 9 to", "November 1953⁹ to"),
                    ],
                ),
                &["8", "9"],
            ),
            (
                finds,
                edit(finds, &[("Jordan 10 and", "Jordan¹⁰ and")]),
                &["10"],
            ),
            (
                requests,
                edit(requests, &[("Israel 11 for", "Israel¹¹ for")]),
                &["11"],
            ),
            (adopted, adopted.to_string(), &[]),
        ],
    );
}

/// French SC volumes (OCR): calls glued to a year ("197853", "198135", "194937"), after a
/// bracket ("(S/ 12869)62,") and to a word ("Organization63."). S/RES/443 (1978) line 7,
/// S/RES/498 (1981) lines 12–15 and 65–73, S/RES/435 (1978) lines 9–19 (whose notes the OCR
/// left without their markers: the markers are read from the calls).
#[test]
fn french_glued_calls() {
    let p443 = "Prenant acte du rapport du Secrétaire général sur l'opération des Nations Unies à Chypre, en date du ler décembre 197853,";
    let p443_2 = "1. Prolonge à nouveau, d'une période prenant fin le 15 juin 1979, le stationnement à Chypre de la Force des Nations Unies chargée du maintien de la paix qu'il a créée par sa résolution 186 (1964);";
    check(
        &[53, 54],
        &[
            (p443, edit(p443, &[("197853,", "1978⁵³,")]), &["53"]),
            (p443_2, p443_2.to_string(), &[]),
        ],
    );

    let p498 = "Ayant étudié le rapport du Secrétaire général sur la Force intérimaire des Nations Unies au Liban en date du 11 décembre 198135 et prenant acte des conclusions et recommandations qui y figurent,";
    let p498_3 = "3. Réitère sa détermination d'assurer l'application de la résolution 425 (1978) dans la totalité de la zone d'opération assignée à la Force intérimaire des Nations Unies au Liban jusqu'aux frontières internationale-ment reconnues, de façon que la Force puisse achever son déploiement et que l'Organisme des Nations Unies chargé de la surveillance de la trêve puisse reprendre ses fonctions normales, sans entraves, en vertu des dispositions de la Convention d'armistice général de 194937;";
    check(
        &[34, 35, 36, 37],
        &[
            (p498, edit(p498, &[("198135", "1981³⁵")]), &["35"]),
            (p498_3, edit(p498_3, &[("194937;", "1949³⁷;")]), &["37"]),
        ],
    );

    let p435 = "Ayant examiné le rapport présenté par le Secrétaire général en application du paragraphe 2 de la résolution 431 (1978)\" ainsi que la déclaration explicative qu'il a faite le 29 septembre 1978 devant le Conseil de sécurité (S/ 12869)62,";
    let p435_2 = "Prenant acte également de la lettre en date du 8 septembre 1978 adressée au Secrétaire général par le Président de la South West Africa People's Organization63.";
    check(
        &[61, 62, 63, 64, 65, 66],
        &[
            (p435, edit(p435, &[("12869)62,", "12869)⁶²,")]), &["62"]),
            (
                p435_2,
                edit(p435_2, &[("Organization63.", "Organization⁶³.")]),
                &["63"],
            ),
        ],
    );
}

/// A/RES/77/338 (French seed, lines 16, 42, 60–62 and 90): superscript calls already raised,
/// `^{er}`, and Markdown emphasis.
#[test]
fn superscripts_and_emphasis() {
    let mut none = CallTracker::new(BTreeSet::new());
    let date = inline(
        "Résolution adoptée par l'Assemblée générale le 1^{er} septembre 2023",
        &mut none,
    );
    assert_eq!(
        date.text,
        "Résolution adoptée par l'Assemblée générale le 1ᵉʳ septembre 2023"
    );
    assert!(date.footnotes.is_empty());

    let mut calls = CallTracker::new([1, 2, 3, 4, 5].into_iter().collect());
    let p42 = "Tenant compte de l'attachement des États membres de l'Organisation de Shanghai pour la coopération à la réalisation des objectifs définis dans le Programme de développement durable à l'horizon 2030¹,";
    let got = inline(p42, &mut calls);
    assert_eq!(got.text, p42);
    assert_eq!(got.footnotes, ["1"]);
    let start = p42.find('¹').unwrap();
    assert_eq!(
        got.markup,
        [Markup::FootnoteRef {
            start,
            end: start + '¹'.len_utf8(),
            marker: "1".into()
        }]
    );

    let p90 = "1. *Considère* que l'Organisation de Shanghai pour la coopération joue un rôle constructif dans le maintien de la paix,";
    let got = inline(p90, &mut calls);
    assert_eq!(
        got.text,
        "1. Considère que l'Organisation de Shanghai pour la coopération joue un rôle constructif dans le maintien de la paix,"
    );
    assert_eq!(
        got.markup,
        [Markup::Emphasis {
            start: 3,
            end: 3 + "Considère".len()
        }]
    );

    // Notes 2 and 3, as the footnote stage gives their text.
    let got = inline(
        "Nations Unies, *Recueil des Traités*, vol. 2896, n° 50518.",
        &mut none,
    );
    assert_eq!(
        got.text,
        "Nations Unies, Recueil des Traités, vol. 2896, n° 50518."
    );
    let start = "Nations Unies, ".len();
    assert_eq!(
        got.markup,
        [Markup::Emphasis {
            start,
            end: start + "Recueil des Traités".len()
        }]
    );
    let got = inline("*Ibid.*, vol. 729, n° 10485.", &mut none);
    assert_eq!(got.text, "Ibid., vol. 729, n° 10485.");
    assert_eq!(
        got.markup,
        [Markup::Emphasis {
            start: 0,
            end: "Ibid.".len()
        }]
    );
}

/// Asterisks in SC yearbook OCR that open no emphasis stay as printed: S/RES/100 (1953) line
/// 24, S/RES/449 (1979) line 6.
#[test]
fn lone_asterisks_stay() {
    let mut none = CallTracker::new(BTreeSet::new());
    for text in [
        "3. Relies on * the Chief of Staff of the Truce Supervision",
        "on the United Nations Disengagement Observer Force,**",
    ] {
        let got = inline(text, &mut none);
        assert_eq!(got.text, text);
        assert!(got.markup.is_empty(), "{text}");
    }
}

/// Without notes there are no calls: a paragraph's numbers stay as printed (A/RES/80/12).
#[test]
fn no_notes_no_calls() {
    let mut none = CallTracker::new(BTreeSet::new());
    let text = "Recalling its resolutions 53/72 of 4 December 1998, 54/43 of 1 December 1999, 56/14 of 29 November 2001,";
    let got = inline(text, &mut none);
    assert_eq!(got.text, text);
    assert!(got.footnotes.is_empty());
    assert!(matches!(
        glue_detached_calls(text, &mut none),
        Cow::Borrowed(_)
    ));
}

/// Markdown headings: none of the GA 2025 Markdown texts has one, so the shape is checked on
/// their own lines: text is no heading.
#[test]
fn markdown_heading_marks() {
    assert_eq!(
        markdown_heading("52nd plenary meeting 1 December 2025"),
        None
    );
    assert_eq!(markdown_heading("[^1]: Resolution S-10/2."), None);
}
