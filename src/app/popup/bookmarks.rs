//! The bookmark list: open, delete (and undo), and write a note in an editor of its own.

use ratatui_textarea::{CursorMove, Input, TextArea};

use super::{After, common};
use crate::app::{Action, App, Loading, MessageKind};
use crate::store::bookmarks;

pub struct BookmarkList {
    pub selected: usize,
    /// The note editor, while a note is being written (boxed: it is large).
    pub note: Option<Box<TextArea<'static>>>,
}

impl BookmarkList {
    pub(super) fn handle(&mut self, app: &mut App, action: Result<Action, Input>) -> After {
        if self.note.is_some() {
            self.edit_note(app, action);
            return After::Stay;
        }
        let index = self.selected;
        match action {
            Ok(Action::Activate) => {
                if app.jump_to_bookmark(index) {
                    return After::Close;
                }
            }
            Ok(Action::DeleteBookmark) => {
                let removed = app.bookmarks.bookmarks().get(index).cloned();
                match app.bookmarks.remove(index) {
                    Ok(()) => {
                        self.selected =
                            index.min(app.bookmarks.bookmarks().len().saturating_sub(1));
                        app.deleted_bookmark = removed;
                        app.bookmark_changed("bookmark deleted (u undoes)".to_string());
                    }
                    Err(e) => app.bookmark_not_saved(&e),
                }
            }
            Ok(Action::UndoDelete) => match app.deleted_bookmark.take() {
                Some(b) if !app.bookmarks.contains(&b.document, &b.paragraph) => {
                    match app.bookmarks.toggle(b) {
                        Ok(_) => app.bookmark_changed("bookmark restored".to_string()),
                        Err(e) => app.bookmark_not_saved(&e),
                    }
                }
                _ => app.info("nothing to undo"),
            },
            Ok(Action::EditNote) => {
                if let Some(b) = app.bookmarks.bookmarks().get(index) {
                    let mut ta = TextArea::new(vec![b.note.clone()]);
                    ta.set_cursor_line_style(ratatui::style::Style::default());
                    ta.move_cursor(CursorMove::End);
                    self.note = Some(Box::new(ta));
                }
            }
            other => {
                let len = app.bookmarks.bookmarks().len();
                return common(&mut self.selected, other, len);
            }
        }
        After::Stay
    }

    /// The note editor takes keys before the list under it: Enter saves, Esc drops the edit.
    fn edit_note(&mut self, app: &mut App, action: Result<Action, Input>) {
        match action {
            Err(input) => {
                if let Some(ta) = self.note.as_mut() {
                    ta.input(input);
                }
            }
            Ok(Action::ClearInput) => {
                if let Some(ta) = self.note.as_mut() {
                    ta.delete_line_by_head();
                }
            }
            Ok(Action::Close) => self.note = None,
            Ok(Action::Activate) => {
                let text = self
                    .note
                    .take()
                    .and_then(|ta| ta.into_lines().into_iter().next())
                    .unwrap_or_default();
                match app.bookmarks.set_note(self.selected, text.trim()) {
                    Ok(()) => app.bookmark_changed("note saved".to_string()),
                    Err(e) => app.bookmark_not_saved(&e),
                }
            }
            Ok(_) => {}
        }
    }
}

impl App {
    /// Opens a bookmark's paragraph (found again by its text if it moved); true when the
    /// reader moved.
    fn jump_to_bookmark(&mut self, index: usize) -> bool {
        let Some(b) = self.bookmarks.bookmarks().get(index) else {
            return false;
        };
        let found = self.library.corpus.index_of(&b.document).or_else(|| {
            b.symbol
                .as_deref()
                .and_then(|s| self.library.corpus.find(s))
        });
        let Some(doc) = found else {
            if let Some(loading @ Loading::Documents(_)) = self.loading {
                // Not in the library yet, perhaps: the documents are still coming.
                self.info(format!("still loading: {}", loading.describe()));
                return false;
            }
            let what = b.symbol.clone().unwrap_or_else(|| b.document.clone());
            // A user file: say how to get it back into the library.
            let hint = if b.path.is_empty() || b.path.starts_with("bundled:") {
                String::new()
            } else {
                format!(": open plenary with {}", b.path)
            };
            self.info_kind(
                format!("{what} is not in the library{hint}"),
                MessageKind::Warning,
            );
            return false;
        };
        let para = self.library.document(doc).and_then(|d| {
            let pairs: Vec<(&str, &str)> = d
                .paragraphs
                .iter()
                .map(|p| (p.id.as_str(), p.text.as_str()))
                .collect();
            bookmarks::relocate(b, &pairs)
        });
        let missing = para.is_none().then(|| b.paragraph.clone());
        self.jump(doc, para.unwrap_or(0));
        if let Some(id) = missing {
            self.info_kind(
                format!("{id} not found in this document"),
                MessageKind::Warning,
            );
        }
        true
    }
}
