//! The `[keys]` table of `config.toml`: per mode, an action and the keys that now do it, in
//! place of its default keys in that mode.
//!
//! ```toml
//! [keys.read]
//! toggle_bookmark = "m"
//! down = ["j", "Down", "Ctrl-N"]
//! ```

use crossterm::event::{KeyCode, KeyModifiers};

use super::{Binding, KeyMode, bindings};
use crate::app::Action;
use crate::store::config::{KeySpec, Loaded};

/// The modes, by the name the table uses (`read` is the paragraph pane, as the status line says).
pub const MODES: &[(&str, KeyMode)] = &[
    ("list", KeyMode::List),
    ("read", KeyMode::Pane),
    ("filter", KeyMode::Filter),
    ("help", KeyMode::Help),
    ("problems", KeyMode::Problems),
    ("footnotes", KeyMode::Footnotes),
    ("citations", KeyMode::Citations),
    ("picker", KeyMode::Picker),
    ("bookmarks", KeyMode::Bookmarks),
    ("note", KeyMode::NoteEdit),
];

/// A key as help writes it: `j`, `G`, `Ctrl-D`, `Alt-Left`, `Enter`, `Esc`, `Tab`,
/// `Shift-Tab`, `Backspace`, `Up`, `PgDn`, `Home`, `F1`, `Space`.
pub fn parse_key(text: &str) -> Option<(KeyCode, KeyModifiers)> {
    let mut mods = KeyModifiers::NONE;
    let mut rest = text.trim();
    loop {
        let lower = rest.to_ascii_lowercase();
        if let Some(r) = lower.strip_prefix("ctrl-").map(str::len) {
            mods |= KeyModifiers::CONTROL;
            rest = &rest[rest.len() - r..];
        } else if let Some(r) = lower.strip_prefix("alt-").map(str::len) {
            mods |= KeyModifiers::ALT;
            rest = &rest[rest.len() - r..];
        } else {
            break;
        }
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) => {
            let c = if mods.contains(KeyModifiers::CONTROL) {
                c.to_ascii_lowercase()
            } else {
                c
            };
            KeyCode::Char(c)
        }
        _ => match rest.to_ascii_lowercase().as_str() {
            "enter" => KeyCode::Enter,
            "esc" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "shift-tab" => KeyCode::BackTab,
            "backspace" => KeyCode::Backspace,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdn" | "pagedown" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "space" => KeyCode::Char(' '),
            f => KeyCode::F(
                f.strip_prefix('f')?
                    .parse()
                    .ok()
                    .filter(|n| (1..=24).contains(n))?,
            ),
        },
    };
    if code == KeyCode::BackTab {
        mods |= KeyModifiers::SHIFT;
    }
    Some((code, mods))
}

fn names<S: AsRef<str>>(names: impl Iterator<Item = S>) -> String {
    names
        .map(|n| n.as_ref().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The default bindings with the `[keys]` table of `settings` over them, and what in it could
/// not be used (one line each, with its line number; the rest applies). A rebound action
/// loses its default keys in that mode only; the new binding comes first, so it wins over any
/// other use of the same key there.
pub fn customised(settings: &Loaded) -> (Vec<Binding>, Vec<String>) {
    let mut out = bindings();
    let mut problems = Vec::new();
    let mut added = Vec::new();
    for (mode_name, table) in &settings.config.keys {
        let Some(&(_, mode)) = MODES.iter().find(|(n, _)| n == mode_name.get_ref()) else {
            problems.push(settings.problem_at(
                mode_name.span().start,
                &format!(
                    "no mode is called {:?} (there are: {})",
                    crate::text::clean_line(mode_name.get_ref()),
                    names(MODES.iter().map(|(n, _)| *n))
                ),
            ));
            continue;
        };
        for (action_name, spec) in table {
            let at = action_name.span().start;
            let Some(action) = Action::named(action_name.get_ref()) else {
                problems.push(settings.problem_at(
                    at,
                    &format!(
                        "no action is called {:?} (there are: {})",
                        crate::text::clean_line(action_name.get_ref()),
                        names(Action::ALL.iter().map(|a| a.name()))
                    ),
                ));
                continue;
            };
            let texts: Vec<&str> = match spec.get_ref() {
                KeySpec::One(k) => vec![k.as_str()],
                KeySpec::Many(ks) => ks.iter().map(String::as_str).collect(),
            };
            let mut keys = Vec::new();
            for text in texts {
                match parse_key(text) {
                    Some(key) => keys.push(key),
                    None => problems.push(settings.problem_at(
                        spec.span().start,
                        &format!(
                            "{:?} is no key (write them as help does: j, Ctrl-D, Alt-Left, PgDn, F1)",
                            crate::text::clean_line(text)
                        ),
                    )),
                }
            }
            let Some(template) = out
                .iter()
                .find(|b| b.action == action && b.modes.contains(&mode))
                .cloned()
            else {
                problems.push(settings.problem_at(
                    at,
                    &format!(
                        "{} does nothing in {}",
                        action_name.get_ref(),
                        mode_name.get_ref()
                    ),
                ));
                continue;
            };
            if keys.is_empty() {
                continue;
            }
            // The defaults of this action leave this mode; the new keys take it.
            for b in out.iter_mut().filter(|b| b.action == action) {
                if b.modes.contains(&mode) {
                    let rest: Vec<KeyMode> =
                        b.modes.iter().copied().filter(|&m| m != mode).collect();
                    b.modes = Box::leak(rest.into_boxed_slice());
                }
            }
            added.push(Binding {
                modes: Box::leak(Box::new([mode])),
                keys,
                ..template
            });
        }
    }
    added.extend(out.into_iter().filter(|b| !b.modes.is_empty()));
    (added, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEvent;

    #[test]
    fn keys_are_read_as_help_writes_them() {
        assert_eq!(
            parse_key("j"),
            Some((KeyCode::Char('j'), KeyModifiers::NONE))
        );
        assert_eq!(
            parse_key("G"),
            Some((KeyCode::Char('G'), KeyModifiers::NONE))
        );
        assert_eq!(
            parse_key("Ctrl-D"),
            Some((KeyCode::Char('d'), KeyModifiers::CONTROL))
        );
        assert_eq!(
            parse_key("alt-left"),
            Some((KeyCode::Left, KeyModifiers::ALT))
        );
        assert_eq!(
            parse_key("PgDn"),
            Some((KeyCode::PageDown, KeyModifiers::NONE))
        );
        assert_eq!(parse_key("F5"), Some((KeyCode::F(5), KeyModifiers::NONE)));
        assert_eq!(
            parse_key("Space"),
            Some((KeyCode::Char(' '), KeyModifiers::NONE))
        );
        assert_eq!(
            parse_key("Shift-Tab"),
            Some((KeyCode::BackTab, KeyModifiers::SHIFT))
        );
        for bad in ["", "Ctrl-", "Hyper-x", "F99", "jk"] {
            assert_eq!(parse_key(bad), None, "{bad:?}");
        }
    }

    fn settings(text: &str) -> Loaded {
        crate::store::config::load_text(text)
    }

    fn act(map: &[Binding], key: &str, mode: KeyMode) -> Option<Action> {
        let (code, mods) = parse_key(key).expect("key");
        super::super::action_in(map, KeyEvent::new(code, mods), mode)
    }

    #[test]
    fn a_rebound_action_moves_in_its_mode_only() {
        let loaded = settings(
            "[keys.read]\ntoggle_bookmark = \"m\"\ndown = [\"j\", \"Ctrl-N\"]\n\
             [keys.list]\nnonsense = \"x\"\ndown = \"Hyper-x\"\n[keys.nowhere]\nup = \"k\"\n",
        );
        let (map, problems) = customised(&loaded);
        assert_eq!(act(&map, "m", KeyMode::Pane), Some(Action::ToggleBookmark));
        assert_eq!(
            act(&map, "b", KeyMode::Pane),
            None,
            "the default key is gone"
        );
        assert_eq!(act(&map, "Ctrl-N", KeyMode::Pane), Some(Action::Down));
        assert_eq!(act(&map, "Down", KeyMode::Pane), None);
        // Other modes keep their defaults.
        assert_eq!(act(&map, "Down", KeyMode::List), Some(Action::Down));
        assert_eq!(act(&map, "j", KeyMode::List), Some(Action::Down));
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(
            problems
                .iter()
                .any(|p| p.contains("line 5: no action is called \"nonsense\""))
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("line 6: \"Hyper-x\" is no key"))
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("line 7: no mode is called \"nowhere\""))
        );
    }
}
