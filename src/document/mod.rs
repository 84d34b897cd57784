//! Documents: the model, the parse, citations and the corpus. Nothing here knows about terminals.

pub mod bundled;
pub mod cite;
pub mod corpus;
pub mod decode;
pub mod goto;
pub mod json;
pub mod lexicon;
pub mod meta;
pub mod model;
pub mod parse;
pub mod source;
pub mod symbol;

pub use cite::{Citation, Reference};
pub(crate) use corpus::map_parallel;
pub use corpus::{Corpus, Progress};
pub use model::{Document, DocumentKind, Footnote, Language, Markup, Paragraph, ParagraphKind};
pub use source::{LoadError, Meta, Source};
pub use symbol::Symbol;

/// Maps and sets keyed by short strings the parser builds per document (word counts, lexicon
/// sets, ids): a fast hash, fixed so that nothing depends on a seed. No key comes from across a
/// trust boundary that could pick colliding keys to slow a parse much: a document is one file.
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;
pub(crate) type FastSet<K> = std::collections::HashSet<K, foldhash::fast::FixedState>;
