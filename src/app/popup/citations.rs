//! What the open document cites, and what cites it; Enter follows either way.

use ratatui_textarea::Input;

use super::{After, common};
use crate::app::{Action, App, CitationRow};

pub struct Citations {
    pub selected: usize,
}

impl Citations {
    pub(super) fn handle(&mut self, app: &mut App, action: Result<Action, Input>) -> After {
        match action {
            Ok(Action::Activate) => {
                let moved = match app.citation_rows().get(self.selected) {
                    Some(CitationRow::Cites(c, _)) => {
                        let c = (*c).clone();
                        app.follow(&c)
                    }
                    Some(&CitationRow::CitedBy(doc)) => {
                        let para = app.citing_paragraph(doc, app.doc);
                        app.jump(doc, para);
                        true
                    }
                    None => false,
                };
                if moved { After::Close } else { After::Stay }
            }
            other => {
                let len = app.citation_rows().len();
                common(&mut self.selected, other, len)
            }
        }
    }
}
