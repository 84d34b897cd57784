//! The search worker thread: runs filter queries off the input thread; a newer query cancels an older one.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Sender, channel};
use std::thread::JoinHandle;

use super::{Hit, Indexes, Narrowing, contained};
use crate::document::Corpus;

/// The most results a filter shows.
pub const RESULT_LIMIT: usize = 500;

/// Which index a query runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchTarget {
    Documents,
    /// Paragraphs of one document, or of all (None).
    Paragraphs(Option<u32>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    pub generation: u64,
    pub query: String,
    pub target: SearchTarget,
}

/// What the worker tells whoever it works for.
pub enum Report {
    /// The hits of the request of this generation.
    Results { generation: u64, hits: Vec<Hit> },
    /// A search failed on the indexes it was given (read from the library cache, their bytes
    /// changed under the reader). The worker is building them again; `Rebuilt` follows.
    Damaged,
    /// The indexes built again after `Damaged`, which the worker now answers from.
    Rebuilt(Indexes),
}

impl std::fmt::Debug for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Report::Results { generation, hits } => {
                write!(f, "Results(#{generation}, {} hits)", hits.len())
            }
            Report::Damaged => write!(f, "Damaged"),
            Report::Rebuilt(indexes) => write!(f, "Rebuilt({indexes:?})"),
        }
    }
}

/// The input thread's handle on the worker.
pub struct SearchWorker {
    requests: Option<Sender<(SearchRequest, Arc<AtomicBool>)>>,
    /// Cancel flag of the latest request.
    current: Option<Arc<AtomicBool>>,
    thread: Option<JoinHandle<()>>,
}

impl SearchWorker {
    /// The worker for `indexes` over `corpus`. Should a search fail on a damaged cache (its
    /// mapped bytes changed by another program), the worker says so, builds the indexes again
    /// from the corpus, sends them to the reader and answers the query from them. Reports go to
    /// `sink`; once it returns false (no one listens) the worker stops.
    pub fn spawn(
        indexes: Indexes,
        corpus: Arc<Corpus>,
        sink: impl Fn(Report) -> bool + Send + 'static,
    ) -> SearchWorker {
        let (req_tx, req_rx) = channel::<(SearchRequest, Arc<AtomicBool>)>();
        // Debug builds only: `PLENARY_FAULT=search-worker` makes the worker panic at its first
        // query, for the end-to-end test of a thread dying under the reader.
        let fault = cfg!(debug_assertions)
            && std::env::var_os("PLENARY_FAULT").is_some_and(|v| v == "search-worker");
        let thread = std::thread::spawn(move || {
            let mut indexes = indexes;
            // What the last completed query matched, per target, for the next keystroke.
            let mut last: Option<(SearchTarget, Narrowing)> = None;
            while let Ok(mut next) = req_rx.recv() {
                // Requests that queued up while we were busy are stale: keep the newest.
                while let Ok(newer) = req_rx.try_recv() {
                    next = newer;
                }
                let (req, cancel) = next;
                assert!(!fault, "injected fault (PLENARY_FAULT=search-worker)");
                let found =
                    contained(|| answer(&indexes, &req, &cancel, last.as_ref())).filter(|found| {
                        found
                            .as_ref()
                            .is_none_or(|(hits, _)| in_corpus(hits, &corpus))
                    });
                let found = match found {
                    Some(found) => found,
                    None => {
                        if !sink(Report::Damaged) {
                            break;
                        }
                        indexes = Indexes::build(&corpus);
                        last = None;
                        if !sink(Report::Rebuilt(indexes.clone())) {
                            break;
                        }
                        answer(&indexes, &req, &cancel, None)
                    }
                };
                if let Some((hits, narrowing)) = found {
                    last = Some((req.target, narrowing));
                    let report = Report::Results {
                        generation: req.generation,
                        hits,
                    };
                    if !sink(report) {
                        break;
                    }
                }
            }
        });
        SearchWorker {
            requests: Some(req_tx),
            current: None,
            thread: Some(thread),
        }
    }

    /// Sends a query, cancelling the one before it. Returns the new request's cancel flag.
    pub fn submit(&mut self, request: SearchRequest) -> Arc<AtomicBool> {
        if let Some(old) = self.current.take() {
            old.store(true, Ordering::Relaxed);
        }
        let flag = Arc::new(AtomicBool::new(false));
        self.current = Some(Arc::clone(&flag));
        if let Some(tx) = &self.requests {
            // A dead worker only means no more results; the reader keeps working.
            let _ = tx.send((request, Arc::clone(&flag)));
        }
        flag
    }
}

impl Drop for SearchWorker {
    fn drop(&mut self) {
        if let Some(flag) = &self.current {
            flag.store(true, Ordering::Relaxed);
        }
        // Closing the channel ends the worker's loop.
        self.requests.take();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// The hits of `req` on `indexes`, narrowed from the previous query's matches where it had the
/// same target; None when cancelled.
fn answer(
    indexes: &Indexes,
    req: &SearchRequest,
    cancel: &AtomicBool,
    last: Option<&(SearchTarget, Narrowing)>,
) -> Option<(Vec<Hit>, Narrowing)> {
    let (index, doc) = match req.target {
        SearchTarget::Documents => (&indexes.documents, None),
        SearchTarget::Paragraphs(d) => (&indexes.paragraphs, d),
    };
    let previous = last
        .filter(|(target, _)| *target == req.target)
        .map(|(_, n)| n);
    index.search_narrowing(&req.query, doc, RESULT_LIMIT, cancel, previous)
}

/// Whether every hit names a paragraph of `corpus` (for the documents index, item 0 of a
/// document): hits that do not come from an index whose bytes changed under it.
fn in_corpus(hits: &[Hit], corpus: &Corpus) -> bool {
    hits.iter().all(|hit| {
        corpus
            .documents
            .get(hit.record.doc as usize)
            .is_some_and(|d| {
                hit.record.item == 0 || (hit.record.item as usize) < d.paragraphs.len()
            })
    })
}
