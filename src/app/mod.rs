//! The reader's state and `update(event)`: everything the user can do, with no terminal, no disk
//! and no key map in sight. `update` hands the keys to whoever holds them (the pop-up on top, the
//! filter bar, the list or the pane: one unit each, below) and leaves what needs the world
//! outside (a search to run, bookmarks to save, bytes for the terminal) as effects for the loop.

mod action;
mod filter;
mod history;
pub mod library;
mod list;
mod load;
mod mouse;
mod pane;
pub mod popup;
mod rows;
mod saving;
pub mod view;

use ratatui::layout::Rect;

use crate::document::{Document, Progress};
use crate::store::bookmarks::{Bookmark, BookmarkStore};
pub use action::{Action, Effect, Event};
pub use filter::Filter;
pub use history::Place;
pub use library::Library;
pub use popup::Popup;
pub use rows::{CitationRow, ListRow, starts_document_group};
use view::{Areas, areas};

/// Which unit holds the keys: the key map binds keys per mode, the help is written per mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyMode {
    List,
    Pane,
    Filter,
    Help,
    /// The problems met loading the library, listed in a pop-up that reads like help.
    Problems,
    Footnotes,
    Citations,
    Picker,
    Bookmarks,
    NoteEdit,
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
    /// Pop-ups, topmost last; the top one gets the keys.
    pub popups: Vec<Popup>,
    pub back: Vec<Place>,
    pub forward: Vec<Place>,
    pub message: Option<Message>,
    pub warnings: Vec<String>,
    /// Lines of the help, which the key map writes: how far the help pop-up scrolls.
    pub help_len: usize,
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
    effects: Vec<Effect>,
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
    /// `Event::Load` events from the loader (`store::spawn_loader`) bring the corpus, then the
    /// indexes.
    pub fn loading(bookmarks: BookmarkStore, warnings: Vec<String>) -> App {
        let mut app = App::with(Library::empty(), bookmarks, warnings);
        app.loading = Some(Loading::Documents(Progress { done: 0, total: 0 }));
        app
    }

    /// The state both start from; warnings open the problems pop-up. Bookmark saves become
    /// effects: the reader never writes a file itself.
    fn with(library: Library, mut bookmarks: BookmarkStore, warnings: Vec<String>) -> App {
        bookmarks.defer_saves();
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
            help_len: 0,
            rebuilding: false,
            size: Rect::new(0, 0, 80, 24),
            should_quit: false,
            align_top: false,
            deleted_bookmark: None,
            saving: saving::Saving::default(),
            loading: None,
            generation: 0,
            effects: Vec::new(),
            wrapped: view::WrapCache::default(),
        };
        if !app.warnings.is_empty() {
            app.show_problems();
        }
        app
    }

    pub fn document(&self) -> Option<&Document> {
        self.library.document(self.doc)
    }

    pub fn areas(&self) -> Areas {
        areas(self.size, self.focus == Focus::List, self.filter.is_some())
    }

    /// Who holds the keys now.
    pub fn key_mode(&self) -> KeyMode {
        match self.popups.last() {
            Some(popup) => popup.key_mode(),
            None if self.filter.is_some() => KeyMode::Filter,
            None => match self.focus {
                Focus::List => KeyMode::List,
                Focus::Pane => KeyMode::Pane,
            },
        }
    }

    /// A search result or the library may still arrive.
    pub fn awaiting_results(&self) -> bool {
        self.filter.as_ref().is_some_and(|f| f.pending) || self.loading.is_some()
    }

    /// What the loop is to do for the events so far, oldest first.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        if let Some(job) = self.bookmarks.take_save_job() {
            self.effects.push(Effect::SaveBookmarks(job));
        }
        std::mem::take(&mut self.effects)
    }

    // ----- update -----

    pub fn update(&mut self, event: impl Into<Event>) {
        let action = match event.into() {
            Event::Resize { width, height } => {
                self.size = Rect::new(0, 0, width, height);
                self.keep_in_view();
                return;
            }
            Event::Search(report) => return self.search_report(report),
            Event::Load(event) => return self.load_event(event),
            Event::LoaderGone => return self.loader_gone(),
            Event::Action(Action::Quit) => return self.quit(),
            Event::ScrollUp { column, row } => return self.wheel(column, row, -3),
            Event::ScrollDown { column, row } => return self.wheel(column, row, 3),
            Event::Click { column, row } => {
                self.message = None;
                if self.popups.is_empty() {
                    self.click(column, row);
                }
                return self.keep_in_view();
            }
            Event::Text(input) => Err(input),
            Event::Action(action) => Ok(action),
        };
        self.message = None;
        if !self.popups.is_empty() {
            self.popup_event(action);
        } else if self.filter.is_some() {
            self.filter_event(action);
        } else if let Ok(action) = action {
            match self.focus {
                Focus::List => self.list_action(action),
                Focus::Pane => self.pane_action(action),
            }
        }
        self.keep_in_view();
    }

    /// What the list and the pane both do with a key.
    fn browse_action(&mut self, action: Action) {
        match action {
            Action::Help => self.popups.push(Popup::help()),
            Action::FocusNext | Action::FocusPrev => {
                self.focus = match self.focus {
                    Focus::List => Focus::Pane,
                    Focus::Pane => Focus::List,
                };
            }
            Action::Back => self.go_back(),
            Action::Forward => self.go_forward(),
            Action::OpenFilter => self.open_filter(),
            Action::Bookmarks => self.popups.push(Popup::bookmarks()),
            _ => {}
        }
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

    /// Opens the problems pop-up unless it is open already.
    fn show_problems(&mut self) {
        if !self
            .popups
            .iter()
            .any(|p| p.key_mode() == KeyMode::Problems)
        {
            self.popups.push(Popup::problems());
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clamp_add_stays_in_range() {
        assert_eq!(clamp_add(0, -1, 5), 0);
        assert_eq!(clamp_add(3, 10, 5), 4);
        assert_eq!(clamp_add(3, 1, 0), 0);
        assert_eq!(clamp_add(2, isize::MIN / 2, 5), 0);
    }
}
