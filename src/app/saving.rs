//! Bookmark saving as the user sees it: a change is confirmed once it is in the file, a failure
//! is said in a few words with the full reason among the problems, and quitting with changes
//! not saved asks first.

use super::{App, MessageKind};
use crate::store::bookmarks::{BookmarkError, SaveOutcome};

/// What the user has been told about saving.
#[derive(Debug, Default)]
pub(super) struct Saving {
    /// The message that confirms the change once it is saved ("bookmarked S/RES/242, OP1").
    unconfirmed: Option<String>,
    /// A failure opened the problems pop-up once this session; later ones only say so.
    failure_shown: bool,
    /// `q` was pressed with changes not saved, and the user was told.
    quit_warned: bool,
}

impl App {
    /// After a change to the bookmarks: confirmed now if it is saved already, else when its
    /// save reports.
    pub(super) fn bookmark_changed(&mut self, done: String) {
        if self.bookmarks.has_unsaved() {
            self.info(format!("{done} (saving…)"));
            self.saving.unconfirmed = Some(done);
        } else {
            self.info(done);
        }
    }

    /// A save that failed: a short reason in the status line, the full one among the problems.
    pub(super) fn bookmark_not_saved(&mut self, error: &BookmarkError) {
        self.saving.unconfirmed = None;
        self.info_kind(
            format!(
                "bookmarks not saved: {}; retried at the next change",
                error.short()
            ),
            MessageKind::Error,
        );
        let full = error.to_string();
        if self.warnings.last() != Some(&full) {
            self.warnings.push(full);
        }
        if !self.saving.failure_shown {
            self.saving.failure_shown = true;
            self.show_problems();
        }
    }

    /// Whether a bookmark save is running, so that its outcome is worth waiting for.
    pub fn saving_bookmarks(&self) -> bool {
        self.bookmarks.saving()
    }

    /// The outcome of a save the writer ran.
    pub fn bookmarks_saved(&mut self, outcome: SaveOutcome) {
        let error = self.bookmarks.finish_save(outcome);
        self.warnings.extend(self.bookmarks.take_warnings());
        match error {
            Some(error) => self.bookmark_not_saved(&error),
            None => {
                if let Some(done) = self.saving.unconfirmed.take() {
                    if !self.bookmarks.has_unsaved() {
                        self.info(format!("{done} (saved)"));
                    } else {
                        self.saving.unconfirmed = Some(done);
                    }
                }
            }
        }
    }

    /// `q`: quits, unless bookmark changes failed to save and the user has not been told yet.
    pub(super) fn quit(&mut self) {
        if let (true, Some(reason), false) = (
            self.bookmarks.has_unsaved(),
            self.bookmarks.failure(),
            self.saving.quit_warned,
        ) {
            let text =
                format!("bookmarks not saved ({reason}): q again to quit and keep them in a file");
            self.saving.quit_warned = true;
            self.info_kind(text, MessageKind::Error);
            return;
        }
        self.should_quit = true;
    }
}
