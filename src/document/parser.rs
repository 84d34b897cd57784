//! The parser: raw text as users have it (PDF copies, web pages, OCR) into a structured `Document`.
//!
//! The pipeline runs in linear passes over lines:
//! 1. split into lines, noting page breaks (form feeds, runs of blank lines) and layout indentation;
//! 2. drop layout noise (running headers, job numbers, barcodes, page numbers);
//! 3. pull footnote definitions out of the body (superscript, `1/`, plain and separator blocks);
//! 4. split header, title and body; group body lines into paragraphs, reflowing hard wraps;
//! 5. rejoin paragraphs that a page break or a footnote block cut;
//! 6. inline pass: footnote calls, `*emphasis*`, `^{er}` superscripts;
//! 7. number paragraphs the way diplomats cite them (PP, OP, P) and find citations.

use std::borrow::Cow;
use std::collections::BTreeSet;

use super::citation::{find_citations, parse_date};
use super::model::{
    Document, DocumentKind, Footnote, Language, Markup, Paragraph, ParagraphKind, truncate_words,
};
use super::source::Source;
use super::symbol::Symbol;

const SUPERSCRIPT_DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

pub fn parse(source: &Source) -> Document {
    let lines = split_lines(&source.text);
    let layout = is_layout(&lines);
    let (lines, notes) = extract_footnotes(lines);
    let wrapped = is_hard_wrapped(&lines);
    let front = split_front(&lines);
    let language = source
        .meta
        .language
        .as_deref()
        .and_then(Language::parse)
        .unwrap_or_else(|| detect_language(&source.text));

    let mut raw = group_paragraphs(&lines[front.body_start..], layout, wrapped);
    rejoin_page_breaks(&mut raw);

    let markers: BTreeSet<u32> = notes.iter().filter_map(|n| n.marker.parse().ok()).collect();
    let mut calls = CallTracker::new(markers);
    let markdown = source.path.to_ascii_lowercase().ends_with(".md");
    let mut inlined: Vec<Inline> = raw
        .iter()
        .map(|p| {
            // "## Heading" in a Markdown file: the marks go, the line stays a heading.
            let heading = markdown.then(|| markdown_heading(&p.text)).flatten();
            let mut inl = inline(heading.unwrap_or(&p.text), &mut calls);
            inl.heading = heading.is_some();
            inl
        })
        .collect();
    inlined.retain(|p| !p.text.trim().is_empty());

    let kind = source
        .meta
        .kind
        .as_deref()
        .and_then(DocumentKind::parse)
        .unwrap_or_else(|| detect_kind(&front, &source.text));
    let paragraphs = number_paragraphs(inlined, kind, language);

    let footnotes = notes
        .into_iter()
        .map(|n| {
            let mut none = CallTracker::new(BTreeSet::new());
            let inl = inline(&n.text, &mut none);
            Footnote {
                citations: find_citations(&inl.text, language),
                marker: n.marker,
                text: inl.text,
                markup: inl.markup,
            }
        })
        .collect();

    let symbol = source
        .meta
        .symbol
        .as_deref()
        .and_then(Symbol::parse)
        .or_else(|| front.symbol.clone())
        .or_else(|| symbol_from_path(&source.path));
    let date = source
        .meta
        .date
        .clone()
        .or_else(|| adoption_date(&front.header, &paragraphs, symbol.as_ref()));
    let title = source
        .meta
        .title
        .clone()
        .or_else(|| front.title.clone())
        .or_else(|| {
            // A short first line above the enacting formula of a text without a symbol.
            front
                .header
                .first()
                .filter(|h| symbol.is_none() && h.chars().count() <= 150)
                .cloned()
        })
        .unwrap_or_else(|| inferred_title(&paragraphs, &symbol, &source.path));
    let id = source
        .meta
        .id
        .clone()
        .or_else(|| symbol.as_ref().map(Symbol::slug))
        .unwrap_or_else(|| slug_from_path(&source.path));

    Document {
        id,
        path: source.path.clone(),
        collection: source
            .meta
            .collection
            .clone()
            .unwrap_or_else(|| source.collection.clone()),
        title,
        symbol,
        date,
        kind,
        language,
        header: front.header,
        paragraphs,
        footnotes,
        cited_by: Vec::new(),
    }
}

// ---------------------------------------------------------------------------------------------
// 1. Lines

#[derive(Debug, Clone)]
struct Line<'a> {
    /// Borrowed from the source unless tabs, form feeds or runs of spaces had to be rewritten.
    text: Cow<'a, str>,
    indent: usize,
    /// A form feed, a run of blank lines, dropped noise or a footnote block came before this line.
    page_break: bool,
    /// At least one blank line came before this line.
    blank_before: bool,
    /// A new page starts here (form feed or a dropped running header): ends a footnote block.
    new_page: bool,
}

fn split_lines(text: &str) -> Vec<Line<'_>> {
    let running = running_titles(text);
    let mut since_page_top = usize::MAX;
    // Room for lines of 32 bytes on average; most are longer.
    let mut out = Vec::with_capacity(text.len() / 32 + 1);
    let mut blanks = 0usize;
    let mut page_break = false;
    let mut new_page = false;
    // Most texts hold neither form feeds nor tabs: one scan of the whole text spares a scan per line.
    let special = memchr::memchr2(b'\x0c', b'\t', text.as_bytes()).is_some();
    // `text.split('\n')`, with the memchr crate's vector search: core's is a word-at-a-time loop.
    let mut next = Some(0);
    while let Some(start) = next {
        let end =
            memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |p| start + p);
        next = (end < text.len()).then_some(end + 1);
        let raw = text[start..end].trim_end_matches('\r');
        let (feed, tab) = if special {
            let b = raw.as_bytes();
            (
                memchr::memchr(b'\x0c', b).is_some(),
                memchr::memchr(b'\t', b).is_some(),
            )
        } else {
            (false, false)
        };
        if feed {
            page_break = true;
            new_page = true;
            since_page_top = 0;
        }
        let cleaned = (feed || tab).then(|| raw.replace('\u{c}', "").replace('\t', " "));
        let view = cleaned.as_deref().unwrap_or(raw);
        let start_trimmed = view.trim_start();
        let trimmed = start_trimmed.trim_end();
        if trimmed.is_empty() {
            blanks += 1;
            continue;
        }
        let indent = view.len() - start_trimmed.len();
        since_page_top = since_page_top.saturating_add(1);
        if since_page_top <= PAGE_TOP_LINES
            && !running.is_empty()
            && running.contains(&header_key(trimmed))
        {
            page_break = true;
            new_page = true;
            continue;
        }
        if is_noise(trimmed) {
            page_break = true;
            new_page |= trimmed.split_whitespace().any(is_running_symbol);
            continue;
        }
        let text = match (&cleaned, collapse_spaces(trimmed)) {
            (_, Cow::Owned(s)) => Cow::Owned(s),
            (Some(_), Cow::Borrowed(t)) => Cow::Owned(t.to_string()),
            // Not rewritten: the same bytes, borrowed from the source for as long as it lives.
            (None, Cow::Borrowed(_)) => Cow::Borrowed(&raw[indent..indent + trimmed.len()]),
        };
        out.push(Line {
            text,
            indent,
            page_break: page_break || blanks >= 2,
            blank_before: blanks > 0,
            new_page,
        });
        blanks = 0;
        page_break = false;
        new_page = false;
    }
    out
}

/// How many lines at the top of a page may hold a running title.
const PAGE_TOP_LINES: usize = 4;

/// Running titles: lines that open two or more pages ("Political declaration of the high-level
/// meeting …" over every page of an annex), once the running symbol and page counter are removed.
fn running_titles(text: &str) -> std::collections::HashSet<String> {
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    // Fewer than three pages: no form feed, or only one (checked without splitting the text).
    if memchr::memchr_iter(b'\x0c', text.as_bytes())
        .nth(1)
        .is_none()
    {
        return Default::default();
    }
    let pages: Vec<&str> = text.split('\u{c}').collect();
    for page in &pages[1..] {
        let mut seen = std::collections::HashSet::new();
        for line in page
            .lines()
            .filter(|l| !l.trim().is_empty())
            .take(PAGE_TOP_LINES)
        {
            let key = header_key(line);
            if !key.is_empty() && seen.insert(key.clone()) {
                *counts.entry(key).or_insert(0) += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .map(|(k, _)| k)
        .collect()
}

fn header_key(line: &str) -> String {
    line.split_whitespace()
        .filter(|w| !is_running_symbol(w) && !is_page_counter(w) && !is_job_number(w))
        .collect::<Vec<_>>()
        .join(" ")
}

fn collapse_spaces(s: &str) -> Cow<'_, str> {
    let Some(first) = double_space(s.as_bytes()) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..first + 1]);
    let mut space = true;
    for c in s[first + 1..].chars() {
        if c == ' ' {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    Cow::Owned(out)
}

/// Position of the first two spaces in a row, eight bytes at a time: most lines have none.
fn double_space(b: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let mut chunks = b.chunks_exact(8);
    let mut base = 0;
    let mut prev_space = false; // the byte before this chunk is a space
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word) ^ (ONES * u64::from(b' '));
        // High bit set exactly in the bytes that were spaces (no borrow between bytes).
        let spaces = !(((x & LOW7) + LOW7) | x | LOW7);
        if spaces != 0 {
            if prev_space && spaces & 0x80 != 0 {
                return Some(base - 1);
            }
            let pairs = spaces & (spaces >> 8);
            if pairs != 0 {
                return Some(base + pairs.trailing_zeros() as usize / 8);
            }
        }
        prev_space = spaces >> 63 != 0;
        base += 8;
    }
    let rest = chunks.remainder();
    if prev_space && rest.first() == Some(&b' ') {
        return Some(base - 1);
    }
    rest.windows(2).position(|w| w == b"  ").map(|p| base + p)
}

/// Text laid out by `pdftotext -layout`: most lines carry a deep left margin.
fn is_layout(lines: &[Line<'_>]) -> bool {
    let deep = lines.iter().filter(|l| l.indent >= 8).count();
    lines.len() >= 10 && deep * 2 > lines.len()
}

/// Lines cut at a fixed width (PDF, OCR) rather than one paragraph per line.
fn is_hard_wrapped(lines: &[Line<'_>]) -> bool {
    if lines.len() < 4 {
        return false;
    }
    // The 90th percentile of line lengths (in chars) is at most 130 exactly when more than
    // `len * 9 / 10` lines are that short; a line of at most 130 bytes needs no counting.
    let short = lines
        .iter()
        .filter(|l| l.text.len() <= 130 || l.text.chars().nth(130).is_none())
        .count();
    short > lines.len() * 9 / 10
}

// ---------------------------------------------------------------------------------------------
// 2. Noise

/// Running headers, page numbers, job numbers, barcodes: layout, not text.
fn is_noise(line: &str) -> bool {
    let t = line.trim();
    // Every kind of noise below starts with '*', "Page ", a digit or a running symbol.
    match t.as_bytes().first() {
        Some(b'*' | b'P' | b'0'..=b'9') => {}
        Some(b'A' | b'S') if t[1..].starts_with("/RES/") => {}
        _ => return false,
    }
    // Barcode: *1817962*
    if t.len() >= 6
        && t.starts_with('*')
        && t.ends_with('*')
        && t[1..t.len() - 1].bytes().all(|b| b.is_ascii_digit())
    {
        return true;
    }
    // Page 2, Page 2 of 5
    if let Some(rest) = t.strip_prefix("Page ") {
        if rest
            .split_whitespace()
            .all(|w| w == "of" || w.bytes().all(|b| b.is_ascii_digit()))
        {
            return true;
        }
    }
    // A line made only of layout tokens: page counters (2/5), job numbers (18-17962, 18-17962 (E),
    // 021118) and the document's own running symbol (A/RES/73/6, S/RES/1445 (2002)).
    let mut words = t.split_whitespace().peekable();
    let mut any = false;
    while let Some(w) = words.next() {
        if is_job_number(w) || is_page_counter(w) || is_date_stamp(w) {
            any = true;
            words.next_if(|n| is_language_tag(n));
            continue;
        }
        if is_running_symbol(w) {
            any = true;
            words.next_if(|n| is_year_paren(n));
            continue;
        }
        return false;
    }
    any
}

/// "[S/296]", "(S/525, I]": the document a resolution was adopted from, printed under its heading.
fn is_document_reference(line: &str) -> bool {
    line.len() <= 40
        && (line.starts_with('[') || line.starts_with('('))
        && line.ends_with(']')
        && line.contains("S/")
}

/// "United Nations   S/RES/1445 (2002)" → S/RES/1445 (2002).
fn running_symbol_in(line: &str) -> Option<Symbol> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let i = words.iter().position(|w| is_running_symbol(w))?;
    match words.get(i + 1) {
        Some(y) if is_year_paren(y) => Symbol::parse(&format!("{} {}", words[i], y)),
        _ => Symbol::parse(words[i]),
    }
}

fn is_job_number(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() == 8 && b[2] == b'-' && b[..2].iter().chain(&b[3..]).all(|c| c.is_ascii_digit())
}

fn is_language_tag(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() == 3 && b[0] == b'(' && b[2] == b')' && b[1].is_ascii_uppercase()
}

fn is_date_stamp(w: &str) -> bool {
    w.len() == 6 && w.bytes().all(|c| c.is_ascii_digit())
}

fn is_page_counter(w: &str) -> bool {
    if !w.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    match w.split_once('/') {
        Some((a, b)) => {
            !a.is_empty()
                && !b.is_empty()
                && a.len() <= 3
                && b.len() <= 3
                && a.bytes().all(|c| c.is_ascii_digit())
                && b.bytes().all(|c| c.is_ascii_digit())
                && a.parse::<u32>().ok() <= b.parse::<u32>().ok()
        }
        None => false,
    }
}

fn is_running_symbol(w: &str) -> bool {
    (w.starts_with("A/RES/") || w.starts_with("S/RES/")) && w.len() > 6
}

fn is_year_paren(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() == 6 && b[0] == b'(' && b[5] == b')' && b[1..5].iter().all(|c| c.is_ascii_digit())
}

// ---------------------------------------------------------------------------------------------
// 3. Footnotes

#[derive(Debug)]
struct Note {
    marker: String,
    text: String,
}

fn is_separator(line: &str) -> bool {
    line.len() >= 5 && line.bytes().all(|b| b == b'_')
}

/// `¹ Résolution 70/1.` → ("1", "Résolution 70/1.")
fn superscript_definition(line: &str) -> Option<(String, &str)> {
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

fn superscript_value(c: char) -> char {
    let i = SUPERSCRIPT_DIGITS.iter().position(|&d| d == c).unwrap_or(0);
    char::from(b'0' + i as u8)
}

/// `1/ S/1994/262.` or `27 One member (China) did not participate`: (marker, body, slash style).
fn plain_definition(line: &str) -> Option<(String, &str, bool)> {
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

fn is_marker_only(line: &str) -> bool {
    !line.is_empty() && line.len() <= 3 && line.bytes().all(|b| b.is_ascii_digit())
}

/// Removes footnote definitions from the body and returns them.
fn extract_footnotes(lines: Vec<Line<'_>>) -> (Vec<Line<'_>>, Vec<Note>) {
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
fn definition_text(
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
fn separator_block(lines: &[Line<'_>], mut i: usize, notes: &mut Vec<Note>) -> usize {
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

fn join_into(acc: &mut String, next: &str) {
    let next = next.trim();
    if next.is_empty() {
        return;
    }
    if acc.is_empty() {
        acc.push_str(next);
    } else if acc.ends_with(" -") && next.starts_with(|c: char| c.is_lowercase()) {
        // "capacity -⏎building": pdftotext's detached line-end hyphen; the flow text of the same
        // PDF has no hyphen there, so neither do we.
        acc.pop();
        acc.push_str(next);
    } else if acc.ends_with('-') && acc[..acc.len() - 1].ends_with(|c: char| c.is_alphabetic()) {
        if next.starts_with(|c: char| c.is_lowercase()) {
            acc.pop();
        }
        acc.push_str(next);
    } else {
        acc.push(' ');
        acc.push_str(next);
    }
}

/// Whether `marker` is called in the text as a detached number (`… voting 27`, `… (1991), 83`).
fn is_called(text: &str, marker: &str) -> bool {
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

// ---------------------------------------------------------------------------------------------
// 4. Header, title, paragraphs

#[derive(Debug, Default)]
struct Front {
    header: Vec<String>,
    title: Option<String>,
    symbol: Option<Symbol>,
    body_start: usize,
    /// The body starts with "L'Assemblée générale," / "The Security Council," and the like.
    resolution_markers: bool,
}

fn is_enacting_formula(line: &str) -> bool {
    const FORMULAS: [&str; 8] = [
        "L'Assemblée générale",
        "The General Assembly",
        "The Security Council",
        "Le Conseil de sécurité",
        "The Economic and Social Council",
        "Le Conseil économique et social",
        "The Human Rights Council",
        "Le Conseil des droits de l'homme",
    ];
    let t = line.trim_end_matches([',', ':']).trim();
    // Every formula starts with L or T and is shorter than 48 bytes even with typographic
    // apostrophes: most lines stop here.
    if t.len() > 48 || !matches!(t.as_bytes().first(), Some(b'L' | b'T')) {
        return false;
    }
    let same = |f: &str| {
        t.chars()
            .map(|c| if c == '’' { '\'' } else { c })
            .eq(f.chars())
    };
    FORMULAS.iter().any(|f| same(f))
}

/// `77/338. Coopération entre …` → (symbol, title on this line).
fn ga_title_line(line: &str) -> Option<(Symbol, &str)> {
    let dot = memchr::memchr(b'.', line.as_bytes())?;
    let (head, rest) = (&line[..dot], &line[dot + 1..]);
    let head = head.trim();
    if !head.contains('/') || head.contains(' ') {
        return None;
    }
    let symbol = Symbol::parse(head).filter(|s| s.as_str().starts_with("A/RES/"))?;
    Some((symbol, rest.trim()))
}

/// Security Council headings: `Resolution 242 (1967)`, `Resolution 242 (1967) of 22 November 1967`,
/// `100 (1953). Resolution of 27 October 1953`.
fn sc_title_line(line: &str) -> Option<Symbol> {
    let rest = line
        .strip_prefix("Resolution ")
        .or_else(|| line.strip_prefix("Résolution "))
        .unwrap_or(line);
    let (num, tail) = rest.split_once(' ')?;
    if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year = tail.get(..6).filter(|y| is_year_paren(y))?;
    let after = tail[6..].trim_start_matches('.').trim();
    let headed = rest.len() != line.len();
    if !(headed || after.starts_with("Resolution") || after.starts_with("Résolution")) {
        return None;
    }
    Symbol::parse(&format!("S/RES/{num} {year}"))
}

fn split_front(lines: &[Line<'_>]) -> Front {
    let mut front = Front::default();
    let limit = lines.len().min(60);
    // GA: "77/338. Title" line; the title may wrap until a blank line or the enacting formula.
    for i in 0..limit {
        if let Some((symbol, first)) = ga_title_line(&lines[i].text) {
            let mut title = first.to_string();
            let mut j = i + 1;
            while j < lines.len()
                && !is_enacting_formula(&lines[j].text)
                && (!lines[j].blank_before || title.is_empty())
                && j < i + 6
            {
                join_into(&mut title, &lines[j].text);
                j += 1;
            }
            front.header = lines[..i].iter().map(|l| l.text.to_string()).collect();
            front.title = (!title.is_empty()).then_some(title);
            front.symbol = Some(symbol);
            front.body_start = j;
            front.resolution_markers = true;
            return front;
        }
    }
    // SC: "Resolution 242 (1967)" / "of 22 November 1967" then "The Security Council,".
    if let Some(first) = lines.first() {
        if let Some(symbol) = sc_title_line(&first.text) {
            front.symbol = Some(symbol);
            let mut j = 1;
            // "of 22 November 1967", and the document reference "[S/296]" of early texts.
            while j < lines.len().min(4)
                && !is_enacting_formula(&lines[j].text)
                && (date_line(&lines[j].text) || is_document_reference(&lines[j].text))
            {
                j += 1;
            }
            front.header = lines[..j].iter().map(|l| l.text.to_string()).collect();
            front.body_start = j;
            front.resolution_markers = true;
            return front;
        }
    }
    // Any text with an enacting formula near the top: what precedes it is header.
    if let Some(i) = lines[..limit]
        .iter()
        .position(|l| is_enacting_formula(&l.text))
    {
        front.header = lines[..i].iter().map(|l| l.text.to_string()).collect();
        front.symbol = front
            .header
            .iter()
            .find_map(|h| sc_title_line(h))
            .or_else(|| front.header.iter().find_map(|h| running_symbol_in(h)));
        front.body_start = i;
        front.resolution_markers = true;
    }
    front
}

#[derive(Debug)]
struct RawParagraph {
    text: String,
    page_break: bool,
    /// Nothing but the page break separates it from the piece before: no blank line, no
    /// indent, no paragraph opening. It goes on the paragraph the break cut.
    continued: bool,
}

/// `1.`, `12.` opening an operative paragraph.
fn operative_number(line: &str) -> Option<u32> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = &line[digits..];
    let rest = rest.strip_prefix('.')?;
    (rest.is_empty() || rest.starts_with(' ')).then(|| line[..digits].parse().ok())?
}

/// `(a)`, `a)`, `(ii)`, `(1)` opening a sub-paragraph.
fn subparagraph_marker(line: &str) -> bool {
    let s = line.strip_prefix('(').unwrap_or(line);
    // A label is at most four bytes, so the first `)` is looked for in the first five only.
    let head = &s.as_bytes()[..s.len().min(5)];
    let Some(close) = memchr::memchr(b')', head) else {
        return false;
    };
    let label = &s[..close];
    let after = &s[close + 1..];
    (1..=4).contains(&label.len())
        && (label.bytes().all(|b| b.is_ascii_lowercase())
            || label.bytes().all(|b| b.is_ascii_digit()))
        && (after.is_empty() || after.starts_with(' '))
}

/// The first word of a preambular paragraph: "Recalling", "Convinced", "Rappelant", "Consciente"…
fn preambular_opening(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let first = first.trim_end_matches(',');
    if !first.starts_with(|c: char| c.is_uppercase()) || first.len() < 4 {
        return false;
    }
    let lower = first.to_lowercase();
    const OPENERS: [&str; 12] = [
        "aware",
        "mindful",
        "deeply",
        "gravely",
        "seriously",
        "bearing",
        "conscious",
        "also",
        "further",
        "fully",
        "consciente",
        "soucieuse",
    ];
    const SUFFIXES: [&str; 8] = ["ing", "ed", "ant", "ante", "ée", "ue", "é", "ues"];
    let reflexive = lower == "se" || lower == "s'";
    OPENERS.contains(&lower.as_str()) || SUFFIXES.iter().any(|s| lower.ends_with(s)) || reflexive
}

fn ends_clause(text: &str) -> bool {
    let t = text.trim_end();
    // "… resolution 687 (1991), 83": a footnote call after the clause's punctuation.
    let t = match t.rsplit_once(' ') {
        Some((head, last))
            if !last.is_empty() && last.len() <= 3 && last.bytes().all(|b| b.is_ascii_digit()) =>
        {
            head
        }
        _ => t,
    };
    let t = t.trim_end_matches(|c: char| c.is_ascii_digit() || SUPERSCRIPT_DIGITS.contains(&c));
    t.ends_with(['.', ',', ';', ':', '!', '?'])
}

fn group_paragraphs(lines: &[Line<'_>], layout: bool, wrapped: bool) -> Vec<RawParagraph> {
    // Facing pages of a PDF have different left margins: the body indent is per page.
    let body_indents = if layout {
        page_body_indents(lines)
    } else {
        Vec::new()
    };
    // Texts copied from a PDF have blank lines only around page furniture; there a blank line
    // says nothing about paragraphs (one in twenty lines is far more than page breaks give).
    let blank_separated = lines
        .iter()
        .filter(|l| l.blank_before && !l.new_page)
        .count()
        * 20
        > lines.len();
    let mut out: Vec<RawParagraph> = Vec::new();
    let mut pending_number: Option<String> = None;
    for (i, line) in lines.iter().enumerate() {
        let text = line.text.as_ref();
        // "1." alone on its line (copy-paste from PDF): it opens the next line's paragraph.
        if operative_number(text).is_some() && text.ends_with('.') && !text.contains(' ') {
            pending_number = Some(text.to_string());
            continue;
        }
        let prev = if i == 0 {
            None
        } else {
            Some(lines[i - 1].text.as_ref())
        };
        let starts = out.is_empty()
            || pending_number.is_some()
            || !wrapped
            || (line.blank_before
                && if layout {
                    !line.new_page
                } else {
                    blank_separated
                })
            || operative_number(text).is_some()
            || subparagraph_marker(text)
            || is_enacting_formula(text)
            || is_closing(text)
            || (is_date_only(text) && prev.is_some_and(is_closing))
            || prev.is_some_and(is_enacting_formula)
            || (layout && line.indent > body_indents.get(i).copied().unwrap_or(0) + 2)
            || (!layout
                && prev.is_some_and(ends_clause)
                && preambular_opening(text)
                && !out.last().is_some_and(|p| inside_quote(&p.text)));
        let text: Cow<'_, str> = match pending_number.take() {
            Some(n) => Cow::Owned(format!("{n} {text}")),
            None => Cow::Borrowed(text),
        };
        if starts {
            // Hard-wrapped lines are joined onto this one: room for them at once spares the
            // string its successive reallocations.
            let room = if wrapped {
                following_lines_len(&lines[i + 1..])
            } else {
                0
            };
            let text = match text {
                Cow::Borrowed(t) => {
                    let mut s = String::with_capacity(t.len() + room);
                    s.push_str(t);
                    s
                }
                Cow::Owned(mut s) => {
                    s.reserve(room);
                    s
                }
            };
            out.push(RawParagraph {
                text,
                page_break: line.page_break,
                continued: false,
            });
        } else if let Some(last) = out.last_mut() {
            if line.page_break {
                // Keep the break visible to the rejoin pass by starting a new piece.
                out.push(RawParagraph {
                    text: text.into_owned(),
                    page_break: true,
                    continued: true,
                });
            } else {
                join_into(&mut last.text, &text);
            }
        }
    }
    if let Some(n) = pending_number {
        out.push(RawParagraph {
            text: n,
            page_break: false,
            continued: false,
        });
    }
    out
}

/// Bytes of the lines that may be joined onto a paragraph: up to the next blank line or page
/// break (at most 64 lines). An estimate for capacity, never a decision.
fn following_lines_len(lines: &[Line<'_>]) -> usize {
    lines
        .iter()
        .take(64)
        .take_while(|l| !l.blank_before && !l.page_break)
        .map(|l| l.text.len() + 1)
        .sum()
}

/// An opening quotation mark not yet closed: "entitled “Declaration on …, Taking into …”".
fn inside_quote(text: &str) -> bool {
    let open = text.matches(['“', '«']).count();
    let close = text.matches(['”', '»']).count();
    open > close
}

/// The most common indent of each page's lines, for every line.
fn page_body_indents(lines: &[Line<'_>]) -> Vec<usize> {
    let mut out = Vec::with_capacity(lines.len());
    let mut start = 0;
    for end in 1..=lines.len() {
        if end == lines.len() || lines[end].new_page {
            let page = &lines[start..end];
            // A page with few lines (a last page's closing) keeps the whole text's margin.
            let indent = if page.len() >= 8 {
                mode_indent(page)
            } else {
                mode_indent(lines)
            };
            out.extend(std::iter::repeat_n(indent, page.len()));
            start = end;
        }
    }
    out
}

fn mode_indent(lines: &[Line<'_>]) -> usize {
    let mut counts = std::collections::HashMap::new();
    for l in lines {
        *counts.entry(l.indent).or_insert(0usize) += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(indent, n)| (n, std::cmp::Reverse(indent)))
        .map(|(i, _)| i)
        .unwrap_or(0)
}

/// A paragraph cut by a page break or a footnote block is joined back when it does not end a
/// sentence and the next part continues it.
fn rejoin_page_breaks(paragraphs: &mut Vec<RawParagraph>) {
    let mut out: Vec<RawParagraph> = Vec::with_capacity(paragraphs.len());
    for p in paragraphs.drain(..) {
        if let Some(last) = out.last_mut() {
            // "… the heavy burden of tuberculosis," ⏎ page ⏎ "HIV and AIDS, …": a list cut by
            // the page, which the clause-end test alone would leave in two.
            let continues = p.continued
                || !ends_clause(&last.text)
                    && !is_closing(&last.text)
                    && !is_enacting_formula(&last.text)
                    && operative_number(&p.text).is_none()
                    && !subparagraph_marker(&p.text)
                    && !is_closing(&p.text)
                    && (p.page_break || p.text.starts_with(|c: char| c.is_lowercase()))
                    && !looks_like_heading(&last.text);
            if continues {
                join_into(&mut last.text, &p.text);
                continue;
            }
        }
        out.push(p);
    }
    *paragraphs = out;
}

fn is_closing(text: &str) -> bool {
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
fn starts_with_lower(text: &str, prefix: &str) -> bool {
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
fn ends_with_lower(text: &str, suffix: &str) -> bool {
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
fn strip_prefix_lower<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
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
fn looks_like_heading(text: &str) -> bool {
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

// ---------------------------------------------------------------------------------------------
// 6. Inline: footnote calls and markup

struct Inline {
    text: String,
    markup: Vec<Markup>,
    footnotes: Vec<String>,
    /// Marked as a heading by the source itself (Markdown `#`).
    heading: bool,
}

/// `## Heading` → `Heading`.
fn markdown_heading(text: &str) -> Option<&str> {
    let hashes = text.bytes().take_while(|&b| b == b'#').count();
    let rest = text.get(hashes..)?;
    ((1..=6).contains(&hashes) && rest.starts_with(' ') && !rest.contains('\n'))
        .then(|| rest.trim())
}

/// Decides which bare numbers in the text are footnote calls: only defined markers, the first
/// call of each in numeric order, in a context where a number would not otherwise stand.
struct CallTracker {
    markers: BTreeSet<u32>,
    called: BTreeSet<u32>,
    /// Every marker below this one is called (`called` only grows): the search for the first
    /// uncalled marker starts here instead of at the first marker.
    floor: u32,
}

impl CallTracker {
    fn new(markers: BTreeSet<u32>) -> Self {
        CallTracker {
            markers,
            called: BTreeSet::new(),
            floor: 0,
        }
    }

    fn first_uncalled(&mut self) -> Option<u32> {
        let first = self
            .markers
            .range(self.floor..)
            .find(|m| !self.called.contains(m))
            .copied();
        if let Some(f) = first {
            self.floor = f;
        }
        first
    }

    /// A call written without a space after punctuation: only a known marker, in order.
    fn accept_glued(&mut self, n: u32) -> bool {
        let first_uncalled = self.first_uncalled();
        let ok =
            self.markers.contains(&n) && (self.called.contains(&n) || first_uncalled == Some(n));
        if ok {
            self.called.insert(n);
        }
        ok
    }

    fn accept(&mut self, n: u32, prev_word: &str, next_word: Option<&str>) -> bool {
        if !self.markers.contains(&n) {
            return false;
        }
        let first_uncalled = self.first_uncalled();
        if !self.called.contains(&n) && first_uncalled != Some(n) {
            return false;
        }
        let prev_core = prev_word.trim_end_matches([',', ';', ':', '.', ')', '”', '"', '’']);
        let last = prev_word.chars().last().unwrap_or(' ');
        let year = prev_core.len() >= 4
            && prev_core.as_bytes()[prev_core.len() - 4..]
                .iter()
                .all(u8::is_ascii_digit);
        if !(last.is_alphabetic() || ",;:.)”\"’".contains(last) || year) {
            return false;
        }
        const BEFORE: [&str; 34] = [
            "and",
            "or",
            "to",
            "of",
            "paragraph",
            "paragraphs",
            "resolution",
            "resolutions",
            "article",
            "articles",
            "chapter",
            "no.",
            "no",
            "vol.",
            "et",
            "ou",
            "à",
            "de",
            "du",
            "des",
            "paragraphe",
            "paragraphes",
            "résolution",
            "résolutions",
            "annex",
            "page",
            "para.",
            "paras.",
            "the",
            "by",
            "than",
            "n°",
            "nos",
            "le",
        ];
        if BEFORE.contains(&prev_word.to_lowercase().as_str()) {
            return false;
        }
        if let Some(next) = next_word {
            const AFTER: [&str; 14] = [
                "votes", "vote", "hours", "days", "years", "months", "weeks", "members", "per",
                "percent", "%", "times", "to", "ans",
            ];
            let n = next.trim_end_matches([',', ';', '.']).to_lowercase();
            if AFTER.contains(&n.as_str())
                || next.starts_with(|c: char| c.is_ascii_digit() || c == '(' || c == '/')
            {
                return false;
            }
        }
        self.called.insert(n);
        true
    }
}

fn inline(text: &str, calls: &mut CallTracker) -> Inline {
    // Pass 1: detached calls (" 2", " 1/") become superscript digits glued to the previous word.
    let text = glue_detached_calls(text, calls);
    let text = text.as_ref();
    // Pass 2: markup and superscript runs, on byte offsets that are always char boundaries.
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut markup = Vec::new();
    let mut footnotes: Vec<String> = Vec::new();
    let mut emphasis_start: Option<usize> = None;
    // An opening asterisk needs another one after it.
    let last_star = memchr::memrchr(b'*', bytes);
    // Markup starts with `*`, `^`, or a superscript digit (U+00B2, U+00B3, U+00B9,
    // U+2070..U+2079: lead byte 0xC2 or 0xE2). The next of each kind is kept and searched again
    // only once passed, so the text is scanned once; everything in between is copied as a run.
    let len = bytes.len();
    let find =
        |from: usize, a: u8, b: u8| memchr::memchr2(a, b, &bytes[from..]).map_or(len, |p| from + p);
    let mut next_ascii = find(0, b'*', b'^');
    let mut next_lead = find(0, 0xC2, 0xE2);
    let mut i = 0;
    while i < len {
        if next_ascii < i {
            next_ascii = find(i, b'*', b'^');
        }
        if next_lead < i {
            next_lead = find(i, 0xC2, 0xE2);
        }
        let next = next_ascii.min(next_lead);
        out.push_str(&text[i..next]);
        i = next;
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if c == '*' {
            // `**strong**` (Markdown) is one delimiter, styled like `*emphasis*`.
            let width = if text[i + 1..].starts_with('*') { 2 } else { 1 };
            let opens = emphasis_start.is_none()
                && text[i + width..]
                    .chars()
                    .next()
                    .is_some_and(|n| !n.is_whitespace() && n != '*')
                && last_star.is_some_and(|l| l >= i + width);
            if opens {
                emphasis_start = Some(out.len());
                i += width;
                continue;
            }
            if let Some(start) = emphasis_start.take() {
                if out.len() > start {
                    markup.push(Markup::Emphasis {
                        start,
                        end: out.len(),
                    });
                }
                i += width;
                continue;
            }
            out.push(c);
            i += 1;
            continue;
        }
        if c == '^' {
            // ^{er} or ^e; `consumed` counts bytes from the caret.
            let after = &text[i + 1..];
            let (sup, consumed): (&str, usize) = if let Some(inner) = after.strip_prefix('{') {
                // The closing brace within the next nine characters.
                match inner.char_indices().take(9).find(|&(_, c)| c == '}') {
                    Some((close, _)) => (&inner[..close], close + 3),
                    None => ("", 0),
                }
            } else {
                match after.chars().next() {
                    Some(n) if n.is_alphanumeric() => (&after[..n.len_utf8()], 1 + n.len_utf8()),
                    _ => ("", 0),
                }
            };
            if consumed > 0 {
                let start = out.len();
                match to_superscript(sup) {
                    Some(s) => out.push_str(&s),
                    None => {
                        out.push_str(sup);
                        markup.push(Markup::Superscript {
                            start,
                            end: out.len(),
                        });
                    }
                }
                i += consumed;
                continue;
            }
            i += 1;
            continue;
        }
        if SUPERSCRIPT_DIGITS.contains(&c) {
            let start = out.len();
            let mut marker = String::new();
            while let Some(d) = text[i..]
                .chars()
                .next()
                .filter(|d| SUPERSCRIPT_DIGITS.contains(d))
            {
                out.push(d);
                marker.push(superscript_value(d));
                i += d.len_utf8();
            }
            markup.push(Markup::FootnoteRef {
                start,
                end: out.len(),
                marker: marker.clone(),
            });
            if !footnotes.contains(&marker) {
                footnotes.push(marker);
            }
            continue;
        }
        out.push(c);
        i += c.len_utf8();
    }
    // An unmatched opening asterisk: the text is kept and the marker dropped.
    Inline {
        text: out,
        markup,
        footnotes,
        heading: false,
    }
}

fn glue_detached_calls<'t>(text: &'t str, calls: &mut CallTracker) -> Cow<'t, str> {
    if calls.markers.is_empty() {
        return Cow::Borrowed(text);
    }
    // Words are split at single spaces. Only words holding an ASCII digit can be calls, so those
    // are visited in order and the text between them is copied untouched: the output is the
    // words joined by spaces, as before, with a call's word rewritten (and its space dropped).
    let bytes = text.as_bytes();
    let len = bytes.len();
    let word_start = |end: usize| memchr::memrchr(b' ', &bytes[..end]).map_or(0, |s| s + 1);
    let word_end = |start: usize| memchr::memchr(b' ', &bytes[start..]).map_or(len, |e| start + e);
    let mut out = String::new();
    let mut copied = 0; // text[..copied] is in `out`
    let mut from = 0;
    while let Some(p) = bytes[from..].iter().position(u8::is_ascii_digit) {
        let start = word_start(from + p);
        let end = word_end(from + p);
        from = end;
        let w = &text[start..end];
        let (digits, slash) = match w.strip_suffix('/') {
            Some(d) => (d, true),
            None => (w, false),
        };
        let trailing = digits.trim_end_matches([',', ';', '.']);
        let punct = &digits[trailing.len()..];
        let is_num = !trailing.is_empty()
            && trailing.len() <= 3
            && trailing.bytes().all(|b| b.is_ascii_digit());
        // Not the first word: a space precedes it.
        if start > 0 && is_num {
            let n: u32 = trailing.parse().unwrap_or(0);
            let prev = &text[word_start(start - 1)..start - 1];
            let next = (end < len).then(|| &text[end + 1..word_end(end + 1)]);
            if !prev.is_empty() && (slash || calls.accept(n, prev, next)) {
                if slash {
                    calls.called.insert(n);
                }
                out.push_str(&text[copied..start - 1]);
                out.extend(
                    trailing
                        .chars()
                        .map(|d| SUPERSCRIPT_DIGITS[(d as u8 - b'0') as usize]),
                );
                out.push_str(punct);
                copied = end;
                continue;
            }
        }
        // "UNISPACE+50,1": a call glued to the clause's comma by the PDF extraction.
        let glued = w.trim_end_matches(|c: char| c.is_ascii_digit());
        let number = &w[glued.len()..];
        if glued.len() > 1
            && glued.ends_with([',', ';'])
            && (1..=3).contains(&number.len())
            && calls.accept_glued(number.parse().unwrap_or(0))
        {
            out.push_str(&text[copied..start]);
            out.push_str(glued);
            out.extend(
                number
                    .chars()
                    .map(|d| SUPERSCRIPT_DIGITS[(d as u8 - b'0') as usize]),
            );
            copied = end;
        }
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

fn to_superscript(s: &str) -> Option<String> {
    s.chars()
        .map(|c| {
            Some(match c {
                'e' => 'ᵉ',
                'r' => 'ʳ',
                's' => 'ˢ',
                'o' => 'ᵒ',
                'm' => 'ᵐ',
                'n' => 'ⁿ',
                'd' => 'ᵈ',
                't' => 'ᵗ',
                'h' => 'ʰ',
                'a' => 'ᵃ',
                'i' => 'ⁱ',
                'l' => 'ˡ',
                '0'..='9' => SUPERSCRIPT_DIGITS[(c as u8 - b'0') as usize],
                _ => return None,
            })
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// 7. Numbering and metadata

fn number_paragraphs(
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
fn numbered_id(prefix: &str, n: u32) -> String {
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

fn shift(m: Markup, by: usize) -> Markup {
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

fn is_date_only(text: &str) -> bool {
    let t = text.trim();
    !surely_five_words(t) && t.split_whitespace().nth(4).is_none() && parse_date(t).is_some()
}

/// Four spaces each between two non-white-space characters separate five words at least: a
/// cheap answer for most lines, which stops within the first words. Anything else is left to
/// `split_whitespace`.
fn surely_five_words(t: &str) -> bool {
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

fn detect_language(text: &str) -> Language {
    let end = text
        .char_indices()
        .nth(20_000)
        .map_or(text.len(), |(i, _)| i);
    let sample = &text[..end];
    let (mut fr, mut en) = (0, 0);
    for w in sample.split(|c: char| !c.is_alphabetic()) {
        match w {
            "le" | "la" | "les" | "des" | "et" | "du" | "une" | "est" | "dans" | "pour" => fr += 1,
            "the" | "of" | "and" | "to" | "is" | "in" | "that" | "for" | "with" => en += 1,
            _ => {}
        }
    }
    if fr > en { Language::Fr } else { Language::En }
}

fn detect_kind(front: &Front, text: &str) -> DocumentKind {
    if front.resolution_markers
        || front
            .symbol
            .as_ref()
            .is_some_and(|s| s.as_str().contains("/RES/"))
    {
        return DocumentKind::Resolution;
    }
    // What a text is, it says in its first line ("Déclaration d'Astana…", "Charter of the United
    // Nations"); a note that mentions the Charter further down is not a treaty.
    let head = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .chars()
        .take(300)
        .collect::<String>()
        .to_lowercase();
    let head = head
        .trim_start_matches("the ")
        .trim_start_matches("la ")
        .trim_start_matches("le ");
    let opens = |words: &[&str]| words.iter().any(|w| head.starts_with(w));
    if opens(&["déclaration", "declaration"]) {
        DocumentKind::Declaration
    } else if opens(&[
        "charte",
        "charter",
        "traité",
        "treaty",
        "convention",
        "pacte",
        "covenant",
    ]) {
        DocumentKind::Treaty
    } else {
        DocumentKind::Document
    }
}

/// "Résolution adoptée par l'Assemblée générale le 1er septembre 2023", "Resolution adopted by
/// the General Assembly on 26 October 2018", "of 22 November 1967"; else a closing date line.
fn adoption_date(
    header: &[String],
    paragraphs: &[Paragraph],
    symbol: Option<&Symbol>,
) -> Option<String> {
    // A Security Council symbol carries its year: a date from another year is a date the text
    // mentions, not the adoption date (OCR'd headings such as "of 3 Apri] 1991" fall through).
    let year = symbol.and_then(symbol_year);
    let fits = |d: &String| year.as_deref().is_none_or(|y| d.starts_with(y));
    let joined = header.join(" ");
    // ASCII lowercasing keeps byte offsets, so `pos` is valid in `joined` too.
    let lower = joined.to_ascii_lowercase();
    for key in ["adoptée par", "adopted by", "adoptée le", "adopted on"] {
        if let Some(pos) = lower.find(key) {
            if let Some(d) = parse_date(&joined[pos..]).filter(&fits) {
                return Some(d);
            }
        }
    }
    // "of 22 November 1967", "17 (1947). Resolution of 10 February 1947", OCR'd "ef"/"Of".
    for h in header {
        let lower = h.to_ascii_lowercase();
        if lower.starts_with("of ") || lower.starts_with("ef ") || lower.contains("resolution of ")
        {
            if let Some(d) = parse_date(h).filter(&fits) {
                return Some(d);
            }
        }
    }
    parse_date(&joined).filter(&fits).or_else(|| {
        paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Closing)
            .find_map(|p| parse_date(&p.text))
            .filter(&fits)
    })
}

/// "of 22 November 1967" under a Security Council heading, OCR'd "ef"/"Of" included.
fn date_line(line: &str) -> bool {
    let lower = line.get(..3).map(str::to_ascii_lowercase);
    matches!(lower.as_deref(), Some("of " | "ef ")) && line.len() <= 40
}

/// "S/RES/242 (1967)" → "1967".
fn symbol_year(symbol: &Symbol) -> Option<String> {
    let s = symbol.as_str();
    let open = s.rfind('(')?;
    let year = s[open + 1..].strip_suffix(')')?;
    (year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit())).then(|| year.to_string())
}

fn inferred_title(paragraphs: &[Paragraph], symbol: &Option<Symbol>, path: &str) -> String {
    if let Some(sym) = symbol {
        if let Some(first) = paragraphs.iter().find(|p| {
            matches!(
                p.kind,
                ParagraphKind::Preambular | ParagraphKind::Operative | ParagraphKind::Body
            )
        }) {
            return truncate_words(first.text.lines().next().unwrap_or(""), 90);
        }
        return sym.to_string();
    }
    if let Some(first) = paragraphs.first() {
        if first.text.chars().nth(150).is_none() && !first.text.ends_with(['.', ',']) {
            return first.text.clone();
        }
        return truncate_words(&first.text, 90);
    }
    file_stem(path).to_string()
}

fn file_stem(path: &str) -> &str {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    name.rsplit_once('.').map(|(s, _)| s).unwrap_or(name)
}

fn symbol_from_path(path: &str) -> Option<Symbol> {
    let stem = file_stem(path);
    if stem.starts_with("S_RES_") || stem.starts_with("A_RES_") {
        Symbol::parse(stem)
    } else {
        None
    }
}

fn slug_from_path(path: &str) -> String {
    let mut out = String::new();
    for c in file_stem(path).chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "document".into()
    } else {
        out
    }
}
