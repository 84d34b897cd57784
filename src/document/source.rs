//! Where document text comes from: the bundled library, user files and folders, their metadata.

use serde::Deserialize;
use std::path::PathBuf;

/// Metadata that the text itself may not state: from the seeds catalog, a sidecar `NAME.toml`,
/// or `+++` TOML front matter in a `.md` file. Every field is optional; the parser infers the rest.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub id: Option<String>,
    pub title: Option<String>,
    pub symbol: Option<String>,
    pub date: Option<String>,
    pub kind: Option<String>,
    pub language: Option<String>,
    pub collection: Option<String>,
}

/// Raw text of one document, decoded and sanitised, ready to parse.
#[derive(Debug, Clone)]
pub struct Source {
    /// `bundled:seeds/NAME.txt` for embedded documents, the file path otherwise.
    pub path: String,
    /// Collection it is listed under.
    pub collection: String,
    pub text: String,
    pub meta: Meta,
}

/// Why a file could not become a document. Displayed as one line naming the file.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: no such file or directory")]
    Missing { path: PathBuf },
    #[error("{path}: no .txt or .md documents in this directory")]
    EmptyDirectory { path: PathBuf },
    #[error("{path}: empty file")]
    Empty { path: PathBuf },
    #[error("{path}: binary file (contains NUL bytes), not a text document")]
    Binary { path: PathBuf },
    #[error("{path}: not valid text in UTF-8, UTF-16 or Windows-1252")]
    Encoding { path: PathBuf },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: bad metadata: {reason}")]
    Meta { path: PathBuf, reason: String },
}

/// The documents embedded in the binary.
pub fn bundled() -> Vec<Source> {
    Vec::new()
}

/// The user's files and folders.
pub fn load_paths(paths: &[PathBuf]) -> (Vec<Source>, Vec<LoadError>) {
    // Temporary: plain UTF-8 files only.
    let mut out = Vec::new();
    for p in paths {
        if let Ok(text) = std::fs::read_to_string(p) {
            out.push(Source {
                path: p.display().to_string(),
                collection: "Local".into(),
                text,
                meta: Meta::default(),
            });
        }
    }
    (out, Vec::new())
}
