//! Keys to actions: every binding, per mode, in one table that the help overlay and status line also read.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use ratatui_textarea::Input;

pub use crate::app::KeyMode;
use crate::app::{Action, Event as AppEvent};

pub mod custom;

/// The bindings in force: the defaults with the settings' `[keys]` over them ([`install`]).
static LIVE: std::sync::OnceLock<Vec<Binding>> = std::sync::OnceLock::new();

fn live() -> &'static [Binding] {
    LIVE.get_or_init(bindings)
}

/// Sets the bindings for the rest of the process, before the first key; false if they were set
/// (or used) already.
pub fn install(map: Vec<Binding>) -> bool {
    LIVE.set(map).is_ok()
}

impl KeyMode {
    pub fn name(self) -> &'static str {
        match self {
            KeyMode::List => "LIST",
            KeyMode::Pane => "READ",
            KeyMode::Filter => "FILTER",
            KeyMode::Help => "HELP",
            KeyMode::Problems => "PROBLEMS",
            KeyMode::Footnotes => "FOOTNOTES",
            KeyMode::Citations => "CITATIONS",
            KeyMode::Picker => "PICK",
            KeyMode::Bookmarks => "BOOKMARKS",
            KeyMode::NoteEdit => "NOTE",
        }
    }
}

const FILTER: &[KeyMode] = &[KeyMode::Filter];
const BROWSE: &[KeyMode] = &[KeyMode::List, KeyMode::Pane];
const MOVING: &[KeyMode] = &[
    KeyMode::List,
    KeyMode::Pane,
    KeyMode::Help,
    KeyMode::Problems,
    KeyMode::Footnotes,
    KeyMode::Citations,
    KeyMode::Picker,
    KeyMode::Bookmarks,
];
const LISTS: &[KeyMode] = &[
    KeyMode::Footnotes,
    KeyMode::Citations,
    KeyMode::Picker,
    KeyMode::Bookmarks,
];
const ALL: &[KeyMode] = &[
    KeyMode::List,
    KeyMode::Pane,
    KeyMode::Filter,
    KeyMode::Help,
    KeyMode::Problems,
    KeyMode::Footnotes,
    KeyMode::Citations,
    KeyMode::Picker,
    KeyMode::Bookmarks,
    KeyMode::NoteEdit,
];

/// One key binding: the keys, the modes where they apply, what they do.
#[derive(Debug, Clone)]
pub struct Binding {
    pub modes: &'static [KeyMode],
    pub keys: Vec<(KeyCode, KeyModifiers)>,
    pub action: Action,
    /// Shown in the help overlay.
    pub help: &'static str,
    /// Shown in the status line when set.
    pub hint: Option<&'static str>,
}

fn plain(c: char) -> (KeyCode, KeyModifiers) {
    (KeyCode::Char(c), KeyModifiers::NONE)
}
fn ctrl(c: char) -> (KeyCode, KeyModifiers) {
    (KeyCode::Char(c), KeyModifiers::CONTROL)
}
fn code(k: KeyCode) -> (KeyCode, KeyModifiers) {
    (k, KeyModifiers::NONE)
}
fn alt(k: KeyCode) -> (KeyCode, KeyModifiers) {
    (k, KeyModifiers::ALT)
}

fn bind(
    modes: &'static [KeyMode],
    keys: Vec<(KeyCode, KeyModifiers)>,
    action: Action,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        modes,
        keys,
        action,
        help,
        hint,
    }
}

/// Every binding, first match wins. Text input in the filter bar and note editor is the fallback.
pub fn bindings() -> Vec<Binding> {
    use KeyCode::*;
    use KeyMode as M;
    vec![
        bind(ALL, vec![ctrl('c')], Action::Quit, "quit", None),
        bind(BROWSE, vec![plain('q')], Action::Quit, "quit", Some("quit")),
        bind(
            &[M::Help, M::Problems],
            vec![code(Esc), plain('q'), plain('?')],
            Action::Close,
            "close it",
            Some("close"),
        ),
        bind(
            &[M::Footnotes, M::Citations, M::Picker, M::Bookmarks],
            vec![code(Esc), plain('q')],
            Action::Close,
            "close the pop-up",
            Some("close"),
        ),
        bind(
            BROWSE,
            vec![plain('?')],
            Action::Help,
            "show this help",
            Some("help"),
        ),
        bind(
            BROWSE,
            vec![code(Tab)],
            Action::FocusNext,
            "switch focus: list / paragraphs",
            Some("focus"),
        ),
        bind(
            BROWSE,
            vec![code(BackTab)],
            Action::FocusPrev,
            "switch focus backwards",
            None,
        ),
        bind(
            MOVING,
            vec![plain('j'), code(Down)],
            Action::Down,
            "move down",
            None,
        ),
        bind(
            MOVING,
            vec![plain('k'), code(Up)],
            Action::Up,
            "move up",
            None,
        ),
        bind(FILTER, vec![code(Down)], Action::Down, "next result", None),
        bind(FILTER, vec![code(Up)], Action::Up, "previous result", None),
        bind(
            MOVING,
            vec![code(PageDown), ctrl('d')],
            Action::PageDown,
            "page down",
            None,
        ),
        bind(
            MOVING,
            vec![code(PageUp), ctrl('u')],
            Action::PageUp,
            "page up",
            None,
        ),
        bind(
            MOVING,
            vec![plain('g'), code(Home)],
            Action::Top,
            "first",
            None,
        ),
        bind(
            MOVING,
            vec![plain('G'), code(End)],
            Action::Bottom,
            "last",
            None,
        ),
        bind(
            &[M::List],
            vec![code(Enter)],
            Action::Activate,
            "open the document",
            Some("open"),
        ),
        bind(
            &[M::Pane],
            vec![code(Enter)],
            Action::Activate,
            "follow the paragraph's citation (a picker if several)",
            Some("follow"),
        ),
        bind(
            LISTS,
            vec![code(Enter)],
            Action::Activate,
            "follow / jump to the selected entry",
            Some("go"),
        ),
        bind(
            BROWSE,
            vec![code(Backspace), alt(Left)],
            Action::Back,
            "go back in history",
            Some("back"),
        ),
        bind(
            BROWSE,
            vec![alt(Right)],
            Action::Forward,
            "go forward in history",
            None,
        ),
        bind(
            BROWSE,
            vec![plain('/')],
            Action::OpenFilter,
            "filter (fuzzy)",
            Some("filter"),
        ),
        bind(
            &[M::Pane],
            vec![plain('f')],
            Action::Footnotes,
            "footnotes of the paragraph",
            Some("notes"),
        ),
        bind(
            BROWSE,
            vec![plain('c')],
            Action::Citations,
            "citations of the document, and cited by",
            Some("cites"),
        ),
        bind(
            &[M::Pane],
            vec![plain('b')],
            Action::ToggleBookmark,
            "bookmark / unbookmark the paragraph",
            Some("mark"),
        ),
        bind(
            BROWSE,
            vec![plain('B')],
            Action::Bookmarks,
            "list bookmarks",
            Some("marks"),
        ),
        bind(
            &[M::Pane],
            vec![plain('y')],
            Action::Copy,
            "copy the paragraph with its citation (OSC 52)",
            Some("copy"),
        ),
        bind(
            &[M::Bookmarks],
            vec![plain('d')],
            Action::DeleteBookmark,
            "delete the bookmark",
            Some("delete"),
        ),
        bind(
            &[M::Bookmarks],
            vec![plain('u')],
            Action::UndoDelete,
            "undo the last delete",
            None,
        ),
        bind(
            &[M::Bookmarks],
            vec![plain('e')],
            Action::EditNote,
            "edit the bookmark's note",
            Some("note"),
        ),
        bind(
            &[M::Filter],
            vec![code(Enter)],
            Action::Activate,
            "keep the chosen result",
            Some("choose"),
        ),
        bind(
            &[M::Filter],
            vec![code(Esc)],
            Action::Close,
            "close the filter, back to where you were",
            Some("cancel"),
        ),
        bind(
            &[M::Filter, M::NoteEdit],
            vec![ctrl('u')],
            Action::ClearInput,
            "clear back to the start, as in a shell",
            None,
        ),
        bind(
            &[M::Filter],
            vec![ctrl('a')],
            Action::FilterScope,
            "scope: this document / all documents",
            Some("scope"),
        ),
        bind(
            &[M::NoteEdit],
            vec![code(Enter)],
            Action::Activate,
            "save the note",
            Some("save"),
        ),
        bind(
            &[M::NoteEdit],
            vec![code(Esc)],
            Action::Close,
            "cancel",
            Some("cancel"),
        ),
    ]
}

/// The action bound to a key press in a mode.
pub fn action_for(key: KeyEvent, mode: KeyMode) -> Option<Action> {
    action_in(live(), key, mode)
}

/// What a key press does in a mode: its action, else in text-entry modes the key as text.
pub fn key_event(key: KeyEvent, mode: KeyMode) -> Option<AppEvent> {
    match action_for(key, mode) {
        Some(action) => Some(AppEvent::Action(action)),
        None if matches!(mode, KeyMode::Filter | KeyMode::NoteEdit) => {
            Some(AppEvent::Text(Input::from(key)))
        }
        None => None,
    }
}

/// [`action_for`] in the bindings `map`.
pub fn action_in(map: &[Binding], key: KeyEvent, mode: KeyMode) -> Option<Action> {
    let mods = key.modifiers - KeyModifiers::SHIFT;
    for b in map {
        if !b.modes.contains(&mode) {
            continue;
        }
        let hit = b.keys.iter().any(|&(c, m)| {
            c == key.code && (m == key.modifiers || (m - KeyModifiers::SHIFT) == mods)
        });
        if hit {
            return Some(b.action);
        }
    }
    None
}

/// What a terminal event does: key presses (never releases), mouse, resize.
pub fn event_for(event: &Event, mode: KeyMode) -> Option<AppEvent> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => key_event(*key, mode),
        Event::Mouse(m) => {
            let (column, row) = (m.column, m.row);
            match m.kind {
                MouseEventKind::Down(MouseButton::Left) => Some(AppEvent::Click { column, row }),
                MouseEventKind::ScrollDown => Some(AppEvent::ScrollDown { column, row }),
                MouseEventKind::ScrollUp => Some(AppEvent::ScrollUp { column, row }),
                _ => None,
            }
        }
        Event::Resize(width, height) => Some(AppEvent::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

/// "j, Down" for a binding's keys.
pub fn keys_label(keys: &[(KeyCode, KeyModifiers)]) -> String {
    let mut labels: Vec<String> = Vec::new();
    for &(c, m) in keys {
        let l = key_label(c, m);
        if !labels.contains(&l) {
            labels.push(l);
        }
    }
    labels.join(", ")
}

fn key_label(code: KeyCode, mods: KeyModifiers) -> String {
    let base = match code {
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Up => "Up".into(),
        KeyCode::Down => "Down".into(),
        KeyCode::Left => "Left".into(),
        KeyCode::Right => "Right".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        other => format!("{other:?}"),
    };
    if code == KeyCode::BackTab {
        return base;
    }
    let mut out = String::new();
    if mods.contains(KeyModifiers::CONTROL) {
        out.push_str("Ctrl-");
    }
    if mods.contains(KeyModifiers::ALT) {
        out.push_str("Alt-");
    }
    if let KeyCode::Char(c) = code
        && mods.contains(KeyModifiers::CONTROL)
    {
        out.push(c.to_ascii_uppercase());
        return out;
    }
    out.push_str(&base);
    out
}

/// The help text, one line per binding, grouped by where the keys work: each group once, in
/// the order its first binding appears in the table. Section titles have an empty second half.
pub fn help_lines() -> Vec<(String, String)> {
    let mut groups: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for b in live() {
        let section = section_name(b.modes);
        let row = (keys_label(&b.keys), b.help.to_string());
        match groups.iter_mut().find(|(name, _)| *name == section) {
            Some((_, rows)) => rows.push(row),
            None => groups.push((section, vec![row])),
        }
    }
    groups.push((
        "Mouse and typing".into(),
        vec![
            ("click".into(), "select a document or paragraph".into()),
            (
                "wheel".into(),
                "scroll the list or pane under the pointer".into(),
            ),
            ("(typing)".into(), "goes into the filter bar or note".into()),
        ],
    ));
    let mut out = Vec::new();
    for (i, (section, rows)) in groups.into_iter().enumerate() {
        if i > 0 {
            out.push((String::new(), String::new()));
        }
        out.push((section, String::new()));
        out.extend(rows);
    }
    out
}

fn section_name(modes: &[KeyMode]) -> String {
    let names: Vec<&str> = modes
        .iter()
        .map(|m| match m {
            KeyMode::List => "document list",
            KeyMode::Pane => "paragraphs",
            KeyMode::Filter => "filter bar",
            KeyMode::Help => "help",
            KeyMode::Problems => "problems",
            KeyMode::Footnotes => "footnotes",
            KeyMode::Citations => "citations",
            KeyMode::Picker => "picker",
            KeyMode::Bookmarks => "bookmarks",
            KeyMode::NoteEdit => "note",
        })
        .collect();
    let joined = match modes.len() {
        10.. => "anywhere".to_string(),
        8.. => "lists and pop-ups".to_string(),
        _ => names.join(", "),
    };
    let mut c = joined.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => joined,
    }
}

/// Status-line hints for a mode: "Enter open · / filter · ? help".
pub fn hints(mode: KeyMode) -> Vec<(String, &'static str)> {
    live()
        .iter()
        .filter(|b| b.modes.contains(&mode))
        .filter_map(|b| {
            let hint = b.hint?;
            let first = b.keys.first().map(|&(c, m)| key_label(c, m))?;
            Some((first, hint))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(c, m)
    }

    #[test]
    fn same_key_means_different_things_per_mode() {
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(action_for(q, KeyMode::List), Some(Action::Quit));
        assert_eq!(action_for(q, KeyMode::Help), Some(Action::Close));
        assert!(matches!(
            key_event(q, KeyMode::Filter),
            Some(AppEvent::Text(_))
        ));
        let j = key(KeyCode::Char('j'), KeyModifiers::NONE);
        assert!(matches!(
            key_event(j, KeyMode::Filter),
            Some(AppEvent::Text(_))
        ));
        let f12 = key(KeyCode::F(12), KeyModifiers::NONE);
        assert!(key_event(f12, KeyMode::Pane).is_none());
        let down = key(KeyCode::Down, KeyModifiers::NONE);
        assert_eq!(action_for(down, KeyMode::Filter), Some(Action::Down));
        let ctrl_c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(ctrl_c, KeyMode::NoteEdit), Some(Action::Quit));
        let big_g = key(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(action_for(big_g, KeyMode::Pane), Some(Action::Bottom));
        let back_tab = key(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(action_for(back_tab, KeyMode::List), Some(Action::FocusPrev));
        let alt_left = key(KeyCode::Left, KeyModifiers::ALT);
        assert_eq!(action_for(alt_left, KeyMode::Pane), Some(Action::Back));
        assert_eq!(action_for(j, KeyMode::List), Some(Action::Down));
    }

    #[test]
    fn labels_read_like_keys() {
        assert_eq!(
            keys_label(&[plain('j'), code(KeyCode::Down)]),
            "j, Down".to_string()
        );
        assert_eq!(keys_label(&[ctrl('d')]), "Ctrl-D");
        assert_eq!(keys_label(&[alt(KeyCode::Left)]), "Alt-Left");
    }
}
