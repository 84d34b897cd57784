//! The status line: mode, document, paragraph n/N, then a message, loading progress or the keys that matter now.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{clean, theme, truncate};
use crate::app::view::str_width;
use crate::app::{App, MessageKind};
use crate::keymap;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let width = area.width as usize;
    let mode = app.key_mode();
    let mut spans = vec![Span::styled(
        format!(" {} ", mode.name()),
        theme::current().mode,
    )];
    let mut used = mode.name().len() + 2;
    if let Some(doc) = app.document() {
        let n = doc.paragraphs.len();
        let at = if n == 0 { 0 } else { app.para.min(n - 1) + 1 };
        let pid = doc
            .paragraphs
            .get(app.para)
            .map(|p| format!(" {}", p.id))
            .unwrap_or_default();
        // The position always shows; the label gives way first.
        let position = format!("{pid} ¶{at}/{n} ");
        let room = (width.saturating_sub(used) / 2).saturating_sub(str_width(&position) + 1);
        let label = truncate(&clean(&doc.short_label()), room);
        let place = truncate(&format!(" {label}{position}"), width.saturating_sub(used));
        used += str_width(&place);
        spans.push(Span::raw(place));
    }
    let rest = width.saturating_sub(used + 1);
    match &app.message {
        Some(m) => {
            let style = match m.kind {
                MessageKind::Info => theme::current().status,
                MessageKind::Warning => theme::current().warning,
                MessageKind::Error => theme::current().error,
            };
            spans.push(Span::styled(
                format!(" {}", truncate(&clean(&m.text), rest)),
                style,
            ));
        }
        // While the library loads, its progress stands in for the key hints.
        None if app.loading.is_some() => {
            let text = app.loading.map(|l| l.describe()).unwrap_or_default();
            spans.push(Span::styled(
                format!(" {}", truncate(&text, rest)),
                theme::current().status,
            ));
        }
        None => {
            let mut left = rest;
            for (key, what) in keymap::hints(mode) {
                let w = str_width(&key) + str_width(what) + 3;
                if w > left {
                    break;
                }
                left -= w;
                spans.push(Span::styled(format!(" {key}"), theme::current().key));
                spans.push(Span::raw(format!(" {what} ")));
            }
        }
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(theme::current().status),
        area,
    );
}
