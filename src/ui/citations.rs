//! The citations pop-up: what the open document cites, and which documents cite it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{clean, popup_frame, theme, truncate};
use crate::app::{App, CitationRow};

pub fn draw(app: &App, frame: &mut Frame, area: Rect, selected: usize) {
    let rows = app.citation_rows();
    let title = match app.document() {
        Some(d) => format!("Citations · {}", d.label()),
        None => "Citations".to_string(),
    };
    let inner = popup_frame(frame, area, 90, 18, &title);
    let width = inner.width as usize;
    let height = inner.height as usize;
    if rows.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(
                "no citations, and cited by no document",
                theme::DIM,
            )),
            inner,
        );
        return;
    }
    let offset = super::list_offset(selected, height);
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, row)| {
            let text = match row {
                CitationRow::Cites(c) => {
                    format!("→ {}  ({})", clean(&c.text), clean(&app.target_label(c)))
                }
                CitationRow::CitedBy(d) => match app.library.document(*d) {
                    Some(doc) => {
                        format!("← cited by {}  {}", clean(&doc.label()), clean(&doc.title))
                    }
                    None => String::new(),
                },
            };
            let style = if i == selected {
                theme::SELECTED_ROW
            } else {
                match row {
                    CitationRow::Cites(_) => theme::CITATION,
                    CitationRow::CitedBy(_) => theme::HEADER,
                }
            };
            Line::from(Span::styled(truncate(&text, width), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
