//! The help overlay: every key binding, read from the keymap itself so it cannot lie.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{popup_frame, theme, truncate};
use crate::keymap::{self, KeyMode};

/// The help text, one line per binding, grouped by where the keys work.
pub fn help_lines() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut last_section = String::new();
    for b in keymap::bindings() {
        let section = section_name(b.modes);
        if section != last_section {
            out.push((String::new(), String::new()));
            out.push((section.clone(), String::new()));
            last_section = section;
        }
        out.push((keymap::keys_label(&b.keys), b.help.to_string()));
    }
    out.push((String::new(), String::new()));
    out.push(("Other keys".into(), String::new()));
    out.push(("(typing)".into(), "goes into the filter bar or note".into()));
    out.push(("click".into(), "select a document or paragraph".into()));
    out.push((
        "wheel".into(),
        "scroll the list or pane under the pointer".into(),
    ));
    out
}

fn section_name(modes: &[KeyMode]) -> String {
    let names: Vec<&str> = modes
        .iter()
        .map(|m| match m {
            KeyMode::List => "list",
            KeyMode::Pane => "paragraphs",
            KeyMode::Filter => "filter bar",
            KeyMode::Help => "help",
            KeyMode::Footnotes => "footnotes",
            KeyMode::Citations => "citations",
            KeyMode::Picker => "picker",
            KeyMode::Bookmarks => "bookmarks",
            KeyMode::NoteEdit => "note",
        })
        .collect();
    if modes.len() >= 9 {
        "Anywhere".to_string()
    } else {
        let joined = names.join(", ");
        let mut c = joined.chars();
        match c.next() {
            Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
            None => joined,
        }
    }
}

pub fn draw(frame: &mut Frame, area: Rect, scroll: usize) {
    let inner = popup_frame(
        frame,
        area,
        96,
        area.height.saturating_sub(2).max(3),
        "Help (Esc closes)",
    );
    let lines = help_lines();
    let height = inner.height as usize;
    let scroll = scroll.min(lines.len().saturating_sub(height));
    let key_w = 22.min(inner.width as usize / 2);
    let text_w = (inner.width as usize).saturating_sub(key_w + 1);
    let rendered: Vec<Line> = lines
        .iter()
        .skip(scroll)
        .take(height)
        .map(|(keys, what)| {
            if what.is_empty() {
                Line::from(Span::styled(
                    truncate(keys, inner.width as usize),
                    theme::COLLECTION,
                ))
            } else {
                Line::from(vec![
                    Span::styled(format!("{:<key_w$} ", truncate(keys, key_w)), theme::KEY),
                    Span::raw(truncate(what, text_w)),
                ])
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(rendered), inner);
}
