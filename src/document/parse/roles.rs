//! What each block of a resolution is before it is numbered: the enacting formula, a closing
//! line, an annex or a part's label, a numbered paragraph, a sub-paragraph, a quotation, a
//! heading, or text that opens as a preambular or an operative paragraph does. Also the shapes
//! the grouping stage asks about: a sub-paragraph's label, a heading, a date alone.

use super::inline::Inline;
use super::numbering::{Printed, printed_number};
use crate::document::cite::parse_date;
use crate::document::lexicon::{self, Opening};

/// What a paragraph is, before it is numbered.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Role {
    Formula,
    Closing,
    /// "Annex", "Annex I": the paragraphs after it are the annex's.
    Annex(String),
    /// "A", "B.", "II", "Part A", "A. Restoration of peace and order": a part of the resolution.
    Part(String),
    Numbered(Printed),
    /// "(a) …", "i) …", "- …": goes inside the paragraph before it.
    Sub,
    /// A paragraph that opens with a quotation mark: a passage the paragraph before quotes
    /// (the Charter's words in S/RES/186 (1964)), never a paragraph of its own.
    Quote,
    Heading,
    Text(Opening),
    /// Nothing to read: "* *", ",", a rule.
    Empty,
}

pub(super) fn role(block: &Inline, previous: Option<&Role>) -> Role {
    let text = block.text.trim();
    if !text.chars().any(char::is_alphanumeric) {
        return Role::Empty;
    }
    if block.heading {
        return lexicon::annex_label(text).map_or(Role::Heading, Role::Annex);
    }
    if lexicon::is_closing(text) || (matches!(previous, Some(Role::Closing)) && is_date_only(text))
    {
        return Role::Closing;
    }
    if lexicon::is_enacting_formula(text) {
        return Role::Formula;
    }
    if let Some(label) = lexicon::annex_label(text) {
        return Role::Annex(label);
    }
    if let Some(label) = part_label(text) {
        return Role::Part(label);
    }
    if subparagraph_marker(text) {
        return Role::Sub;
    }
    if text.starts_with(['"', '“', '«', '„']) {
        return Role::Quote;
    }
    if let Some(n) = printed_number(text) {
        return Role::Numbered(n);
    }
    if looks_like_heading(text) {
        return Role::Heading;
    }
    Role::Text(lexicon::opening(text))
}

/// Parts come in sequences: "A" is a part when a "B" follows, "I" when a "II" follows. A lone
/// "I." that is not is the OCR of "1.", and a lone letter stays a part only when it stands
/// alone on its line.
pub(super) fn settle_parts(roles: &mut [Role], blocks: &[Inline]) {
    let labels: Vec<String> = roles
        .iter()
        .filter_map(|r| match r {
            Role::Part(l) => Some(l.clone()),
            _ => None,
        })
        .collect();
    for (role, block) in roles.iter_mut().zip(blocks) {
        let Role::Part(label) = role else { continue };
        let sequence = labels
            .iter()
            .any(|l| neighbours(label, l) || neighbours(l, label));
        let text = block.text.trim();
        let bare = text.trim_end_matches('.') == label;
        if sequence || (bare && !lexicon::is_roman(label)) {
            continue;
        }
        // Alone, "I." or "S." may be the OCR of "1." or "5."; with a title after it
        // ("III. Conclusion and call to action"), a label out of sequence heads a section.
        *role = match printed_number(text).filter(|_| bare) {
            Some(p) => Role::Numbered(p),
            None => Role::Heading,
        };
    }
}

/// Whether `b` follows `a` in a sequence of parts: "A" then "B", "II" then "III" ("I" is both a
/// letter and a numeral).
fn neighbours(a: &str, b: &str) -> bool {
    let letter = |s: &str| {
        let mut c = s.chars();
        match (c.next(), c.next()) {
            (Some(l), None) if l.is_ascii_uppercase() => Some(l as u32),
            _ => None,
        }
    };
    let by_letter = matches!((letter(a), letter(b)), (Some(x), Some(y)) if y == x + 1);
    let by_numeral = matches!((roman(a), roman(b)), (Some(x), Some(y)) if y == x + 1);
    by_letter || by_numeral
}

fn roman(s: &str) -> Option<u32> {
    let mut total = 0u32;
    let values: Vec<u32> = s
        .chars()
        .map(|c| match c {
            'I' => Some(1),
            'V' => Some(5),
            'X' => Some(10),
            'L' => Some(50),
            _ => None,
        })
        .collect::<Option<_>>()?;
    for (i, v) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|n| n > v) {
            total = total.checked_sub(*v)?;
        } else {
            total += v;
        }
    }
    (to_roman(total) == s).then_some(total)
}

fn to_roman(mut v: u32) -> String {
    let mut out = String::new();
    for (glyph, n) in [
        ("L", 50),
        ("XL", 40),
        ("X", 10),
        ("IX", 9),
        ("V", 5),
        ("IV", 4),
        ("I", 1),
    ] {
        while v >= n {
            out.push_str(glyph);
            v -= n;
        }
    }
    out
}

/// "A", "B.", "II", "Part A", "PART II", "A. Restoration of peace and order": the label of a
/// part of a resolution.
pub(super) fn part_label(text: &str) -> Option<String> {
    let t = text.trim();
    // A label is a capital letter or a Roman numeral, alone or before a short title, or after
    // "Part" or "Section".
    if t.len() > 200 || !t.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let named = matches!(t.as_bytes()[0], b'P' | b'S')
        && matches!(t.as_bytes().get(1), Some(b'a' | b'A' | b'e' | b'E'));
    let t = if named {
        lexicon::part_words()
            .find_map(|w| lexicon::strip_word_lower(t, w))
            .unwrap_or(t)
    } else {
        t
    };
    if !matches!(
        t.as_bytes().get(1),
        None | Some(b'.' | b' ' | b'I' | b'V' | b'X' | b'L')
    ) {
        return None;
    }
    let (label, title) = match t.split_once(". ") {
        Some((label, title)) => (label, Some(title)),
        None => (t.trim_end_matches('.'), None),
    };
    let single_letter = label.len() == 1 && label.bytes().all(|b| b.is_ascii_uppercase());
    if !(single_letter || lexicon::is_roman(label)) {
        return None;
    }
    // A title is a heading: capitalised, short, no sentence punctuation at its end.
    if let Some(title) = title
        && (!title.starts_with(char::is_uppercase)
            || title.ends_with([',', ';', '.', ':'])
            || title.split_whitespace().count() > 20)
    {
        return None;
    }
    Some(label.to_string())
}

/// "Adopts the following political declaration …:", "Approuve le texte suivant :": an operative
/// paragraph that introduces the text it adopts.
pub(super) fn adopts_what_follows(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with(':')
        && [
            "adopts the following",
            "approves the following",
            "adopte la",
            "adopte le",
            "adopte les",
            "approuve le texte",
        ]
        .iter()
        .any(|p| lexicon::starts_with_lower(t, p))
}

/// A title: capitalised, no sentence punctuation at its end, not too long ("Doha Political
/// Declaration of the “World Social Summit” …", "A call to action", "Follow-up").
pub(super) fn is_title_like(text: &str) -> bool {
    let t = text.trim();
    // A title ends on a word of weight, a sentence cut short on "the" or "of".
    let last = t.rsplit(' ').next().unwrap_or("");
    let cut_short = [
        "the", "of", "in", "and", "to", "for", "a", "an", "on", "by", "with", "de", "la", "le",
        "les", "des", "du", "et", "à", "en",
    ]
    .contains(&last);
    // "2025 Political Declaration on …" opens with a year.
    let year =
        t.len() > 5 && t.as_bytes()[..4].iter().all(u8::is_ascii_digit) && t.as_bytes()[4] == b' ';
    (t.starts_with(char::is_uppercase) || year)
        && !cut_short
        && !t.ends_with([',', ';', '.', ':'])
        && !t.contains('\n')
        && t.split_whitespace().nth(40).is_none()
}

/// `(a)`, `a)`, `(ii)`, `(1)`, `- `, `– `, `• ` opening a sub-paragraph. A year in brackets
/// ("(1993) of 5 March") is not one: numeric labels have at most two digits.
pub(super) fn subparagraph_marker(line: &str) -> bool {
    if let Some(rest) = line
        .strip_prefix("- ")
        .or_else(|| line.strip_prefix("– "))
        .or_else(|| line.strip_prefix("— "))
        .or_else(|| line.strip_prefix("• "))
    {
        // An item opens with a capital ("– The …"); "– in which it called upon …" is a dash
        // inside a sentence that the line happens to start with.
        return rest
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '«' || c == '“');
    }
    let s = line.strip_prefix('(').unwrap_or(line);
    // A label is at most four bytes, so the first `)` is looked for in the first five only.
    let head = &s.as_bytes()[..s.len().min(5)];
    let Some(close) = memchr::memchr(b')', head) else {
        return false;
    };
    let label = &s[..close];
    let after = &s[close + 1..];
    ((1..=4).contains(&label.len()) && label.bytes().all(|b| b.is_ascii_lowercase())
        || (1..=2).contains(&label.len()) && label.bytes().all(|b| b.is_ascii_digit()))
        && (after.is_empty() || after.starts_with(' '))
}

/// Charter-style headings: "Chapitre VII: …", "Article 51", "CHAPTER I", short all-caps lines.
pub(super) fn looks_like_heading(text: &str) -> bool {
    let t = text.trim();
    // At most 80 and 120 characters: the byte length bounds the count from above.
    let short = |n: usize| t.len() <= n || t.chars().nth(n).is_none();
    if !short(120) {
        return false;
    }
    // The number is read on the original text: lowering turns no other character into an ASCII
    // digit or one of "ivxlc" without adding a combining mark that fails the test anyway.
    // Heading words start with A, C, P, R, S or T (in any case).
    let numbered = matches!(
        t.as_bytes().first().map(u8::to_ascii_lowercase),
        Some(b'a' | b'c' | b'p' | b'r' | b's' | b't')
    ) && lexicon::heading_words().any(|w| {
        lexicon::strip_word_lower(t, w).is_some_and(|rest| {
            rest.split([':', ' ', '.']).next().is_some_and(|n| {
                !n.is_empty()
                    && n.chars()
                        .all(|c| c.is_ascii_digit() || "ivxlcIVXLC".contains(c))
            })
        })
    });
    let caps = short(80)
        && t.chars().any(|c| c.is_alphabetic())
        && t.chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase());
    (numbered && short(120)) || caps
}

pub(super) fn is_date_only(text: &str) -> bool {
    let t = text.trim();
    !surely_five_words(t) && t.split_whitespace().nth(4).is_none() && parse_date(t).is_some()
}

/// Four spaces each between two non-white-space characters separate five words at least: a
/// cheap answer for most lines, which stops within the first words. Anything else is left to
/// `split_whitespace`.
pub(super) fn surely_five_words(t: &str) -> bool {
    let b = t.as_bytes();
    let mut seen = 0;
    for i in 1..b.len().saturating_sub(1) {
        if b[i] != b' ' {
            continue;
        }
        let before = match b[i - 1] {
            c if c.is_ascii() => c.is_ascii_graphic(),
            _ => t[..i]
                .chars()
                .next_back()
                .is_some_and(|c| !c.is_whitespace()),
        };
        let after = match b[i + 1] {
            c if c.is_ascii() => c.is_ascii_graphic(),
            _ => t[i + 1..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_whitespace()),
        };
        if before && after {
            seen += 1;
            if seen == 4 {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str) -> Inline {
        Inline {
            text: text.to_string(),
            markup: Vec::new(),
            footnotes: Vec::new(),
            heading: false,
            blank_before: true,
        }
    }

    fn numbered(value: u32, damaged: bool) -> Role {
        Role::Numbered(Printed { value, damaged })
    }

    /// Blocks of real resolutions: GA 2025 (PDF text), SC yearbooks (English and French OCR).
    #[test]
    fn roles_of_real_blocks() {
        let cases = [
            ("The General Assembly,", Role::Formula),
            ("Le Conseil de sécurité,", Role::Formula),
            ("52nd plenary meeting 1 December 2025", Role::Closing),
            ("Adopted unanimously at the 1537th meeting.", Role::Closing),
            ("Annex", Role::Annex("Annex".into())),
            (
                "(a) Acceptance of the provisions of the Statute of the International Court of Justice;",
                Role::Sub,
            ),
            (
                "1. Decides to include in the provisional agenda of its eighty-first session the item",
                numbered(1, false),
            ),
            (
                "Recalling its resolutions 76/217 of 17 December 2021, 77/246 of 30 December 2022,",
                Role::Text(Opening::Preambular),
            ),
            (
                "Exige le retrait immédiat du territoire libanais de toutes les forces armées israéliennes.",
                Role::Text(Opening::Operative),
            ),
            (
                "“All Members shall refrain in their international relations from the threat or use of force",
                Role::Quote,
            ),
            ("CHAPTER VII", Role::Heading),
            ("* *", Role::Empty),
        ];
        for (text, want) in cases {
            assert_eq!(role(&block(text), None), want, "{text}");
        }
        // A date alone under a closing line closes too ("Adopted at the 52nd plenary meeting"
        // ⏎ "1 December 2025").
        assert_eq!(
            role(&block("1 December 2025"), Some(&Role::Closing)),
            Role::Closing
        );
    }

    /// Section labels of the annex of A/RES/80/3: I, II and III follow each other; with II
    /// left out, I and III are each alone, and head a section with their titles. "I." alone is
    /// the OCR of "1.".
    #[test]
    fn parts_in_sequence_and_alone() {
        let texts = [
            "I. Global context and shared commitments",
            "II. Implementation of the Awaza Programme of Action for Landlocked Developing Countries for the Decade 2024–2034",
            "Governance, accountability and monitoring",
            "III. Conclusion and call to action",
        ];
        let settled = |texts: &[&str]| {
            let blocks: Vec<Inline> = texts.iter().map(|t| block(t)).collect();
            let mut roles: Vec<Role> = blocks.iter().map(|b| role(b, None)).collect();
            settle_parts(&mut roles, &blocks);
            roles
        };
        let roles = settled(&texts);
        assert_eq!(roles[0], Role::Part("I".into()));
        assert_eq!(roles[1], Role::Part("II".into()));
        assert_eq!(roles[3], Role::Part("III".into()));
        let roles = settled(&[texts[0], texts[2], texts[3]]);
        assert_eq!(roles[0], Role::Heading);
        assert_eq!(roles[2], Role::Heading, "not 111");

        let blocks = [block("I."), block("Exige le retrait immédiat")];
        let mut roles: Vec<Role> = blocks.iter().map(|b| role(b, None)).collect();
        settle_parts(&mut roles, &blocks);
        assert_eq!(roles[0], numbered(1, true));
    }

    #[test]
    fn labels_of_parts() {
        assert_eq!(part_label("B").as_deref(), Some("B"));
        assert_eq!(part_label("Part II").as_deref(), Some("II"));
        assert_eq!(
            part_label("I. Decides to remain seized of the matter."),
            None
        );
        assert_eq!(part_label("Article 51"), None);
    }

    #[test]
    fn sub_paragraph_labels() {
        assert!(subparagraph_marker("(ii) the"));
        assert!(subparagraph_marker("b) Prie le Secrétaire général"));
        assert!(subparagraph_marker("– The Special Committee"));
        assert!(!subparagraph_marker("(1993) of 5 March 1993,"));
        assert!(!subparagraph_marker("– in which it called upon"));
    }

    #[test]
    fn headings_and_dates() {
        assert!(looks_like_heading(
            "Chapitre VII: Action en cas de menace contre la paix"
        ));
        assert!(looks_like_heading("Article 51"));
        assert!(!looks_like_heading("Articles 5 and 6 of the Convention"));
        assert!(is_date_only("1 December 2025"));
        assert!(is_date_only("du 12 mai 1970"));
        assert!(!is_date_only("Adopted at the 80th meeting"));
        assert!(is_title_like("Partnerships and support mechanisms"));
        assert!(!is_title_like(
            "Also decides to remain seized of the matter."
        ));
        assert!(!is_title_like("Welcoming the report of the"));
    }
}
