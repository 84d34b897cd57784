//! The fuzzy filter bar when it has the keys: each change of the query goes to the search worker
//! as an effect, its answer comes back as an event, and Enter takes the chosen result.

use ratatui_textarea::{Input, TextArea};

use super::{Action, App, Effect, Focus, Place, clamp_add};
use crate::search::{Hit, SearchRequest, SearchTarget};

/// The fuzzy filter bar and its results.
pub struct Filter {
    pub input: TextArea<'static>,
    /// The pane it filters: the document list or the paragraphs.
    pub target: Focus,
    /// Paragraph filter over every document rather than the open one.
    pub all_documents: bool,
    /// Generation of the latest query sent; older results are ignored.
    pub requested: u64,
    pub pending: bool,
    /// None while the query is empty: everything is shown.
    pub results: Option<Vec<Hit>>,
    /// The query the shown results answer (for highlighting).
    pub results_query: String,
    pub selected: usize,
    /// Enter came before the results of the latest query: accept them when they arrive.
    accept_when_ready: bool,
    pub(super) saved: Place,
}

impl Filter {
    pub fn query(&self) -> &str {
        self.input.lines().first().map(String::as_str).unwrap_or("")
    }
}

impl App {
    pub(super) fn open_filter(&mut self) {
        let mut input = TextArea::default();
        input.set_cursor_line_style(ratatui::style::Style::default());
        input.set_placeholder_text(match self.focus {
            Focus::List => "symbol, title, date…",
            Focus::Pane => "words in paragraphs…",
        });
        self.filter = Some(Filter {
            input,
            target: self.focus,
            all_documents: false,
            requested: 0,
            pending: false,
            results: None,
            results_query: String::new(),
            selected: 0,
            accept_when_ready: false,
            saved: self.place(),
        });
    }

    pub(super) fn filter_event(&mut self, action: Result<Action, Input>) {
        let Some(f) = self.filter.as_mut() else {
            return;
        };
        match action {
            Err(input) if f.input.input(input.clone()) => self.send_query(),
            Ok(Action::ClearInput) if f.input.delete_line_by_head() => self.send_query(),
            Ok(Action::FilterScope) => {
                if f.target == Focus::Pane {
                    f.all_documents = !f.all_documents;
                    let scope = if f.all_documents {
                        "all documents"
                    } else {
                        "this document"
                    };
                    self.send_query();
                    self.info(format!("filtering {scope}"));
                } else {
                    self.info("the document list always covers all documents");
                }
            }
            Ok(step @ (Action::Down | Action::Up | Action::PageDown | Action::PageUp)) => {
                let delta: isize = match step {
                    Action::Down => 1,
                    Action::Up => -1,
                    Action::PageDown => 10,
                    _ => -10,
                };
                match f.results.as_ref() {
                    Some(hits) => f.selected = clamp_add(f.selected, delta, hits.len()),
                    None => {
                        self.focus = f.target;
                        match f.target {
                            Focus::List => self.list_move(delta),
                            Focus::Pane => self.pane_move(delta),
                        }
                    }
                }
            }
            // Typed ahead ("/astana⏎" in one go): choose from the answer to what was typed.
            Ok(Action::Activate) if f.pending => f.accept_when_ready = true,
            Ok(Action::Activate) => self.accept_filter(),
            Ok(Action::Close) => {
                if let Some(f) = self.filter.take() {
                    self.restore(f.saved);
                }
            }
            _ => {}
        }
    }

    /// Sends the current query to the worker (or shows everything when it is empty).
    pub(super) fn send_query(&mut self) {
        self.generation += 1;
        let generation = self.generation;
        let doc = self.doc as u32;
        let Some(f) = self.filter.as_mut() else {
            return;
        };
        f.requested = generation;
        let query = f.query().trim().to_string();
        if query.is_empty() {
            f.pending = false;
            f.results = None;
            f.results_query.clear();
            return;
        }
        f.pending = true;
        let target = match (f.target, f.all_documents) {
            (Focus::List, _) => SearchTarget::Documents,
            (Focus::Pane, true) => SearchTarget::Paragraphs(None),
            (Focus::Pane, false) => SearchTarget::Paragraphs(Some(doc)),
        };
        self.effects.push(Effect::Search(SearchRequest {
            generation,
            query,
            target,
        }));
    }

    pub(super) fn take_results(&mut self, generation: u64, hits: Vec<Hit>) {
        let Some(f) = self.filter.as_mut() else {
            return;
        };
        if generation != f.requested || !f.pending {
            return; // stale: a newer query was sent since
        }
        f.pending = false;
        f.results = Some(hits);
        f.results_query = f.query().trim().to_string();
        f.selected = 0;
        match f.target {
            Focus::Pane => self.pane_scroll = 0,
            Focus::List => self.list_offset = 0,
        }
        if f.accept_when_ready {
            self.accept_filter();
        }
        self.keep_in_view();
    }

    fn accept_filter(&mut self) {
        let Some(f) = self.filter.take() else { return };
        let chosen = f
            .results
            .as_ref()
            .and_then(|h| h.get(f.selected))
            .map(|h| (h.record.doc as usize, h.record.item as usize));
        match f.target {
            Focus::List => {
                let doc = chosen.map_or(self.list_selected, |(d, _)| d);
                if self.library.document(doc).is_some() {
                    if doc != self.doc {
                        self.push_history();
                        self.open(doc, 0);
                    }
                    self.focus = Focus::Pane;
                }
            }
            Focus::Pane => {
                if let Some((doc, para)) = chosen {
                    if doc != self.doc {
                        self.push_history();
                    }
                    self.open(doc, para);
                }
                self.focus = Focus::Pane;
            }
        }
    }
}
