//! The bookmark list pop-up, with the note editor when a note is being written.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui_textarea::TextArea;

use super::{clean, popup_frame, theme, truncate};
use crate::app::App;
use crate::store::bookmarks::format_date;

pub fn draw(app: &App, frame: &mut Frame, area: Rect, selected: usize, note: Option<&TextArea>) {
    let all = app.bookmarks.bookmarks();
    let inner = popup_frame(frame, area, 100, 20, &format!("Bookmarks ({})", all.len()));
    if all.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(
                "no bookmarks yet: b marks a paragraph",
                theme::current().dim,
            )),
            inner,
        );
        return;
    }
    let width = inner.width as usize;
    let editor_h = u16::from(note.is_some() && inner.height > 1);
    let list_h = (inner.height - editor_h) as usize;
    // Each bookmark takes two lines: where and when, then the excerpt and note.
    let per_page = (list_h / 2).max(1);
    let offset = super::list_offset(selected, per_page);
    let mut lines: Vec<Line> = Vec::new();
    for (i, b) in all.iter().enumerate().skip(offset).take(per_page) {
        let label = b.symbol.clone().unwrap_or_else(|| b.document.clone());
        let head = format!(
            "{}, {}  · {}",
            clean(&label),
            clean(&b.paragraph),
            format_date(b.added)
        );
        let style = if i == selected {
            theme::current().selected_row
        } else {
            theme::current().header
        };
        lines.push(Line::from(Span::styled(truncate(&head, width), style)));
        let mut body = clean(&b.excerpt);
        if !b.note.is_empty() {
            body = format!("[{}] {body}", clean(&b.note));
        }
        lines.push(Line::from(Span::styled(
            truncate(&format!("  {body}"), width),
            theme::current().dim,
        )));
    }
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            height: list_h as u16,
            ..inner
        },
    );
    if let (Some(ta), true) = (note, editor_h > 0) {
        let row = Rect {
            y: inner.y + list_h as u16,
            height: 1,
            ..inner
        };
        let label = "note: ";
        let lw = (label.len() as u16).min(row.width / 2);
        frame.render_widget(
            Paragraph::new(Span::styled(label, theme::current().key)),
            Rect { width: lw, ..row },
        );
        frame.render_widget(
            ta,
            Rect {
                x: row.x + lw,
                width: row.width - lw,
                ..row
            },
        );
    }
}
