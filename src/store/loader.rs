//! Loading a library off the input thread: the documents (from the library cache, else the
//! bundled cache and the files), then their search indexes (from the cache, else built), each
//! reported as it is ready.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::document::{Corpus, Progress};
use crate::search::Indexes;

/// Progress reports closer together than this are dropped: the reader redraws for each one.
const PROGRESS_EVERY: Duration = Duration::from_millis(40);

/// What the loader reports, in this order: progress, the corpus, then its indexes.
pub enum LoadEvent {
    Progress(Progress),
    /// The linked corpus; the reader can show it while the indexes are built.
    Corpus {
        corpus: Arc<Corpus>,
        /// Files that could not be loaded, one line each.
        warnings: Vec<String>,
    },
    Indexes(Indexes),
}

impl std::fmt::Debug for LoadEvent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadEvent::Progress(p) => write!(f, "Progress({}/{})", p.done, p.total),
            LoadEvent::Corpus { corpus, warnings } => write!(
                f,
                "Corpus({} documents, {} warnings)",
                corpus.documents.len(),
                warnings.len()
            ),
            LoadEvent::Indexes(indexes) => write!(f, "{indexes:?}"),
        }
    }
}

/// What to load: the command line's library arguments and where the caches live.
#[derive(Debug, Clone, Default)]
pub struct LoadRequest {
    pub paths: Vec<PathBuf>,
    pub bundled: bool,
    /// None: no cache (the bundled library is parsed).
    pub cache_dir: Option<PathBuf>,
}

/// Loads the library and builds its indexes on a thread, handing each event to `sink`. Once
/// `sink` returns false (the reader quit) the thread skips what is left after the corpus; the
/// process exit ends it otherwise.
pub fn spawn_loader(
    request: LoadRequest,
    sink: impl Fn(LoadEvent) -> bool + Send + 'static,
) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || load(&request, &sink))
}

/// The loader's work, on the calling thread.
pub fn load(request: &LoadRequest, sink: &dyn Fn(LoadEvent) -> bool) {
    let mut last: Option<Instant> = None;
    let mut report = |p: Progress| {
        if p.done < p.total && last.is_some_and(|t| t.elapsed() < PROGRESS_EVERY) {
            return;
        }
        last = Some(Instant::now());
        // A closed channel means the reader quit; what is left is not worth stopping midway.
        let _ = sink(LoadEvent::Progress(p));
    };
    let super::library::Loaded {
        corpus,
        indexes,
        to_store,
    } = super::library::load(request, true, &mut report);
    let warnings = corpus.errors.iter().map(ToString::to_string).collect();
    let corpus = Arc::new(corpus);
    if !sink(LoadEvent::Corpus {
        corpus: Arc::clone(&corpus),
        warnings,
    }) {
        return;
    }
    let indexes = indexes.unwrap_or_else(|| Indexes::build(&corpus));
    // After the reader has its indexes: writing the cache is for the next start.
    if sink(LoadEvent::Indexes(indexes.clone()))
        && let Some(to_store) = to_store
    {
        to_store.store(&corpus, &indexes);
    }
}
