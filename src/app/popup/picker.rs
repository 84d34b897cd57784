//! Choosing one of several citations (a paragraph or footnote that cites more than one).

use ratatui_textarea::Input;

use super::{After, common};
use crate::app::{Action, App};
use crate::document::Citation;

pub struct Picker {
    pub citations: Vec<Citation>,
    pub selected: usize,
}

impl Picker {
    pub(super) fn handle(&mut self, app: &mut App, action: Result<Action, Input>) -> After {
        match action {
            Ok(Action::Activate) => match self.citations.get(self.selected) {
                Some(c) if app.follow(&c.clone()) => After::Close,
                _ => After::Stay,
            },
            other => common(&mut self.selected, other, self.citations.len()),
        }
    }
}
