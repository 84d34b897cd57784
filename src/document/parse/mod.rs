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

mod articles;
mod calls;
mod footnotes;
mod front;
mod frontmatter;
mod group;
mod inline;
mod lines;
mod metadata;
mod noise;
mod numbering;
mod roles;
mod structure;
mod subject;
mod words;

use std::borrow::Cow;
use std::collections::BTreeSet;

use footnotes::extract_footnotes;
use front::{ga_title, split_front};
use group::{group_paragraphs, rejoin_page_breaks};
use inline::{CallTracker, Inline, inline, markdown_heading};
use lines::{is_hard_wrapped, is_layout, split_lines};
use metadata::{
    adoption_date, detect_kind, detect_language, inferred_title, slug_from_path, symbol_from_path,
};
use noise::{drop_page_numbers, drop_running_titles};
use structure::number_paragraphs;

use super::cite::find_citations;
use super::model::{Document, DocumentKind, Footnote, Language};
use super::source::Source;
use super::symbol::Symbol;

pub(super) const SUPERSCRIPT_DIGITS: [char; 10] =
    ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

pub fn parse(source: &Source) -> Document {
    let (matter, text) = frontmatter::split(&source.text);
    let lines = split_lines(text);
    // The title is known before the body is read, so that its repetitions at page tops go.
    let printed_title = ga_title(&lines).map(|(_, _, title, _)| title);
    let titles: Vec<&str> = [matter.title.as_deref(), printed_title.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let lines = drop_running_titles(lines, &titles);
    let layout = is_layout(&lines);
    let markdown = source.path.to_ascii_lowercase().ends_with(".md");
    let (lines, notes) = extract_footnotes(lines);
    let lines = drop_page_numbers(lines);
    let wrapped = markdown || is_hard_wrapped(&lines);
    let front = split_front(&lines);
    let language = source
        .meta
        .language
        .as_deref()
        .or(matter.language.as_deref())
        .and_then(Language::parse)
        .unwrap_or_else(|| detect_language(text));

    let mut raw = group_paragraphs(&lines[front.body_start..], layout, wrapped, markdown);
    rejoin_page_breaks(&mut raw, wrapped);
    for p in &mut raw {
        if let Cow::Owned(closed) = words::close_spaced_hyphens(&p.text) {
            p.text = closed;
        }
    }
    // Text from a PDF (a masthead, or pdftotext's layout) may hold words its justification
    // split; the document's own words tell them.
    if layout || front.header.iter().any(|h| h.contains("Distr")) {
        let vocabulary = words::Vocabulary::of(raw.iter().map(|p| p.text.as_str()));
        for p in &mut raw {
            if let Cow::Owned(repaired) = words::repair_split_words(&p.text, &vocabulary) {
                p.text = repaired;
            }
        }
    }

    let markers: BTreeSet<u32> = notes.iter().filter_map(|n| n.marker.parse().ok()).collect();
    let mut calls = CallTracker::new(markers);
    let mut inlined: Vec<Inline> = raw
        .iter()
        .map(|p| {
            // "## Heading" in a Markdown file: the marks go, the line stays a heading.
            let heading = markdown.then(|| markdown_heading(&p.text)).flatten();
            let mut inl = inline(heading.unwrap_or(&p.text), &mut calls);
            inl.heading = heading.is_some();
            inl.blank_before = p.blank_before;
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
    // A text in articles that does not say what it is in its first line (the Charter opens
    // "WE THE PEOPLES…") is a treaty: its ids are the articles'.
    let kind =
        if kind == DocumentKind::Document && paragraphs.iter().any(|p| p.id.starts_with("Art")) {
            DocumentKind::Treaty
        } else {
            kind
        };

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
        .or_else(|| matter.symbol.as_deref().and_then(Symbol::parse))
        .or_else(|| front.symbol.clone())
        .or_else(|| symbol_from_path(&source.path));
    // Front matter dates are most often the issue date: the text's adoption date comes first.
    let date = source
        .meta
        .date
        .clone()
        .or_else(|| adoption_date(&front.header, &paragraphs, symbol.as_ref()))
        .or_else(|| matter.date.clone());
    let title = source
        .meta
        .title
        .clone()
        .or_else(|| matter.title.clone())
        .or_else(|| front.title.clone())
        .or_else(|| front.subject.clone())
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
        file: source.file.clone(),
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
