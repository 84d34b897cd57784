//! The document list when it has the keys: moving through the documents collection by
//! collection, and opening one.

use super::{Action, App, Focus, clamp_add};

impl App {
    pub(super) fn list_action(&mut self, action: Action) {
        match action {
            Action::Down => self.list_move(1),
            Action::Up => self.list_move(-1),
            Action::PageDown => self.list_move(self.list_page()),
            Action::PageUp => self.list_move(-self.list_page()),
            Action::Top => self.list_move(isize::MIN / 2),
            Action::Bottom => self.list_move(isize::MAX / 2),
            Action::Activate => {
                let target = self.list_selected;
                if self.library.document(target).is_some() {
                    if target != self.doc {
                        self.push_history();
                        self.open(target, 0);
                    }
                    self.focus = Focus::Pane;
                }
            }
            other => self.pane_action_anywhere(other),
        }
    }

    /// Moves the highlight by `delta` documents in list order, clamped.
    pub(super) fn list_move(&mut self, delta: isize) {
        let order = self.library.list_order();
        if let Some(pos) = order.iter().position(|&d| d == self.list_selected) {
            self.list_selected = order[clamp_add(pos, delta, order.len())];
        } else if let Some(&first) = order.first() {
            self.list_selected = first;
        }
    }

    /// Rows in a screen of the list.
    fn list_page(&self) -> isize {
        self.areas()
            .list_inner()
            .map_or(1, |r| r.height.max(1) as isize)
    }
}
