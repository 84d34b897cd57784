//! Metadata a text may not state itself: from a catalog, a sidecar `NAME.toml`, or `+++` front
//! matter; read and checked here.

use serde::Deserialize;

use super::model::{DocumentKind, Language};
use super::source::sanitize;

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

impl Meta {
    /// Reads metadata written by a user. Unknown fields, a `kind` other than those of
    /// `DocumentKind` or a `language` other than fr/en are errors, so typos do not pass silently.
    /// The `Err` is one line (with the TOML line number when there is one).
    /// String values are sanitised to one clean line each: they end up on screen.
    pub fn from_toml(text: &str) -> Result<Meta, String> {
        // The reason quotes the file, and the file is untrusted.
        Self::from_toml_unsanitized(text)
            .map_err(|reason| sanitize(&reason).replace(['\n', '\x0c'], " "))
    }

    fn from_toml_unsanitized(text: &str) -> Result<Meta, String> {
        let meta: Meta = toml::from_str(text).map_err(|e| one_line_toml_error(text, &e))?;
        if let Some(kind) = meta
            .kind
            .as_deref()
            .filter(|k| DocumentKind::parse(k).is_none())
        {
            return Err(format!(
                "kind {kind:?} is not one of resolution, declaration, treaty, document"
            ));
        }
        if let Some(language) = meta
            .language
            .as_deref()
            .filter(|l| Language::parse(l).is_none())
        {
            return Err(format!("language {language:?} is not fr or en"));
        }
        Ok(meta.single_lines())
    }

    /// Field by field: the value of `self` when set, else that of `fallback` (like `Option::or`).
    pub fn or(self, fallback: Meta) -> Meta {
        Meta {
            id: self.id.or(fallback.id),
            title: self.title.or(fallback.title),
            symbol: self.symbol.or(fallback.symbol),
            date: self.date.or(fallback.date),
            kind: self.kind.or(fallback.kind),
            language: self.language.or(fallback.language),
            collection: self.collection.or(fallback.collection),
        }
    }

    fn single_lines(self) -> Meta {
        let clean = |v: Option<String>| {
            v.map(|s| {
                let s = sanitize(&s).replace(['\n', '\x0c'], " ");
                s.trim().to_string()
            })
            .filter(|s| !s.is_empty())
        };
        Meta {
            id: clean(self.id),
            title: clean(self.title),
            symbol: clean(self.symbol),
            date: clean(self.date),
            kind: clean(self.kind),
            language: clean(self.language),
            collection: clean(self.collection),
        }
    }
}

/// `toml`'s errors span several lines with a source excerpt; a `LoadError` is one line.
fn one_line_toml_error(text: &str, e: &toml::de::Error) -> String {
    let message = e.message().split_whitespace().collect::<Vec<_>>().join(" ");
    match e.span() {
        Some(span) => {
            let line = text.as_bytes()[..span.start.min(text.len())]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            format!("line {line}: {message}")
        }
        None => message,
    }
}
