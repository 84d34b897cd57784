//! Drawing: `draw(&App, &mut Frame)` is a pure function of the state, one file per pane or pop-up.

mod bookmarks;
mod citations;
mod filter;
mod footnotes;
mod help;
mod list;
mod pane;
mod picker;
mod status;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear};

use crate::app::{App, Popup};

pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let a = crate::app::view::areas(
        area,
        app.focus == crate::app::Focus::List,
        app.filter.is_some(),
    );
    if let Some(r) = a.list {
        list::draw(app, frame, r);
    }
    if let Some(r) = a.pane {
        pane::draw(app, frame, &a, r);
    }
    if let (Some(r), Some(f)) = (a.filter, app.filter.as_ref()) {
        filter::draw(f, frame, r);
    }
    status::draw(app, frame, a.status);
    for popup in &app.popups {
        match popup {
            Popup::Help(s) => help::draw(frame, area, s.scroll),
            Popup::Problems(s) => help::draw_messages(frame, area, &app.warnings, s.scroll),
            Popup::Footnotes(f) => footnotes::draw(app, frame, area, f.doc, f.para, f.selected),
            Popup::Citations(c) => citations::draw(app, frame, area, c.selected),
            Popup::Picker(p) => picker::draw(app, frame, area, &p.citations, p.selected),
            Popup::Bookmarks(b) => bookmarks::draw(app, frame, area, b.selected, b.note.as_deref()),
        }
    }
}

pub use crate::text::{clean, truncate};

/// A centered rectangle of at most `width` x `height` inside `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Clears and frames a pop-up; returns the area inside the frame.
pub fn popup_frame(frame: &mut Frame, area: Rect, width: u16, height: u16, title: &str) -> Rect {
    let r = centered(area, width, height);
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::current().popup_border)
        .title(format!(" {} ", clean(title)));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    inner
}

/// The first visible row so that `selected` shows in `height` rows.
pub fn list_offset(selected: usize, height: usize) -> usize {
    (selected + 1).saturating_sub(height.max(1))
}
