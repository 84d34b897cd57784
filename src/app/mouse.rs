//! The mouse (a click selects, the wheel scrolls what is under the pointer) and keeping the
//! selections on screen after every change.

use ratatui::layout::Position;

use super::{Action, App, Focus, ListRow, clamp_add, view};

impl App {
    pub(super) fn click(&mut self, column: u16, row: u16) {
        let at = Position::new(column, row);
        let a = self.areas();
        if let Some(inner) = a.list_inner().filter(|r| r.contains(at)) {
            let index = self.list_offset + (row - inner.y) as usize;
            let rows = self.list_rows();
            if let Some(&ListRow::Document(d)) = rows.get(index) {
                match self.filter.as_mut().filter(|f| f.target == Focus::List) {
                    Some(f) if f.results.is_some() => f.selected = index,
                    _ => self.list_selected = d,
                }
            }
            self.focus = Focus::List;
        } else if let Some(body) = a.pane_body().filter(|r| r.contains(at)) {
            let line = self.pane_scroll + (row - body.y) as usize;
            let entries = self.pane_entries();
            let heights = self.entry_heights(&entries, body.width);
            let mut start = 0;
            for (i, h) in heights.iter().enumerate() {
                if line < start + h {
                    match self.filter.as_mut().filter(|f| f.target == Focus::Pane) {
                        Some(f) if f.results.is_some() => f.selected = i,
                        _ => self.para = i,
                    }
                    break;
                }
                start += h;
            }
            if self.filter.is_none() {
                self.focus = Focus::Pane;
            }
        }
    }

    /// Scrolls the pop-up on top, else the list or pane under the pointer, leaving the
    /// selection where it is.
    pub(super) fn wheel(&mut self, column: u16, row: u16, delta: isize) {
        self.message = None;
        if !self.popups.is_empty() {
            self.popup_event(Ok(if delta > 0 { Action::Down } else { Action::Up }));
            return self.keep_in_view();
        }
        if !self.wheel_scrolls(column, row, delta) {
            self.keep_in_view();
        }
    }

    /// Scrolls the list or pane under the pointer; false when nothing was there to scroll.
    fn wheel_scrolls(&mut self, column: u16, row: u16, delta: isize) -> bool {
        let at = Position::new(column, row);
        let a = self.areas();
        if let Some(inner) = a.list_inner().filter(|r| r.contains(at)) {
            let max = self.list_rows().len().saturating_sub(inner.height as usize);
            self.list_offset = clamp_add(self.list_offset, delta, max + 1);
            return true;
        }
        if let Some(body) = a.pane_body().filter(|r| r.contains(at)) {
            let entries = self.pane_entries();
            let total: usize = self.entry_heights(&entries, body.width).iter().sum();
            let max = total.saturating_sub(body.height as usize);
            self.pane_scroll = clamp_add(self.pane_scroll, delta, max + 1);
            return true;
        }
        false
    }

    /// Scrolls the list and the pane so their selections are visible.
    pub(super) fn keep_in_view(&mut self) {
        let a = self.areas();
        if let Some(inner) = a.list_inner() {
            let rows = self.list_rows();
            let height = (inner.height as usize).max(1);
            let selected = self.list_selected_row(&rows);
            // Show the collection header above its first document.
            let header_above = selected.is_some_and(|s| {
                s > 0 && height > 1 && matches!(rows.get(s - 1), Some(ListRow::Collection(_)))
            });
            let count = rows.len();
            if let Some(sel) = selected {
                if sel < self.list_offset {
                    self.list_offset = if header_above { sel - 1 } else { sel };
                } else if sel >= self.list_offset + height {
                    self.list_offset = sel + 1 - height;
                }
            }
            self.list_offset = self.list_offset.min(count.saturating_sub(height));
        }
        if let Some(body) = a.pane_body() {
            let entries = self.pane_entries();
            let heights = self.entry_heights(&entries, body.width);
            if std::mem::take(&mut self.align_top) {
                let sel = self.pane_selected().min(heights.len());
                let above: usize = heights[..sel].iter().sum();
                let total: usize = heights.iter().sum();
                self.pane_scroll = above.min(total.saturating_sub(body.height as usize));
            }
            self.pane_scroll = view::scroll_to_show(
                &heights,
                self.pane_selected(),
                self.pane_scroll,
                body.height as usize,
            );
        }
    }
}
