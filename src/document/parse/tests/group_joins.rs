//! Line-level rules of grouping: which lines go on the paragraph before them, where a clause
//! ends, how two lines are joined, and quotations left open.

use super::*;

/// Lines that go on the paragraph before them even where each line is a paragraph.
#[test]
fn lines_that_continue() {
    let cases = [
        // A/RES/80/12, A/RES/80/31 (GA 2025): wrapped lists of resolutions.
        (
            "56/14 of 29 November 2001, 58/28 of 8 December 2003, 60/44 of 8 December 2005,",
            true,
        ),
        (
            "58/49 of 8 December 2003, 59/85 of 3 December 2004, 60/58 of 8 December 2005,",
            true,
        ),
        // S/RES/183 (1963), S/RES/459 (1979): a citation's year.
        ("(1963) of 31 July 1963,", true),
        (
            "(1979) of 14 June 1979, as well as the statements made",
            true,
        ),
        // Openings of paragraphs: a number, a sub-paragraph, a preambular participle.
        (
            "1. Calls upon Member States, with a view to achieving the broadest possible participation,",
            false,
        ),
        (
            "(c) To continue consultations with relevant international bodies,",
            false,
        ),
        (
            "(ii) Inviting international financial institutions and regional development banks",
            false,
        ),
        (
            "Recalling also its resolution 77/35 of 7 December 2022,",
            false,
        ),
    ];
    for (line, want) in cases {
        assert_eq!(continues_line(line), want, "{line}");
    }
}

/// Where a clause ends, calls after it included.
#[test]
fn clause_ends() {
    let cases = [
        // S/RES/244 (1967), A/RES/80/12, A/RES/80/14, S/RES/264 (1969) (French).
        ("December 1967,", true),
        ("expressions of consensus on this question;", true),
        (
            "including, in particular, on how to strengthen and broaden participation in the standardized reporting system,1",
            true,
        ),
        ("(Treaty of Pelindaba) in Cairo on 11 April 1996,1", true),
        ("8 December 1967, 24", true),
        ("Nations Unies;", true),
        ("prevent such crossings:", true),
        // Cut in mid-sentence.
        ("and that a better", false),
        ("on the follow-up to the 2013", false),
        ("2248 (S-V), en date du 19 mai 1967, 2324 (XXII)", false),
        (
            "la présente résolution, tous renseignements supplémen-",
            false,
        ),
    ];
    for (line, want) in cases {
        assert_eq!(ends_clause(line), want, "{line}");
    }
}

/// Lines joined as a reader joins them: a space, a compound's hyphen kept, a syllable's dropped.
#[test]
fn joins() {
    let cases = [
        // S/RES/183 (1963): "Secretary-⏎General".
        (
            "Noting with appreciation the efforts of the Secretary-",
            "General in establishing contact between representatives",
            "Noting with appreciation the efforts of the Secretary-General in establishing contact between representatives",
        ),
        // S/RES/264 (1969) (French): "vingt-⏎quatrième".
        (
            "2 Voir Documents officiels du Conseil de sécurité, vingt-",
            "quatrième année, Supplément de janvier, février et mars 1969.",
            "2 Voir Documents officiels du Conseil de sécurité, vingt-quatrième année, Supplément de janvier, février et mars 1969.",
        ),
        // S/RES/277 (1970) (French): "supplémen-⏎taires".
        (
            "la présente résolution, tous renseignements supplémen-",
            "taires qu'il pourra juger nécessaires pour s'acquitter",
            "la présente résolution, tous renseignements supplémentaires qu'il pourra juger nécessaires pour s'acquitter",
        ),
        // S/RES/244 (1967): plain wrap.
        (
            "Noting that the Government of Cyprus has agreed",
            "that it is necessary to continue the Force beyond 26",
            "Noting that the Government of Cyprus has agreed that it is necessary to continue the Force beyond 26",
        ),
    ];
    for (acc, next, want) in cases {
        let mut s = acc.to_string();
        join_into(&mut s, next);
        assert_eq!(s, want);
    }
}

/// A quotation left open: "entitled “… among the States of the region concerned”" is closed;
/// A/RES/80/31 (Markdown) and A/RES/80/5 (PDF text).
#[test]
fn open_quotations() {
    assert!(!inside_quote(
        "Recalling further the adoption by the Disarmament Commission at its 1999 substantive session of a text entitled “Establishment of nuclear-weapon-free zones on the basis of arrangements freely arrived at among the States of the region concerned”, 2"
    ));
    assert!(inside_quote(
        "Doha Political Declaration of the “World Social Summit” under the title “the"
    ));
}
