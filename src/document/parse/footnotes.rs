//! Stage 3: footnote definitions pulled out of the body.

use super::SUPERSCRIPT_DIGITS;
use super::front::sc_title_line;
use super::group::join_into;
use super::lines::Line;

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
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
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
    if !(first.is_uppercase() || "«\"“(".contains(first)) {
        return None;
    }
    Some((line[..digits].to_string(), body, slash))
}

pub(super) fn is_marker_only(line: &str) -> bool {
    !line.is_empty() && line.len() <= 3 && line.bytes().all(|b| b.is_ascii_digit())
}

/// Removes footnote definitions from the body and returns them.
pub(super) fn extract_footnotes(lines: Vec<Line<'_>>) -> (Vec<Line<'_>>, Vec<Note>) {
    let mut body: Vec<Line<'_>> = Vec::with_capacity(lines.len());
    let mut notes: Vec<Note> = Vec::new();
    let mut cut = false; // a footnote block was removed just before the next body line
    let mut i = 0;
    // Plain "27 One member…" definitions need proof that the number is called in the text.
    // Joined only when such a definition turns up, which most texts never need.
    let mut all_text: Option<String> = None;
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
        let after_gap = (line.blank_before || line.page_break || cut) && i > 0;
        if after_gap {
            if let Some((marker, rest, slash)) =
                plain_definition(&line.text).filter(|_| sc_title_line(&line.text).is_none())
            {
                if slash
                    || is_called(
                        all_text.get_or_insert_with(|| {
                            lines
                                .iter()
                                .map(|l| l.text.as_ref())
                                .collect::<Vec<_>>()
                                .join("\n")
                        }),
                        &marker,
                    )
                {
                    let text =
                        definition_text(&lines, &mut i, rest, |l| plain_definition(l).is_some());
                    notes.push(Note { marker, text });
                    cut = true;
                    continue;
                }
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
        text.push(' ');
        text.push_str(&lines[*i].text);
        *i += 1;
    }
    text
}

/// Reads the footnotes under a separator line, up to the end of the page.
/// Layout text interleaves markers and bodies; flow text gives markers and bodies in any order,
/// so there bodies are split at sentence ends and given to the markers in numeric order.
pub(super) fn separator_block(lines: &[Line<'_>], mut i: usize, notes: &mut Vec<Note>) -> usize {
    enum Item {
        Marker(String),
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
        } else {
            Item::Body(line.text.to_string())
        });
        i += 1;
    }
    let mut markers: Vec<String> = items
        .iter()
        .filter_map(|it| match it {
            Item::Marker(m) => Some(m.clone()),
            Item::Body(_) => None,
        })
        .collect();
    let bodies: Vec<&str> = items
        .iter()
        .filter_map(|it| match it {
            Item::Body(b) => Some(b.as_str()),
            Item::Marker(_) => None,
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
                Item::Body(b) => {
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
    if continues_previous {
        if let (Some(last), Some(first)) = (notes.last_mut(), groups.next()) {
            join_into(&mut last.text, &first);
        }
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

/// Whether `marker` is called in the text as a detached number (`… voting 27`, `… (1991), 83`).
pub(super) fn is_called(text: &str, marker: &str) -> bool {
    let bytes = text.as_bytes();
    // Non-overlapping occurrences, left to right.
    for start in memchr::memmem::find_iter(bytes, marker.as_bytes()) {
        let end = start + marker.len();
        // "… voting 27", or after a year: "Resolution of 17 May 1946 21".
        let after_year = start >= 6
            && bytes[start - 5..start - 1].iter().all(u8::is_ascii_digit)
            && !bytes[start - 6].is_ascii_digit();
        let before_ok = start >= 2
            && bytes[start - 1] == b' '
            && (!bytes[start - 2].is_ascii_digit() || after_year)
            && bytes[start - 2] != b'\n';
        let after_ok =
            end == bytes.len() || matches!(bytes[end], b'\n' | b' ' | b',' | b'.' | b';');
        if before_ok && after_ok {
            return true;
        }
    }
    false
}
