//! Stage 3: footnote definitions pulled out of the body, in every shape the development sets
//! have: a block under a separator line at a page foot (markers on lines of their own, or
//! "1 Report of …"), bodies between paragraphs ("6 Resolution 70/1."), superscript markers
//! ("¹ Résolution 70/1."), "1/ S/1994/262." (SC volumes), Markdown "[^6]: text" with indented
//! continuation lines, and "[1] text". A body is never dropped: one that nothing calls stays a
//! footnote of the document.

use super::SUPERSCRIPT_DIGITS;
use super::calls::is_called;
use super::front::sc_title_line;
use super::group::{ends_clause, join_into};
use super::lines::Line;
use crate::document::lexicon;

#[derive(Debug)]
pub(super) struct Note {
    pub(super) marker: String,
    pub(super) text: String,
}

pub(super) fn is_separator(line: &str) -> bool {
    line.len() >= 5 && line.bytes().all(|b| b == b'_')
}

/// `¹ Résolution 70/1.` → ("1", "Résolution 70/1.")
pub(super) fn superscript_definition(line: &str) -> Option<(String, &str)> {
    // Superscript digits are U+00B2, U+00B3, U+00B9 and U+2070..U+2079.
    if !matches!(line.as_bytes().first(), Some(0xC2 | 0xE2)) {
        return None;
    }
    let marker: String = line
        .chars()
        .take_while(|c| SUPERSCRIPT_DIGITS.contains(c))
        .map(superscript_value)
        .collect();
    if marker.is_empty() {
        return None;
    }
    let rest = line[line
        .char_indices()
        .find(|(_, c)| !SUPERSCRIPT_DIGITS.contains(c))
        .map(|(i, _)| i)
        .unwrap_or(line.len())..]
        .trim_start();
    (!rest.is_empty()).then_some((marker, rest))
}

pub(super) fn superscript_value(c: char) -> char {
    let i = SUPERSCRIPT_DIGITS.iter().position(|&d| d == c).unwrap_or(0);
    char::from(b'0' + i as u8)
}

/// `1/ S/1994/262.` or `27 One member (China) did not participate`: (marker, body, slash style).
pub(super) fn plain_definition(line: &str) -> Option<(String, &str, bool)> {
    // The marker, as OCR may have damaged it ("S4" for 54): digits, or digit-like letters
    // around at least one digit.
    let digit_like = |b: &u8| b.is_ascii_digit() || matches!(b, b'S' | b'l' | b'I' | b'O');
    let digits = line.bytes().take(4).take_while(digit_like).count();
    if digits == 0 || digits > 3 || !line.as_bytes()[..digits].iter().any(u8::is_ascii_digit) {
        return None;
    }
    let rest = &line[digits..];
    let (body, slash) = match rest.strip_prefix('/') {
        Some(r) => (r, true),
        None => (rest, false),
    };
    if !body.starts_with(' ') {
        return None;
    }
    let body = body.trim_start();
    let first = body.chars().next()?;
    // "8 2010 Review Conference of the Parties …": a note may open with a year.
    let year_first = body.len() > 6
        && body.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && body.as_bytes()[4] == b' '
        && body[5..].starts_with(char::is_uppercase);
    if !(first.is_uppercase() || "«\"“(".contains(first) || year_first) {
        return None;
    }
    // "4 November 2025", "15 States": a date or a count, not a note.
    let first_word = body.split_whitespace().next();
    if lexicon::number_is_not_a_call("", first_word) {
        return None;
    }
    let marker: String = line[..digits]
        .chars()
        .map(|c| match c {
            'S' => '5',
            'l' | 'I' => '1',
            'O' => '0',
            c => c,
        })
        .collect();
    Some((marker, body, slash))
}

/// `5. Ibid., Supplement for October, November and December 1963` → ("5", body): a number with
/// a full stop, then a body that reads like a note (an operative paragraph never does).
fn dotted_note(line: &str) -> Option<(String, &str)> {
    let digits = line.bytes().take(4).take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let body = line[digits..].strip_prefix(". ")?.trim_start();
    reads_like_a_note(body).then(|| (line[..digits].to_string(), body))
}

/// `[^6]: A/CONF.229/2017/8.` (Markdown) or `[6] A/CONF.229/2017/8.` → ("6", body).
fn bracket_definition(line: &str) -> Option<(String, &str)> {
    let rest = line.strip_prefix('[')?;
    let (caret, rest) = match rest.strip_prefix('^') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let close = rest.find(']')?;
    let marker = &rest[..close];
    if marker.is_empty() || marker.len() > 4 || !marker.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let after = &rest[close + 1..];
    let body = match after.strip_prefix(':') {
        Some(b) => b,
        None if !caret && after.starts_with(' ') => after,
        None => return None,
    };
    let body = body.trim_start();
    (!body.is_empty()).then(|| (marker.to_string(), body))
}

pub(super) fn is_marker_only(line: &str) -> bool {
    !line.is_empty() && line.len() <= 3 && line.bytes().all(|b| b.is_ascii_digit())
}

/// The way notes open: a reference to a document ("A/79/552-S/2024/767.", "See …", "Voir …",
/// "Ibid.", "Official Records …", "Resolution 70/1.").
fn reads_like_a_note(body: &str) -> bool {
    const OPENINGS: [&str; 20] = [
        "See ",
        "Ibid",
        "Idem",
        "Voir ",
        "Official Records",
        "Documents officiels",
        "Resolution",
        "Résolution",
        "Decision",
        "Décision",
        "United Nations",
        "Nations Unies",
        "Publication des Nations Unies",
        "Report of",
        "Rapport",
        "Available at",
        "Disponible",
        "The Conference of",
        "Supplement",
        "Supplément",
    ];
    if OPENINGS.iter().any(|o| body.starts_with(o)) {
        return true;
    }
    // A symbol: "A/79/552", "S/2024/767", "CD/1839", "NPT/CONF.2010/50".
    let head = body.split([' ', ',', ';']).next().unwrap_or("");
    head.contains('/')
        && head.starts_with(|c: char| c.is_ascii_uppercase())
        && head
            .split('/')
            .next()
            .is_some_and(|p| p.bytes().all(|b| b.is_ascii_uppercase()))
}

/// Removes footnote definitions from the body and returns them.
pub(super) fn extract_footnotes(lines: Vec<Line<'_>>) -> (Vec<Line<'_>>, Vec<Note>) {
    let mut body: Vec<Line<'_>> = Vec::with_capacity(lines.len());
    let mut notes: Vec<Note> = Vec::new();
    let mut cut = false; // a footnote block was removed just before the next body line
    let mut i = 0;
    // Plain "27 One member…" definitions need proof that they are notes: a call in the text,
    // the way notes read, or a paragraph they cut. The text is joined only when such a
    // definition turns up, which most texts never need.
    let mut all_text: Option<String> = None;
    // Whether the body up to `read` holds the resolution's closing (its adoption or meeting
    // line).
    let (mut closed, mut read) = (false, 0);
    while i < lines.len() {
        let line = &lines[i];
        if is_separator(&line.text) {
            i = separator_block(&lines, i + 1, &mut notes);
            cut = true;
            continue;
        }
        if let Some((marker, rest)) = superscript_definition(&line.text) {
            let text = definition_text(&lines, &mut i, rest, |l| {
                superscript_definition(l).is_some() || is_separator(l)
            });
            notes.push(Note { marker, text });
            cut = true;
            continue;
        }
        if let Some((marker, rest)) = bracket_definition(&line.text) {
            let text = continued_text(&lines, &mut i, rest);
            notes.push(Note { marker, text });
            cut = true;
            continue;
        }
        let after_gap = (line.blank_before || line.page_break || cut) && i > 0;
        if after_gap {
            // Under the adoption line, "5. Ibid., Supplement for …": a note, numbered as a
            // paragraph would be, that reads like a note.
            if let Some((marker, rest)) = dotted_note(&line.text).filter(|_| {
                // The body read so far is looked at once, and only for such a line.
                closed = closed || body[read..].iter().any(|l| lexicon::is_closing(&l.text));
                read = body.len();
                closed
            }) {
                let text = definition_text(&lines, &mut i, rest, |l| {
                    dotted_note(l).is_some() || plain_definition(l).is_some()
                });
                notes.push(Note { marker, text });
                cut = true;
                continue;
            }
        }
        if after_gap
            && let Some((marker, rest, slash)) =
                plain_definition(&line.text).filter(|_| sc_title_line(&line.text).is_none())
        {
            // A block between two halves of a paragraph: "… 2324 (XXII)" / "1 Cette
            // question …" / "et 2325 (XXII) …".
            let cuts_paragraph = body.last().is_some_and(|l| !ends_clause(&l.text))
                && lines
                    .get(block_end(&lines, i))
                    .is_some_and(|l| l.text.starts_with(char::is_lowercase));
            // A number opening a line after a gap is a note's, unless the line is an
            // operative paragraph that lost its full stop ("7 Calls upon …") or a
            // reference wrapped there ("20 (1982) of 17 September 1982").
            let not_text =
                lexicon::opening(rest) != lexicon::Opening::Operative && !rest.starts_with('(');
            let proven = slash
                || not_text
                || reads_like_a_note(rest)
                || cuts_paragraph
                || is_called(
                    all_text.get_or_insert_with(|| {
                        lines
                            .iter()
                            .map(|l| l.text.as_ref())
                            .collect::<Vec<_>>()
                            .join("\n")
                    }),
                    &marker,
                );
            if proven {
                let text = definition_text(&lines, &mut i, rest, |l| plain_definition(l).is_some());
                notes.push(Note { marker, text });
                cut = true;
                continue;
            }
        }
        let mut line = line.clone();
        if cut {
            line.page_break = true;
            cut = false;
        }
        body.push(line);
        i += 1;
    }
    (body, notes)
}

/// The line after a block of plain definitions starting at `lines[i]`: each runs up to a blank
/// line, a page break or the next definition.
fn block_end(lines: &[Line<'_>], mut i: usize) -> usize {
    while i < lines.len() && plain_definition(&lines[i].text).is_some() {
        i += 1;
        while i < lines.len()
            && !lines[i].blank_before
            && !lines[i].page_break
            && plain_definition(&lines[i].text).is_none()
        {
            i += 1;
        }
    }
    i
}

/// A footnote definition starting at `lines[*i]` with `first`, and the wrapped lines that go on
/// it up to a blank line, a page break or a line where `next_starts` sees another definition.
/// Leaves `*i` on the first line after it.
pub(super) fn definition_text(
    lines: &[Line<'_>],
    i: &mut usize,
    first: &str,
    next_starts: impl Fn(&str) -> bool,
) -> String {
    let mut text = first.to_string();
    *i += 1;
    while *i < lines.len()
        && !lines[*i].blank_before
        && !lines[*i].page_break
        && !next_starts(&lines[*i].text)
    {
        join_into(&mut text, &lines[*i].text);
        *i += 1;
    }
    text
}

/// A Markdown footnote's text: its first line and the lines after it up to the next definition
/// or a blank line; an indented line goes on even after a blank line.
fn continued_text(lines: &[Line<'_>], i: &mut usize, first: &str) -> String {
    let mut text = first.to_string();
    *i += 1;
    while *i < lines.len() {
        let l = &lines[*i];
        let indented = l.indent >= 2;
        if bracket_definition(&l.text).is_some() || ((l.blank_before || l.page_break) && !indented)
        {
            break;
        }
        join_into(&mut text, &l.text);
        *i += 1;
    }
    text
}

/// Reads the footnotes under a separator line, up to the end of the page.
/// Layout text interleaves markers and bodies; PDF text may give "1 Report of …" lines; flow
/// text gives markers and bodies in any order, so there bodies are split at sentence ends and
/// given to the markers in numeric order.
pub(super) fn separator_block(lines: &[Line<'_>], mut i: usize, notes: &mut Vec<Note>) -> usize {
    enum Item {
        Marker(String),
        /// "1 Report of …": a marker and the start of its body on one line.
        Definition(String, String),
        Body(String),
    }
    let mut items: Vec<Item> = Vec::new();
    while i < lines.len() {
        let line = &lines[i];
        if line.new_page || is_separator(&line.text) {
            break;
        }
        items.push(if is_marker_only(&line.text) {
            Item::Marker(line.text.to_string())
        } else if let Some((m, body, _)) = plain_definition(&line.text) {
            Item::Definition(m, body.to_string())
        } else {
            Item::Body(line.text.to_string())
        });
        i += 1;
    }
    if items.iter().any(|it| matches!(it, Item::Definition(..))) {
        // In reading order: a body line goes on the note it follows (the first lines on the
        // note a page before them, whose text they finish).
        let mut current: Option<usize> = notes.len().checked_sub(1);
        for it in items {
            match it {
                Item::Definition(marker, text) => {
                    notes.push(Note { marker, text });
                    current = Some(notes.len() - 1);
                }
                Item::Marker(marker) => {
                    notes.push(Note {
                        marker,
                        text: String::new(),
                    });
                    current = Some(notes.len() - 1);
                }
                Item::Body(b) => {
                    if let Some(c) = current {
                        join_into(&mut notes[c].text, &b);
                    }
                }
            }
        }
        return i;
    }
    let mut markers: Vec<String> = items
        .iter()
        .filter_map(|it| match it {
            Item::Marker(m) => Some(m.clone()),
            _ => None,
        })
        .collect();
    let bodies: Vec<&str> = items
        .iter()
        .filter_map(|it| match it {
            Item::Body(b) => Some(b.as_str()),
            _ => None,
        })
        .collect();
    let interleaved = matches!(items.first(), Some(Item::Marker(_)))
        && items
            .windows(2)
            .all(|w| !matches!((&w[0], &w[1]), (Item::Marker(_), Item::Marker(_))))
        && matches!(items.last(), Some(Item::Body(_)));
    if interleaved {
        for it in items {
            match it {
                Item::Marker(marker) => notes.push(Note {
                    marker,
                    text: String::new(),
                }),
                Item::Body(b) | Item::Definition(_, b) => {
                    if let Some(last) = notes.last_mut() {
                        join_into(&mut last.text, &b);
                    }
                }
            }
        }
        return i;
    }
    // Split body lines at sentence ends, as many pieces as there are markers.
    let mut groups: Vec<String> = vec![String::new()];
    let continues_previous = notes
        .last()
        .is_some_and(|n| !n.text.trim_end().ends_with('.'))
        && bodies
            .first()
            .is_some_and(|b| !b.starts_with(|c: char| c.is_uppercase()) || markers.is_empty());
    let wanted = markers.len() + usize::from(continues_previous);
    for b in &bodies {
        let cur = groups.last_mut().expect("groups is never empty");
        join_into(cur, b);
        if cur.ends_with('.') && groups.len() < wanted {
            groups.push(String::new());
        }
    }
    let mut groups = groups.into_iter();
    if continues_previous && let (Some(last), Some(first)) = (notes.last_mut(), groups.next()) {
        join_into(&mut last.text, &first);
    }
    markers.sort_by_key(|m| m.parse::<u32>().unwrap_or(u32::MAX));
    for marker in markers {
        notes.push(Note {
            marker,
            text: groups.next().unwrap_or_default(),
        });
    }
    i
}

#[cfg(test)]
#[path = "tests/footnotes.rs"]
mod tests;

#[cfg(test)]
#[path = "tests/footnotes_yearbooks.rs"]
mod yearbook_tests;
