//! The reader on the real bundled library (not hand-built fixtures): the scenes the README and
//! the issue describe, drawn with ratatui's TestBackend.

use crate::common;
use common::render;

use common::Effects;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use plenary::app::{App, Event, Focus, Library};
use plenary::document::Corpus;
use plenary::search::Report;
use plenary::store::bookmarks::BookmarkStore;

fn app() -> App {
    // The shared parse, linked again into a corpus of this app's own.
    let corpus = Corpus::from_documents(common::bundled().documents.clone());
    let mut app = App::new(Library::new(corpus), BookmarkStore::in_memory(), Vec::new());
    app.update(Event::Resize {
        width: 120,
        height: 40,
    });
    app
}

fn press(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    common::press_key(app, KeyEvent::new(code, mods));
}

fn key(app: &mut App, c: char) {
    press(app, KeyCode::Char(c), KeyModifiers::NONE);
}

/// Opens a document through the list and selects a paragraph with j.
fn open_at(app: &mut App, doc: &str, para: &str) {
    let d = app.library.corpus.index_of(doc).expect("bundled");
    let p = app.library.corpus.documents[d]
        .paragraph_index(para)
        .expect("paragraph");
    app.focus = Focus::List;
    key(app, 'g');
    while app.list_selected != d {
        key(app, 'j');
    }
    press(app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(app.focus, Focus::Pane);
    for _ in 0..p {
        key(app, 'j');
    }
    assert_eq!(app.para, p);
}

#[test]
fn footnote_pop_up_of_pp8_shows_resolution_70_1() {
    let mut app = app();
    open_at(&mut app, "a-res-77-338", "PP8");
    key(&mut app, 'f');
    let screen = render(&mut app, 120, 40);
    assert!(screen.contains("Footnotes of PP8"), "{screen}");
    assert!(screen.contains("1 Résolution 70/1."), "{screen}");
    assert!(
        screen.contains("https://undocs.org/fr/A/RES/70/1"),
        "{screen}"
    );
    press(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert!(app.popups.is_empty());
}

#[test]
fn citation_jump_from_astana_to_77_338_and_back() {
    let mut app = app();
    open_at(&mut app, "astana-declaration-2024", "P112");
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(app.document().unwrap().id, "a-res-77-338");
    let screen = render(&mut app, 120, 40);
    assert!(
        screen.contains("A/RES/77/338 · 2023-09-01 · resolution · fr"),
        "{screen}"
    );
    // And back, to the paragraph we came from.
    press(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
    assert_eq!(app.document().unwrap().id, "astana-declaration-2024");
    assert_eq!(app.document().unwrap().paragraphs[app.para].id, "P112");
    press(&mut app, KeyCode::Right, KeyModifiers::ALT);
    assert_eq!(app.document().unwrap().id, "a-res-77-338");
}

#[test]
fn cited_by_jump_lands_on_the_citing_paragraph() {
    let mut app = app();
    open_at(&mut app, "a-res-77-338", "H1");
    key(&mut app, 'c');
    let screen = render(&mut app, 120, 40);
    assert!(
        screen.contains("← cited by Déclaration d’Astana"),
        "{screen}"
    );
    assert!(screen.contains(", P112"), "{screen}");
    key(&mut app, 'G');
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let doc = app.document().unwrap();
    assert_eq!(doc.id, "astana-declaration-2024");
    assert_eq!(doc.paragraphs[app.para].id, "P112");
    // The target is brought to the top of the pane, not left on its bottom edge.
    let screen = render(&mut app, 120, 40);
    let p112_row = screen.lines().position(|l| l.contains(" P112 ")).unwrap();
    assert!(p112_row <= 4, "{screen}");
}

#[test]
fn filter_finds_accented_words_and_apostrophe_styles() {
    let mut app = app();
    open_at(&mut app, "astana-declaration-2024", "P1");
    key(&mut app, '/');
    for c in "l'onu".chars() {
        key(&mut app, c);
    }
    // Answer on this thread, as the worker would.
    for req in app.take_searches() {
        let d = app.doc as u32;
        let hits = app.library.paragraphs.search(&req.query, Some(d), 500);
        app.update(Event::Search(Report::Results {
            generation: req.generation,
            hits,
        }));
    }
    let entries = app.pane_entries();
    assert!(!entries.is_empty());
    let doc = app.document().unwrap();
    for (_, p) in &entries {
        assert!(
            doc.paragraphs[*p].text.contains("l’ONU"),
            "{}",
            doc.paragraphs[*p].text
        );
    }
    let screen = render(&mut app, 120, 40);
    assert!(screen.contains("l’ONU"), "{screen}");
}

#[test]
fn narrow_and_wide_screens_on_the_real_library() {
    let mut app = app();
    for (w, h) in [(40, 12), (80, 24), (120, 40), (200, 60)] {
        let screen = render(&mut app, w, h);
        assert!(screen.contains("LIST"), "{w}x{h}\n{screen}");
    }
    let screen = render(&mut app, 120, 40);
    assert!(screen.contains("Documents (705)"), "{screen}");
    assert!(screen.contains("S/RES/1 (1946)"), "{screen}");
}
