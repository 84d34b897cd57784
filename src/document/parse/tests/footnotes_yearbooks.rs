//! Footnote bodies in the Security Council yearbooks (English and French OCR) and the
//! superscript notes of A/RES/77/338 (French seed).

use super::super::lines::split_lines;
use super::tests::{extract, pairs};
use super::*;

/// A yearbook note numbered with a full stop, as a paragraph is, under the adoption line
/// (S/RES/183 (1963), lines 66–73); above it, "7." is a paragraph and stays one.
#[test]
fn yearbook_note_with_a_full_stop() {
    let text = [
        "7. Requests the Secretary-General to continue his",
        "efforts and report to the Security Council not later than",
        "1 June 1964.",
        "",
        "Adopted at the 1083rd meeting",
        "by 10 votes to none, with",
        "1 abstention (France).",
        "",
        "",
        "5. Ibid., Supplement for October, November and December 1963, documents S/5448 and Add.1-3.",
    ]
    .join("\n");
    let (notes, body) = extract(&text);
    assert_eq!(
        notes,
        pairs(&[(
            "5",
            "Ibid., Supplement for October, November and December 1963, documents S/5448 and Add.1-3."
        )])
    );
    assert_eq!(body.len(), 6);
    assert_eq!(body[0], "7. Requests the Secretary-General to continue his");
    // Before any closing, a numbered line is text, whatever it reads like.
    let (notes, _) = extract("The Security Council,\n\n5. Resolution 1541 (XV) is recalled.");
    assert!(notes.is_empty());
}

/// The notes of the SC yearbooks, English: under the adoption line, each on its line, one of them
/// wrapped (S/RES/244 (1967), lines 53–65; S/RES/101 (1953), lines 81–92; S/RES/105 (1954)).
#[test]
fn yearbook_notes() {
    let text = [
        "6. Decides to remain seized of this question and to",
        "reconvene for its further consideration as soon as",
        "circumstances and developments so require.",
        "",
        "Adopted unanimously at the",
        "1386th meeting.",
        "",
        " ",
        "",
        "21 Ibid., document S/8248/Add.3,",
        "22 Ibid., document S/8248/Add.5.",
        "23 Ibid., document S/8248/Add.6, para. 1.",
        "24 Ibid., document S/8286.",
        "25 Ibid., documents S/8248/Add.7-9.",
        "26 Ibid., document S/8248/Add.6, paras. 3 and 4.",
    ]
    .join("\n");
    let (notes, body) = extract(&text);
    assert_eq!(
        notes,
        pairs(&[
            ("21", "Ibid., document S/8248/Add.3,"),
            ("22", "Ibid., document S/8248/Add.5."),
            ("23", "Ibid., document S/8248/Add.6, para. 1."),
            ("24", "Ibid., document S/8286."),
            ("25", "Ibid., documents S/8248/Add.7-9."),
            ("26", "Ibid., document S/8248/Add.6, paras. 3 and 4."),
        ])
    );
    assert_eq!(
        body,
        [
            "6. Decides to remain seized of this question and to",
            "reconvene for its further consideration as soon as",
            "circumstances and developments so require.",
            "Adopted unanimously at the",
            "1386th meeting.",
        ]
    );

    let text = [
        "Adopted at the 642nd meeting",
        "by 9 votes to none, with 2",
        "abstentions (Lebanon, Union",
        "of Soviet Socialist Republics).",
        "",
        "8 Ibid., Eighth Year, 630th meeting, paras. 10-68 and appendices I-III.",
        "9 Ibid., 635th meeting, annex.",
        "10 Ibid., Fourth Year, Special Supplement No. 1.",
        "11 Ibid., Eighth Year, Supplement for October, November and",
        "December 1933, document s/3140.",
    ]
    .join("\n");
    let (notes, body) = extract(&text);
    assert_eq!(
        notes,
        pairs(&[
            (
                "8",
                "Ibid., Eighth Year, 630th meeting, paras. 10-68 and appendices I-III."
            ),
            ("9", "Ibid., 635th meeting, annex."),
            ("10", "Ibid., Fourth Year, Special Supplement No. 1."),
            (
                "11",
                "Ibid., Eighth Year, Supplement for October, November and December 1933, document s/3140."
            ),
        ])
    );
    assert_eq!(body.len(), 4, "the vote stays whole: {body:?}");

    let text = [
        "2. Decides further that this election shall take place",
        "prior to the regular election to be held at the same session to fill the five vacancies which will occur owing to the expiration on 5 February 1955 of the terms of",
        "five members.",
        "",
        "Adopted at the 677th meeting. 10",
        "",
        "",
        "10 Adopted without vote.",
    ]
    .join("\n");
    let (notes, body) = extract(&text);
    assert_eq!(notes, pairs(&[("10", "Adopted without vote.")]));
    assert_eq!(
        body.last().map(String::as_str),
        Some("Adopted at the 677th meeting. 10")
    );
}

/// The notes of the French SC volumes (OCR): a block that cuts a paragraph in two (S/RES/264
/// (1969), lines 6–17), and notes under the vote with a marker the OCR damaged ("S4" for 54,
/// S/RES/443 (1978), lines 28–33).
#[test]
fn french_yearbook_notes() {
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
    ]
    .join("\n");
    let lines = split_lines(&text);
    let (body, notes) = extract_footnotes(lines);
    let markers: Vec<&str> = notes.iter().map(|n| n.marker.as_str()).collect();
    assert_eq!(markers, ["1", "2"]);
    assert_eq!(
        notes[0].text,
        "Cette question, précédemment intitulée \"Question du Sud-Ouest africain\", a fait l'objet de résolutions ou décisions de la part du Conseil en 1968."
    );
    assert_eq!(
        notes[1].text,
        "Voir Documents officiels du Conseil de sécurité, vingt-quatrième année, Supplément de janvier, février et mars 1969."
    );
    let texts: Vec<&str> = body.iter().map(|l| l.text.as_ref()).collect();
    assert_eq!(
        texts,
        [
            "Prenant note des résolutions de l'Assemblée générale",
            "2248 (S-V), en date du 19 mai 1967, 2324 (XXII)",
            "et 2325 (XXII), en date du 16 décembre 1967, 2372",
            "(XXII), en date du 12 juin 1968, et 2403 (XXIII),",
            "en date du 16 décembre 1968,",
        ]
    );
    assert!(body[2].page_break, "the block cut the paragraph");

    let text = [
        "Adoptée à la 2107' séance par",
        "14 voix contre zéro\".",
        "",
        "53 Ibid., document S/12946.",
        "",
        "S4 Un membre (Chine) n'a pas participé au vote.",
    ]
    .join("\n");
    let (notes, body) = extract(&text);
    assert_eq!(
        notes,
        pairs(&[
            ("53", "Ibid., document S/12946."),
            ("54", "Un membre (Chine) n'a pas participé au vote."),
        ])
    );
    assert_eq!(
        body,
        ["Adoptée à la 2107' séance par", "14 voix contre zéro\"."]
    );
}

/// A/RES/77/338 (French GA seed, lines 58–68): superscript markers between two halves of a
/// paragraph.
#[test]
fn superscript_notes() {
    let text = [
        "Rappelant la signature, en juin 2011, du mémorandum d'accord entre le secrétariat de l'Organisation de Shanghai pour la coopération et l'Office des Nations",
        "",
        "¹ Résolution 70/1.",
        "",
        "² Nations Unies, *Recueil des Traités*, vol. 2896, n° 50518.",
        "",
        "³ *Ibid.*, vol. 729, n° 10485.",
        "",
        "⁴ Résolution 60/288.",
        "",
        "⁵ Résolution S-30/1, annexe.",
        "",
        "Unies contre la drogue et le crime qui vise à lutter efficacement contre la production, le commerce et le trafic de drogues,",
    ]
    .join("\n");
    let (body, notes) = extract_footnotes(split_lines(&text));
    let notes: Vec<(String, String)> = notes.into_iter().map(|n| (n.marker, n.text)).collect();
    assert_eq!(
        notes,
        pairs(&[
            ("1", "Résolution 70/1."),
            (
                "2",
                "Nations Unies, *Recueil des Traités*, vol. 2896, n° 50518."
            ),
            ("3", "*Ibid.*, vol. 729, n° 10485."),
            ("4", "Résolution 60/288."),
            ("5", "Résolution S-30/1, annexe."),
        ])
    );
    assert_eq!(body.len(), 2);
    assert!(body[1].page_break);
    assert_eq!(
        superscript_definition("¹ Résolution 70/1."),
        Some(("1".to_string(), "Résolution 70/1."))
    );
    // A superscript call inside a line opens no definition.
    assert_eq!(
        superscript_definition(
            "Se félicitant de l'attachement des États parties au Traité sur la non-prolifération des armes nucléaires³ qui"
        ),
        None
    );
}
