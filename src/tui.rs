//! The interactive reader's event loop: terminal events and search results in, frames out.

use std::time::Duration;

use anyhow::Context;

use crate::app::{Action, App, Library, SearchWorker};
use crate::bookmarks::BookmarkStore;
use crate::document::Corpus;
use crate::keymap;
use crate::terminal::{self, Tui};

/// How long to wait for input while a search result may still arrive.
const RESULT_POLL: Duration = Duration::from_millis(25);

/// Runs the reader until the user quits. The terminal is restored on every way out.
pub fn run(corpus: Corpus, bookmarks: BookmarkStore, warnings: Vec<String>) -> anyhow::Result<()> {
    let library = Library::new(corpus);
    let mut worker = SearchWorker::spawn(library.paragraphs.clone(), library.documents.clone());
    let mut app = App::new(library, bookmarks, warnings);
    let mut tui = Tui::enter().context("cannot set up the terminal")?;
    let size = tui.size().context("cannot read the terminal size")?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let mut dirty = true;
    loop {
        while let Ok(result) = worker.results.try_recv() {
            app.update(result);
            dirty = true;
        }
        for request in app.take_search_requests() {
            worker.submit(request);
        }
        for bytes in app.take_output() {
            tui.write_raw(&bytes)
                .context("cannot write to the terminal")?;
        }
        if app.should_quit {
            break;
        }
        if dirty {
            tui.draw(&app).context("cannot draw")?;
            dirty = false;
        }
        // Block on input unless a search result may come in meanwhile.
        let timeout = app.awaiting_results().then_some(RESULT_POLL);
        if let Some(event) = terminal::next_event(timeout).context("cannot read input")? {
            if let Some(action) = keymap::action_for_event(&event, app.key_mode()) {
                app.update(action);
                dirty = true;
            }
        }
    }
    drop(tui);
    Ok(())
}
