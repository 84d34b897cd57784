//! The paragraph pane: a header, then paragraphs wrapped to the width with their ids in a gutter.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph as Text};

use super::{clean, theme, truncate};
use crate::app::view::{Areas, wrap};
use crate::app::{App, Focus};
use crate::document::{Markup, Paragraph};

pub fn draw(app: &App, frame: &mut Frame, areas: &Areas, area: Rect) {
    let focused = app.focus == Focus::Pane;
    let doc = app.document();
    let title = match doc {
        Some(d) => format!(" {} ", clean(&d.short_label())),
        None => " No document ".to_string(),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(if focused {
            theme::FOCUSED_BORDER
        } else {
            theme::BORDER
        })
        .title(truncate(&title, area.width.saturating_sub(2) as usize));
    frame.render_widget(block, area);
    if let (Some(header), Some(d)) = (areas.pane_header(), doc) {
        let width = header.width as usize;
        let mut facts: Vec<String> = d.symbol.iter().map(|s| s.to_string()).collect();
        if let Some(date) = &d.date {
            facts.push(date.clone());
        }
        facts.push(d.kind.as_str().to_string());
        facts.push(d.language.as_str().to_string());
        let mut lines = vec![Line::from(Span::styled(
            truncate(&clean(&facts.join(" · ")), width),
            theme::HEADER,
        ))];
        if header.height > 1 {
            lines.push(Line::from(truncate(&clean(&d.title), width)));
        }
        frame.render_widget(Text::new(lines), header);
    }
    let Some(body) = areas.pane_body() else {
        return;
    };
    if body.height == 0 || body.width == 0 {
        return;
    }
    let entries = app.pane_entries();
    if entries.is_empty() {
        let note = if app.filter.is_some() {
            "no matching paragraphs"
        } else {
            "no paragraphs"
        };
        frame.render_widget(Text::new(Span::styled(note, theme::DIM)), body);
        return;
    }
    let gutter = app.gutter_width(&entries);
    let text_width = (body.width as usize).saturating_sub(gutter);
    let heights = app.entry_heights(&entries, body.width);
    let selected = app.pane_selected();
    let labels = app.pane_shows_labels();
    let query = app.highlight_query();
    let top = app.pane_scroll;
    let bottom = top + body.height as usize;
    let mut lines: Vec<Line> = Vec::with_capacity(body.height as usize);
    let mut start = 0;
    let mut skip = 0;
    for (i, (&(d, p), &h)) in entries.iter().zip(&heights).enumerate() {
        if start + h <= top {
            start += h;
            continue;
        }
        if start >= bottom {
            break;
        }
        if lines.is_empty() {
            skip = top.saturating_sub(start);
        }
        let Some(document) = app.library.document(d) else {
            break;
        };
        let Some(para) = document.paragraphs.get(p) else {
            break;
        };
        let marked = app.bookmarks.contains(&document.id, &para.id);
        let is_selected = i == selected;
        if labels && crate::app::starts_document_group(&entries, i) {
            let label = format!("── {} · {}", document.short_label(), document.title);
            lines.push(Line::from(Span::styled(
                truncate(&clean(&label), body.width as usize),
                theme::DIM,
            )));
        }
        let highlights = query
            .map(|q| crate::search::highlight(q, &para.text))
            .unwrap_or_default();
        lines.extend(paragraph_lines(
            para,
            &highlights,
            text_width,
            gutter,
            is_selected,
            marked,
        ));
        start += h;
    }
    let visible: Vec<Line> = lines
        .into_iter()
        .skip(skip)
        .take(body.height as usize)
        .collect();
    frame.render_widget(Text::new(visible), body);
}

/// A paragraph as screen lines: the gutter (star, id) then the wrapped, styled text.
pub fn paragraph_lines(
    para: &Paragraph,
    highlights: &[Range<usize>],
    text_width: usize,
    gutter: usize,
    selected: bool,
    bookmarked: bool,
) -> Vec<Line<'static>> {
    let segments = styled_segments(para, highlights);
    let base = if selected {
        theme::SELECTED_TEXT
    } else {
        Style::default()
    };
    let id = truncate(&clean(&para.id), gutter.saturating_sub(2));
    wrap(&para.text, text_width)
        .into_iter()
        .enumerate()
        .map(|(n, line)| {
            let mut spans = Vec::new();
            if n == 0 {
                let star = if bookmarked { "★" } else { " " };
                spans.push(Span::styled(star, theme::BOOKMARK));
                let gutter_style = if selected {
                    theme::SELECTED_ROW
                } else {
                    theme::GUTTER
                };
                spans.push(Span::styled(id.clone(), gutter_style));
                let pad = gutter.saturating_sub(1 + crate::app::view::str_width(&id));
                spans.push(Span::raw(" ".repeat(pad)));
            } else {
                spans.push(Span::raw(" ".repeat(gutter)));
            }
            for (range, style) in &segments {
                let a = range.start.max(line.start);
                let b = range.end.min(line.end);
                if a < b {
                    let text = clean(&para.text[a..b]);
                    spans.push(Span::styled(text, base.patch(*style)));
                }
            }
            Line::from(spans)
        })
        .collect()
}

/// The paragraph text cut where its style changes: emphasis, footnote calls, citations, matches.
/// Ranges that are out of bounds or not on char boundaries are ignored rather than trusted.
pub fn styled_segments(
    para: &Paragraph,
    highlights: &[Range<usize>],
) -> Vec<(Range<usize>, Style)> {
    let text = &para.text;
    let valid = |r: &Range<usize>| {
        r.start < r.end
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end)
    };
    let mut styled: Vec<(Range<usize>, Style)> = Vec::new();
    for m in &para.markup {
        let style = match m {
            Markup::Emphasis { .. } => theme::EMPHASIS,
            Markup::Superscript { .. } | Markup::FootnoteRef { .. } => theme::FOOTNOTE,
        };
        styled.push((m.range(), style));
    }
    for c in &para.citations {
        styled.push((c.range.clone(), theme::CITATION));
    }
    for h in highlights {
        styled.push((h.clone(), theme::HIGHLIGHT));
    }
    styled.retain(|(r, _)| valid(r));
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for (r, _) in &styled {
        cuts.push(r.start);
        cuts.push(r.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let piece = w[0]..w[1];
            let style = styled
                .iter()
                .filter(|(r, _)| r.start <= piece.start && piece.end <= r.end)
                .fold(Style::default(), |s, (_, st)| s.patch(*st));
            (piece, style)
        })
        .collect()
}
