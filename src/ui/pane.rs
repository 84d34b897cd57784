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
            theme::current().focused_border
        } else {
            theme::current().border
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
            theme::current().header,
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
        frame.render_widget(Text::new(Span::styled(note, theme::current().dim)), body);
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
    // Rows are numbered from the top of the whole pane; [top, bottom) is on screen. Only the
    // rows on screen are made: a paragraph may be far longer than the pane.
    let mut start = 0;
    for (i, (&(d, p), &h)) in entries.iter().zip(&heights).enumerate() {
        if start + h <= top {
            start += h;
            continue;
        }
        if start >= bottom {
            break;
        }
        let Some(document) = app.library.document(d) else {
            break;
        };
        let Some(para) = document.paragraphs.get(p) else {
            break;
        };
        let marked = app.bookmarks.contains(&document.id, &para.id);
        let is_selected = i == selected;
        let mut text_top = start;
        if labels && crate::app::starts_document_group(&entries, i) {
            if start >= top {
                let label = format!("── {} · {}", document.short_label(), document.title);
                lines.push(Line::from(Span::styled(
                    truncate(&clean(&label), body.width as usize),
                    theme::current().dim,
                )));
            }
            text_top += 1;
        }
        let highlights = query
            .map(|q| crate::search::highlight(q, &para.text))
            .unwrap_or_default();
        lines.extend(paragraph_lines(
            para,
            &highlights,
            text_width,
            gutter,
            (is_selected, marked),
            top.saturating_sub(text_top)..bottom.saturating_sub(text_top),
        ));
        start += h;
    }
    lines.truncate(body.height as usize);
    frame.render_widget(Text::new(lines), body);
}

/// A paragraph as screen lines: the gutter (star, id) then the wrapped, styled text. Only the
/// lines numbered in `shown` are made (the rest of a long paragraph is off screen); the first
/// line is numbered 0. `(selected, bookmarked)` pick the gutter's look. Linear in the text and
/// its styled ranges, whatever their number.
pub fn paragraph_lines(
    para: &Paragraph,
    highlights: &[Range<usize>],
    text_width: usize,
    gutter: usize,
    (selected, bookmarked): (bool, bool),
    shown: Range<usize>,
) -> Vec<Line<'static>> {
    let segments = styled_segments(para, highlights);
    let base = if selected {
        theme::current().selected_text
    } else {
        Style::default()
    };
    let id = truncate(&clean(&para.id), gutter.saturating_sub(2));
    let wrapped = wrap(&para.text, text_width);
    let mut out = Vec::with_capacity(shown.len().min(wrapped.len()));
    // Segments and lines both run forward through the text: one pointer serves every line.
    let mut next = 0;
    for (n, line) in wrapped.into_iter().enumerate() {
        if n >= shown.end {
            break;
        }
        while next < segments.len() && segments[next].0.end <= line.start {
            next += 1;
        }
        if n < shown.start {
            continue;
        }
        let mut spans = Vec::new();
        if n == 0 {
            let star = if bookmarked { "★" } else { " " };
            spans.push(Span::styled(star, theme::current().bookmark));
            let gutter_style = if selected {
                theme::current().selected_row
            } else {
                theme::current().gutter
            };
            spans.push(Span::styled(id.clone(), gutter_style));
            let pad = gutter.saturating_sub(1 + crate::app::view::str_width(&id));
            spans.push(Span::raw(" ".repeat(pad)));
        } else {
            spans.push(Span::raw(" ".repeat(gutter)));
        }
        for (range, style) in segments[next..]
            .iter()
            .take_while(|(range, _)| range.start < line.end)
        {
            let a = range.start.max(line.start);
            let b = range.end.min(line.end);
            if a < b {
                let text = clean(&para.text[a..b]);
                spans.push(Span::styled(text, base.patch(*style)));
            }
        }
        out.push(Line::from(spans));
    }
    out
}

/// The kinds of styled range, in the order their styles are laid over each other.
fn layers() -> [Style; 4] {
    let theme = theme::current();
    [
        theme.emphasis,
        theme.footnote,
        theme.citation,
        theme.highlight,
    ]
}

/// The paragraph text cut where its style changes: emphasis, footnote calls, citations, matches.
/// Ranges that are out of bounds or not on char boundaries are ignored rather than trusted.
/// One sweep over the sorted range ends: O(k log k) for k ranges.
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
    // (position, layer, +1 at a start or -1 at an end).
    let mut ends: Vec<(usize, usize, i32)> = Vec::new();
    let mut add = |r: Range<usize>, layer: usize| {
        if valid(&r) {
            ends.push((r.start, layer, 1));
            ends.push((r.end, layer, -1));
        }
    };
    for m in &para.markup {
        let layer = match m {
            Markup::Emphasis { .. } => 0,
            Markup::Superscript { .. } | Markup::FootnoteRef { .. } => 1,
        };
        add(m.range(), layer);
    }
    for c in &para.citations {
        add(c.range.clone(), 2);
    }
    for h in highlights {
        add(h.clone(), 3);
    }
    ends.sort_unstable_by_key(|&(at, _, _)| at);
    let layers = layers();
    let mut active = [0i32; 4];
    let mut out = Vec::with_capacity(ends.len() + 1);
    let mut from = 0;
    let mut i = 0;
    while from < text.len() || i < ends.len() {
        // Every change at `from` first, then the piece up to the next change.
        while i < ends.len() && ends[i].0 == from {
            active[ends[i].1] += ends[i].2;
            i += 1;
        }
        let to = ends.get(i).map_or(text.len(), |e| e.0);
        if to <= from {
            break;
        }
        let style = layers
            .iter()
            .zip(active)
            .filter(|(_, n)| *n > 0)
            .fold(Style::default(), |s, (st, _)| s.patch(*st));
        out.push((from..to, style));
        from = to;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Citation, Reference};
    use proptest::prelude::*;

    /// The styles as the first version computed them, every range checked at every cut: slow,
    /// plainly right, the reference for the sweep.
    fn reference(para: &Paragraph, highlights: &[Range<usize>]) -> Vec<(Range<usize>, Style)> {
        let text = &para.text;
        let mut styled: Vec<(Range<usize>, Style)> = Vec::new();
        for m in &para.markup {
            let style = match m {
                Markup::Emphasis { .. } => theme::current().emphasis,
                _ => theme::current().footnote,
            };
            styled.push((m.range(), style));
        }
        for c in &para.citations {
            styled.push((c.range.clone(), theme::current().citation));
        }
        for h in highlights {
            styled.push((h.clone(), theme::current().highlight));
        }
        styled.retain(|(r, _)| r.start < r.end && r.end <= text.len());
        // Layered in kind order, as the sweep does.
        styled.sort_by_key(|(_, s)| layers().iter().position(|l| l == s));
        let mut cuts: Vec<usize> = vec![0, text.len()];
        for (r, _) in &styled {
            cuts.push(r.start);
            cuts.push(r.end);
        }
        cuts.sort_unstable();
        cuts.dedup();
        cuts.windows(2)
            .map(|w| {
                let style = styled
                    .iter()
                    .filter(|(r, _)| r.start <= w[0] && w[1] <= r.end)
                    .fold(Style::default(), |s, (_, st)| s.patch(*st));
                (w[0]..w[1], style)
            })
            .collect()
    }

    fn paragraph(text: &str, emphasis: &[Range<usize>], cites: &[Range<usize>]) -> Paragraph {
        Paragraph {
            id: "OP1".into(),
            kind: crate::document::ParagraphKind::Operative,
            part: None,
            text: text.into(),
            markup: emphasis
                .iter()
                .map(|r| Markup::Emphasis {
                    start: r.start,
                    end: r.end,
                })
                .collect(),
            footnotes: Vec::new(),
            citations: cites
                .iter()
                .map(|r| Citation {
                    text: text[r.clone()].to_string(),
                    range: r.clone(),
                    reference: Reference::Charter { part: None },
                    symbol: None,
                    target: None,
                    paragraph: None,
                    pinpoint: None,
                    url: None,
                })
                .collect(),
        }
    }

    fn ranges(len: usize) -> impl Strategy<Value = Vec<Range<usize>>> {
        prop::collection::vec((0..=len, 0..=len), 0..12).prop_map(|v| {
            v.into_iter()
                .map(|(a, b)| a.min(b)..a.max(b))
                .collect::<Vec<_>>()
        })
    }

    proptest! {
        #[test]
        fn sweep_equals_reference(
            emphasis in ranges(40),
            cites in ranges(40),
            highlights in ranges(40),
        ) {
            let para = paragraph(&"x".repeat(40), &emphasis, &cites);
            prop_assert_eq!(styled_segments(&para, &highlights), reference(&para, &highlights));
        }
    }

    /// A paragraph citing 20,000 resolutions: the rows asked for, and only those, are made,
    /// each styled as its text is.
    #[test]
    fn only_the_rows_shown_are_made() {
        let piece = "resolution 242 (1967), ";
        let text = piece.repeat(20_000);
        let cites: Vec<Range<usize>> = (0..20_000)
            .map(|i| i * piece.len()..i * piece.len() + piece.len() - 2)
            .collect();
        let para = paragraph(&text, &[], &cites);
        let all = wrap(&para.text, 60).len();
        let rows = paragraph_lines(&para, &[], 60, 6, (false, false), 5_000..5_030);
        assert_eq!(rows.len(), 30);
        assert!(all > 5_030, "{all}");
        for row in &rows {
            let cited = row
                .spans
                .iter()
                .filter(|s| s.style == theme::current().citation)
                .map(|s| s.content.as_ref())
                .collect::<String>();
            assert!(
                cited.contains("resolution") || cited.contains("(1967)"),
                "{row:?}"
            );
        }
        let gutter: String = rows[0].spans[0].content.to_string();
        assert_eq!(gutter, " ".repeat(6), "row 5,000 is no first line");
    }
}
