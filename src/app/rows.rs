//! What the screen shows, asked of the state: the rows of the list and the pane, the pop-ups'
//! rows, and how tall each paragraph is at a width. Drawing and the mouse both use these.

use super::{App, Filter, Focus, view};
use crate::document::{Citation, Footnote, ParagraphKind};
use crate::search::Hit;

/// A row of the document list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListRow<'a> {
    Collection(&'a str),
    Document(usize),
}

/// A row of the citations pop-up.
#[derive(Debug, Clone, Copy)]
pub enum CitationRow<'a> {
    /// A citation and where it stands: a paragraph id or "fn 3".
    Cites(&'a Citation, &'a str),
    CitedBy(usize),
}

impl App {
    pub(super) fn list_filter(&self) -> Option<&Filter> {
        self.filter.as_ref().filter(|f| f.target == Focus::List)
    }

    pub(super) fn pane_filter_results(&self) -> Option<(&Filter, &[Hit])> {
        let f = self.filter.as_ref().filter(|f| f.target == Focus::Pane)?;
        Some((f, f.results.as_deref()?))
    }

    /// Rows of the document list: collections with their documents, or filter results.
    pub fn list_rows(&self) -> Vec<ListRow<'_>> {
        if let Some(hits) = self.list_filter().and_then(|f| f.results.as_deref()) {
            return hits
                .iter()
                .map(|h| h.record.doc as usize)
                .filter(|&d| d < self.library.documents().len())
                .map(ListRow::Document)
                .collect();
        }
        let mut rows = Vec::new();
        for (name, docs) in self.library.corpus.collections() {
            rows.push(ListRow::Collection(name));
            rows.extend(docs.iter().copied().map(ListRow::Document));
        }
        rows
    }

    /// The highlighted row of the document list.
    pub fn list_selected_row(&self, rows: &[ListRow<'_>]) -> Option<usize> {
        if let Some(f) = self.list_filter().filter(|f| f.results.is_some()) {
            return (!rows.is_empty()).then(|| f.selected.min(rows.len() - 1));
        }
        rows.iter()
            .position(|r| *r == ListRow::Document(self.list_selected))
    }

    /// What the paragraph pane shows: (document, paragraph) pairs.
    pub fn pane_entries(&self) -> Vec<(usize, usize)> {
        if let Some((_, hits)) = self.pane_filter_results() {
            return hits
                .iter()
                .map(|h| (h.record.doc as usize, h.record.item as usize))
                .filter(|&(d, p)| {
                    self.library
                        .document(d)
                        .is_some_and(|doc| p < doc.paragraphs.len())
                })
                .collect();
        }
        match self.document() {
            Some(doc) => (0..doc.paragraphs.len()).map(|p| (self.doc, p)).collect(),
            None => Vec::new(),
        }
    }

    /// Index of the highlighted entry among `pane_entries`.
    pub fn pane_selected(&self) -> usize {
        match self.pane_filter_results() {
            Some((f, _)) => f.selected,
            None => self.para,
        }
    }

    /// Results from several documents carry a document label line.
    pub fn pane_shows_labels(&self) -> bool {
        self.pane_filter_results()
            .is_some_and(|(f, _)| f.all_documents)
    }

    /// The query whose matches the pane highlights.
    pub fn highlight_query(&self) -> Option<&str> {
        self.filter
            .as_ref()
            .filter(|f| f.results.is_some())
            .map(|f| f.results_query.as_str())
    }

    /// Gutter width for paragraph ids and the bookmark star.
    pub fn gutter_width(&self, entries: &[(usize, usize)]) -> usize {
        let widest = entries
            .iter()
            .filter_map(|&(d, p)| self.library.document(d)?.paragraphs.get(p))
            .map(|p| view::str_width(&p.id))
            .max()
            .unwrap_or(2);
        (widest + 2).clamp(4, 10)
    }

    /// Line count of each pane entry at the given body width.
    pub fn entry_heights(&self, entries: &[(usize, usize)], body_width: u16) -> Vec<usize> {
        let text_width = (body_width as usize).saturating_sub(self.gutter_width(entries));
        let labels = self.pane_shows_labels();
        let corpus = std::sync::Arc::as_ptr(&self.library.corpus) as usize;
        entries
            .iter()
            .enumerate()
            .map(|(i, &(d, p))| {
                let label = usize::from(labels && starts_document_group(entries, i));
                let text = self
                    .library
                    .document(d)
                    .and_then(|doc| doc.paragraphs.get(p))
                    .map(|p| p.text.as_str())
                    .unwrap_or("");
                label + self.wrapped.lines(corpus, d, p, text_width, text)
            })
            .collect()
    }

    pub fn footnote_rows(&self, doc: usize, para: usize) -> Vec<(&str, Option<&Footnote>)> {
        let Some(d) = self.library.document(doc) else {
            return Vec::new();
        };
        let Some(p) = d.paragraphs.get(para) else {
            return Vec::new();
        };
        p.footnotes
            .iter()
            .map(|m| (m.as_str(), d.footnote(m)))
            .collect()
    }

    pub fn citation_rows(&self) -> Vec<CitationRow<'_>> {
        let Some(doc) = self.document() else {
            return Vec::new();
        };
        let mut rows: Vec<CitationRow<'_>> = doc
            .paragraphs
            .iter()
            .flat_map(|p| {
                p.citations
                    .iter()
                    .map(|c| CitationRow::Cites(c, p.id.as_str()))
            })
            .chain(doc.footnotes.iter().flat_map(|f| {
                f.citations
                    .iter()
                    .map(|c| CitationRow::Cites(c, f.marker.as_str()))
            }))
            .collect();
        rows.extend(
            doc.cited_by
                .iter()
                .filter_map(|id| self.library.corpus.index_of(id))
                .map(CitationRow::CitedBy),
        );
        rows
    }

    /// The first paragraph of `citing` that cites `cited` (directly or through a footnote).
    pub fn citing_paragraph(&self, citing: usize, cited: usize) -> usize {
        let (Some(from), Some(to)) = (self.library.document(citing), self.library.document(cited))
        else {
            return 0;
        };
        let cites = |cs: &[Citation]| cs.iter().any(|c| c.target.as_deref() == Some(&to.id));
        from.paragraphs
            .iter()
            .position(|p| {
                cites(&p.citations)
                    || p.footnotes
                        .iter()
                        .any(|m| from.footnote(m).is_some_and(|f| cites(&f.citations)))
            })
            .unwrap_or(0)
    }

    /// How a citation's target is shown: its label, or "not in library" and the link.
    pub fn target_label(&self, c: &Citation) -> String {
        let target = c
            .target
            .as_deref()
            .and_then(|id| self.library.corpus.get(id));
        match target {
            Some(doc) => match &c.paragraph {
                // A Charter heading reads better as "Article 2" than as its id "H6".
                Some(p) => {
                    let named = doc
                        .paragraph_index(p)
                        .map(|i| &doc.paragraphs[i])
                        .filter(|para| para.kind == ParagraphKind::Heading)
                        .map_or(p.as_str(), |para| para.text.as_str());
                    format!("{}, {}", doc.short_label(), crate::text::excerpt(named, 40))
                }
                None => doc.short_label(),
            },
            None => match &c.url {
                Some(url) => format!("not in library · {url}"),
                None => "not in library".to_string(),
            },
        }
    }
}

/// Whether entry `i` is the first of a run from one document: results over all documents name
/// their document once per run, not above every paragraph.
pub fn starts_document_group(entries: &[(usize, usize)], i: usize) -> bool {
    i == 0 || entries.get(i - 1).map(|e| e.0) != entries.get(i).map(|e| e.0)
}
