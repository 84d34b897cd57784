//! The help overlay: every key binding, read from the key map in force (the settings' `[keys]`
//! included); only the mouse and typing lines of `keymap::help_lines` are written by hand.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{popup_frame, theme, truncate};
use crate::keymap::help_lines;

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
                    theme::current().collection,
                ))
            } else {
                Line::from(vec![
                    Span::styled(
                        format!("{:<key_w$} ", truncate(keys, key_w)),
                        theme::current().key,
                    ),
                    Span::raw(truncate(what, text_w)),
                ])
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(rendered), inner);
}

/// The load warnings, one per line, wrapped to the overlay.
pub fn draw_messages(frame: &mut Frame, area: Rect, warnings: &[String], scroll: usize) {
    let title = format!("{} problems while loading (Esc closes)", warnings.len());
    let rows = u16::try_from(warnings.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let inner = popup_frame(
        frame,
        area,
        96,
        rows.min(area.height.saturating_sub(2)).max(3),
        &title,
    );
    let height = inner.height as usize;
    let scroll = scroll.min(warnings.len().saturating_sub(height));
    let lines: Vec<Line> = warnings
        .iter()
        .skip(scroll)
        .take(height)
        .map(|w| {
            Line::from(Span::styled(
                truncate(&super::clean(w), inner.width as usize),
                theme::current().warning,
            ))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
