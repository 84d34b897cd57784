//! What reaches the reader: the actions a user can bind to keys, and the events that carry them
//! together with text input, the mouse, the terminal's size and the reports of the threads
//! working for the reader. And what the reader asks of the loop in return: its effects.

use ratatui_textarea::Input;
use serde::{Deserialize, Serialize};

use crate::search::{Report, SearchRequest};
use crate::store::LoadEvent;
use crate::store::bookmarks::SaveJob;

/// What a user can bind to a key (`[keys]` in `config.toml` names them in snake case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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
    /// Ctrl-U in the filter bar or the note editor: clears the text before the cursor.
    ClearInput,
    Footnotes,
    Citations,
    ToggleBookmark,
    Bookmarks,
    DeleteBookmark,
    /// Brings back the bookmark deleted last (notes included).
    UndoDelete,
    EditNote,
    Copy,
}

impl Action {
    /// Every action, in the order the settings file's defaults list them.
    pub const ALL: [Action; 25] = [
        Action::Quit,
        Action::Help,
        Action::Close,
        Action::FocusNext,
        Action::FocusPrev,
        Action::Up,
        Action::Down,
        Action::PageUp,
        Action::PageDown,
        Action::Top,
        Action::Bottom,
        Action::Activate,
        Action::Back,
        Action::Forward,
        Action::OpenFilter,
        Action::FilterScope,
        Action::ClearInput,
        Action::Footnotes,
        Action::Citations,
        Action::ToggleBookmark,
        Action::Bookmarks,
        Action::DeleteBookmark,
        Action::UndoDelete,
        Action::EditNote,
        Action::Copy,
    ];

    /// The name the settings file uses ("toggle_bookmark").
    pub fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    /// The action a settings file names, if any.
    pub fn named(name: &str) -> Option<Action> {
        serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
    }
}

/// Everything `App::update` takes.
#[derive(Debug)]
pub enum Event {
    Action(Action),
    /// A key for the filter bar or the note editor.
    Text(Input),
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
    /// From the search worker.
    Search(Report),
    /// From the library loader.
    Load(LoadEvent),
    /// The loader has ended; if the library is not in by now, it never will be.
    LoaderGone,
}

impl From<Action> for Event {
    fn from(action: Action) -> Event {
        Event::Action(action)
    }
}

/// What `update` leaves for the loop to do: work with the world outside the reader's state.
#[derive(Debug)]
pub enum Effect {
    /// A query for the search worker.
    Search(SearchRequest),
    /// Bookmarks to write to their file.
    SaveBookmarks(SaveJob),
    /// Bytes for the terminal (an OSC 52 clipboard write).
    Write(Vec<u8>),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_snake_case_the_settings_file_uses() {
        assert_eq!(Action::ToggleBookmark.name(), "toggle_bookmark");
        assert_eq!(Action::PageDown.name(), "page_down");
        assert_eq!(Action::named("focus_prev"), Some(Action::FocusPrev));
        assert_eq!(Action::named("FocusPrev"), None);
        for action in Action::ALL {
            assert_eq!(Action::named(&action.name()), Some(action));
        }
    }
}
