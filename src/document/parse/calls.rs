//! Footnote calls as the text has them once the superscript is gone: a bare number after a word
//! ("Development 1 and"), glued to punctuation ("Agenda.2", "Council,5"), to a word
//! ("recommandations19", "Organization63."), to a year ("20242", "(1993)11"), in Markdown
//! (`[^6]`) or in brackets (`[1]`). A number that belongs to a date, a count, a meeting or a
//! reference ("on 1 April", "with 2 abstentions", "resolution 5") is never one.

use crate::document::lexicon;

/// How a call is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// " 2" after a word, a call alone.
    Detached,
    /// ",2", ".2", ")2", "”2": right after the punctuation that ends a clause or a title.
    AfterPunctuation,
    /// "recommandations19": glued to a lower-case word.
    AfterWord,
    /// "20242", "(1993)11": glued to a year.
    AfterYear,
}

/// The shape of a call to `marker` written at `start..start + marker.len()` in `text`, if the
/// digits there can be one. `text` holds the digits at that place.
pub(super) fn shape_at(text: &str, start: usize, marker: &str) -> Option<Shape> {
    let bytes = text.as_bytes();
    let end = start + marker.len();
    // After the call: the end, a space, or punctuation; never another digit or a letter
    // ("Youth4Disarmament", "2030").
    let after_ok =
        end == bytes.len() || matches!(bytes[end], b'\n' | b' ' | b',' | b'.' | b';' | b':' | b')');
    if !after_ok || start == 0 {
        return None;
    }
    let before = bytes[start - 1];
    if before == b' ' {
        let word_start = text[..start - 1].rfind([' ', '\n']).map_or(0, |s| s + 1);
        let prev = &text[word_start..start - 1];
        // What follows on the same line: a call often ends its line.
        let line_rest = text[end..].split('\n').next().unwrap_or("");
        return detached_call(prev, line_rest).then_some(Shape::Detached);
    }
    if before.is_ascii_digit() {
        // A year right before: four digits of 19xx or 20xx, not more.
        let year_ok = start >= 4
            && bytes[start - 4..start].iter().all(u8::is_ascii_digit)
            && matches!(&bytes[start - 4..start - 2], b"19" | b"20")
            && (start == 4 || !bytes[start - 5].is_ascii_digit());
        return year_ok.then_some(Shape::AfterYear);
    }
    if matches!(before, b',' | b'.' | b';' | b':' | b')') {
        // "resolution 79/43,4", "17 June 1925,1": lists put a space after their commas, so
        // digits glued to one are a call. A decimal ("1.5") is not.
        let decimal = before == b'.' && bytes[start - 2].is_ascii_digit();
        // After a full stop, a word of three letters at least ("Agenda.2"): "A.2", "No.2" and
        // "EC-94/DEC.2" are numbers of documents.
        let code = before == b'.' && {
            let word = &text[text[..start - 1]
                .rfind(char::is_whitespace)
                .map_or(0, |s| s + 1)..start - 1];
            word.chars().rev().take_while(|c| c.is_alphabetic()).count() < 3
                || word.contains(['/', '-', '‑'])
        };
        return (!decimal && !code).then_some(Shape::AfterPunctuation);
    }
    // Closing quotes ("…Summit”2") and lower-case letters ("recommandations19").
    let prev_char = text[..start].chars().next_back()?;
    if matches!(prev_char, '”' | '"' | '’' | '»') {
        return Some(Shape::AfterPunctuation);
    }
    if prev_char.is_lowercase() {
        // Not in a symbol or a code: "A/AC.105/1137", "CO2", "x2".
        let word_start = text[..start].rfind([' ', '\n', '/']).map_or(0, |s| s + 1);
        let word = &text[word_start..start];
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 3 && !word.contains(['/', '-']) {
            return Some(Shape::AfterWord);
        }
    }
    None
}

/// Whether a number standing alone after the word `prev`, with `rest` after it, is a call: it
/// follows a word or the punctuation ending one, and the words around it make it no count, date
/// or reference.
pub(super) fn detached_call(prev: &str, rest: &str) -> bool {
    let last = prev.chars().last().unwrap_or(' ');
    let core = prev.trim_end_matches([',', ';', ':', '.', ')', '”', '"', '’']);
    let digits = !core.is_empty() && core.bytes().all(|b| b.is_ascii_digit());
    let year = core.len() >= 4
        && core.as_bytes()[core.len() - 4..]
            .iter()
            .all(u8::is_ascii_digit);
    if !(last.is_alphabetic() || ",;:.)”\"’".contains(last) || year) {
        return false;
    }
    // "items 5, 6 and 7": a number after a number is the next of a list.
    if digits && !year {
        return false;
    }
    let mut words = rest
        .trim_start_matches([',', '.', ';', ':', ')'])
        .split_whitespace();
    let next = words.next();
    let after = words.next();
    let number = |w: &str| w.starts_with(|c: char| c.is_ascii_digit() || c == '(' || c == '/');
    // "paragraphs 2 to 4", "by 9 votes to none" count; "the Governments concerned 25 to the
    // appeal" calls.
    let to = next.is_some_and(|n| n == "to" || n == "à")
        && !after.is_some_and(|a| number(a) || a.starts_with("none") || a == "aucune");
    if !to && lexicon::number_is_not_a_call(prev, next) {
        return false;
    }
    let Some(next) = next else {
        return true;
    };
    // A number before another number, a bracket or a slash is part of a date or a reference,
    // unless a date begins there after a call ("dated 2 August, 11 5 August 12 and").
    if number(next) {
        let date_after = after.is_some_and(|a| lexicon::is_month(a.trim_end_matches(',')));
        return (!last.is_alphabetic() || year)
            && date_after
            && next.bytes().all(|b| b.is_ascii_digit());
    }
    // What counts ("Goals 5 and 16", "there are 2 nuclear-weapon States") is named by the
    // lexicon's words around the number: anything else is a call ("the report of the
    // Secretary-General 11 recommends", "1948 7 and 5 January").
    true
}

/// Whether `marker` is called anywhere in `text` in one of the shapes above.
pub(super) fn is_called(text: &str, marker: &str) -> bool {
    memchr::memmem::find_iter(text.as_bytes(), marker.as_bytes()).any(|start| {
        // Not inside a longer number ("12" in "2012" is a year, "1" in "15").
        let end = start + marker.len();
        let longer_after = text.as_bytes().get(end).is_some_and(u8::is_ascii_digit);
        !longer_after && shape_at(text, start, marker).is_some()
    }) || text.contains(&format!("[^{marker}]"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Real calls from the development sets: GA 2025 (PDF text and Markdown) and French SC OCR.
    #[test]
    fn calls_in_real_lines() {
        let cases = [
            (
                "Programme of Action of the World Summit for Social Development 1 and their",
                "1",
                Some(Shape::Detached),
            ),
            (
                "towards the implementation of the 2030 Agenda for Sustainable Development.2",
                "2",
                Some(Shape::AfterPunctuation),
            ),
            (
                "of the Tenth Special Session of the General Assembly, the first special session devoted to disarmament,1",
                "1",
                Some(Shape::AfterPunctuation),
            ),
            (
                "peacebuilding and sustaining peace of 25 November 20242 and the input",
                "2",
                Some(Shape::AfterYear),
            ),
            (
                "du Conseil de sécurité en date du 20 mars 199153",
                "53",
                Some(Shape::AfterYear),
            ),
            (
                "dans ses recommandations19 concernant",
                "19",
                Some(Shape::AfterWord),
            ),
            (
                "the Sevilla Commitment, 7 which renews",
                "7",
                Some(Shape::Detached),
            ),
            (
                "the Antarctic Treaty,9 inter alia",
                "9",
                Some(Shape::AfterPunctuation),
            ),
            // Not calls: a date, a count, a reference, a list of numbers, a word with a digit.
            ("52nd plenary meeting 1 December 2025", "1", None),
            ("adopted by 13 votes to none, with 2 abstentions", "2", None),
            ("in paragraph 7 of resolution 79/1", "7", None),
            (
                "submitted pursuant to resolution 79/43,4",
                "4",
                Some(Shape::AfterPunctuation),
            ),
            ("a growth of 1.5 per cent", "5", None),
            (
                "signed at Geneva on 17 June 1925,1 and reiterating",
                "1",
                Some(Shape::AfterPunctuation),
            ),
            ("the Youth4Disarmament initiative", "4", None),
            ("A/AC.105/1137", "7", None),
            (
                "held in 2019 and 2023, 4 as well as",
                "4",
                Some(Shape::Detached),
            ),
            // SC yearbook calls among dates, before the verb of their sentence.
            (
                "Noting that the report of the Secretary-General 11 recommends",
                "11",
                Some(Shape::Detached),
            ),
            (
                "Governments of Greece, Turkey and Cyprus on 22 November, 21 24 November",
                "21",
                Some(Shape::Detached),
            ),
            (
                "the letters dated 1 September 30 and 15 September 1977",
                "30",
                Some(Shape::Detached),
            ),
            (
                "Noting the replies of the three Governments concerned 25 to the appeal",
                "25",
                Some(Shape::Detached),
            ),
            (
                "the report of 12 February 1961, 3 bringing",
                "3",
                Some(Shape::Detached),
            ),
            // Counts and ranges, and decisions numbered after a full stop.
            ("operative paragraphs 2 to 4 of", "2", None),
            ("there are 2 nuclear-weapon States", "2", None),
            ("Sustainable Development Goals 5 and 16", "5", None),
            ("Executive Council decisions EC-M-33/DEC.1 and", "1", None),
            ("Recalling decisions C-24/DEC.4 and", "4", None),
        ];
        for (text, marker, want) in cases {
            let start = text
                .find(&format!(" {marker} "))
                .map_or_else(|| text.rfind(marker).expect("marker in text"), |s| s + 1);
            assert_eq!(shape_at(text, start, marker), want, "{text}");
        }
    }

    #[test]
    fn called_anywhere() {
        assert!(is_called(
            "Welcoming the report of the Secretary-General,5\n",
            "5"
        ));
        assert!(is_called(
            "the Treaty on the Prohibition of Nuclear Weapons[^3] and",
            "3"
        ));
        assert!(!is_called(
            "on 5 December 2016, 71/90 of 6 December 2016",
            "5"
        ));
        assert!(!is_called(
            "Adopted at the 2932nd meeting by 14 votes",
            "14"
        ));
    }
}
