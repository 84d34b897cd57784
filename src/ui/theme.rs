//! Colours and text styles, in one place so tests and panes agree: the defaults below, made
//! colourless under `NO_COLOR` (highlights kept as bold, underline, reverse), then changed by
//! the `[theme]` table of `config.toml`. Set once at start ([`install`]), read by every draw.

use ratatui::style::{Color, Modifier, Style};

/// Matched characters of a filter query.
pub const HIGHLIGHT: Style = Style::new()
    .fg(Color::Black)
    .bg(Color::Yellow)
    .add_modifier(Modifier::BOLD);
pub const EMPHASIS: Style = Style::new().add_modifier(Modifier::ITALIC);
pub const FOOTNOTE: Style = Style::new().fg(Color::Yellow);
pub const CITATION: Style = Style::new()
    .fg(Color::Cyan)
    .add_modifier(Modifier::UNDERLINED);
pub const SELECTED_TEXT: Style = Style::new().bg(Color::Indexed(236));
pub const SELECTED_ROW: Style = Style::new().add_modifier(Modifier::REVERSED);
pub const GUTTER: Style = Style::new().fg(Color::DarkGray);
pub const BOOKMARK: Style = Style::new().fg(Color::Yellow);
pub const HEADER: Style = Style::new().add_modifier(Modifier::BOLD);
pub const DIM: Style = Style::new().fg(Color::DarkGray);
pub const COLLECTION: Style = Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD);
pub const FOCUSED_BORDER: Style = Style::new().fg(Color::Cyan);
pub const BORDER: Style = Style::new().fg(Color::DarkGray);
pub const POPUP_BORDER: Style = Style::new().fg(Color::Cyan);
pub const STATUS: Style = Style::new().bg(Color::Indexed(235));
pub const MODE: Style = Style::new()
    .fg(Color::Black)
    .bg(Color::Cyan)
    .add_modifier(Modifier::BOLD);
pub const KEY: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
pub const WARNING: Style = Style::new().fg(Color::Yellow);
pub const ERROR: Style = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);

/// Defines [`Theme`] from the defaults above: one field per style, named as in `config.toml`.
macro_rules! theme {
    ($($field:ident: $default:ident, $what:literal, $plain:expr;)*) => {
        /// Every style the reader draws with.
        #[derive(Debug, Clone, PartialEq)]
        pub struct Theme {
            $(#[doc = $what] pub $field: Style,)*
        }

        impl Default for Theme {
            fn default() -> Theme {
                Theme { $($field: $default,)* }
            }
        }

        impl Theme {
            /// The names a `[theme]` table may set, with what each styles.
            pub const NAMES: &[(&str, &str)] = &[$((stringify!($field), $what),)*];

            /// The style called `name`, to change; None for a name that is none of them.
            pub fn named(&mut self, name: &str) -> Option<&mut Style> {
                match name {
                    $(stringify!($field) => Some(&mut self.$field),)*
                    _ => None,
                }
            }

            /// The same without colour (`NO_COLOR`): each style keeps its attributes, and one
            /// that marked something by colour alone gets an attribute instead, so that matches,
            /// citations, the selection and the mode stay visible.
            pub fn without_colour(&self) -> Theme {
                let plain = |s: Style| Style::new().add_modifier(s.add_modifier);
                Theme { $($field: plain(self.$field).add_modifier($plain),)* }
            }
        }
    };
}

theme! {
    highlight: HIGHLIGHT, "matched characters of a query", Modifier::REVERSED;
    emphasis: EMPHASIS, "emphasised words (the verb of an operative paragraph)", Modifier::empty();
    footnote: FOOTNOTE, "footnote markers", Modifier::BOLD;
    citation: CITATION, "citations", Modifier::UNDERLINED;
    selected_text: SELECTED_TEXT, "the text of the selected paragraph", Modifier::empty();
    selected_row: SELECTED_ROW, "the selected row of a list", Modifier::REVERSED;
    gutter: GUTTER, "paragraph numbers", Modifier::empty();
    bookmark: BOOKMARK, "the bookmark star", Modifier::BOLD;
    header: HEADER, "headings", Modifier::BOLD;
    dim: DIM, "secondary text (dates, counts)", Modifier::empty();
    collection: COLLECTION, "collection names in the list", Modifier::BOLD;
    focused_border: FOCUSED_BORDER, "the border of the focused pane", Modifier::BOLD;
    border: BORDER, "other borders", Modifier::empty();
    popup_border: POPUP_BORDER, "pop-up borders", Modifier::BOLD;
    status: STATUS, "the status line", Modifier::empty();
    mode: MODE, "the mode in the status line", Modifier::REVERSED;
    key: KEY, "keys in hints and help", Modifier::BOLD;
    warning: WARNING, "warnings", Modifier::BOLD;
    error: ERROR, "errors", Modifier::BOLD;
}

static CURRENT: std::sync::OnceLock<Theme> = std::sync::OnceLock::new();

/// The theme drawing uses: the one installed at start, else the defaults.
pub fn current() -> &'static Theme {
    CURRENT.get_or_init(Theme::default)
}

/// Sets the theme for the rest of the process, before the first draw; false if one was set
/// (or drawn with) already.
pub fn install(theme: Theme) -> bool {
    CURRENT.set(theme).is_ok()
}

/// A colour as `config.toml` writes it: a name (`yellow`, `darkgray`, `lightblue`…), `#rrggbb`,
/// or an index of the 256-colour palette (`236`).
pub fn parse_colour(text: &str) -> Option<Color> {
    text.trim().parse().ok()
}

/// The attributes a style table may set, by their names there.
const ATTRIBUTES: [(&str, Modifier); 5] = [
    ("bold", Modifier::BOLD),
    ("italic", Modifier::ITALIC),
    ("underline", Modifier::UNDERLINED),
    ("reversed", Modifier::REVERSED),
    ("dim", Modifier::DIM),
];

/// The theme the reader draws with: the defaults (without colour when `no_colour`, for
/// `NO_COLOR`), then the `[theme]` table of the settings over them (a user's own colours win
/// over `NO_COLOR`, as no-color.org asks). Also what in that table could not be used, one line
/// each with its line number; the rest applies.
pub fn from_config(
    settings: &crate::store::config::Loaded,
    no_colour: bool,
) -> (Theme, Vec<String>) {
    use crate::store::config::StyleSpec;
    let mut theme = if no_colour {
        Theme::default().without_colour()
    } else {
        Theme::default()
    };
    let mut problems = Vec::new();
    for (name, spec) in &settings.config.theme {
        let Some(style) = theme.named(name.get_ref()) else {
            let known: Vec<&str> = Theme::NAMES.iter().map(|(n, _)| *n).collect();
            problems.push(settings.problem_at(
                name.span().start,
                &format!(
                    "no style is called {:?} (there are: {})",
                    crate::text::clean_line(name.get_ref()),
                    known.join(", ")
                ),
            ));
            continue;
        };
        let at = spec.span().start;
        let mut colour = |text: &str| {
            let found = parse_colour(text);
            if found.is_none() {
                problems.push(settings.problem_at(
                    at,
                    &format!(
                        "{:?} is no colour (a name such as yellow, #rrggbb, or 0 to 255)",
                        crate::text::clean_line(text)
                    ),
                ));
            }
            found
        };
        match spec.get_ref() {
            StyleSpec::Foreground(fg) => {
                if let Some(fg) = colour(fg) {
                    *style = style.fg(fg);
                }
            }
            StyleSpec::Full(table) => {
                if let Some(fg) = table.fg.as_deref().and_then(&mut colour) {
                    *style = style.fg(fg);
                }
                if let Some(bg) = table.bg.as_deref().and_then(&mut colour) {
                    *style = style.bg(bg);
                }
                for (name, modifier) in ATTRIBUTES {
                    match table.attribute(name) {
                        Some(true) => *style = style.add_modifier(modifier),
                        Some(false) => *style = style.remove_modifier(modifier),
                        None => {}
                    }
                }
            }
        }
    }
    (theme, problems)
}

/// The settings file with every style at its default, commented out, for
/// `plenary config --default`.
pub fn default_file() -> String {
    let mut out = String::from(
        "# plenary settings: config.toml in the config folder (see `plenary --help`).\n\
         # Uncomment a line to change it. A style is a colour for the text, or a table:\n\
         #   name = { fg = \"yellow\", bg = \"#202020\", bold = true, italic = false,\n\
         #            underline = false, reversed = false, dim = false }\n\
         # Colours: black, red, green, yellow, blue, magenta, cyan, gray, darkgray, lightred,\n\
         # lightgreen, lightyellow, lightblue, lightmagenta, lightcyan, white, #rrggbb, 0-255.\n\
         # With NO_COLOR set, the defaults have no colour; what is set here still applies.\n\n\
         [theme]\n",
    );
    let theme = Theme::default();
    let mut named = theme.clone();
    for (name, what) in Theme::NAMES {
        let style = named.named(name).copied().unwrap_or_default();
        out.push_str(&format!("# {what}\n# {name} = {}\n", style_toml(style)));
    }
    out.push_str(
        "\n# Keys, per mode: an action and its keys, which replace its default keys in that\n\
         # mode. Modes: list, read, filter, help, problems, footnotes, citations, picker,\n\
         # bookmarks, note. Actions and their default keys are in the help (?).\n\
         # [keys.read]\n\
         # toggle_bookmark = \"m\"\n\
         # down = [\"j\", \"Down\", \"Ctrl-N\"]\n",
    );
    out
}

/// A style as an inline TOML table.
fn style_toml(style: Style) -> String {
    let mut parts = Vec::new();
    let colour = |c: Color| match c {
        Color::Indexed(i) => format!("\"{i}\""),
        other => format!("\"{}\"", other.to_string().to_lowercase()),
    };
    if let Some(fg) = style.fg {
        parts.push(format!("fg = {}", colour(fg)));
    }
    if let Some(bg) = style.bg {
        parts.push(format!("bg = {}", colour(bg)));
    }
    for (name, modifier) in ATTRIBUTES {
        if style.add_modifier.contains(modifier) {
            parts.push(format!("{name} = true"));
        }
    }
    format!("{{ {} }}", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(text: &str) -> crate::store::config::Loaded {
        crate::store::config::load_text(text)
    }

    #[test]
    fn no_colour_keeps_every_highlight_visible() {
        let plain = Theme::default().without_colour();
        let mut all = plain.clone();
        for (name, _) in Theme::NAMES {
            let style = *all.named(name).expect("named");
            assert!(
                style.fg.is_none() && style.bg.is_none(),
                "{name} has a colour"
            );
        }
        assert!(plain.highlight.add_modifier.contains(Modifier::REVERSED));
        assert!(plain.citation.add_modifier.contains(Modifier::UNDERLINED));
        assert!(plain.selected_row.add_modifier.contains(Modifier::REVERSED));
        assert!(plain.mode.add_modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn the_theme_table_changes_styles_and_names_its_mistakes() {
        let loaded = settings(
            "[theme]\ncitation = \"green\"\nhighlight = { bg = \"#ffcc00\", bold = false }\n\
             nonsense = \"red\"\nkey = \"ultraviolet\"\n",
        );
        let (theme, problems) = from_config(&loaded, false);
        assert_eq!(theme.citation.fg, Some(Color::Green));
        assert!(theme.citation.add_modifier.contains(Modifier::UNDERLINED));
        assert_eq!(theme.highlight.bg, Some(Color::Rgb(0xff, 0xcc, 0x00)));
        assert!(!theme.highlight.add_modifier.contains(Modifier::BOLD));
        assert_eq!(theme.key, KEY, "a bad colour leaves the default");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems
                .iter()
                .any(|p| p.contains("line 4: no style is called \"nonsense\""))
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("line 5: \"ultraviolet\" is no colour"))
        );
        // A user's colour wins over NO_COLOR.
        let (plain, _) = from_config(&loaded, true);
        assert_eq!(plain.citation.fg, Some(Color::Green));
        assert_eq!(plain.footnote.fg, None);
    }

    #[test]
    fn the_default_file_uncommented_is_the_default_theme() {
        let text: String = default_file()
            .lines()
            .map(|l| {
                if l.starts_with("# ") && l.contains(" = {") && !l.contains("name =") {
                    &l[2..]
                } else {
                    l
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let loaded = settings(&text);
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        assert_eq!(loaded.config.theme.len(), Theme::NAMES.len());
        let (theme, problems) = from_config(&loaded, false);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(theme, Theme::default());
    }
}
