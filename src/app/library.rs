//! The corpus with the two search indexes over it, and the thread that loads both off the input thread.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use super::Action;
use crate::document::cache::Progress;
use crate::document::{Corpus, Document};
use crate::search::{RecordId, SearchIndex};

/// Progress reports closer together than this are dropped: the reader redraws for each one.
const PROGRESS_EVERY: Duration = Duration::from_millis(40);

pub struct Library {
    /// Shared with the loader thread, which builds the indexes from it after handing it over.
    pub corpus: Arc<Corpus>,
    /// One record per paragraph: doc = document index, item = paragraph index.
    pub paragraphs: Arc<SearchIndex>,
    /// One record per document (item 0): "symbol date title kind".
    pub documents: Arc<SearchIndex>,
    /// `list_order`, computed once.
    order: Vec<usize>,
    /// False until the indexes over this corpus are in; before that they are empty.
    pub indexed: bool,
}

/// The search indexes over one corpus.
#[derive(Clone)]
pub struct Indexes {
    pub paragraphs: Arc<SearchIndex>,
    pub documents: Arc<SearchIndex>,
}

impl Indexes {
    pub fn build(corpus: &Corpus) -> Indexes {
        let records: Vec<(RecordId, &str)> = corpus
            .documents
            .iter()
            .enumerate()
            .flat_map(|(d, doc)| {
                doc.paragraphs.iter().enumerate().map(move |(i, p)| {
                    (
                        RecordId {
                            doc: d as u32,
                            item: i as u32,
                        },
                        p.text.as_str(),
                    )
                })
            })
            .collect();
        let paragraphs = SearchIndex::build_parallel(&records);
        let summaries: Vec<String> = corpus.documents.iter().map(document_summary).collect();
        let documents = SearchIndex::build(summaries.iter().enumerate().map(|(d, s)| {
            (
                RecordId {
                    doc: d as u32,
                    item: 0,
                },
                s.as_str(),
            )
        }));
        Indexes {
            paragraphs: Arc::new(paragraphs),
            documents: Arc::new(documents),
        }
    }
}

/// Actions compare and print; an index is too big for either, so it is compared by identity.
impl PartialEq for Indexes {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.paragraphs, &other.paragraphs)
            && Arc::ptr_eq(&self.documents, &other.documents)
    }
}

impl fmt::Debug for Indexes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Indexes({} paragraphs, {} documents)",
            self.paragraphs.len(),
            self.documents.len()
        )
    }
}

/// A corpus handed from the loader to the reader inside an `Action`, compared by identity.
#[derive(Clone)]
pub struct SharedCorpus(pub Arc<Corpus>);

impl PartialEq for SharedCorpus {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl fmt::Debug for SharedCorpus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SharedCorpus({} documents)", self.0.documents.len())
    }
}

/// What the loader reports, in this order: progress, the corpus, then its indexes.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadEvent {
    Progress(Progress),
    /// The linked corpus; the reader can show it while the indexes are built.
    Corpus {
        corpus: SharedCorpus,
        /// Files that could not be loaded, one line each.
        warnings: Vec<String>,
    },
    Indexes(Indexes),
    /// A search failed on the indexes read from the library cache: their bytes changed under the
    /// reader. The search worker is building them again; `Indexes` follows.
    Damaged,
}

/// What to load: the command line's library arguments and where the caches live.
#[derive(Debug, Clone, Default)]
pub struct LoadRequest {
    pub paths: Vec<PathBuf>,
    pub bundled: bool,
    /// None: no cache (the bundled library is parsed).
    pub cache_dir: Option<PathBuf>,
}

/// Loads the library and builds its indexes on a thread; `Action::Load` events arrive on the
/// receiver. Should the receiver be dropped (the reader quit), the thread skips what is left
/// after the corpus; the process exit ends it otherwise.
pub fn spawn_loader(request: LoadRequest) -> Receiver<Action> {
    let (tx, rx) = channel();
    std::thread::spawn(move || load(&request, &tx));
    rx
}

/// The loader's work, on the calling thread.
pub fn load(request: &LoadRequest, tx: &Sender<Action>) {
    let send = |event| tx.send(Action::Load(event)).is_ok();
    let mut last: Option<Instant> = None;
    let mut report = |p: Progress| {
        if p.done < p.total && last.is_some_and(|t| t.elapsed() < PROGRESS_EVERY) {
            return;
        }
        last = Some(Instant::now());
        // A closed channel means the reader quit; what is left is not worth stopping midway.
        let _ = tx.send(Action::Load(LoadEvent::Progress(p)));
    };
    let super::stored::Loaded {
        corpus,
        indexes,
        to_store,
    } = super::stored::load(request, true, &mut report);
    let warnings = corpus.errors.iter().map(ToString::to_string).collect();
    let corpus = Arc::new(corpus);
    if !send(LoadEvent::Corpus {
        corpus: SharedCorpus(Arc::clone(&corpus)),
        warnings,
    }) {
        return;
    }
    let indexes = indexes.unwrap_or_else(|| Indexes::build(&corpus));
    // After the reader has its indexes: writing the cache is for the next start.
    if send(LoadEvent::Indexes(indexes.clone()))
        && let Some(to_store) = to_store
    {
        to_store.store(&corpus, &indexes);
    }
}

impl Library {
    /// The corpus with its indexes built here, at once (for commands and tests).
    pub fn new(corpus: Corpus) -> Library {
        let indexes = Indexes::build(&corpus);
        let mut library = Library::unindexed(Arc::new(corpus));
        library.set_indexes(indexes);
        library
    }

    /// The corpus with empty indexes until `set_indexes`.
    pub fn unindexed(corpus: Arc<Corpus>) -> Library {
        let order = corpus
            .collections()
            .flat_map(|(_, docs)| docs.iter().copied())
            .collect();
        Library {
            order,
            corpus,
            paragraphs: Arc::default(),
            documents: Arc::default(),
            indexed: false,
        }
    }

    /// Nothing yet: what the reader shows before the loader's first report.
    pub fn empty() -> Library {
        Library::unindexed(Arc::default())
    }

    /// The indexes in use (shared, not copied).
    pub fn indexes(&self) -> Indexes {
        Indexes {
            paragraphs: Arc::clone(&self.paragraphs),
            documents: Arc::clone(&self.documents),
        }
    }

    pub fn set_indexes(&mut self, indexes: Indexes) {
        self.paragraphs = indexes.paragraphs;
        self.documents = indexes.documents;
        self.indexed = true;
    }

    pub fn documents(&self) -> &[Document] {
        &self.corpus.documents
    }

    pub fn document(&self, index: usize) -> Option<&Document> {
        self.corpus.documents.get(index)
    }

    /// Document indexes in the order the list shows them (collection by collection).
    pub fn list_order(&self) -> &[usize] {
        &self.order
    }
}

/// What the document filter matches against.
fn document_summary(doc: &Document) -> String {
    format!(
        "{} {} {} {}",
        doc.symbol
            .as_ref()
            .map(|s| s.to_string())
            .unwrap_or_else(|| doc.id.clone()),
        doc.date.as_deref().unwrap_or(""),
        doc.title,
        doc.kind.as_str()
    )
}
