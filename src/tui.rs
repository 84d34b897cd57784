//! The interactive reader's event loop: terminal events and search results in, frames out.

use std::sync::mpsc::TryRecvError;
use std::time::Duration;

use anyhow::Context;

use crate::app::{Action, App, LoadRequest, Message, MessageKind, SearchWorker, spawn_loader};
use crate::bookmarks::{BookmarkStore, BookmarkWriter};
use crate::keymap;
use crate::terminal::{self, Tui};

/// How long to wait for input while a search result may still arrive.
const RESULT_POLL: Duration = Duration::from_millis(25);
/// The same while the library loads: its parts are worth showing the moment they come, and
/// loading lasts a fraction of a second at start, so polling this often costs nothing.
const LOAD_POLL: Duration = Duration::from_millis(4);

/// Runs the reader until the user quits. The terminal is restored on every way out. Returns the
/// warnings shown (bookmark and load problems), for the caller to print once the screen is gone.
///
/// The first frame is drawn at once, before the library is in: a loader thread reads it (from the
/// library cache, or from the files) and its indexes (from the cache, or built), and its reports reach the app as actions
/// between keys, so input and drawing never wait for it. Searches need the indexes, so the search
/// worker starts when they arrive.
pub fn run(
    request: LoadRequest,
    mut bookmarks: BookmarkStore,
    warnings: Vec<String>,
) -> anyhow::Result<Vec<String>> {
    let loader = spawn_loader(request);
    // Saves run on their own thread; the input thread never waits on the disk.
    bookmarks.defer_saves();
    let mut writer = BookmarkWriter::spawn();
    let mut app = App::loading(bookmarks, warnings);
    let mut tui = Tui::enter().context("cannot set up the terminal")?;
    let size = tui.size().context("cannot read the terminal size")?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let mut worker: Option<SearchWorker> = None;
    let mut dirty = true;
    loop {
        loop {
            match loader.try_recv() {
                Ok(event) => {
                    app.update(event);
                    dirty = true;
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    if app.loading.is_some() {
                        // The loader died without finishing (a bug): say so, stop waiting.
                        app.loading = None;
                        app.message = Some(Message {
                            text: "the library could not be loaded completely".to_string(),
                            kind: MessageKind::Error,
                        });
                        dirty = true;
                    }
                    break;
                }
            }
        }
        if worker.is_none() && app.library.indexed {
            worker = Some(SearchWorker::spawn(
                app.library.indexes(),
                app.library.corpus.clone(),
            ));
        }
        if let Some(worker) = worker.as_mut() {
            while let Ok(result) = worker.results.try_recv() {
                app.update(result);
                dirty = true;
            }
            for request in app.take_search_requests() {
                worker.submit(request);
            }
        }
        while let Some(outcome) = writer.try_outcome() {
            app.bookmarks_saved(outcome);
            dirty = true;
        }
        if let Some(job) = app.take_bookmark_save()
            && let Some(outcome) = writer.submit(job)
        {
            app.bookmarks_saved(outcome);
            dirty = true;
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
        // Block on input unless a search result or the library may come in meanwhile.
        let timeout = if app.loading.is_some() {
            Some(LOAD_POLL)
        } else {
            (app.awaiting_results() || app.saving_bookmarks()).then_some(RESULT_POLL)
        };
        if let Some(event) = terminal::next_event(timeout).context("cannot read input")?
            && let Some(action) = keymap::action_for_event(&event, app.key_mode())
        {
            app.update(action);
            dirty = true;
        }
    }
    drop(tui);
    // The last saves: the writer's, then whatever is left, on this thread. What still cannot be
    // written goes to a file of its own, named to the user, rather than be lost.
    for outcome in writer.finish() {
        app.bookmarks_saved(outcome);
    }
    if app.bookmarks.has_unsaved()
        && let Err(error) = app.bookmarks.flush()
    {
        let full = error.to_string();
        if !app.warnings.contains(&full) {
            app.warnings.push(full);
        }
        app.warnings.push(keep_unsaved(&app.bookmarks));
    }
    Ok(app.warnings)
}

/// Writes the session's bookmarks to a file beside the bookmarks file, else in the temporary
/// folder, and says where (or that nothing could be written).
fn keep_unsaved(bookmarks: &BookmarkStore) -> String {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let name = format!("bookmarks-unsaved-{stamp}.json");
    let places = [
        bookmarks.path().map(|p| p.with_file_name(&name)),
        Some(std::env::temp_dir().join(&name)),
    ];
    for place in places.into_iter().flatten() {
        if bookmarks.write_copy(&place).is_ok() {
            return format!(
                "this session's bookmarks could not be saved; they are in {} (copy it over the bookmarks file to keep them)",
                place.display()
            );
        }
    }
    "this session's bookmarks could not be written anywhere, not even to the temporary folder"
        .to_string()
}
