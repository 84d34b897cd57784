//! The citation picker: which of a paragraph's (or footnote's) citations to follow.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{clean, popup_frame, theme, truncate};
use crate::app::App;
use crate::document::Citation;

pub fn draw(app: &App, frame: &mut Frame, area: Rect, citations: &[Citation], selected: usize) {
    let height = (citations.len() as u16).saturating_add(2).min(12);
    let inner = popup_frame(frame, area, 80, height, "Follow which citation?");
    let width = inner.width as usize;
    let offset = super::list_offset(selected, inner.height as usize);
    let lines: Vec<Line> = citations
        .iter()
        .enumerate()
        .skip(offset)
        .take(inner.height as usize)
        .map(|(i, c)| {
            let (text, target) = (clean(&c.text), clean(&app.target_label(c)));
            // "Charter of the United Nations → Charter of the United Nations" says it twice.
            let text = if text == target {
                format!("→  {target}")
            } else {
                format!("{text}  →  {target}")
            };
            let style = if i == selected {
                theme::current().selected_row
            } else {
                theme::current().citation
            };
            Line::from(Span::styled(truncate(&text, width), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
