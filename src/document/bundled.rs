//! The documents embedded in the binary (`seeds/`, `assets/library/`) and the catalogs that
//! give them their metadata.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::Deserialize;

use super::source::{Meta, Source, sanitize};
use super::symbol::Symbol;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

const SEEDS_CATALOG: &str = include_str!("../../seeds/catalog.toml");
const LIBRARY_CATALOG: &str = include_str!("../../assets/library/catalog.toml");

/// Per-folder rules of a catalog TOML (`seeds/catalog.toml`, each table of
/// `assets/library/catalog.toml`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FolderRules {
    collection: Option<String>,
    #[serde(default)]
    symbol_from_file_name: bool,
    #[serde(default)]
    defaults: Meta,
    #[serde(default)]
    files: BTreeMap<String, Meta>,
}

struct Catalogs {
    seeds: FolderRules,
    library: BTreeMap<String, FolderRules>,
}

fn catalogs() -> Result<Catalogs, toml::de::Error> {
    Ok(Catalogs {
        seeds: toml::from_str(SEEDS_CATALOG)?,
        library: toml::from_str(LIBRARY_CATALOG)?,
    })
}

/// The documents embedded in the binary: `seeds/` and `assets/library/`, in path order, with the
/// metadata of their catalogs. Cheap: the text is borrowed from the binary, not copied or scanned
/// (build.rs checked it is clean; the few files that are not get sanitised here).
pub fn bundled() -> Vec<Source> {
    // The catalogs are compiled in, not user data; `catalogs_parse` (a test) keeps them valid.
    // Should one still be broken, the documents load without catalog metadata rather than not at all.
    let catalogs = catalogs().unwrap_or_else(|_| Catalogs {
        seeds: FolderRules::default(),
        library: BTreeMap::new(),
    });
    embedded::BUNDLED
        .iter()
        .map(|&(rel, text, clean)| {
            let (folder, name) = match rel.rsplit_once('/') {
                Some((folder, name)) => (folder, name),
                None => ("", rel),
            };
            let (folder_name, rules) = match folder.strip_prefix("assets/library/") {
                Some(sub) => {
                    let top = sub.split('/').next().unwrap_or(sub);
                    (top, catalogs.library.get(top))
                }
                None => ("Seeds", Some(&catalogs.seeds)),
            };
            let mut meta = Meta::default();
            let mut collection = folder_name.to_string();
            if let Some(rules) = rules {
                let file_meta = rules.files.get(name).cloned().unwrap_or_default();
                meta = file_meta.or(rules.defaults.clone());
                if rules.symbol_from_file_name && meta.symbol.is_none() {
                    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
                    meta.symbol = Symbol::parse(stem).map(|s| s.as_str().to_string());
                }
                if let Some(c) = &rules.collection {
                    collection.clone_from(c);
                }
            }
            if let Some(c) = &meta.collection {
                collection.clone_from(c);
            }
            let text = if clean {
                Cow::Borrowed(text)
            } else {
                sanitize(text)
            };
            Source {
                path: format!("bundled:{rel}"),
                file: None,
                collection,
                text,
                meta,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn catalogs_parse() {
        let catalogs = catalogs().expect("bundled catalogs are valid TOML of the right shape");
        assert_eq!(catalogs.seeds.collection.as_deref(), Some("Seeds"));
        assert_eq!(catalogs.library.len(), 3);
    }

    #[test]
    fn every_catalog_entry_names_a_bundled_file() {
        let catalogs = catalogs().expect("valid catalogs");
        let files: HashSet<&str> = embedded::BUNDLED.iter().map(|(rel, _, _)| *rel).collect();
        for name in catalogs.seeds.files.keys() {
            assert!(files.contains(format!("seeds/{name}").as_str()), "{name}");
        }
        for (folder, rules) in &catalogs.library {
            for name in rules.files.keys() {
                let rel = format!("assets/library/{folder}/{name}");
                assert!(files.contains(rel.as_str()), "{rel}");
            }
        }
    }
}
