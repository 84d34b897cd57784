//! The corpus: every loaded document, looked up by id or symbol, with its citation graph.

use std::collections::HashMap;

use super::model::Document;
use super::source::LoadError;

#[derive(Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    /// Files that could not be loaded, one line each.
    pub errors: Vec<LoadError>,
    by_id: HashMap<String, usize>,
}

impl Corpus {
    pub fn get(&self, id: &str) -> Option<&Document> {
        self.by_id.get(id).map(|&i| &self.documents[i])
    }
}
