//! One frame of the real reader drawn at 200x60 on ratatui's `TestBackend`, bundled library.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use plenary::app::{Action, App, Effect, Event, Library};
use plenary::document::Corpus;
use plenary::keymap;
use plenary::search::{Report, SearchTarget};
use plenary::store::bookmarks::BookmarkStore;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;

fn app() -> App {
    let mut app = App::new(
        Library::new(Corpus::load(&[], true)),
        BookmarkStore::in_memory(),
        Vec::new(),
    );
    app.update(Event::Resize {
        width: WIDTH,
        height: HEIGHT,
    });
    app
}

/// Types `query` into the filter bar over all documents and answers its searches on this thread,
/// as the worker would.
fn filtered(query: &str) -> App {
    let mut app = app();
    app.update(Action::FocusNext);
    app.update(Action::OpenFilter);
    app.update(Action::FilterScope);
    for c in query.chars() {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        if let Some(event) = keymap::key_event(key, app.key_mode()) {
            app.update(event);
        }
    }
    let searches = app
        .take_effects()
        .into_iter()
        .filter_map(|effect| match effect {
            Effect::Search(request) => Some(request),
            _ => None,
        });
    for req in searches.collect::<Vec<_>>() {
        let index = match req.target {
            SearchTarget::Documents => &app.library.documents,
            SearchTarget::Paragraphs(_) => &app.library.paragraphs,
        };
        let doc = match req.target {
            SearchTarget::Paragraphs(d) => d,
            SearchTarget::Documents => None,
        };
        let hits = index.search(&req.query, doc, 500);
        app.update(Event::Search(Report::Results {
            generation: req.generation,
            hits,
        }));
    }
    app
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("draw_200x60");
    let start = app();
    let mut reading = app();
    reading.update(Action::FocusNext);
    for _ in 0..10 {
        reading.update(Action::Down);
    }
    let filter = filtered("security council");
    // A bench of an empty result list would measure the wrong frame.
    let shown = filter
        .filter
        .as_ref()
        .filter(|f| f.all_documents)
        .and_then(|f| f.results.as_ref())
        .map_or(0, Vec::len);
    assert!(shown > 100, "the filter shows {shown} results");
    for (name, app) in [
        ("start", &start),
        ("paragraphs", &reading),
        ("filter_results", &filter),
    ] {
        // The reader redraws into the same terminal: ratatui diffs against the previous frame.
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test backend");
        group.bench_function(name, |b| {
            b.iter(|| {
                terminal.draw(|f| plenary::ui::draw(app, f)).expect("draw");
            })
        });
        // A fresh terminal every frame: the whole screen is written, as on the first frame.
        group.bench_function(format!("{name}_full"), |b| {
            b.iter(|| {
                let mut t = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test backend");
                t.draw(|f| plenary::ui::draw(app, f)).expect("draw");
                black_box(t)
            })
        });
    }
    group.finish();

    // What the reader does before its first frame, in process: load and parse the bundled
    // library, link citations, build both indexes, draw. Process start and terminal set-up are
    // not included.
    let mut first = c.benchmark_group("first_frame");
    first.sample_size(10);
    first.bench_function("bundled_200x60", |b| {
        b.iter(|| {
            let app = app();
            let mut t = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test backend");
            t.draw(|f| plenary::ui::draw(&app, f)).expect("draw");
            black_box(t)
        })
    });
    first.finish();

    // One paragraph citing n resolutions, opened and drawn: the cost must grow with what is on
    // screen, not with the square of the citations (it took 0.79 s at 8,000, 99 s at 100,000).
    let mut cited = c.benchmark_group("many_citations_first_frame");
    cited.sample_size(10);
    for n in [2_000usize, 20_000] {
        let text: String = (1..=n)
            .map(|i| format!("resolution {} ({}), ", i % 700 + 1, 1946 + i % 45))
            .collect();
        let source = plenary::document::source::Source {
            path: format!("cites-{n}.txt"),
            file: None,
            collection: "Bench".into(),
            text: format!("The Security Council,\n\nRecalling its {text}\n").into(),
            meta: Default::default(),
        };
        let doc = plenary::document::parse::parse(&source);
        assert!(
            doc.citations().count() >= n / 2,
            "{}",
            doc.citations().count()
        );
        let mut app = App::new(
            Library::new(Corpus::from_documents(vec![doc])),
            BookmarkStore::in_memory(),
            Vec::new(),
        );
        app.update(Event::Resize {
            width: WIDTH,
            height: HEIGHT,
        });
        app.update(Action::FocusNext);
        cited.bench_function(format!("{n}"), |b| {
            b.iter(|| {
                let mut t = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test backend");
                t.draw(|f| plenary::ui::draw(&app, f)).expect("draw");
                black_box(t)
            })
        });
    }
    cited.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
