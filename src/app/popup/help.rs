//! The help and the problems pop-ups: text that scrolls until its last line reaches the bottom.

use ratatui_textarea::Input;

use super::{After, common};
use crate::app::{Action, App, view};

#[derive(Debug, Default)]
pub struct Scrolled {
    pub scroll: usize,
}

impl Scrolled {
    /// `lines` is how many the pop-up shows; Enter does nothing, other keys scroll.
    pub(super) fn handle(
        &mut self,
        app: &mut App,
        action: Result<Action, Input>,
        lines: usize,
    ) -> After {
        let len = lines.saturating_sub(view::help_height(app.size)) + 1;
        common(&mut self.scroll, action, len)
    }
}
