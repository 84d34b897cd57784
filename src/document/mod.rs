//! Documents: the model, the parse, citations and the corpus. Nothing here knows about terminals.

pub mod cache;
pub mod cite;
pub mod corpus;
pub mod lexicon;
pub mod model;
pub mod parse;
pub mod source;
pub mod symbol;

pub use cite::{Citation, Reference};
pub use corpus::Corpus;
pub(crate) use corpus::map_parallel;
pub use model::{Document, DocumentKind, Footnote, Language, Markup, Paragraph, ParagraphKind};
pub use source::{LoadError, Meta, Source};
pub use symbol::Symbol;
