//! The paragraph pane when it has the keys: moving through the paragraphs, following their
//! citations, their footnotes, bookmarking and copying them.

use super::popup::Popup;
use super::{Action, App, Effect, Focus, MessageKind, clamp_add, view};
use crate::document::Citation;
use crate::store::bookmarks::Bookmark;

impl App {
    pub(super) fn pane_action(&mut self, action: Action) {
        match action {
            Action::Down => self.pane_move(1),
            Action::Up => self.pane_move(-1),
            Action::PageDown => self.pane_move(self.pane_page_entries(true) as isize),
            Action::PageUp => self.pane_move(-(self.pane_page_entries(false) as isize)),
            Action::Top => self.pane_move(isize::MIN / 2),
            Action::Bottom => self.pane_move(isize::MAX / 2),
            Action::Activate => self.follow_paragraph_citations(),
            other => self.pane_action_anywhere(other),
        }
    }

    /// What acts on the open document's selected paragraph from the list as from the pane
    /// (the list's highlight and the pane's paragraph are both on screen).
    pub(super) fn pane_action_anywhere(&mut self, action: Action) {
        match action {
            Action::Footnotes => {
                if self.footnote_rows(self.doc, self.para).is_empty() {
                    self.info("no footnotes in this paragraph");
                } else {
                    self.popups.push(Popup::footnotes(self.doc, self.para));
                }
            }
            Action::Citations if self.document().is_some() => {
                self.popups.push(Popup::citations());
            }
            Action::ToggleBookmark => self.toggle_bookmark(),
            Action::Copy => self.copy_paragraph(),
            other => self.browse_action(other),
        }
    }

    /// Moves the selected paragraph by `delta`, clamped.
    pub(super) fn pane_move(&mut self, delta: isize) {
        let n = self.document().map_or(0, |d| d.paragraphs.len());
        self.para = clamp_add(self.para, delta, n);
    }

    /// How many entries from the selected one fill a screen of the pane.
    pub(super) fn pane_page_entries(&self, down: bool) -> usize {
        let Some(body) = self.areas().pane_body() else {
            return 1;
        };
        let entries = self.pane_entries();
        let heights = self.entry_heights(&entries, body.width);
        let sel = self.pane_selected().min(heights.len().saturating_sub(1));
        let mut lines = 0;
        let mut count = 0;
        let steps: Box<dyn Iterator<Item = &usize>> = if down {
            Box::new(heights.iter().skip(sel + 1))
        } else {
            Box::new(heights[..sel.min(heights.len())].iter().rev())
        };
        for h in steps {
            lines += h;
            if lines > body.height as usize {
                break;
            }
            count += 1;
        }
        count.max(1)
    }

    fn follow_paragraph_citations(&mut self) {
        let Some(p) = self.document().and_then(|d| d.paragraphs.get(self.para)) else {
            return;
        };
        let id = p.id.clone();
        let citations = p.citations.clone();
        self.follow_among(citations, &id);
    }

    /// Follows the only citation, or asks which one. True when the reader moved.
    pub(super) fn follow_among(&mut self, citations: Vec<Citation>, whose: &str) -> bool {
        match citations.len() {
            0 => self.info(format!("no citation in {whose}")),
            1 => return self.follow(&citations[0]),
            _ => self.popups.push(Popup::picker(citations)),
        }
        false
    }

    /// Opens what a citation cites, at the paragraph it names, closing every pop-up; or says
    /// that it is not in the library. True when the reader moved.
    pub(super) fn follow(&mut self, c: &Citation) -> bool {
        let target = c
            .target
            .as_deref()
            .and_then(|id| self.library.corpus.index_of(id));
        let Some(doc) = target else {
            let label = self.target_label(c);
            self.info_kind(
                format!("{}: {label}", view::clean(&c.text)),
                MessageKind::Warning,
            );
            return false;
        };
        let para = c
            .paragraph
            .as_deref()
            .and_then(|p| self.library.document(doc)?.paragraph_index(p))
            .unwrap_or(0);
        self.jump(doc, para);
        true
    }

    /// Opens a document at a paragraph in the pane, as a step of history, closing every pop-up.
    pub(super) fn jump(&mut self, doc: usize, para: usize) {
        self.push_history();
        self.open(doc, para);
        self.focus = Focus::Pane;
        self.popups.clear();
    }

    fn toggle_bookmark(&mut self) {
        let Some(doc) = self.document() else { return };
        let Some(p) = doc.paragraphs.get(self.para) else {
            return;
        };
        let label = format!("{}, {}", doc.short_label(), p.id);
        let symbol = doc.symbol.as_ref().map(|s| s.to_string());
        let bookmark = Bookmark::new(&doc.id, symbol.as_deref(), &doc.path, &p.id, &p.text);
        match self.bookmarks.toggle(bookmark) {
            Ok(true) => self.bookmark_changed(format!("bookmarked {label}")),
            Ok(false) => self.bookmark_changed(format!("bookmark removed: {label}")),
            Err(e) => self.bookmark_not_saved(&e),
        }
    }

    fn copy_paragraph(&mut self) {
        let Some(doc) = self.document() else { return };
        let Some(p) = doc.paragraphs.get(self.para) else {
            return;
        };
        let label = format!("{}, {}", doc.label(), p.id);
        let text = format!("{label}\n{}", p.text);
        self.effects.push(Effect::Write(osc52(&text)));
        self.info(format!("copied {label} (OSC 52)"));
    }
}

/// The OSC 52 escape that puts `text` on the system clipboard.
pub fn osc52(text: &str) -> Vec<u8> {
    let mut out = b"\x1b]52;c;".to_vec();
    out.extend_from_slice(base64(text.as_bytes()).as_bytes());
    out.push(0x07);
    out
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc4648_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (input, want) in cases {
            assert_eq!(base64(input.as_bytes()), want);
        }
        assert_eq!(osc52("foo"), b"\x1b]52;c;Zm9v\x07".to_vec());
    }
}
