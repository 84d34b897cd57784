//! The two search indexes over a corpus: its paragraphs, and its documents by symbol, date,
//! title and kind.

use std::fmt;
use std::sync::Arc;

use super::{RecordId, SearchIndex};
use crate::document::{Corpus, Document};

/// The search indexes over one corpus.
#[derive(Clone)]
pub struct Indexes {
    pub paragraphs: Arc<SearchIndex>,
    pub documents: Arc<SearchIndex>,
}

impl Indexes {
    pub fn build(corpus: &Corpus) -> Indexes {
        let records: Vec<(RecordId, &str)> = corpus
            .documents
            .iter()
            .enumerate()
            .flat_map(|(d, doc)| {
                doc.paragraphs.iter().enumerate().map(move |(i, p)| {
                    (
                        RecordId {
                            doc: d as u32,
                            item: i as u32,
                        },
                        p.text.as_str(),
                    )
                })
            })
            .collect();
        let paragraphs = SearchIndex::build_parallel(&records);
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
        Indexes {
            paragraphs: Arc::new(paragraphs),
            documents: Arc::new(documents),
        }
    }
}

impl fmt::Debug for Indexes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Indexes({} paragraphs, {} documents)",
            self.paragraphs.len(),
            self.documents.len()
        )
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
