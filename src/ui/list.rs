//! The document list: documents grouped by collection, only the visible rows rendered.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{clean, theme, truncate};
use crate::app::view::str_width;
use crate::app::{App, Focus, ListRow};
use crate::document::Document;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let focused = app.focus == Focus::List;
    let rows = app.list_rows();
    let docs = rows
        .iter()
        .filter(|r| matches!(r, ListRow::Document(_)))
        .count();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(if focused {
            theme::current().focused_border
        } else {
            theme::current().border
        })
        .title(format!(" Documents ({docs}) "));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let selected = app.list_selected_row(&rows);
    let query = app
        .filter
        .as_ref()
        .filter(|f| f.target == Focus::List)
        .and(app.highlight_query());
    let height = inner.height as usize;
    let offset = app.list_offset.min(rows.len().saturating_sub(height));
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, row)| match row {
            ListRow::Collection(name) => Line::from(Span::styled(
                truncate(&clean(name), width),
                theme::current().collection,
            )),
            ListRow::Document(d) => {
                let line = match app.library.document(*d) {
                    Some(doc) => document_row(doc, width, query),
                    None => Line::default(),
                };
                if Some(i) == selected {
                    let style = if focused {
                        theme::current().selected_row
                    } else {
                        theme::current().selected_text
                    };
                    line.style(style)
                } else {
                    line
                }
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Width of the symbol column: fits `S/RES/1445 (2002)` and `A/RES/77/338`.
const SYMBOL_COLUMN: usize = 17;
const DATE_COLUMN: usize = 10;

/// "A/RES/77/338      2023-09-01  Coopération…  [resolution, fr]", in aligned columns fitted
/// to `width`. Documents without a symbol show a dash there: their title names them.
fn document_row(doc: &Document, width: usize, query: Option<&str>) -> Line<'static> {
    let label = doc
        .symbol
        .as_ref()
        .map(|s| clean(s.as_str()))
        .unwrap_or_else(|| "—".to_string());
    // Narrow lists keep the date and give the symbol a little less room.
    let column = if width >= 44 { SYMBOL_COLUMN } else { 16 }.min(width.saturating_sub(2));
    let label = truncate(&label, column);
    let pad = column.saturating_sub(str_width(&label));
    let mut spans = vec![Span::raw(" ")];
    spans.extend(marked(&label, query, theme::current().header));
    spans.push(Span::raw(" ".repeat(pad)));
    let mut used = 1 + column;
    if width >= 38 {
        let date = clean(doc.date.as_deref().unwrap_or(""));
        let date = format!("{date:<DATE_COLUMN$}");
        used += 1 + str_width(&date);
        spans.push(Span::raw(" "));
        spans.extend(marked(&date, query, theme::current().dim));
    }
    let extra = format!(" [{}, {}]", doc.kind.as_str(), doc.language.as_str());
    let show_extra = width >= 70;
    let room = width
        .saturating_sub(used + 1)
        .saturating_sub(if show_extra { str_width(&extra) } else { 0 });
    if room > 3 {
        spans.push(Span::raw(" "));
        spans.extend(marked_fitted(
            &clean(&doc.title),
            room,
            query,
            Style::default(),
        ));
        if show_extra {
            spans.push(Span::styled(extra, theme::current().dim));
        }
    }
    Line::from(spans)
}

/// `marked`, with matches found in the whole `text` before it is cut to `width` (a match
/// cut by the ellipsis still shows its visible part).
fn marked_fitted(text: &str, width: usize, query: Option<&str>, base: Style) -> Vec<Span<'static>> {
    let shown = truncate(text, width);
    if shown == text {
        return marked(text, query, base);
    }
    let kept = shown.strip_suffix('…').unwrap_or(&shown);
    let mut spans = marked_in(text, kept.len(), query, base);
    spans.push(Span::styled("…", base));
    spans
}

fn marked(text: &str, query: Option<&str>, base: Style) -> Vec<Span<'static>> {
    marked_in(text, text.len(), query, base)
}

/// `text[..len]` in `base` style, with the characters any word of the filter query matches
/// highlighted (each field on its own: a field may match only some of the words).
fn marked_in(text: &str, len: usize, query: Option<&str>, base: Style) -> Vec<Span<'static>> {
    let mut ranges: Vec<std::ops::Range<usize>> = query
        .into_iter()
        .flat_map(str::split_whitespace)
        .flat_map(|word| crate::search::highlight(word, text))
        .collect();
    ranges.sort_by_key(|r| r.start);
    let mut spans = Vec::new();
    let mut at = 0;
    for r in ranges {
        let start = r.start.max(at);
        let end = r.end.min(len);
        if start >= end || !text.is_char_boundary(end) {
            continue;
        }
        let r = start..end;
        if start > at {
            spans.push(Span::styled(text[at..start].to_string(), base));
        }
        spans.push(Span::styled(
            text[start..r.end].to_string(),
            base.patch(theme::current().highlight),
        ));
        at = r.end;
    }
    if at < len {
        spans.push(Span::styled(text[at..len].to_string(), base));
    }
    spans
}
