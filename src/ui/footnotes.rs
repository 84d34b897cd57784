//! The footnotes pop-up: the selected paragraph's footnotes, marker and text.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{clean, popup_frame, theme};
use crate::app::App;
use crate::app::view::wrap;

pub fn draw(app: &App, frame: &mut Frame, area: Rect, doc: usize, para: usize, selected: usize) {
    let rows = app.footnote_rows(doc, para);
    let pid = app
        .library
        .document(doc)
        .and_then(|d| d.paragraphs.get(para))
        .map(|p| p.id.clone())
        .unwrap_or_default();
    // Sized to its content: the text is wrapped first, at the width the frame will have.
    let frame_width = 70u16.min(area.width);
    let width = (frame_width as usize).saturating_sub(2 + 5);
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_line = 0;
    for (i, (marker, note)) in rows.iter().enumerate() {
        if i == selected {
            selected_line = lines.len();
        }
        let text = match note {
            Some(f) => clean(&f.text),
            None => "(footnote text not found)".to_string(),
        };
        let style = if i == selected {
            theme::current().selected_row
        } else {
            theme::current().footnote
        };
        for (n, r) in wrap(&text, width).into_iter().enumerate() {
            let head = if n == 0 {
                Span::styled(format!("{:>3} ", clean(marker)), style)
            } else {
                Span::raw("    ")
            };
            lines.push(Line::from(vec![head, Span::raw(text[r].to_string())]));
        }
        if let Some(f) = note {
            for c in &f.citations {
                lines.push(Line::from(vec![
                    Span::raw("    → "),
                    Span::styled(app.target_label(c), theme::current().citation),
                ]));
            }
        }
    }
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .clamp(3, 14);
    let inner = popup_frame(
        frame,
        area,
        frame_width,
        height,
        &format!("Footnotes of {pid}"),
    );
    let skip = super::list_offset(selected_line, inner.height as usize);
    frame.render_widget(
        Paragraph::new(lines).scroll((skip.min(u16::MAX as usize) as u16, 0)),
        inner,
    );
}
