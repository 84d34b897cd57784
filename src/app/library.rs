//! The library the reader shows: the corpus, its search indexes once they are in, and the order
//! of the document list.

use std::sync::Arc;

use crate::document::{Corpus, Document};
use crate::search::{Indexes, SearchIndex};

pub struct Library {
    /// Shared with the loader thread, which builds the indexes from it after handing it over.
    pub corpus: Arc<Corpus>,
    /// One record per paragraph: doc = document index, item = paragraph index.
    pub paragraphs: Arc<SearchIndex>,
    /// One record per document (item 0): "symbol date title kind".
    pub documents: Arc<SearchIndex>,
    /// `list_order`, computed once.
    order: Vec<usize>,
    /// False until the indexes over this corpus are in; before that they are empty.
    pub indexed: bool,
}

impl Library {
    /// The corpus with its indexes built here, at once (for commands and tests).
    pub fn new(corpus: Corpus) -> Library {
        let indexes = Indexes::build(&corpus);
        let mut library = Library::unindexed(Arc::new(corpus));
        library.set_indexes(indexes);
        library
    }

    /// The corpus with empty indexes until `set_indexes`.
    pub fn unindexed(corpus: Arc<Corpus>) -> Library {
        let order = corpus
            .collections()
            .flat_map(|(_, docs)| docs.iter().copied())
            .collect();
        Library {
            order,
            corpus,
            paragraphs: Arc::default(),
            documents: Arc::default(),
            indexed: false,
        }
    }

    /// Nothing yet: what the reader shows before the loader's first report.
    pub fn empty() -> Library {
        Library::unindexed(Arc::default())
    }

    /// The indexes in use (shared, not copied).
    pub fn indexes(&self) -> Indexes {
        Indexes {
            paragraphs: Arc::clone(&self.paragraphs),
            documents: Arc::clone(&self.documents),
        }
    }

    pub fn set_indexes(&mut self, indexes: Indexes) {
        self.paragraphs = indexes.paragraphs;
        self.documents = indexes.documents;
        self.indexed = true;
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
