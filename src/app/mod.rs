//! The reader's state and `update(action)`: everything the user can do, with no terminal in sight.

pub mod library;
mod saving;
pub mod stored;
pub mod view;
pub mod worker;

use ratatui::layout::{Position, Rect};
use ratatui_textarea::{Input, TextArea};

use crate::bookmarks::{self, Bookmark, BookmarkStore};
use crate::document::cache::Progress;
use crate::document::{Citation, Corpus, Document, Footnote, ParagraphKind};
use crate::keymap::KeyMode;
use crate::search::Hit;
pub use library::{Indexes, Library, LoadEvent, LoadRequest, SharedCorpus, spawn_loader};
use view::{Areas, areas};
pub use worker::{RESULT_LIMIT, SearchRequest, SearchTarget, SearchWorker};

/// Everything the user (or the search worker) can make happen.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Quit,
    Help,
    /// Esc: close the pop-up, the filter bar or the note editor on top.
    Close,
    FocusNext,
    FocusPrev,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Enter: open, follow, jump, choose or save, depending on who has the keys.
    Activate,
    Back,
    Forward,
    OpenFilter,
    FilterScope,
    /// A key for the filter bar or note editor.
    TextInput(Input),
    Footnotes,
    Citations,
    ToggleBookmark,
    Bookmarks,
    DeleteBookmark,
    /// Brings back the bookmark deleted last (notes included).
    UndoDelete,
    EditNote,
    Copy,
    Click {
        column: u16,
        row: u16,
    },
    ScrollUp {
        column: u16,
        row: u16,
    },
    ScrollDown {
        column: u16,
        row: u16,
    },
    Resize {
        width: u16,
        height: u16,
    },
    SearchResults {
        generation: u64,
        hits: Vec<Hit>,
    },
    /// From the library loader thread.
    Load(LoadEvent),
}

/// How far the library is from ready, while the reader already runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loading {
    /// Reading and parsing documents: so many of so many (0 of 0 before the first report).
    Documents(Progress),
    /// The documents are in; the search indexes are being built.
    Indexing,
}

impl Loading {
    /// The status line's words for it.
    pub fn describe(self) -> String {
        match self {
            Loading::Documents(Progress { done, total }) if total > 0 => {
                format!("Loading library… {done}/{total}")
            }
            Loading::Documents(_) => "Loading library…".to_string(),
            Loading::Indexing => "Indexing…".to_string(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Pane,
}

/// Where the reader is: restored by history and by cancelling the filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub doc: usize,
    pub para: usize,
    pub focus: Focus,
    pub scroll: usize,
    pub list_selected: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageKind {
    Info,
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub kind: MessageKind,
}

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
    saved: Place,
}

impl Filter {
    pub fn query(&self) -> &str {
        self.input.lines().first().map(String::as_str).unwrap_or("")
    }
}

/// Pop-ups, topmost last; the top one gets the keys.
pub enum Popup {
    Help {
        scroll: usize,
    },
    /// What went wrong while loading (unreadable files, bad metadata), shown once at start.
    Messages {
        scroll: usize,
    },
    Footnotes {
        doc: usize,
        para: usize,
        selected: usize,
    },
    Citations {
        selected: usize,
    },
    /// Choosing among several citations.
    Picker {
        citations: Vec<Citation>,
        selected: usize,
    },
    Bookmarks {
        selected: usize,
        /// The note editor, while a note is being written (boxed: it is large).
        note: Option<Box<TextArea<'static>>>,
    },
}

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

/// Said when a search finds the library cache's indexes damaged under the reader.
pub const DAMAGED: &str = "the library cache is damaged; rebuilding";
/// Said once the search indexes are rebuilt after [`DAMAGED`].
pub const REBUILT: &str =
    "search indexes rebuilt from the documents (the library cache was damaged)";

pub struct App {
    pub library: Library,
    /// Line counts of wrapped paragraphs, asked for by every key and frame.
    wrapped: view::WrapCache,
    pub bookmarks: BookmarkStore,
    pub focus: Focus,
    /// Document highlighted in the list (a document index).
    pub list_selected: usize,
    /// First visible list row.
    pub list_offset: usize,
    /// Open document and its selected paragraph.
    pub doc: usize,
    pub para: usize,
    /// First visible line of the paragraph pane.
    pub pane_scroll: usize,
    pub filter: Option<Filter>,
    pub popups: Vec<Popup>,
    pub back: Vec<Place>,
    pub forward: Vec<Place>,
    pub message: Option<Message>,
    pub warnings: Vec<String>,
    /// The search worker is rebuilding the indexes of a damaged library cache.
    rebuilding: bool,
    pub size: Rect,
    pub should_quit: bool,
    /// The bookmark deleted last, for `u` in the bookmark list.
    deleted_bookmark: Option<Bookmark>,
    /// Bookmark saving as the user sees it (`saving.rs`).
    saving: saving::Saving,
    /// After a jump, bring the target paragraph to the top of the pane, not its bottom edge.
    align_top: bool,
    /// Some while the library loads in the background (see `App::loading`).
    pub loading: Option<Loading>,
    generation: u64,
    search_requests: Vec<SearchRequest>,
    output: Vec<Vec<u8>>,
}

impl App {
    pub fn new(library: Library, bookmarks: BookmarkStore, warnings: Vec<String>) -> App {
        let mut app = App::with(library, bookmarks, warnings);
        if app.library.documents().is_empty() {
            app.info_kind("no documents loaded", MessageKind::Warning);
        }
        app
    }

    /// The reader before its library is in: empty, with progress in the status line, until
    /// `Action::Load` events from the loader (`spawn_loader`) bring the corpus, then the indexes.
    pub fn loading(bookmarks: BookmarkStore, warnings: Vec<String>) -> App {
        let mut app = App::with(Library::empty(), bookmarks, warnings);
        app.loading = Some(Loading::Documents(Progress { done: 0, total: 0 }));
        app
    }

    /// The state both start from; warnings open the messages pop-up.
    fn with(library: Library, bookmarks: BookmarkStore, warnings: Vec<String>) -> App {
        let first = library.list_order().first().copied().unwrap_or(0);
        let message = warning_message(&warnings).map(|text| Message {
            text,
            kind: MessageKind::Warning,
        });
        let mut app = App {
            library,
            bookmarks,
            focus: Focus::List,
            list_selected: first,
            list_offset: 0,
            doc: first,
            para: 0,
            pane_scroll: 0,
            filter: None,
            popups: Vec::new(),
            back: Vec::new(),
            forward: Vec::new(),
            message,
            warnings,
            rebuilding: false,
            size: Rect::new(0, 0, 80, 24),
            should_quit: false,
            align_top: false,
            deleted_bookmark: None,
            saving: saving::Saving::default(),
            loading: None,
            generation: 0,
            search_requests: Vec::new(),
            output: Vec::new(),
            wrapped: view::WrapCache::default(),
        };
        if !app.warnings.is_empty() {
            app.popups.push(Popup::Messages { scroll: 0 });
        }
        app
    }

    // ----- queries used by drawing -----

    pub fn document(&self) -> Option<&Document> {
        self.library.document(self.doc)
    }

    pub fn areas(&self) -> Areas {
        areas(self.size, self.focus == Focus::List, self.filter.is_some())
    }

    pub fn key_mode(&self) -> KeyMode {
        match self.popups.last() {
            Some(Popup::Help { .. }) => KeyMode::Help,
            Some(Popup::Messages { .. }) => KeyMode::Problems,
            Some(Popup::Footnotes { .. }) => KeyMode::Footnotes,
            Some(Popup::Citations { .. }) => KeyMode::Citations,
            Some(Popup::Picker { .. }) => KeyMode::Picker,
            Some(Popup::Bookmarks { note: Some(_), .. }) => KeyMode::NoteEdit,
            Some(Popup::Bookmarks { note: None, .. }) => KeyMode::Bookmarks,
            None if self.filter.is_some() => KeyMode::Filter,
            None => match self.focus {
                Focus::List => KeyMode::List,
                Focus::Pane => KeyMode::Pane,
            },
        }
    }

    /// A search result or the library may still arrive: the event loop should poll rather
    /// than block.
    pub fn awaiting_results(&self) -> bool {
        self.filter.as_ref().is_some_and(|f| f.pending) || self.loading.is_some()
    }

    /// Queries for the search worker, oldest first.
    pub fn take_search_requests(&mut self) -> Vec<SearchRequest> {
        std::mem::take(&mut self.search_requests)
    }

    /// Bytes for the terminal (OSC 52 clipboard), oldest first.
    pub fn take_output(&mut self) -> Vec<Vec<u8>> {
        std::mem::take(&mut self.output)
    }

    fn list_filter(&self) -> Option<&Filter> {
        self.filter.as_ref().filter(|f| f.target == Focus::List)
    }

    fn pane_filter_results(&self) -> Option<(&Filter, &[Hit])> {
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
                    format!("{}, {}", doc.short_label(), excerpt(named, 40))
                }
                None => doc.short_label(),
            },
            None => match &c.url {
                Some(url) => format!("not in library · {url}"),
                None => "not in library".to_string(),
            },
        }
    }

    // ----- update -----

    pub fn update(&mut self, action: Action) {
        match action {
            Action::Resize { width, height } => {
                self.size = Rect::new(0, 0, width, height);
                self.keep_in_view();
                return;
            }
            Action::SearchResults { generation, hits } => {
                self.take_results(generation, hits);
                return;
            }
            Action::Load(event) => {
                self.load_event(event);
                return;
            }
            Action::Quit => {
                self.quit();
                return;
            }
            _ => {}
        }
        self.message = None;
        let mut follow_selection = true;
        match action {
            Action::ScrollUp { column, row } => {
                follow_selection = !self.wheel(column, row, -3);
            }
            Action::ScrollDown { column, row } => {
                follow_selection = !self.wheel(column, row, 3);
            }
            Action::Click { column, row } => {
                if self.popups.is_empty() {
                    self.click(column, row);
                }
            }
            other if !self.popups.is_empty() => self.popup_action(other),
            other if self.filter.is_some() => self.filter_action(other),
            other => self.browse_action(other),
        }
        if follow_selection {
            self.keep_in_view();
        }
    }

    // ----- loading -----

    fn load_event(&mut self, event: LoadEvent) {
        match event {
            LoadEvent::Progress(p) => {
                if matches!(self.loading, Some(Loading::Documents(_))) {
                    self.loading = Some(Loading::Documents(p));
                }
            }
            LoadEvent::Corpus { corpus, warnings } => {
                self.install_corpus(corpus.0, warnings);
                self.loading = Some(Loading::Indexing);
            }
            LoadEvent::Indexes(indexes) => {
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
            LoadEvent::Damaged => {
                self.rebuilding = true;
                self.message = Some(Message {
                    text: DAMAGED.to_string(),
                    kind: MessageKind::Error,
                });
            }
        }
    }

    /// Swaps in a new corpus, keeping the open and highlighted documents where it has them
    /// (by id) and dropping what points into the old one: history, pop-ups on documents. An open
    /// filter stays open and its query is sent again, for this corpus: it was typed ahead, and
    /// the search worker answers it once the indexes are in.
    fn install_corpus(&mut self, corpus: std::sync::Arc<Corpus>, warnings: Vec<String>) {
        let open = self.document().map(|d| d.id.clone());
        let highlighted = self
            .library
            .document(self.list_selected)
            .map(|d| d.id.clone());
        let para = self.para;
        self.library = Library::unindexed(corpus);
        self.wrapped.clear();
        let corpus = std::sync::Arc::clone(&self.library.corpus);
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
        self.popups.retain(|p| {
            matches!(
                p,
                Popup::Help { .. } | Popup::Messages { .. } | Popup::Bookmarks { .. }
            )
        });
        if let Some(text) = warning_message(&warnings) {
            self.info_kind(text, MessageKind::Warning);
            if !self
                .popups
                .iter()
                .any(|p| matches!(p, Popup::Messages { .. }))
            {
                self.popups.push(Popup::Messages { scroll: 0 });
            }
        } else if self.library.documents().is_empty() {
            self.info_kind("no documents loaded", MessageKind::Warning);
        }
        self.warnings.extend(warnings);
        self.keep_in_view();
    }

    fn info(&mut self, text: impl Into<String>) {
        self.info_kind(text, MessageKind::Info);
    }

    fn info_kind(&mut self, text: impl Into<String>, kind: MessageKind) {
        self.message = Some(Message {
            text: text.into(),
            kind,
        });
    }

    fn browse_action(&mut self, action: Action) {
        match action {
            Action::Help => self.popups.push(Popup::Help { scroll: 0 }),
            Action::FocusNext | Action::FocusPrev => {
                self.focus = match self.focus {
                    Focus::List => Focus::Pane,
                    Focus::Pane => Focus::List,
                };
            }
            Action::Down => self.move_by(1),
            Action::Up => self.move_by(-1),
            Action::PageDown => self.page(true),
            Action::PageUp => self.page(false),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
            Action::Activate => match self.focus {
                Focus::List => {
                    let target = self.list_selected;
                    if self.library.document(target).is_some() {
                        if target != self.doc {
                            self.push_history();
                            self.open(target, 0);
                        }
                        self.focus = Focus::Pane;
                    }
                }
                Focus::Pane => self.follow_paragraph_citations(),
            },
            Action::Back => self.go_back(),
            Action::Forward => self.go_forward(),
            Action::OpenFilter => self.open_filter(),
            Action::Footnotes => {
                if self.footnote_rows(self.doc, self.para).is_empty() {
                    self.info("no footnotes in this paragraph");
                } else {
                    self.popups.push(Popup::Footnotes {
                        doc: self.doc,
                        para: self.para,
                        selected: 0,
                    });
                }
            }
            Action::Citations if self.document().is_some() => {
                self.popups.push(Popup::Citations { selected: 0 });
            }
            Action::ToggleBookmark => self.toggle_bookmark(),
            Action::Bookmarks => self.popups.push(Popup::Bookmarks {
                selected: 0,
                note: None,
            }),
            Action::Copy => self.copy_paragraph(),
            _ => {}
        }
    }

    /// Moves the focused selection by `delta` rows or paragraphs, clamped.
    fn move_by(&mut self, delta: isize) {
        match self.focus {
            Focus::List => {
                let order = self.library.list_order();
                if let Some(pos) = order.iter().position(|&d| d == self.list_selected) {
                    self.list_selected = order[clamp_add(pos, delta, order.len())];
                } else if let Some(&first) = order.first() {
                    self.list_selected = first;
                }
            }
            Focus::Pane => {
                let n = self.document().map_or(0, |d| d.paragraphs.len());
                self.para = clamp_add(self.para, delta, n);
            }
        }
    }

    fn page(&mut self, down: bool) {
        let step = match self.focus {
            Focus::List => self
                .areas()
                .list_inner()
                .map_or(1, |r| r.height.max(1) as isize),
            Focus::Pane => self.pane_page_entries(down) as isize,
        };
        self.move_by(if down { step } else { -step });
    }

    /// How many entries from the selected one fill a screen of the pane.
    fn pane_page_entries(&self, down: bool) -> usize {
        let Some(body) = self.areas().pane_body() else {
            return 1;
        };
        let entries = self.pane_entries();
        let heights = self.entry_heights(&entries, body.width);
        let sel = self.pane_selected().min(heights.len().saturating_sub(1));
        let mut lines = 0;
        let mut count = 0;
        let steps: Box<dyn Iterator<Item = &usize>> = if down {
            Box::new(heights.iter().skip(sel + 1))
        } else {
            Box::new(heights[..sel.min(heights.len())].iter().rev())
        };
        for h in steps {
            lines += h;
            if lines > body.height as usize {
                break;
            }
            count += 1;
        }
        count.max(1)
    }

    fn place(&self) -> Place {
        Place {
            doc: self.doc,
            para: self.para,
            focus: self.focus,
            scroll: self.pane_scroll,
            list_selected: self.list_selected,
        }
    }

    fn restore(&mut self, p: Place) {
        self.doc = p.doc;
        self.para = p.para;
        self.focus = p.focus;
        self.pane_scroll = p.scroll;
        self.list_selected = p.list_selected;
    }

    fn push_history(&mut self) {
        self.back.push(self.place());
        self.forward.clear();
    }

    fn go_back(&mut self) {
        match self.back.pop() {
            Some(p) => {
                self.forward.push(self.place());
                self.restore(p);
            }
            None => self.info("nothing to go back to"),
        }
    }

    fn go_forward(&mut self) {
        match self.forward.pop() {
            Some(p) => {
                self.back.push(self.place());
                self.restore(p);
            }
            None => self.info("nothing to go forward to"),
        }
    }

    /// Opens a document at a paragraph (no history: callers decide).
    fn open(&mut self, doc: usize, para: usize) {
        self.doc = doc;
        self.list_selected = doc;
        let n = self.document().map_or(0, |d| d.paragraphs.len());
        self.para = para.min(n.saturating_sub(1));
        self.pane_scroll = 0;
        self.align_top = true;
    }

    fn follow_paragraph_citations(&mut self) {
        let Some(p) = self.document().and_then(|d| d.paragraphs.get(self.para)) else {
            return;
        };
        let id = p.id.clone();
        let citations = p.citations.clone();
        self.follow_among(citations, &id);
    }

    /// Follows the only citation, or asks which one.
    fn follow_among(&mut self, citations: Vec<Citation>, whose: &str) {
        match citations.len() {
            0 => self.info(format!("no citation in {whose}")),
            1 => self.follow(&citations[0]),
            _ => self.popups.push(Popup::Picker {
                citations,
                selected: 0,
            }),
        }
    }

    fn follow(&mut self, c: &Citation) {
        let target = c
            .target
            .as_deref()
            .and_then(|id| self.library.corpus.index_of(id));
        let Some(doc) = target else {
            let label = self.target_label(c);
            self.info_kind(
                format!("{}: {label}", view::clean(&c.text)),
                MessageKind::Warning,
            );
            return;
        };
        let para = c
            .paragraph
            .as_deref()
            .and_then(|p| self.library.document(doc)?.paragraph_index(p))
            .unwrap_or(0);
        self.push_history();
        self.open(doc, para);
        self.focus = Focus::Pane;
        self.popups.clear();
    }

    fn toggle_bookmark(&mut self) {
        let Some(doc) = self.document() else { return };
        let Some(p) = doc.paragraphs.get(self.para) else {
            return;
        };
        let label = format!("{}, {}", doc.short_label(), p.id);
        let added = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let bookmark = Bookmark {
            document: doc.id.clone(),
            symbol: doc.symbol.as_ref().map(|s| s.to_string()),
            path: doc.path.clone(),
            paragraph: p.id.clone(),
            fingerprint: bookmarks::fingerprint(&p.text),
            excerpt: excerpt(&p.text, 80),
            note: String::new(),
            added,
        };
        match self.bookmarks.toggle(bookmark) {
            Ok(true) => self.bookmark_changed(format!("bookmarked {label}")),
            Ok(false) => self.bookmark_changed(format!("bookmark removed: {label}")),
            Err(e) => self.bookmark_not_saved(&e),
        }
    }

    fn copy_paragraph(&mut self) {
        let Some(doc) = self.document() else { return };
        let Some(p) = doc.paragraphs.get(self.para) else {
            return;
        };
        let label = format!("{}, {}", doc.label(), p.id);
        let text = format!("{label}\n{}", p.text);
        self.output.push(osc52(&text));
        self.info(format!("copied {label} (OSC 52)"));
    }

    // ----- filter -----

    fn open_filter(&mut self) {
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

    fn filter_action(&mut self, action: Action) {
        let Some(f) = self.filter.as_mut() else {
            return;
        };
        match action {
            Action::TextInput(input) => {
                // Ctrl-U clears back to the start, as in a shell, rather than undoing.
                let clear = input.ctrl && input.key == ratatui_textarea::Key::Char('u');
                let changed = if clear {
                    f.input.delete_line_by_head()
                } else {
                    f.input.input(input)
                };
                if changed {
                    self.send_query();
                }
            }
            Action::FilterScope => {
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
            Action::Down | Action::Up | Action::PageDown | Action::PageUp => {
                let delta: isize = match action {
                    Action::Down => 1,
                    Action::Up => -1,
                    Action::PageDown => 10,
                    _ => -10,
                };
                match f.results.as_ref() {
                    Some(hits) => f.selected = clamp_add(f.selected, delta, hits.len()),
                    None => {
                        self.focus = f.target;
                        self.move_by(delta);
                    }
                }
            }
            // Typed ahead ("/astana⏎" in one go): choose from the answer to what was typed.
            Action::Activate if f.pending => f.accept_when_ready = true,
            Action::Activate => self.accept_filter(),
            Action::Close => {
                if let Some(f) = self.filter.take() {
                    self.restore(f.saved);
                }
            }
            _ => {}
        }
    }

    /// Sends the current query to the worker (or shows everything when it is empty).
    fn send_query(&mut self) {
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
        self.search_requests.push(SearchRequest {
            generation,
            query,
            target,
        });
    }

    fn take_results(&mut self, generation: u64, hits: Vec<Hit>) {
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

    // ----- pop-ups -----

    fn popup_len(&self) -> usize {
        match self.popups.last() {
            // Roughly the help's line count; drawing clamps the rest.
            // Scrolling stops when the last line reaches the bottom of the overlay.
            Some(Popup::Help { .. }) => {
                crate::keymap::help_lines()
                    .len()
                    .saturating_sub(view::help_height(self.size))
                    + 1
            }
            Some(Popup::Messages { .. }) => {
                self.warnings
                    .len()
                    .saturating_sub(view::help_height(self.size))
                    + 1
            }
            Some(Popup::Footnotes { doc, para, .. }) => self.footnote_rows(*doc, *para).len(),
            Some(Popup::Citations { .. }) => self.citation_rows().len(),
            Some(Popup::Picker { citations, .. }) => citations.len(),
            Some(Popup::Bookmarks { .. }) => self.bookmarks.bookmarks().len(),
            None => 0,
        }
    }

    fn popup_action(&mut self, action: Action) {
        let len = self.popup_len();
        let Some(top) = self.popups.last_mut() else {
            return;
        };
        // The note editor takes keys before the bookmark list under it.
        if let Popup::Bookmarks {
            selected,
            note: note @ Some(_),
        } = top
        {
            let index = *selected;
            match action {
                Action::TextInput(input) => {
                    if let Some(ta) = note.as_mut() {
                        ta.input(input);
                    }
                }
                Action::Close => *note = None,
                Action::Activate => {
                    let text = note
                        .take()
                        .and_then(|ta| ta.into_lines().into_iter().next())
                        .unwrap_or_default();
                    match self.bookmarks.set_note(index, text.trim()) {
                        Ok(()) => self.bookmark_changed("note saved".to_string()),
                        Err(e) => self.bookmark_not_saved(&e),
                    }
                }
                _ => {}
            }
            return;
        }
        let selected = match top {
            Popup::Help { scroll } | Popup::Messages { scroll } => scroll,
            Popup::Footnotes { selected, .. }
            | Popup::Citations { selected }
            | Popup::Picker { selected, .. }
            | Popup::Bookmarks { selected, .. } => selected,
        };
        match action {
            Action::Close => {
                self.popups.pop();
            }
            Action::Down => *selected = clamp_add(*selected, 1, len),
            Action::Up => *selected = clamp_add(*selected, -1, len),
            Action::PageDown => *selected = clamp_add(*selected, 10, len),
            Action::PageUp => *selected = clamp_add(*selected, -10, len),
            Action::Top => *selected = 0,
            Action::Bottom => *selected = clamp_add(0, isize::MAX / 2, len),
            Action::Activate => self.popup_activate(),
            Action::DeleteBookmark => {
                let index = *selected;
                let removed = self.bookmarks.bookmarks().get(index).cloned();
                match self.bookmarks.remove(index) {
                    Ok(()) => {
                        *selected = index.min(self.bookmarks.bookmarks().len().saturating_sub(1));
                        self.deleted_bookmark = removed;
                        self.bookmark_changed("bookmark deleted (u undoes)".to_string());
                    }
                    Err(e) => self.bookmark_not_saved(&e),
                }
            }
            Action::UndoDelete => match self.deleted_bookmark.take() {
                Some(b) if !self.bookmarks.contains(&b.document, &b.paragraph) => {
                    match self.bookmarks.toggle(b) {
                        Ok(_) => self.bookmark_changed("bookmark restored".to_string()),
                        Err(e) => self.bookmark_not_saved(&e),
                    }
                }
                _ => self.info("nothing to undo"),
            },
            Action::EditNote => {
                let index = *selected;
                if let Some(b) = self.bookmarks.bookmarks().get(index) {
                    let mut ta = TextArea::new(vec![b.note.clone()]);
                    ta.set_cursor_line_style(ratatui::style::Style::default());
                    ta.move_cursor(ratatui_textarea::CursorMove::End);
                    if let Some(Popup::Bookmarks { note, .. }) = self.popups.last_mut() {
                        *note = Some(Box::new(ta));
                    }
                }
            }
            _ => {}
        }
    }

    fn popup_activate(&mut self) {
        match self.popups.last() {
            Some(&Popup::Footnotes {
                doc,
                para,
                selected,
            }) => {
                let rows = self.footnote_rows(doc, para);
                let Some((marker, Some(f))) = rows.get(selected).copied() else {
                    return;
                };
                let (citations, whose) = (f.citations.clone(), format!("footnote {marker}"));
                self.follow_among(citations, &whose);
            }
            Some(&Popup::Citations { selected }) => match self.citation_rows().get(selected) {
                Some(CitationRow::Cites(c, _)) => {
                    let c = (*c).clone();
                    self.follow(&c);
                }
                Some(&CitationRow::CitedBy(doc)) => {
                    let para = self.citing_paragraph(doc, self.doc);
                    self.push_history();
                    self.open(doc, para);
                    self.focus = Focus::Pane;
                    self.popups.clear();
                }
                None => {}
            },
            Some(Popup::Picker {
                citations,
                selected,
            }) => {
                if let Some(c) = citations.get(*selected).cloned() {
                    self.follow(&c);
                }
            }
            Some(&Popup::Bookmarks { selected, .. }) => self.jump_to_bookmark(selected),
            Some(Popup::Help { .. } | Popup::Messages { .. }) | None => {}
        }
    }

    fn jump_to_bookmark(&mut self, index: usize) {
        let Some(b) = self.bookmarks.bookmarks().get(index) else {
            return;
        };
        let found = self.library.corpus.index_of(&b.document).or_else(|| {
            b.symbol
                .as_deref()
                .and_then(|s| self.library.corpus.find(s))
        });
        let Some(doc) = found else {
            if let Some(loading @ Loading::Documents(_)) = self.loading {
                // Not in the library yet, perhaps: the documents are still coming.
                self.info(format!("still loading: {}", loading.describe()));
                return;
            }
            let what = b.symbol.clone().unwrap_or_else(|| b.document.clone());
            // A user file: say how to get it back into the library.
            let hint = if b.path.is_empty() || b.path.starts_with("bundled:") {
                String::new()
            } else {
                format!(": open plenary with {}", b.path)
            };
            self.info_kind(
                format!("{what} is not in the library{hint}"),
                MessageKind::Warning,
            );
            return;
        };
        let para = self.library.document(doc).and_then(|d| {
            let pairs: Vec<(&str, &str)> = d
                .paragraphs
                .iter()
                .map(|p| (p.id.as_str(), p.text.as_str()))
                .collect();
            bookmarks::relocate(b, &pairs)
        });
        let missing = para.is_none().then(|| b.paragraph.clone());
        self.push_history();
        self.open(doc, para.unwrap_or(0));
        self.focus = Focus::Pane;
        self.popups.clear();
        if let Some(id) = missing {
            self.info_kind(
                format!("{id} not found in this document"),
                MessageKind::Warning,
            );
        }
    }

    // ----- mouse and view -----

    fn click(&mut self, column: u16, row: u16) {
        let at = Position::new(column, row);
        let a = self.areas();
        if let Some(inner) = a.list_inner().filter(|r| r.contains(at)) {
            let index = self.list_offset + (row - inner.y) as usize;
            let rows = self.list_rows();
            if let Some(&ListRow::Document(d)) = rows.get(index) {
                match self.filter.as_mut().filter(|f| f.target == Focus::List) {
                    Some(f) if f.results.is_some() => f.selected = index,
                    _ => self.list_selected = d,
                }
            }
            self.focus = Focus::List;
        } else if let Some(body) = a.pane_body().filter(|r| r.contains(at)) {
            let line = self.pane_scroll + (row - body.y) as usize;
            let entries = self.pane_entries();
            let heights = self.entry_heights(&entries, body.width);
            let mut start = 0;
            for (i, h) in heights.iter().enumerate() {
                if line < start + h {
                    match self.filter.as_mut().filter(|f| f.target == Focus::Pane) {
                        Some(f) if f.results.is_some() => f.selected = i,
                        _ => self.para = i,
                    }
                    break;
                }
                start += h;
            }
            if self.filter.is_none() {
                self.focus = Focus::Pane;
            }
        }
    }

    /// Scrolls the list or pane under the pointer; false when nothing was there to scroll.
    fn wheel(&mut self, column: u16, row: u16, delta: isize) -> bool {
        if !self.popups.is_empty() {
            self.popup_action(if delta > 0 { Action::Down } else { Action::Up });
            return false;
        }
        let at = Position::new(column, row);
        let a = self.areas();
        if let Some(inner) = a.list_inner().filter(|r| r.contains(at)) {
            let max = self.list_rows().len().saturating_sub(inner.height as usize);
            self.list_offset = clamp_add(self.list_offset, delta, max + 1);
            return true;
        }
        if let Some(body) = a.pane_body().filter(|r| r.contains(at)) {
            let entries = self.pane_entries();
            let total: usize = self.entry_heights(&entries, body.width).iter().sum();
            let max = total.saturating_sub(body.height as usize);
            self.pane_scroll = clamp_add(self.pane_scroll, delta, max + 1);
            return true;
        }
        false
    }

    /// Scrolls the list and the pane so their selections are visible.
    fn keep_in_view(&mut self) {
        let a = self.areas();
        if let Some(inner) = a.list_inner() {
            let rows = self.list_rows();
            let height = (inner.height as usize).max(1);
            let selected = self.list_selected_row(&rows);
            // Show the collection header above its first document.
            let header_above = selected.is_some_and(|s| {
                s > 0 && height > 1 && matches!(rows.get(s - 1), Some(ListRow::Collection(_)))
            });
            let count = rows.len();
            if let Some(sel) = selected {
                if sel < self.list_offset {
                    self.list_offset = if header_above { sel - 1 } else { sel };
                } else if sel >= self.list_offset + height {
                    self.list_offset = sel + 1 - height;
                }
            }
            self.list_offset = self.list_offset.min(count.saturating_sub(height));
        }
        if let Some(body) = a.pane_body() {
            let entries = self.pane_entries();
            let heights = self.entry_heights(&entries, body.width);
            if std::mem::take(&mut self.align_top) {
                let sel = self.pane_selected().min(heights.len());
                let above: usize = heights[..sel].iter().sum();
                let total: usize = heights.iter().sum();
                self.pane_scroll = above.min(total.saturating_sub(body.height as usize));
            }
            self.pane_scroll = view::scroll_to_show(
                &heights,
                self.pane_selected(),
                self.pane_scroll,
                body.height as usize,
            );
        }
    }
}

/// Whether entry `i` is the first of a run from one document: results over all documents name
/// their document once per run, not above every paragraph.
pub fn starts_document_group(entries: &[(usize, usize)], i: usize) -> bool {
    i == 0 || entries.get(i - 1).map(|e| e.0) != entries.get(i).map(|e| e.0)
}

/// One status-line message for a list of warnings.
fn warning_message(warnings: &[String]) -> Option<String> {
    match warnings {
        [] => None,
        [one] => Some(one.clone()),
        [first, rest @ ..] => Some(format!("{first} (and {} more warnings)", rest.len())),
    }
}

/// `pos + delta` within `0..len` (0 when empty).
fn clamp_add(pos: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    pos.saturating_add_signed(delta).min(len - 1)
}

/// The first `max` characters of a text, on one line.
pub fn excerpt(text: &str, max: usize) -> String {
    let one_line: String = view::clean(text);
    match one_line.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", one_line[..i].trim_end()),
        None => one_line,
    }
}

/// The OSC 52 escape that puts `text` on the system clipboard.
pub fn osc52(text: &str) -> Vec<u8> {
    let mut out = b"\x1b]52;c;".to_vec();
    out.extend_from_slice(base64(text.as_bytes()).as_bytes());
    out.push(0x07);
    out
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc4648_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (input, want) in cases {
            assert_eq!(base64(input.as_bytes()), want);
        }
        assert_eq!(osc52("foo"), b"\x1b]52;c;Zm9v\x07".to_vec());
    }

    #[test]
    fn clamp_add_stays_in_range() {
        assert_eq!(clamp_add(0, -1, 5), 0);
        assert_eq!(clamp_add(3, 10, 5), 4);
        assert_eq!(clamp_add(3, 1, 0), 0);
        assert_eq!(clamp_add(2, isize::MIN / 2, 5), 0);
    }
}
