//! Colours and text styles, in one place so tests and panes agree.

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
