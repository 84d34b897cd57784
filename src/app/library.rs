//! The corpus together with the two search indexes built over it once at start.

use std::sync::Arc;

use crate::document::{Corpus, Document};
use crate::search::{RecordId, SearchIndex};

pub struct Library {
    pub corpus: Corpus,
    /// One record per paragraph: doc = document index, item = paragraph index.
    pub paragraphs: Arc<SearchIndex>,
    /// One record per document (item 0): "symbol date title kind".
    pub documents: Arc<SearchIndex>,
    /// `list_order`, computed once.
    order: Vec<usize>,
}

impl Library {
    pub fn new(corpus: Corpus) -> Library {
        let paragraphs =
            SearchIndex::build(corpus.documents.iter().enumerate().flat_map(|(d, doc)| {
                doc.paragraphs.iter().enumerate().map(move |(i, p)| {
                    (
                        RecordId {
                            doc: d as u32,
                            item: i as u32,
                        },
                        p.text.as_str(),
                    )
                })
            }));
        let summaries: Vec<String> = corpus.documents.iter().map(document_summary).collect();
        let documents = SearchIndex::build(summaries.iter().enumerate().map(|(d, s)| {
            (
                RecordId {
                    doc: d as u32,
                    item: 0,
                },
                s.as_str(),
            )
        }));
        let order = corpus
            .collections()
            .flat_map(|(_, docs)| docs.iter().copied())
            .collect();
        Library {
            order,
            corpus,
            paragraphs: Arc::new(paragraphs),
            documents: Arc::new(documents),
        }
    }

    pub fn documents(&self) -> &[Document] {
        &self.corpus.documents
    }

    pub fn document(&self, index: usize) -> Option<&Document> {
        self.corpus.documents.get(index)
    }

    /// Document indexes in the order the list shows them (collection by collection).
    pub fn list_order(&self) -> &[usize] {
        &self.order
    }
}

/// What the document filter matches against.
fn document_summary(doc: &Document) -> String {
    format!(
        "{} {} {} {}",
        doc.symbol
            .as_ref()
            .map(|s| s.to_string())
            .unwrap_or_else(|| doc.id.clone()),
        doc.date.as_deref().unwrap_or(""),
        doc.title,
        doc.kind.as_str()
    )
}
