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
        Some(d) => format!("Citations · {}", d.short_label()),
        None => "Citations".to_string(),
    };
    let inner = popup_frame(frame, area, 90, 18, &title);
    let width = inner.width as usize;
    let height = inner.height as usize;
    if rows.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(
                "no citations, and cited by no document",
                theme::current().dim,
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
                CitationRow::Cites(c, from) => {
                    // Footnotes are named by their marker: say so.
                    let from = if from.bytes().all(|b| b.is_ascii_digit()) {
                        format!("fn {from}")
                    } else {
                        from.to_string()
                    };
                    let text = clean(&c.text.replace('\n', " "));
                    let target = clean(&app.target_label(c));
                    // "Charte des Nations Unies → Charte des Nations Unies" says nothing twice.
                    if text == target {
                        format!("{from:<5} → {target}")
                    } else {
                        format!("{from:<5} {text} → {target}")
                    }
                }
                CitationRow::CitedBy(d) => match app.library.document(*d) {
                    Some(doc) => {
                        let para = app
                            .library
                            .document(*d)
                            .and_then(|from| from.paragraphs.get(app.citing_paragraph(*d, app.doc)))
                            .map(|p| format!(", {}", p.id))
                            .unwrap_or_default();
                        let label = clean(&doc.short_label());
                        if doc.symbol.is_some() {
                            format!("← cited by {label}{para}  {}", clean(&doc.title))
                        } else {
                            format!("← cited by {label}{para}")
                        }
                    }
                    None => String::new(),
                },
            };
            let style = if i == selected {
                theme::current().selected_row
            } else {
                match row {
                    CitationRow::Cites(..) => theme::current().citation,
                    CitationRow::CitedBy(_) => theme::current().header,
                }
            };
            Line::from(Span::styled(truncate(&text, width), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
