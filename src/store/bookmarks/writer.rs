//! The reader's bookmark writer: saves run on their own thread, so a large bookmarks file or a
//! slow disk never holds up a key. The reader hands over a job after a change and takes the
//! outcome between keys.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

use super::file::{self, NotPersisted, Persisted};
use super::{Bookmark, Change};

/// One save: the changes to merge into the file, and what the session holds (written when the
/// file is missing or unusable).
#[derive(Debug)]
pub struct SaveJob {
    pub path: PathBuf,
    pub changes: Vec<Change>,
    pub ours: Arc<Vec<Bookmark>>,
}

impl SaveJob {
    /// Runs the save on this thread.
    pub fn run(&self) -> SaveOutcome {
        file::persist(&self.path, &self.changes, &self.ours)
    }
}

/// What a save gave: the file's bookmarks after the merge, or why it was not written.
pub type SaveOutcome = Result<Persisted, NotPersisted>;

/// The thread that saves, and the channels to it.
pub struct BookmarkWriter {
    jobs: Option<Sender<SaveJob>>,
    outcomes: Receiver<SaveOutcome>,
    thread: Option<JoinHandle<()>>,
}

impl BookmarkWriter {
    pub fn spawn() -> BookmarkWriter {
        BookmarkWriter::spawn_waking(|| {})
    }

    /// [`spawn`](Self::spawn), calling `wake` after each outcome is ready, so that a loop
    /// blocked on its own channel learns of it at once.
    pub fn spawn_waking(wake: impl Fn() + Send + 'static) -> BookmarkWriter {
        let (job_tx, job_rx) = channel::<SaveJob>();
        let (out_tx, out_rx) = channel();
        let thread = std::thread::Builder::new()
            .name("bookmarks".into())
            .spawn(move || {
                while let Ok(job) = job_rx.recv() {
                    if out_tx.send(job.run()).is_err() {
                        break;
                    }
                    wake();
                }
            })
            .ok();
        BookmarkWriter {
            jobs: Some(job_tx),
            outcomes: out_rx,
            thread,
        }
    }

    /// Hands `job` to the thread; if the thread is gone, runs it here rather than lose it.
    pub fn submit(&mut self, job: SaveJob) -> Option<SaveOutcome> {
        match self.jobs.as_ref().map(|tx| tx.send(job)) {
            Some(Ok(())) => None,
            Some(Err(std::sync::mpsc::SendError(job))) => Some(job.run()),
            None => None,
        }
    }

    /// An outcome, if one has come.
    pub fn try_outcome(&self) -> Option<SaveOutcome> {
        self.outcomes.try_recv().ok()
    }

    /// Stops the thread once its last job is done, and returns the outcomes not yet taken.
    pub fn finish(mut self) -> Vec<SaveOutcome> {
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        self.outcomes.try_iter().collect()
    }
}
