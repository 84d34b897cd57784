//! What the threads working for the reader report: the loader's progress, corpus and indexes,
//! and the search worker's results and repairs.

use std::sync::Arc;

use super::{App, DAMAGED, Library, Loading, Message, MessageKind, REBUILT, warning_message};
use crate::document::Corpus;
use crate::search::Report;
use crate::store::LoadEvent;

impl App {
    pub(super) fn load_event(&mut self, event: LoadEvent) {
        match event {
            LoadEvent::Progress(p) => {
                if matches!(self.loading, Some(Loading::Documents(_))) {
                    self.loading = Some(Loading::Documents(p));
                }
            }
            LoadEvent::Corpus { corpus, warnings } => {
                self.install_corpus(corpus, warnings);
                self.loading = Some(Loading::Indexing);
            }
            LoadEvent::Indexes(indexes) => {
                self.library.set_indexes(indexes);
                self.loading = None;
            }
        }
    }

    /// Swaps in a new corpus, keeping the open and highlighted documents where it has them
    /// (by id) and dropping what points into the old one: history, pop-ups on documents. An open
    /// filter stays open and its query is sent again, for this corpus: it was typed ahead, and
    /// the search worker answers it once the indexes are in.
    fn install_corpus(&mut self, corpus: Arc<Corpus>, warnings: Vec<String>) {
        let open = self.document().map(|d| d.id.clone());
        let highlighted = self
            .library
            .document(self.list_selected)
            .map(|d| d.id.clone());
        let para = self.para;
        self.library = Library::unindexed(corpus);
        self.wrapped.clear();
        let corpus = Arc::clone(&self.library.corpus);
        let find = |id: Option<String>| id.and_then(|id| corpus.index_of(&id));
        let first = self.library.list_order().first().copied().unwrap_or(0);
        let kept = find(open);
        self.open(kept.unwrap_or(first), if kept.is_some() { para } else { 0 });
        self.list_selected = find(highlighted).unwrap_or(self.doc);
        self.back.clear();
        self.forward.clear();
        if let Some(mut f) = self.filter.take() {
            f.saved = self.place();
            f.results = None;
            f.results_query.clear();
            f.selected = 0;
            self.filter = Some(f);
            self.send_query();
        }
        self.popups.retain(|p| !p.points_into_corpus());
        if let Some(text) = warning_message(&warnings) {
            self.info_kind(text, MessageKind::Warning);
            self.show_problems();
        } else if self.library.documents().is_empty() {
            self.info_kind("no documents loaded", MessageKind::Warning);
        }
        self.warnings.extend(warnings);
        self.keep_in_view();
    }

    pub(super) fn search_report(&mut self, report: Report) {
        match report {
            Report::Results { generation, hits } => self.take_results(generation, hits),
            Report::Damaged => {
                self.rebuilding = true;
                self.message = Some(Message {
                    text: DAMAGED.to_string(),
                    kind: MessageKind::Error,
                });
            }
            Report::Rebuilt(indexes) => {
                self.library.set_indexes(indexes);
                self.loading = None;
                if std::mem::take(&mut self.rebuilding) {
                    self.message = Some(Message {
                        text: REBUILT.to_string(),
                        kind: MessageKind::Info,
                    });
                    // Said again when the screen is gone, as load problems are.
                    if !self.warnings.iter().any(|w| w == REBUILT) {
                        self.warnings.push(REBUILT.to_string());
                    }
                }
            }
        }
    }

    /// The loader ended: if the library is not in, it died without finishing (a bug). Say so
    /// and stop waiting.
    pub(super) fn loader_gone(&mut self) {
        if self.loading.take().is_some() {
            self.message = Some(Message {
                text: "the library could not be loaded completely".to_string(),
                kind: MessageKind::Error,
            });
        }
    }
}
