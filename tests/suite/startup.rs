//! Start-up: the reader draws before its library is in and takes it from the loader as actions;
//! the binary's commands read the bundled library through the cache in `PLENARY_CACHE_DIR`.

use crate::common;
use common::render;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::mpsc::channel;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use common::Effects;
use plenary::app::{App, Event, Library, Loading, Popup};
use plenary::document::Corpus;
use plenary::document::Progress;
use plenary::search::{Report, SearchTarget};
use plenary::store::bookmarks::{Bookmark, BookmarkStore};
use plenary::store::loader::load;
use plenary::store::{LoadEvent, LoadRequest};

const BIN: &str = env!("CARGO_BIN_EXE_plenary");

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn last_line(screen: &str) -> &str {
    screen.lines().last().unwrap_or_default()
}

fn press(app: &mut App, code: KeyCode) {
    common::press_key(app, KeyEvent::new(code, KeyModifiers::NONE));
}

/// Runs the loader on this thread and returns what it sent, in order.
fn loader_events(request: &LoadRequest) -> Vec<LoadEvent> {
    let (tx, rx) = channel();
    load(request, &|event| tx.send(event).is_ok());
    drop(tx);
    rx.into_iter().collect()
}

fn seeds_request() -> LoadRequest {
    LoadRequest {
        paths: vec![seeds()],
        bundled: false,
        cache_dir: None,
    }
}

#[test]
fn loader_reports_progress_then_corpus_then_indexes() {
    let events = loader_events(&seeds_request());
    let n = events.len();
    assert!(n >= 3, "{events:?}");
    assert!(
        events[..n - 2]
            .iter()
            .all(|e| matches!(e, LoadEvent::Progress(_)))
    );
    assert!(matches!(
        events.get(n - 3),
        Some(LoadEvent::Progress(Progress { done: 2, total: 2 }))
    ));
    let LoadEvent::Corpus { corpus, warnings } = &events[n - 2] else {
        panic!("corpus second to last: {events:?}");
    };
    assert_eq!(corpus.documents.len(), 2);
    assert!(warnings.is_empty());
    let LoadEvent::Indexes(indexes) = &events[n - 1] else {
        panic!("indexes last: {events:?}");
    };
    let paragraphs: usize = corpus.documents.iter().map(|d| d.paragraphs.len()).sum();
    assert_eq!(indexes.paragraphs.len(), paragraphs);
    assert_eq!(indexes.documents.len(), 2);
}

#[test]
fn reader_shows_loading_then_the_list() {
    let mut app = App::loading(BookmarkStore::in_memory(), Vec::new());
    let screen = render(&mut app, 100, 24);
    assert!(last_line(&screen).contains("Loading library…"), "{screen}");
    assert!(!screen.contains("A/RES/77/338"));

    app.update(Event::Load(LoadEvent::Progress(Progress {
        done: 1,
        total: 2,
    })));
    let screen = render(&mut app, 100, 24);
    assert!(
        last_line(&screen).contains("Loading library… 1/2"),
        "{screen}"
    );

    let mut events = loader_events(&seeds_request()).into_iter();
    let indexes = events.next_back().expect("indexes");
    let corpus = events.next_back().expect("corpus");
    app.update(Event::Load(corpus));
    assert_eq!(app.loading, Some(Loading::Indexing));
    let screen = render(&mut app, 100, 24);
    assert!(screen.contains("A/RES/77/338"), "{screen}");
    assert!(last_line(&screen).contains("Indexing…"), "{screen}");
    assert_eq!(
        app.doc,
        app.library.list_order()[0],
        "the first listed document is open"
    );

    // A query typed before the indexes are in waits for them (the reader's loop sends the
    // app's requests to the search worker once it has one).
    press(&mut app, KeyCode::Char('/'));
    assert!(app.filter.is_some(), "the filter opens while indexing");
    for c in "shanghai".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    assert!(app.awaiting_results());

    app.update(Event::Load(indexes));
    assert_eq!(app.loading, None);
    assert!(app.library.indexed);
    let screen = render(&mut app, 100, 24);
    assert!(!last_line(&screen).contains("Indexing"), "{screen}");

    let request = app.take_searches().pop().expect("a search request");
    assert_eq!(request.query, "shanghai");
    let hits = app.library.documents.search(&request.query, None, 10);
    assert!(!hits.is_empty(), "the installed index answers");
    let found = hits.len();
    app.update(Event::Search(Report::Results {
        generation: request.generation,
        hits,
    }));
    assert!(!app.awaiting_results());
    assert_eq!(app.list_rows().len(), found, "the list shows the answer");
}

#[test]
fn a_query_typed_before_the_corpus_is_sent_again_for_it() {
    let mut app = App::loading(BookmarkStore::in_memory(), Vec::new());
    render(&mut app, 100, 24);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('/'));
    for c in "tectoniques".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    let before = app.take_searches();
    let stale = before.last().expect("request").generation;
    let mut events = loader_events(&seeds_request()).into_iter();
    let indexes = events.next_back().expect("indexes");
    app.update(Event::Load(events.next_back().expect("corpus")));
    app.update(Event::Load(indexes));
    let request = app.take_searches().pop().expect("sent again");
    assert_eq!(request.query, "tectoniques");
    assert!(request.generation > stale);
    assert_eq!(
        request.target,
        SearchTarget::Paragraphs(Some(app.doc as u32))
    );
    let hits = match request.target {
        SearchTarget::Paragraphs(doc) => app.library.paragraphs.search(&request.query, doc, 10),
        SearchTarget::Documents => Vec::new(),
    };
    assert!(!hits.is_empty(), "the open document has the word");
    // An answer to the query sent before the corpus came is stale and ignored.
    app.update(Event::Search(Report::Results {
        generation: stale,
        hits: Vec::new(),
    }));
    assert!(app.awaiting_results());
    app.update(Event::Search(Report::Results {
        generation: request.generation,
        hits: hits.clone(),
    }));
    assert_eq!(app.pane_entries().len(), hits.len());
}

#[test]
fn keys_while_loading_do_nothing_harmful() {
    let mut app = App::loading(BookmarkStore::in_memory(), Vec::new());
    render(&mut app, 80, 24);
    for code in [
        KeyCode::Down,
        KeyCode::Enter,
        KeyCode::Tab,
        KeyCode::Down,
        KeyCode::Char('f'),
        KeyCode::Char('c'),
        KeyCode::Char('b'),
        KeyCode::Char('y'),
        KeyCode::End,
        KeyCode::Backspace,
        KeyCode::Char('/'),
        KeyCode::Esc,
        KeyCode::Tab,
    ] {
        press(&mut app, code);
        render(&mut app, 80, 24);
    }
    assert!(app.loading.is_some(), "still waiting for the library");
    let mut events = loader_events(&seeds_request()).into_iter();
    events.next_back();
    app.update(Event::Load(events.next_back().expect("corpus")));
    let first = app.library.list_order()[0];
    assert_eq!((app.doc, app.list_selected, app.para), (first, first, 0));
    assert!(app.back.is_empty());
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("A/RES/77/338"), "{screen}");
}

#[test]
fn a_bookmark_jump_before_the_documents_says_they_are_coming() {
    let mut store = BookmarkStore::in_memory();
    let corpus = Corpus::load(&[seeds()], false);
    let doc = &corpus.documents[0];
    let p = &doc.paragraphs[0];
    let bookmark = Bookmark::new(&doc.id, None, &doc.path, &p.id, &p.text);
    assert!(store.toggle(bookmark).expect("add bookmark"));
    let mut app = App::loading(store, Vec::new());
    render(&mut app, 100, 24);
    press(&mut app, KeyCode::Char('B'));
    press(&mut app, KeyCode::Enter);
    let screen = render(&mut app, 100, 24);
    assert!(last_line(&screen).contains("still loading"), "{screen}");
    assert!(!screen.contains("not in the library"), "{screen}");
}

#[test]
fn a_new_corpus_keeps_the_open_document_by_id() {
    let corpus = Corpus::load(&[seeds()], false);
    // Without the catalog (a user folder), the declaration's id comes from its file name.
    let astana = corpus.index_of("004-912be11ada29c0f5").expect("seed");
    let mut app = App::new(Library::new(corpus), BookmarkStore::in_memory(), Vec::new());
    render(&mut app, 100, 24);
    // Open the declaration at its fifth paragraph.
    while app.list_selected != astana {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    for _ in 0..4 {
        press(&mut app, KeyCode::Down);
    }
    assert_eq!((app.doc, app.para), (astana, 4));

    // The same documents in another order, plus one: indexes change, ids do not.
    let mut docs = Corpus::load(&[seeds()], false).documents;
    let mut extra = docs[0].clone();
    extra.id = "extra".into();
    extra.symbol = None;
    docs.insert(0, extra);
    let corpus = Corpus::from_documents(docs);
    let moved = corpus
        .index_of("004-912be11ada29c0f5")
        .expect("still there");
    assert_ne!(moved, astana);
    app.update(Event::Load(LoadEvent::Corpus {
        corpus: Arc::new(corpus),
        warnings: Vec::new(),
    }));
    assert_eq!((app.doc, app.para), (moved, 4));
    assert_eq!(
        app.document().map(|d| d.id.as_str()),
        Some("004-912be11ada29c0f5")
    );
}

#[test]
fn load_problems_arrive_with_the_corpus() {
    let dir = tempfile::tempdir().expect("temp dir");
    let request = LoadRequest {
        paths: vec![seeds(), dir.path().join("missing.txt")],
        bundled: false,
        cache_dir: None,
    };
    let mut app = App::loading(BookmarkStore::in_memory(), Vec::new());
    assert!(app.popups.is_empty());
    for event in loader_events(&request) {
        app.update(Event::Load(event));
    }
    assert_eq!(app.warnings.len(), 1, "{:?}", app.warnings);
    assert!(app.warnings[0].contains("missing.txt"));
    assert!(matches!(app.popups.last(), Some(Popup::Problems(_))));
    assert_eq!(app.library.documents().len(), 2);
}

// ----- the binary -----

fn plenary(cache_dir: &Path, args: &[&str]) -> String {
    let out = Command::new(BIN)
        .args(args)
        .env("PLENARY_CACHE_DIR", cache_dir)
        .env_remove("XDG_CACHE_HOME")
        .output()
        .expect("run plenary");
    assert!(
        out.status.success(),
        "plenary {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn commands_read_the_bundled_library_through_the_cache() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cache_dir = dir.path().join("cache");
    let file = cache_dir.join(plenary::store::bundled::FILE_NAME);

    let cold = plenary(&cache_dir, &["list"]);
    assert!(file.is_file(), "the first run writes the cache");
    assert!(cold.contains("s-res-242-1967"));
    let warm = plenary(&cache_dir, &["list"]);
    assert_eq!(warm, cold);

    // A damaged cache: same output, and the file is good again afterwards.
    let good = fs::read(&file).expect("cache");
    fs::write(&file, &good[..good.len() / 3]).expect("truncate");
    assert_eq!(plenary(&cache_dir, &["list"]), cold);
    assert_eq!(fs::read(&file).expect("cache"), good);

    // show --json from the cache equals a run that cannot cache at all.
    let blocked = dir.path().join("not-a-folder");
    fs::write(&blocked, "x").expect("write");
    for doc in ["a-res-77-338", "un-charter-fr", "s-res-242-1967"] {
        assert_eq!(
            plenary(&cache_dir, &["show", doc, "--json"]),
            plenary(&blocked, &["show", doc, "--json"]),
            "show {doc} --json"
        );
    }

    // A user file linked with the cached documents, both ways.
    let note = dir.path().join("note.txt");
    fs::write(
        &note,
        "Note\n\nLe Conseil a adopté la résolution 242 (1967) le 22 novembre 1967.\n",
    )
    .expect("write");
    let note = note.to_string_lossy().into_owned();
    let cites = plenary(&cache_dir, &["cites", "s-res-242-1967", "--json", &note]);
    let v: serde_json::Value = serde_json::from_str(&cites).expect("JSON");
    let cited_by: Vec<&str> = v["cited_by"]
        .as_array()
        .expect("cited_by")
        .iter()
        .filter_map(|x| x.as_str())
        .collect();
    assert!(cited_by.contains(&"note"), "{cited_by:?}");
    assert_eq!(fs::read(&file).expect("cache"), good, "user files stay out");
}
