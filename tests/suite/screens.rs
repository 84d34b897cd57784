//! Whole screens of the reader on the bundled library, at 120x40 and at 40x12, pinned as text:
//! a change to what any cell shows has to be looked at and accepted (`cargo insta review`).
//! Colours are not in the text; the theme tests pin those.

use crate::common::{self, Effects, render};

use std::sync::{Arc, LazyLock};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use plenary::app::{App, Event, Library};
use plenary::document::Corpus;
use plenary::search::{Indexes, Report, SearchTarget};
use plenary::store::bookmarks::BookmarkStore;

const SIZES: [(u16, u16); 2] = [(120, 40), (40, 12)];

/// The bundled library with its indexes, built once for every screen here.
fn library() -> Library {
    static SHARED: LazyLock<(Arc<Corpus>, Indexes)> = LazyLock::new(|| {
        let corpus = Corpus::from_documents(common::bundled().documents.clone());
        let indexes = Indexes::build(&corpus);
        (Arc::new(corpus), indexes)
    });
    let mut library = Library::unindexed(Arc::clone(&SHARED.0));
    library.set_indexes(SHARED.1.clone());
    library
}

fn app() -> App {
    let mut app = App::new(library(), BookmarkStore::in_memory(), Vec::new());
    app.help_len = plenary::keymap::help_lines().len();
    app
}

fn keys(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\t' => KeyCode::Tab,
            c => KeyCode::Char(c),
        };
        common::press_key(app, KeyEvent::new(code, KeyModifiers::NONE));
    }
}

/// Answers the pending queries on this thread, as the search worker would.
fn answer(app: &mut App) {
    for request in app.take_searches() {
        let hits = match request.target {
            SearchTarget::Documents => app.library.documents.search(&request.query, None, 500),
            SearchTarget::Paragraphs(doc) => {
                app.library.paragraphs.search(&request.query, doc, 500)
            }
        };
        app.update(Event::Search(Report::Results {
            generation: request.generation,
            hits,
        }));
    }
}

/// A/RES/77/338 open in the pane at OP1 (the seeds are listed first).
fn reading(app: &mut App) {
    keys(app, "\n");
    let doc = app.document().expect("open");
    assert_eq!(doc.id, "a-res-77-338");
    let op1 = doc.paragraph_index("OP1").expect("OP1");
    for _ in 0..op1 {
        keys(app, "j");
    }
}

fn snap(name: &str, setup: impl Fn(&mut App)) {
    for (width, height) in SIZES {
        let mut app = app();
        render(&mut app, width, height);
        setup(&mut app);
        let screen = render(&mut app, width, height);
        insta::assert_snapshot!(format!("{name}-{width}x{height}"), screen);
    }
}

#[test]
fn the_library_at_start() {
    snap("library", |_| {});
}

#[test]
fn a_resolution_being_read() {
    snap("reading", reading);
}

#[test]
fn the_document_filter_with_its_results() {
    snap("filter", |app| {
        keys(app, "/shanghai");
        answer(app);
    });
}

#[test]
fn help() {
    snap("help", |app| keys(app, "?"));
}

#[test]
fn footnotes_of_a_paragraph() {
    snap("footnotes", |app| {
        keys(app, "\n");
        // The first paragraph with footnotes: PP2 ("Rappelant …¹") in the seed.
        while app
            .document()
            .and_then(|d| d.paragraphs.get(app.para))
            .is_some_and(|p| p.footnotes.is_empty())
        {
            keys(app, "j");
        }
        keys(app, "f");
    });
}

#[test]
fn citations_of_a_document() {
    snap("citations", |app| {
        reading(app);
        keys(app, "c");
    });
}

#[test]
fn bookmarks_with_one() {
    // The day the bookmark was made is today's: pinned as a placeholder.
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"(, OP1 +)· \d{4}-\d{2}-\d{2}", "$1· YYYY-MM-DD");
    settings.bind(|| {
        snap("bookmarks", |app| {
            reading(app);
            keys(app, "bB");
        })
    });
}
