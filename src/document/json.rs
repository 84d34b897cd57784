//! The JSON shapes of the commands' `--json` output. They borrow from the documents and are
//! serialised straight to the output: a document of a million citations, built as a
//! `serde_json::Value` first, took over fifty times its size in memory.

use serde::Serialize;

use super::{Citation, Document, DocumentKind, Footnote, Language, Paragraph, Symbol};

/// One document as `list --json` prints it. Fields in alphabetical order, as they were when
/// this was a JSON map.
#[derive(Serialize)]
pub struct Summary<'a> {
    citation_count: usize,
    cited_by: &'a [String],
    collection: &'a str,
    date: Option<&'a str>,
    footnote_count: usize,
    id: &'a str,
    kind: DocumentKind,
    language: Language,
    paragraph_count: usize,
    path: &'a str,
    symbol: Option<&'a Symbol>,
    title: &'a str,
}

impl<'a> Summary<'a> {
    pub fn of(d: &'a Document) -> Summary<'a> {
        Summary {
            citation_count: d.citations().count(),
            cited_by: &d.cited_by,
            collection: &d.collection,
            date: d.date.as_deref(),
            footnote_count: d.footnotes.len(),
            id: &d.id,
            kind: d.kind,
            language: d.language,
            paragraph_count: d.paragraphs.len(),
            path: &d.path,
            symbol: d.symbol.as_ref(),
            title: &d.title,
        }
    }
}

/// A whole document as `show --json` prints it: its summary, header, paragraphs and footnotes.
#[derive(Serialize)]
pub struct Whole<'a> {
    #[serde(flatten)]
    summary: Summary<'a>,
    header: &'a [String],
    paragraphs: &'a [Paragraph],
    footnotes: &'a [Footnote],
}

impl<'a> Whole<'a> {
    pub fn of(d: &'a Document) -> Whole<'a> {
        Whole {
            summary: Summary::of(d),
            header: &d.header,
            paragraphs: &d.paragraphs,
            footnotes: &d.footnotes,
        }
    }
}

/// A document's citations and backlinks as `cites --json` prints them.
#[derive(Serialize)]
pub struct Cites<'a> {
    citations: Vec<CitationFrom<'a>>,
    cited_by: &'a [String],
}

/// One citation, with where in the document it is (`OP2`, `footnote 3`).
#[derive(Serialize)]
struct CitationFrom<'a> {
    #[serde(flatten)]
    citation: &'a Citation,
    from: &'a str,
}

impl<'a> Cites<'a> {
    /// `rows`: each citation with where it is, in document order.
    pub fn of(d: &'a Document, rows: &'a [(String, &'a Citation)]) -> Cites<'a> {
        Cites {
            citations: rows
                .iter()
                .map(|(from, citation)| CitationFrom { citation, from })
                .collect(),
            cited_by: &d.cited_by,
        }
    }
}
