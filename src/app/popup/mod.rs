//! The pop-ups, one unit each: its state and its `handle`. The one on top has the keys; while it
//! handles them it is off the stack, so that it can act on the whole reader (follow a citation,
//! open a bookmark, put another pop-up over itself), and it goes back unless it closed.

mod bookmarks;
mod citations;
mod footnotes;
mod help;
mod picker;

use ratatui_textarea::Input;

pub use bookmarks::BookmarkList;
pub use citations::Citations;
pub use footnotes::Footnotes;
pub use help::Scrolled;
pub use picker::Picker;

use super::{Action, App, KeyMode, clamp_add};
use crate::document::Citation;

/// Pop-ups, by what they show.
pub enum Popup {
    Help(Scrolled),
    /// What went wrong while loading (unreadable files, bad metadata) or saving.
    Problems(Scrolled),
    Footnotes(Footnotes),
    Citations(Citations),
    /// Choosing among several citations.
    Picker(Picker),
    Bookmarks(BookmarkList),
}

/// What a pop-up is after handling a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum After {
    Stay,
    Close,
}

impl Popup {
    pub fn help() -> Popup {
        Popup::Help(Scrolled::default())
    }

    pub fn problems() -> Popup {
        Popup::Problems(Scrolled::default())
    }

    pub fn footnotes(doc: usize, para: usize) -> Popup {
        Popup::Footnotes(Footnotes {
            doc,
            para,
            selected: 0,
        })
    }

    pub fn citations() -> Popup {
        Popup::Citations(Citations { selected: 0 })
    }

    pub fn picker(citations: Vec<Citation>) -> Popup {
        Popup::Picker(Picker {
            citations,
            selected: 0,
        })
    }

    pub fn bookmarks() -> Popup {
        Popup::Bookmarks(BookmarkList {
            selected: 0,
            note: None,
        })
    }

    pub fn key_mode(&self) -> KeyMode {
        match self {
            Popup::Help(_) => KeyMode::Help,
            Popup::Problems(_) => KeyMode::Problems,
            Popup::Footnotes(_) => KeyMode::Footnotes,
            Popup::Citations(_) => KeyMode::Citations,
            Popup::Picker(_) => KeyMode::Picker,
            Popup::Bookmarks(list) if list.note.is_some() => KeyMode::NoteEdit,
            Popup::Bookmarks(_) => KeyMode::Bookmarks,
        }
    }

    /// Whether it shows part of the corpus, and so cannot outlive it.
    pub fn points_into_corpus(&self) -> bool {
        matches!(
            self,
            Popup::Footnotes(_) | Popup::Citations(_) | Popup::Picker(_)
        )
    }
}

impl App {
    pub(super) fn popup_event(&mut self, action: Result<Action, Input>) {
        let Some(mut top) = self.popups.pop() else {
            return;
        };
        let depth = self.popups.len();
        let after = match &mut top {
            Popup::Help(scrolled) => {
                let lines = self.help_len;
                scrolled.handle(self, action, lines)
            }
            Popup::Problems(scrolled) => {
                let lines = self.warnings.len();
                scrolled.handle(self, action, lines)
            }
            Popup::Footnotes(footnotes) => footnotes.handle(self, action),
            Popup::Citations(citations) => citations.handle(self, action),
            Popup::Picker(picker) => picker.handle(self, action),
            Popup::Bookmarks(list) => list.handle(self, action),
        };
        if after == After::Stay {
            // Under any pop-up it opened meanwhile.
            let at = depth.min(self.popups.len());
            self.popups.insert(at, top);
        }
    }
}

/// Moves a pop-up's selection for the keys every list takes; false for other keys.
fn step(selected: &mut usize, action: Action, len: usize) -> bool {
    *selected = match action {
        Action::Down => clamp_add(*selected, 1, len),
        Action::Up => clamp_add(*selected, -1, len),
        Action::PageDown => clamp_add(*selected, 10, len),
        Action::PageUp => clamp_add(*selected, -10, len),
        Action::Top => 0,
        Action::Bottom => clamp_add(0, isize::MAX / 2, len),
        _ => return false,
    };
    true
}

/// What every list pop-up does with a key it has no use of its own for.
fn common(selected: &mut usize, action: Result<Action, Input>, len: usize) -> After {
    match action {
        Ok(Action::Close) => After::Close,
        Ok(action) => {
            step(selected, action, len);
            After::Stay
        }
        Err(_) => After::Stay,
    }
}
