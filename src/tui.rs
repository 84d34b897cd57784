//! The interactive reader's event loop: terminal events and search results in, frames out.

use std::sync::mpsc::channel;

use anyhow::Context;
use crossterm::event::Event;

use crate::app::{App, Effect, Event as AppEvent};
use crate::keymap;
use crate::search::{Report, SearchWorker};
use crate::store::bookmarks::{BookmarkStore, BookmarkWriter};
use crate::store::{LoadEvent, LoadRequest, spawn_loader};
use crate::terminal::{self, Tui};

/// What wakes the loop: every thread that has something for it sends here, and the loop blocks
/// on this one channel between frames (no polling, no timeout).
enum Wake {
    Input(std::io::Result<Event>),
    Loader(LoadEvent),
    /// The loader has ended (after its last report, or without finishing).
    LoaderGone,
    Search(Report),
    /// A bookmark save is done: its outcome waits in the writer.
    Saved,
}

/// Runs the reader until the user quits. The terminal is restored on every way out. Returns the
/// warnings shown (bookmark and load problems), for the caller to print once the screen is gone.
///
/// The first frame is drawn at once, before the library is in: a loader thread reads it (from the
/// library cache, or from the files) and its indexes (from the cache, or built), and its reports
/// reach the app between keys, so input and drawing never wait for it. Searches need the
/// indexes, so the search worker starts when they arrive. Input, the loader, the search worker
/// and the bookmark writer all wake the loop through one channel; it draws once for all that
/// came meanwhile.
pub fn run(
    request: LoadRequest,
    mut bookmarks: BookmarkStore,
    warnings: Vec<String>,
) -> anyhow::Result<Vec<String>> {
    let (wake_tx, wake) = channel::<Wake>();
    let loader = wake_tx.clone();
    let gone = wake_tx.clone();
    std::thread::spawn(move || {
        let _ = spawn_loader(request, move |event| {
            loader.send(Wake::Loader(event)).is_ok()
        })
        .join();
        let _ = gone.send(Wake::LoaderGone);
    });
    // Saves run on their own thread; the input thread never waits on the disk.
    bookmarks.defer_saves();
    let saved = wake_tx.clone();
    let mut writer = BookmarkWriter::spawn_waking(move || {
        let _ = saved.send(Wake::Saved);
    });
    let mut app = App::loading(bookmarks, warnings);
    app.help_len = keymap::help_lines().len();
    let mut tui = Tui::enter().context("cannot set up the terminal")?;
    let size = tui.size().context("cannot read the terminal size")?;
    app.update(AppEvent::Resize {
        width: size.width,
        height: size.height,
    });
    let input = wake_tx.clone();
    terminal::spawn_input(move |event| input.send(Wake::Input(event)).is_ok());
    let mut worker: Option<SearchWorker> = None;
    // A query typed before the indexes are in waits for the worker (only the newest counts).
    let mut waiting: Option<crate::search::SearchRequest> = None;
    let mut dirty = true;
    loop {
        if worker.is_none() && app.library.indexed {
            let results = wake_tx.clone();
            worker = Some(SearchWorker::spawn(
                app.library.indexes(),
                app.library.corpus.clone(),
                move |report| results.send(Wake::Search(report)).is_ok(),
            ));
        }
        if let (Some(worker), Some(request)) = (worker.as_mut(), waiting.take()) {
            worker.submit(request);
        }
        while let Some(outcome) = writer.try_outcome() {
            app.bookmarks_saved(outcome);
            dirty = true;
        }
        for effect in app.take_effects() {
            match effect {
                Effect::Search(request) => match worker.as_mut() {
                    Some(worker) => {
                        worker.submit(request);
                    }
                    None => waiting = Some(request),
                },
                Effect::SaveBookmarks(job) => {
                    if let Some(outcome) = writer.submit(job) {
                        app.bookmarks_saved(outcome);
                        dirty = true;
                    }
                }
                Effect::Write(bytes) => tui
                    .write_raw(&bytes)
                    .context("cannot write to the terminal")?,
            }
        }
        if app.should_quit {
            break;
        }
        if dirty {
            tui.draw(&app).context("cannot draw")?;
            dirty = false;
        }
        // Wait for the next thing to happen, then take everything that has meanwhile.
        let Ok(first) = wake.recv() else {
            break;
        };
        for woken in std::iter::once(first).chain(wake.try_iter()) {
            let event = match woken {
                Wake::Input(event) => {
                    match keymap::event_for(&event.context("cannot read input")?, app.key_mode()) {
                        Some(event) => event,
                        None => continue,
                    }
                }
                Wake::Loader(event) => AppEvent::Load(event),
                Wake::Search(report) => AppEvent::Search(report),
                Wake::LoaderGone => AppEvent::LoaderGone,
                Wake::Saved => continue,
            };
            app.update(event);
            dirty = true;
            if app.should_quit {
                break;
            }
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
