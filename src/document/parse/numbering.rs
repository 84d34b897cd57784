//! Printed paragraph numbers: "5.", "12.", and the same as OCR damages them ("S.", "ll.", "I.",
//! "4,", "[7."), and the rule that turns a run of them into the numbers paragraphs are cited by.

/// A number printed at the start of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Printed {
    pub(super) value: u32,
    /// Read through OCR damage: letters for digits, a comma for the full stop.
    pub(super) damaged: bool,
}

/// The number a paragraph opens with: `1.`, `12.` (then a space or the end of the line), or an
/// OCR-damaged one of at most three characters: `S.` (5), `ll.` (11), `I.` (1), `4,`, `[7.` (17),
/// `1O.` (10).
pub(super) fn printed_number(line: &str) -> Option<Printed> {
    let b = line.as_bytes();
    let len = b.iter().take(4).take_while(|c| is_digit_like(c)).count();
    if len == 0 || len > 3 {
        return None;
    }
    let (punct, rest) = (b.get(len)?, &b[len + 1..]);
    if !matches!(punct, b'.' | b',') || !(rest.is_empty() || rest[0] == b' ') {
        return None;
    }
    let clean = b[..len].iter().all(u8::is_ascii_digit);
    if clean && *punct == b'.' {
        return Some(Printed {
            value: line[..len].parse().ok()?,
            damaged: false,
        });
    }
    // A damaged number is taken only where a digit stands first or the shape is unambiguous:
    // "I." and "S." alone are letters in many other places, and the caller checks the value.
    let mut value = 0u32;
    for &c in &b[..len] {
        let d = match c {
            b'0'..=b'9' => c - b'0',
            b'S' | b's' => 5,
            b'l' | b'I' | b'[' | b'|' | b']' => 1,
            b'O' | b'o' => 0,
            _ => return None,
        };
        value = value * 10 + u32::from(d);
    }
    (value > 0).then_some(Printed {
        value,
        damaged: true,
    })
}

fn is_digit_like(c: &u8) -> bool {
    matches!(
        c,
        b'0'..=b'9' | b'S' | b's' | b'l' | b'I' | b'[' | b'|' | b']' | b'O' | b'o'
    )
}

/// The numbers paragraphs are cited by, from what is printed on them (`None` for a paragraph
/// with no number). A printed number is the number, including when the text skips one. Where the
/// print cannot be right it is read as the number expected there: a damaged number ("S." for 5),
/// a number repeated or going back ("11." printed for 8 between 7 and 9), or one that jumps
/// ahead while the next is the expected one. `restart` marks the paragraphs after which
/// numbering may start again at 1 (a new part).
pub(super) fn cited_numbers(printed: &[Option<Printed>], restart: &[bool]) -> Vec<Option<u32>> {
    let mut out = Vec::with_capacity(printed.len());
    let mut last = 0u32;
    for (i, p) in printed.iter().enumerate() {
        let Some(p) = p else {
            out.push(None);
            continue;
        };
        if restart.get(i).copied().unwrap_or(false) && p.value == 1 {
            last = 0;
        }
        let expected = last + 1;
        let next = printed[i + 1..].iter().flatten().next().map(|n| n.value);
        // "11." between 7 and 9: the print is wrong, the sequence is not.
        let misprinted = p.damaged || p.value < expected || next == Some(expected + 1);
        let value = if p.value == expected || misprinted {
            expected
        } else {
            p.value
        };
        out.push(Some(value));
        last = value;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_printed_and_as_ocr_damaged_them() {
        let clean = |v| {
            Some(Printed {
                value: v,
                damaged: false,
            })
        };
        let damaged = |v| {
            Some(Printed {
                value: v,
                damaged: true,
            })
        };
        let cases = [
            ("1. Affirms that the fulfilment", clean(1)),
            ("12. Requests the Secretary-General", clean(12)),
            ("5.", clean(5)),
            // French OCR (unsc-fr): "I." for 1, "[7." for 17, "4," for 4; English: "S." for 5.
            ("I. Considère que", damaged(1)),
            ("[7. Décide que", damaged(17)),
            ("4, Prie le Secrétaire général", damaged(4)),
            ("S. Requests", damaged(5)),
            ("ll. Décide", damaged(11)),
            ("1O. Demande", damaged(10)),
            // Not numbers: a year, a symbol, a count, a word, a decimal.
            ("1993 (S/25354)", None),
            ("58/7 of 4 November 2003,", None),
            ("12, including the", damaged(12)),
            ("In view of", None),
            ("Secretary-General,", None),
            ("1.5 per cent", None),
            ("2248 (S-V), en date du 19 mai 1967", None),
        ];
        for (line, want) in cases {
            assert_eq!(printed_number(line), want, "{line}");
        }
    }

    fn run(printed: &[(u32, bool)]) -> Vec<u32> {
        let p: Vec<Option<Printed>> = printed
            .iter()
            .map(|&(value, damaged)| Some(Printed { value, damaged }))
            .collect();
        cited_numbers(&p, &vec![false; p.len()])
            .into_iter()
            .flatten()
            .collect()
    }

    #[test]
    fn the_print_is_the_number_unless_it_cannot_be() {
        assert_eq!(run(&[(1, false), (2, false), (3, false)]), [1, 2, 3]);
        // The text skips a number: kept.
        assert_eq!(run(&[(1, false), (2, false), (4, false)]), [1, 2, 4]);
        // S/RES/302 (1971) in French: "11." printed for 8.
        assert_eq!(
            run(&[(6, false), (7, false), (11, false), (9, false), (10, false)]),
            [6, 7, 8, 9, 10]
        );
        // Damaged: read as expected.
        assert_eq!(run(&[(1, true), (2, false), (3, false)]), [1, 2, 3]);
        // A repeated number.
        assert_eq!(
            run(&[(1, false), (2, false), (2, false), (4, false)]),
            [1, 2, 3, 4]
        );
    }

    #[test]
    fn a_new_part_may_start_again_at_one() {
        let p: Vec<Option<Printed>> = [1, 2, 1, 2, 3]
            .iter()
            .map(|&value| {
                Some(Printed {
                    value,
                    damaged: false,
                })
            })
            .collect();
        let restart = [false, false, true, false, false];
        assert_eq!(
            cited_numbers(&p, &restart),
            [Some(1), Some(2), Some(1), Some(2), Some(3)]
        );
    }
}
