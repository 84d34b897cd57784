//! Stage 7: paragraphs numbered the way diplomats cite them (PP, OP, P, H, C).

use super::front::is_enacting_formula;
use super::group::{operative_number, subparagraph_marker};
use super::inline::Inline;
use crate::document::cite::{find_citations, parse_date};
use crate::document::model::{DocumentKind, Language, Markup, Paragraph, ParagraphKind};

pub(super) fn is_closing(text: &str) -> bool {
    let t = text.trim();
    // Only 'İ' and the Kelvin sign lower-case to ASCII ("i̇", "k"), so the first and last
    // characters must be these ASCII letters themselves.
    let b = t.as_bytes();
    if !matches!(b.first(), Some(b'a' | b'A'))
        && !matches!(b.last(), Some(b'e' | b'E' | b'g' | b'G'))
    {
        return false;
    }
    ends_with_lower(t, "séance plénière")
        || ends_with_lower(t, "plenary meeting")
        || (starts_with_lower(t, "adopt")
            && [
                "adopted unanimously",
                "adopted at the",
                "adopted by ",
                "adopted without",
                "adoptée à l",
                "adoptée sans",
            ]
            .iter()
            .any(|p| starts_with_lower(t, p)))
}

/// `text.to_lowercase().starts_with(prefix)` for a lower-case `prefix`, without the copy.
/// Char by char lowering differs from `str::to_lowercase` only for a final capital sigma, and no
/// prefix here holds a sigma.
pub(super) fn starts_with_lower(text: &str, prefix: &str) -> bool {
    let mut want = prefix.chars();
    for c in text.chars() {
        for l in c.to_lowercase() {
            match want.next() {
                None => return true,
                Some(w) if w == l => {}
                Some(_) => return false,
            }
        }
    }
    want.next().is_none()
}

/// `text.to_lowercase().ends_with(suffix)` for a lower-case `suffix`, without the copy.
pub(super) fn ends_with_lower(text: &str, suffix: &str) -> bool {
    let mut want = suffix.chars().rev();
    for c in text.chars().rev() {
        for l in c.to_lowercase().rev() {
            match want.next() {
                None => return true,
                Some(w) if w == l => {}
                Some(_) => return false,
            }
        }
    }
    want.next().is_none()
}

/// The rest of `text` after `prefix`, compared in lower case (`prefix` is lower case and ends
/// with a space, so it never ends inside the lowering of one character).
pub(super) fn strip_prefix_lower<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let mut want = prefix.chars();
    for (i, c) in text.char_indices() {
        let mut lowered = c.to_lowercase();
        let Some(first) = lowered.next() else {
            continue;
        };
        match want.next() {
            None => return Some(&text[i..]),
            Some(w) if w == first => {}
            Some(_) => return None,
        }
        for l in lowered {
            if want.next() != Some(l) {
                return None;
            }
        }
    }
    want.next().is_none().then_some("")
}

/// Charter-style headings: "Chapitre VII: …", "Article 51", "CHAPTER I", short all-caps lines.
pub(super) fn looks_like_heading(text: &str) -> bool {
    let t = text.trim();
    // The number is read on the original text: lowering turns no other character into an ASCII
    // digit or one of "ivxlc" without adding a combining mark that fails the test anyway.
    let numbered = [
        "chapitre ",
        "chapter ",
        "article ",
        "section ",
        "partie ",
        "part ",
    ]
    .iter()
    .any(|p| {
        strip_prefix_lower(t, p).is_some_and(|rest| {
            rest.split([':', ' ', '.']).next().is_some_and(|n| {
                !n.is_empty()
                    && n.chars()
                        .all(|c| c.is_ascii_digit() || "ivxlcIVXLC".contains(c))
            })
        })
    });
    let count = t.chars().count();
    let caps = count <= 80
        && t.chars().any(|c| c.is_alphabetic())
        && t.chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase());
    (numbered && count <= 120) || caps
}

pub(super) fn number_paragraphs(
    inlined: Vec<Inline>,
    kind: DocumentKind,
    language: Language,
) -> Vec<Paragraph> {
    let has_operative = inlined.iter().any(|p| operative_number(&p.text).is_some());
    let resolution = kind == DocumentKind::Resolution && has_operative;
    let mut out: Vec<Paragraph> = Vec::with_capacity(inlined.len());
    let (mut pp, mut op, mut body, mut heading, mut closing) = (0, 0, 0, 0, 0);
    let mut seen_operative = false;
    for p in inlined {
        // Sub-paragraphs stay inside the paragraph they belong to.
        if subparagraph_marker(&p.text) && !out.is_empty() {
            let last = out.last_mut().expect("checked non-empty");
            if matches!(
                last.kind,
                ParagraphKind::Operative | ParagraphKind::Preambular | ParagraphKind::Body
            ) {
                let offset = last.text.len() + 1;
                last.text.push('\n');
                last.text.push_str(&p.text);
                last.markup
                    .extend(p.markup.into_iter().map(|m| shift(m, offset)));
                for f in p.footnotes {
                    if !last.footnotes.contains(&f) {
                        last.footnotes.push(f);
                    }
                }
                continue;
            }
        }
        let kind = if is_closing(&p.text)
            || (seen_operative && is_date_only(&p.text))
            || (closing > 0 && is_date_only(&p.text))
        {
            closing += 1;
            ParagraphKind::Closing
        } else if p.heading || is_enacting_formula(&p.text) {
            heading += 1;
            ParagraphKind::Heading
        } else if resolution && operative_number(&p.text).is_some() {
            seen_operative = true;
            op += 1;
            ParagraphKind::Operative
        } else if resolution && !seen_operative {
            pp += 1;
            ParagraphKind::Preambular
        } else if looks_like_heading(&p.text) {
            heading += 1;
            ParagraphKind::Heading
        } else if resolution {
            // Text after the operative part that is neither numbered nor closing.
            body += 1;
            ParagraphKind::Body
        } else {
            body += 1;
            ParagraphKind::Body
        };
        let id = match kind {
            ParagraphKind::Preambular => numbered_id("PP", pp),
            ParagraphKind::Operative => numbered_id("OP", op),
            ParagraphKind::Body => numbered_id("P", body),
            ParagraphKind::Heading => numbered_id("H", heading),
            ParagraphKind::Closing => numbered_id("C", closing),
        };
        out.push(Paragraph {
            id,
            kind,
            text: p.text,
            markup: p.markup,
            footnotes: p.footnotes,
            citations: Vec::new(),
        });
    }
    for p in &mut out {
        p.citations = find_citations(&p.text, language);
    }
    out
}

/// `PP12`: what `format!("{prefix}{n}")` gives, without the formatting machinery, once per paragraph.
pub(super) fn numbered_id(prefix: &str, n: u32) -> String {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut id = String::with_capacity(prefix.len() + digits.len() - at);
    id.push_str(prefix);
    id.extend(digits[at..].iter().map(|&d| char::from(d)));
    id
}

pub(super) fn shift(m: Markup, by: usize) -> Markup {
    match m {
        Markup::Emphasis { start, end } => Markup::Emphasis {
            start: start + by,
            end: end + by,
        },
        Markup::Superscript { start, end } => Markup::Superscript {
            start: start + by,
            end: end + by,
        },
        Markup::FootnoteRef { start, end, marker } => Markup::FootnoteRef {
            start: start + by,
            end: end + by,
            marker,
        },
    }
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
