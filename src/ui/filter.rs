//! The filter bar: a one-line text area with its scope and result count.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;

use super::theme;
use crate::app::{Filter, Focus};

pub fn draw(filter: &Filter, frame: &mut Frame, area: Rect) {
    let scope = match (filter.target, filter.all_documents) {
        (Focus::List, _) => "/ documents: ",
        (Focus::Pane, false) => "/ this doc: ",
        (Focus::Pane, true) => "/ all docs: ",
    };
    let count = match (&filter.results, filter.pending) {
        (_, true) => " … ".to_string(),
        // The worker stops at RESULT_LIMIT: say when there may be more.
        (Some(hits), false) if hits.len() >= crate::search::RESULT_LIMIT => {
            format!(" {}+ ", hits.len())
        }
        (Some(hits), false) => format!(" {} ", hits.len()),
        (None, false) => String::new(),
    };
    let scope_w = (scope.len() as u16).min(area.width / 3);
    let count_w = (count.chars().count() as u16).min(area.width.saturating_sub(scope_w) / 2);
    let input_w = area.width.saturating_sub(scope_w + count_w);
    frame.render_widget(
        Paragraph::new(Span::styled(scope, theme::current().key)),
        Rect {
            width: scope_w,
            ..area
        },
    );
    frame.render_widget(
        &filter.input,
        Rect {
            x: area.x + scope_w,
            width: input_w,
            ..area
        },
    );
    frame.render_widget(
        Paragraph::new(Span::styled(count, theme::current().dim)),
        Rect {
            x: area.x + scope_w + input_w,
            width: count_w,
            ..area
        },
    );
}
