//! The settings file, `config.toml` in the config folder: what it may hold, read with the line of
//! every problem.

use std::path::PathBuf;

pub use super::paths::{CONFIG_DIR_VAR, config_dir, config_dir_from};

/// The settings file in the config folder.
pub const CONFIG_FILE: &str = "config.toml";

/// What `config.toml` holds. Every part is optional; what is not set keeps its default.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Styles by name (see `ui::theme::Theme::NAMES`).
    #[serde(default)]
    pub theme: std::collections::BTreeMap<toml::Spanned<String>, toml::Spanned<StyleSpec>>,
    /// Per mode, actions and their keys (see `keymap::custom`).
    #[serde(default)]
    pub keys: std::collections::BTreeMap<
        toml::Spanned<String>,
        std::collections::BTreeMap<toml::Spanned<String>, toml::Spanned<KeySpec>>,
    >,
}

/// The keys of one action: one, or several.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(untagged)]
pub enum KeySpec {
    One(String),
    Many(Vec<String>),
}

/// One style: a colour for the text alone, or a table.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(untagged)]
pub enum StyleSpec {
    Foreground(String),
    Full(StyleTable),
}

#[derive(Debug, Clone, PartialEq, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StyleTable {
    pub fg: Option<String>,
    pub bg: Option<String>,
    pub bold: Option<bool>,
    pub italic: Option<bool>,
    pub underline: Option<bool>,
    pub reversed: Option<bool>,
    pub dim: Option<bool>,
}

impl StyleTable {
    /// The attribute called `name` (`bold`, `italic`, `underline`, `reversed`, `dim`): set on,
    /// set off, or left as it is.
    pub fn attribute(&self, name: &str) -> Option<bool> {
        match name {
            "bold" => self.bold,
            "italic" => self.italic,
            "underline" => self.underline,
            "reversed" => self.reversed,
            "dim" => self.dim,
            _ => None,
        }
    }
}

/// The settings file read: its settings, the file's text (to give line numbers), and what is
/// wrong with it, one line each naming the file. A missing file is no problem; a file that
/// cannot be read or parsed leaves every default in force.
#[derive(Debug, Default)]
pub struct Loaded {
    pub config: Config,
    pub path: Option<PathBuf>,
    pub text: String,
    pub problems: Vec<String>,
}

impl Loaded {
    /// The line of byte `at` of the file, from 1.
    pub fn line_of(&self, at: usize) -> usize {
        self.text
            .get(..at.min(self.text.len()))
            .map_or(1, |before| before.matches('\n').count() + 1)
    }

    /// "PATH: line N: reason", for a problem at byte `at`.
    pub fn problem_at(&self, at: usize, reason: &str) -> String {
        let path = self
            .path
            .as_deref()
            .map(crate::text::visible_name_of_path)
            .unwrap_or_default();
        format!("{path}: line {}: {reason}", self.line_of(at))
    }
}

/// Reads `config.toml` from the config folder.
pub fn load() -> Loaded {
    match config_dir() {
        Some(dir) => load_from(&dir.join(CONFIG_FILE)),
        None => Loaded::default(),
    }
}

/// Reads the settings file at `path`.
pub fn load_from(path: &std::path::Path) -> Loaded {
    let mut loaded = Loaded {
        path: Some(path.to_path_buf()),
        ..Loaded::default()
    };
    let shown = crate::text::visible_name_of_path(path);
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => loaded.text = text,
            Err(_) => {
                loaded.problems.push(format!(
                    "{shown}: not UTF-8 text; the default settings are used"
                ));
                return loaded;
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return loaded,
        Err(e) => {
            loaded
                .problems
                .push(format!("{shown}: {e}; the default settings are used"));
            return loaded;
        }
    }
    match toml::from_str::<Config>(&loaded.text) {
        Ok(config) => loaded.config = config,
        Err(e) => {
            let reason = crate::text::clean_line(e.message());
            let problem = match e.span() {
                Some(span) => loaded.problem_at(span.start, &reason),
                None => format!("{shown}: {reason}"),
            };
            loaded
                .problems
                .push(format!("{problem}; the default settings are used"));
        }
    }
    loaded
}

/// A settings file of `text`, read as [`load_from`] reads one (for the tests of its readers).
#[cfg(test)]
pub(crate) fn load_text(text: &str) -> Loaded {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(CONFIG_FILE);
    std::fs::write(&path, text).expect("write");
    load_from(&path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_and_their_problems_with_line_numbers() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(CONFIG_FILE);
        std::fs::write(
            &path,
            "# colours\n[theme]\ncitation = \"green\"\nhighlight = { fg = \"black\", bg = \"#ffcc00\", bold = true }\n",
        )
        .expect("write");
        let loaded = load_from(&path);
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let theme: Vec<(&str, &StyleSpec)> = loaded
            .config
            .theme
            .iter()
            .map(|(k, v)| (k.get_ref().as_str(), v.get_ref()))
            .collect();
        assert_eq!(
            theme[0],
            ("citation", &StyleSpec::Foreground("green".into()))
        );
        assert_eq!(theme[1].0, "highlight");
        assert_eq!(
            loaded.line_of(loaded.config.theme.keys().nth(1).expect("two").span().start),
            4
        );
        std::fs::write(&path, "[theme]\ncitation = \"green\"\n[keys\n").expect("write");
        let broken = load_from(&path);
        assert_eq!(broken.problems.len(), 1);
        assert!(
            broken.problems[0].contains(": line 3: "),
            "{:?}",
            broken.problems
        );
        assert!(broken.config.theme.is_empty(), "defaults stay");
        assert!(load_from(&dir.path().join("none.toml")).problems.is_empty());
    }
}
