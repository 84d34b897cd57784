//! Helpers shared by the test crates: the reader drawn on ratatui's `TestBackend`, as cells and
//! as text, and documents compared field by field. Each crate uses some of them.
#![allow(dead_code)]

use plenary::app::{App, Effect, Event};
use plenary::cli::document_json;
use plenary::document::Document;
use plenary::search::SearchRequest;
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
    app.update(Event::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal.draw(|f| plenary::ui::draw(app, f)).expect("draw");
    terminal.backend().buffer().clone()
}

/// The loop's part, for tests that drive `App` alone: the effects `update` left, with bookmark
/// saves run on this thread as the writer would.
pub trait Effects {
    /// The queries for the search worker, oldest first (other effects are run or dropped).
    fn take_searches(&mut self) -> Vec<SearchRequest>;
    /// The bytes for the terminal, oldest first (other effects are run or dropped).
    fn take_writes(&mut self) -> Vec<Vec<u8>>;
    /// The bookmark save waiting to run, if any, not run.
    fn take_save(&mut self) -> Option<plenary::store::bookmarks::SaveJob>;
}

impl Effects for App {
    fn take_searches(&mut self) -> Vec<SearchRequest> {
        let mut out = Vec::new();
        for effect in self.take_effects() {
            match effect {
                Effect::Search(request) => out.push(request),
                Effect::SaveBookmarks(job) => self.bookmarks_saved(job.run()),
                Effect::Write(_) => {}
            }
        }
        out
    }

    fn take_writes(&mut self) -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        for effect in self.take_effects() {
            match effect {
                Effect::Write(bytes) => out.push(bytes),
                Effect::SaveBookmarks(job) => self.bookmarks_saved(job.run()),
                Effect::Search(_) => {}
            }
        }
        out
    }

    fn take_save(&mut self) -> Option<plenary::store::bookmarks::SaveJob> {
        self.take_effects()
            .into_iter()
            .find_map(|effect| match effect {
                Effect::SaveBookmarks(job) => Some(job),
                _ => None,
            })
    }
}

/// What a key press does in the reader, as the event loop gives it (key map, then `update`),
/// with the effects it leaves run as the loop would (searches excepted).
pub fn press_key(app: &mut App, key: crossterm::event::KeyEvent) {
    if let Some(event) = plenary::keymap::key_event(key, app.key_mode()) {
        app.update(event);
    }
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
