//! The footnotes of a paragraph; Enter follows what the chosen one cites.

use ratatui_textarea::Input;

use super::{After, common};
use crate::app::{Action, App};

pub struct Footnotes {
    pub doc: usize,
    pub para: usize,
    pub selected: usize,
}

impl Footnotes {
    pub(super) fn handle(&mut self, app: &mut App, action: Result<Action, Input>) -> After {
        match action {
            Ok(Action::Activate) => {
                let rows = app.footnote_rows(self.doc, self.para);
                let Some((marker, Some(f))) = rows.get(self.selected).copied() else {
                    return After::Stay;
                };
                let (citations, whose) = (f.citations.clone(), format!("footnote {marker}"));
                if app.follow_among(citations, &whose) {
                    After::Close
                } else {
                    After::Stay
                }
            }
            other => {
                let len = app.footnote_rows(self.doc, self.para).len();
                common(&mut self.selected, other, len)
            }
        }
    }
}
