//! Where the reader is, and the way back and forward: every jump (opening a document, following
//! a citation, a bookmark or a search result) leaves the place it left on the back stack.

use super::{App, Focus};

/// Where the reader is: restored by history and by cancelling the filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub doc: usize,
    pub para: usize,
    pub focus: Focus,
    pub scroll: usize,
    pub list_selected: usize,
}

impl App {
    pub(super) fn place(&self) -> Place {
        Place {
            doc: self.doc,
            para: self.para,
            focus: self.focus,
            scroll: self.pane_scroll,
            list_selected: self.list_selected,
        }
    }

    pub(super) fn restore(&mut self, p: Place) {
        self.doc = p.doc;
        self.para = p.para;
        self.focus = p.focus;
        self.pane_scroll = p.scroll;
        self.list_selected = p.list_selected;
    }

    pub(super) fn push_history(&mut self) {
        self.back.push(self.place());
        self.forward.clear();
    }

    pub(super) fn go_back(&mut self) {
        match self.back.pop() {
            Some(p) => {
                self.forward.push(self.place());
                self.restore(p);
            }
            None => self.info("nothing to go back to"),
        }
    }

    pub(super) fn go_forward(&mut self) {
        match self.forward.pop() {
            Some(p) => {
                self.back.push(self.place());
                self.restore(p);
            }
            None => self.info("nothing to go forward to"),
        }
    }

    /// Opens a document at a paragraph (no history: callers decide).
    pub(super) fn open(&mut self, doc: usize, para: usize) {
        self.doc = doc;
        self.list_selected = doc;
        let n = self.document().map_or(0, |d| d.paragraphs.len());
        self.para = para.min(n.saturating_sub(1));
        self.pane_scroll = 0;
        self.align_top = true;
    }
}
