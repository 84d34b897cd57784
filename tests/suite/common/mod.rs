//! Helpers shared by the test crates: the reader drawn on ratatui's `TestBackend`, as cells and
//! as text, and documents compared field by field. Each crate uses some of them.
#![allow(dead_code)]

use plenary::app::{Action, App};
use plenary::cli::document_json;
use plenary::document::Document;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// The bundled library, parsed once for the whole test process (a debug-build parse of it
/// costs seconds; every module that reads it shares this one).
pub fn bundled() -> &'static plenary::document::Corpus {
    static BUNDLED: std::sync::LazyLock<plenary::document::Corpus> =
        std::sync::LazyLock::new(|| plenary::document::Corpus::load(&[], true));
    &BUNDLED
}

/// The reader resized to `width` x `height` and drawn once.
pub fn draw(app: &mut App, width: u16, height: u16) -> Buffer {
    app.update(Action::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal.draw(|f| plenary::ui::draw(app, f)).expect("draw");
    terminal.backend().buffer().clone()
}

/// The screen as text, a line per row.
pub fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// [`draw`], as text.
pub fn render(app: &mut App, width: u16, height: u16) -> String {
    text(&draw(app, width, height))
}

/// Same documents, field by field (markup, citation ranges and references included), and the
/// same `show --json` for each.
pub fn assert_same_documents(got: &[Document], want: &[Document]) {
    assert_eq!(got.len(), want.len(), "document count");
    for (g, w) in got.iter().zip(want) {
        assert_eq!(
            document_json(g),
            document_json(w),
            "show --json of {}",
            w.id
        );
        assert!(g == w, "document {} differs from a fresh load", w.id);
    }
}
