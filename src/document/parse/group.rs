//! Stage 5: body lines grouped into paragraphs; paragraphs cut by page breaks joined again.

use std::borrow::Cow;

use super::SUPERSCRIPT_DIGITS;
use super::lines::Line;
use super::numbering::printed_number;
use super::roles::{is_date_only, looks_like_heading, part_label, subparagraph_marker};
use super::words::keeps_hyphen;
use crate::document::lexicon::{self, Opening, is_closing, is_enacting_formula};

/// Whether `text` opens a numbered paragraph: "5. Requests", or a damaged number ("S. Requests",
/// "4, Prie") after a line that ends a clause.
fn opens_numbered(text: &str, prev: Option<&str>) -> bool {
    printed_number(text).is_some_and(|p| {
        !p.damaged
            || (prev.is_some_and(ends_clause)
                && text
                    .split_once(' ')
                    .is_none_or(|(_, rest)| rest.starts_with(char::is_uppercase)))
    })
}

pub(super) fn join_into(acc: &mut String, next: &str) {
    let next = next.trim();
    if next.is_empty() {
        return;
    }
    if acc.is_empty() {
        acc.push_str(next);
    } else if acc.ends_with(" -") && next.starts_with(|c: char| c.is_lowercase()) {
        // "drug -⏎resistant": pdftotext's detached line-end hyphen. A compound keeps it
        // (drug-resistant), a syllable break goes.
        acc.pop();
        acc.pop();
        if keeps_hyphen(acc, next) {
            acc.push('-');
        }
        acc.push_str(next);
    } else if acc.ends_with('-') && acc[..acc.len() - 1].ends_with(|c: char| c.is_alphabetic()) {
        // "cease-⏎fire" keeps its hyphen, "Govern-⏎ments" is one word.
        if next.starts_with(|c: char| c.is_lowercase())
            && !keeps_hyphen(&acc[..acc.len() - 1], next)
        {
            acc.pop();
        }
        acc.push_str(next);
    } else {
        acc.push(' ');
        acc.push_str(next);
    }
}

#[derive(Debug)]
pub(super) struct RawParagraph {
    pub(super) text: String,
    pub(super) page_break: bool,
    /// Nothing but the page break separates it from the piece before: no blank line, no
    /// indent, no paragraph opening. It goes on the paragraph the break cut.
    pub(super) continued: bool,
    /// A blank line came before its first line.
    pub(super) blank_before: bool,
}

pub(super) fn ends_clause(text: &str) -> bool {
    // A quotation or a bracket may close after the punctuation: "… Un avenir . »".
    let t = text
        .trim_end()
        .trim_end_matches(['»', '”', '"', '’', ')', ' ']);
    // "… resolution 687 (1991), 83": a footnote call after the clause's punctuation.
    let t = match t
        .ends_with(|c: char| c.is_ascii_digit())
        .then(|| t.rsplit_once(' '))
    {
        Some(Some((head, last)))
            if !last.is_empty() && last.len() <= 3 && last.bytes().all(|b| b.is_ascii_digit()) =>
        {
            head
        }
        _ => t,
    };
    let t = t.trim_end_matches(|c: char| c.is_ascii_digit() || SUPERSCRIPT_DIGITS.contains(&c));
    t.ends_with(['.', ',', ';', ':', '!', '?'])
}

/// A line that goes on the paragraph before it even where lines are paragraphs: one that
/// opens with a number that is not a paragraph's ("58/7 of 4 November 2003,", "(1993) of").
fn continues_line(text: &str) -> bool {
    let year_in_brackets = text
        .strip_prefix('(')
        .is_some_and(|r| r.len() >= 5 && r.as_bytes()[..4].iter().all(u8::is_ascii_digit));
    year_in_brackets
        || (text.starts_with(|c: char| c.is_ascii_digit()) && printed_number(text).is_none())
}

/// What a line is, as the tests that open a paragraph ask it of the line and of the one before.
#[derive(Default, Clone, Copy)]
struct LineFacts {
    formula: bool,
    annex: bool,
    closing: bool,
}

impl LineFacts {
    fn of(text: &str) -> LineFacts {
        LineFacts {
            formula: is_enacting_formula(text),
            annex: lexicon::annex_label(text).is_some(),
            closing: is_closing(text),
        }
    }
}

/// Groups body lines into paragraphs. `wrapped`: lines are cut at a width (PDF, OCR) and join
/// up to a paragraph's end; else each line is a paragraph. `markdown`: blank lines separate
/// paragraphs, as Markdown has it.
pub(super) fn group_paragraphs(
    lines: &[Line<'_>],
    layout: bool,
    wrapped: bool,
    markdown: bool,
) -> Vec<RawParagraph> {
    // Facing pages of a PDF have different left margins: the body indent is per page.
    let body_indents = if layout {
        page_body_indents(lines)
    } else {
        Vec::new()
    };
    // Texts copied from a PDF have blank lines only around page furniture; there a blank line
    // says nothing about paragraphs (one in twenty lines is far more than page breaks give).
    let blank_separated = markdown
        || lines
            .iter()
            .filter(|l| l.blank_before && !l.new_page)
            .count()
            * 20
            > lines.len();
    let mut out: Vec<RawParagraph> = Vec::new();
    let mut pending_number: Option<String> = None;
    // What the line before was, asked once of each line and kept for the next.
    let mut before = LineFacts::default();
    for (i, line) in lines.iter().enumerate() {
        let text = line.text.as_ref();
        let prev = if i == 0 {
            None
        } else {
            Some(lines[i - 1].text.as_ref())
        };
        let facts = LineFacts::of(text);
        let prev_facts = std::mem::replace(&mut before, facts);
        // "1." alone on its line (copy-paste from PDF, OCR's "I."): it opens the next line's
        // paragraph.
        if !text.contains(' ')
            && text.ends_with(['.', ','])
            && printed_number(text).is_some_and(|p| !p.damaged || prev.is_none_or(ends_clause))
        {
            pending_number = Some(text.to_string());
            continue;
        }
        // Where each line is a paragraph, one that cannot open a paragraph still continues the
        // one before: a number that is not a paragraph's, or, after a line that ends no clause,
        // a bracket or a lower-case word ("…Zone Treaty" / "(Treaty of Pelindaba) in Cairo").
        // A line that ends no clause goes on with the next one ("…independent African" /
        // "States opposed to …"), and so does one ending with a comma before a line in lower
        // case ("…by 12 votes to none," / "with 3 abstentions"); a heading, and a line ending
        // with a colon or a semicolon (the Charter's "…shall promote:" over its items), do not.
        let continues = !wrapped
            && !line.blank_before
            && !line.page_break
            && (continues_line(text)
                || prev.is_some_and(|p| {
                    // "…or religion; and": the end of an item of a list.
                    let item_end = [" and", " or", " et", " ou"].iter().any(|c| {
                        p.strip_suffix(c)
                            .is_some_and(|h| h.trim_end().ends_with([';', ',']))
                    });
                    // Only a line cut at a width goes on: a line of a whole paragraph is long.
                    p.len() <= 130
                        && !looks_like_heading(p)
                        && !item_end
                        && !p.ends_with([':', ';', '.'])
                        && (!ends_clause(p) || text.starts_with(char::is_lowercase))
                }));
        let starts = out.is_empty()
            || pending_number.is_some()
            || (!wrapped && !continues)
            || (line.blank_before
                && if layout {
                    !line.new_page
                } else {
                    blank_separated
                })
            || opens_numbered(text, prev)
            || subparagraph_marker(text)
            || facts.formula
            // "Adopts the following declaration:" ⏎ blank ⏎ its title.
            || (line.blank_before && prev.is_some_and(|p| p.ends_with(':')))
            || facts.annex
            || prev_facts.annex
            // "B. Plebiscite", "A" after a form feed: a part's label.
            || (line.page_break && part_label(text).is_some())
            || prev.is_some_and(|p| p.len() <= 2 && part_label(p).is_some())
            || facts.closing
            || (prev_facts.closing && is_date_only(text))
            || prev_facts.formula
            || (layout && line.indent > body_indents.get(i).copied().unwrap_or(0) + 2)
            || (!layout
                && prev.is_some_and(ends_clause)
                && lexicon::opening_by_word_list(text) != Opening::Other
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
                blank_before: line.blank_before,
            });
        } else if let Some(last) = out.last_mut() {
            if line.page_break {
                // Keep the break visible to the rejoin pass by starting a new piece.
                out.push(RawParagraph {
                    text: text.into_owned(),
                    page_break: true,
                    continued: true,
                    blank_before: line.blank_before,
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
            blank_before: false,
        });
    }
    out
}

/// Bytes of the lines that may be joined onto a paragraph: up to the next blank line or page
/// break (at most 64 lines). An estimate for capacity, never a decision.
pub(super) fn following_lines_len(lines: &[Line<'_>]) -> usize {
    lines
        .iter()
        .take(64)
        .take_while(|l| !l.blank_before && !l.page_break)
        .map(|l| l.text.len() + 1)
        .sum()
}

/// An opening quotation mark not yet closed: "entitled “Declaration on …, Taking into …”".
pub(super) fn inside_quote(text: &str) -> bool {
    let open = text.matches(['“', '«']).count();
    let close = text.matches(['”', '»']).count();
    open > close
}

/// The most common indent of each page's lines, for every line.
pub(super) fn page_body_indents(lines: &[Line<'_>]) -> Vec<usize> {
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

pub(super) fn mode_indent(lines: &[Line<'_>]) -> usize {
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

/// The word no sentence ends on that `text` ends with: "and", "of", "the", "de", "et"….
fn ends_on_function_word(text: &str) -> Option<&'static str> {
    let last = text.trim_end().rsplit(' ').next().unwrap_or("");
    [
        "and", "or", "of", "the", "to", "in", "for", "with", "by", "on", "a", "an", "at", "from",
        "de", "la", "le", "les", "des", "du", "et", "ou", "à", "en", "au", "aux", "par", "pour",
        "sur",
    ]
    .into_iter()
    .find(|w| *w == last)
}

/// A paragraph cut by a page break or a footnote block is joined back when it does not end a
/// sentence and the next part continues it.
///
/// In text cut at a width (`wrapped`), a piece that opens in lower case continues the paragraph
/// before it whatever ends that one: paragraphs open with a capital, and "…despite its calls
/// for a cease-fire," ⏎ blank ⏎ "the conflict between …" is one sentence. A piece that opens
/// like no paragraph does ("Treaty, principles and objectives …") continues one that ends no
/// clause.
pub(super) fn rejoin_page_breaks(paragraphs: &mut Vec<RawParagraph>, wrapped: bool) {
    let mut out: Vec<RawParagraph> = Vec::with_capacity(paragraphs.len());
    for p in paragraphs.drain(..) {
        if let Some(last) = out.last_mut() {
            let lower = p.text.starts_with(|c: char| c.is_lowercase());
            // "…to be held in Los Angeles," ⏎ page ⏎ "United States of America, from 14 …": a
            // clause that a page cut after a comma goes on with words that open no paragraph.
            // "…Development, Production and" ⏎ blank ⏎ "Stockpiling of …": a sentence cut after
            // a word that cannot end one.
            let dangling = last.text.trim_end().ends_with(',') && p.page_break;
            // "…obligations, and" ⏎ "Taking into account …" (S/RES/6 (1946)) chains two
            // preambular paragraphs: only words that open no paragraph go on.
            // (The cheap tests first: most paragraphs end neither way.)
            let unfinished = || ends_on_function_word(&last.text).is_some();
            let opens_nothing = || {
                lexicon::opening_by_word_list(&p.text) == Opening::Other
                    && printed_number(&p.text).is_none()
                    && !subparagraph_marker(&p.text)
                    && !is_closing(&p.text)
                    && !is_enacting_formula(&p.text)
                    && !looks_like_heading(&p.text)
                    && lexicon::annex_label(&p.text).is_none()
                    && part_label(&p.text).is_none()
            };
            if (dangling || unfinished())
                && opens_nothing()
                && !is_closing(&last.text)
                && !looks_like_heading(&last.text)
            {
                join_into(&mut last.text, &p.text);
                continue;
            }
            let carries_on = wrapped
                && lower
                && !subparagraph_marker(&p.text)
                && !is_closing(&last.text)
                && !looks_like_heading(&last.text)
                && lexicon::annex_label(&last.text).is_none()
                && !last.text.ends_with(':');
            if carries_on {
                join_into(&mut last.text, &p.text);
                continue;
            }
            // "… the heavy burden of tuberculosis," ⏎ page ⏎ "HIV and AIDS, …": a list cut by
            // the page, which the clause-end test alone would leave in two.
            let continues = p.continued
                || !ends_clause(&last.text)
                    && !is_closing(&last.text)
                    && !is_enacting_formula(&last.text)
                    && printed_number(&p.text).is_none()
                    && !subparagraph_marker(&p.text)
                    && !is_closing(&p.text)
                    && (p.page_break
                        || lower
                        || (wrapped
                            && lexicon::opening_by_word_list(&p.text) == Opening::Other
                            // Not a heading: it ends a clause, or is longer than one.
                            && (ends_clause(&p.text) || p.text.split_whitespace().nth(12).is_some())))
                    && !looks_like_heading(&last.text)
                    && !is_date_only(&last.text)
                    && lexicon::annex_label(&last.text).is_none()
                    && lexicon::annex_label(&p.text).is_none()
                    && part_label(&p.text).is_none();
            if continues {
                join_into(&mut last.text, &p.text);
                continue;
            }
        }
        out.push(p);
    }
    *paragraphs = out;
}

#[cfg(test)]
#[path = "tests/group.rs"]
mod tests;

#[cfg(test)]
#[path = "tests/group_joins.rs"]
mod join_tests;
