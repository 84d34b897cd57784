//! The start-up cache: what it gives back equals a fresh parse, damage and staleness only cost a
//! rebuild, and user files link with the cached bundled documents as if parsed together.

use crate::common;
use common::assert_same_documents;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use plenary::document::Corpus;
use plenary::store::bundled::{self as cache, CacheError};

/// The bundled library parsed the ordinary way, without a cache: the reference.
static FRESH: LazyLock<&Corpus> = LazyLock::new(common::bundled);

fn load(paths: &[PathBuf], dir: Option<&Path>) -> Corpus {
    cache::load(paths, true, dir, &mut |_| {})
}

fn cache_file(dir: &Path) -> PathBuf {
    dir.join(cache::FILE_NAME)
}

/// The file a cold `load` writes (made once: parsing is slow in debug builds).
static WRITTEN: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("temp dir");
    let cold = load(&[], Some(dir.path()));
    assert_same_documents(&cold.documents, &FRESH.documents);
    fs::read(cache_file(dir.path())).expect("a cold load writes the cache")
});

/// A cache folder holding that file.
fn warm_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(cache_file(dir.path()), WRITTEN.as_slice()).expect("write cache");
    dir
}

#[test]
fn round_trip_equals_a_fresh_parse() {
    let dir = warm_dir();
    let read = cache::read(dir.path()).expect("the file just written reads back");
    assert_same_documents(&read.documents, &FRESH.documents);
    // Lookups work on what was read: ids, symbols, collections.
    assert_eq!(read.find("S/RES/242"), FRESH.find("S/RES/242"));
    assert!(read.collections().eq(FRESH.collections()));
    let warm = load(&[], Some(dir.path()));
    assert_same_documents(&warm.documents, &FRESH.documents);
}

#[test]
fn missing_cache_is_not_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    assert!(matches!(
        cache::read(dir.path()),
        Err(CacheError::Missing { .. })
    ));
}

#[test]
fn damaged_cache_is_rebuilt() {
    let dir = warm_dir();
    let good = fs::read(cache_file(dir.path())).expect("cache file");
    let middle = good.len() / 2;
    let mut flipped = good.clone();
    flipped[middle] ^= 0x20;
    let damaged: [(&str, Vec<u8>); 5] = [
        ("empty", Vec::new()),
        ("garbage", b"not a cache at all".to_vec()),
        ("truncated", good[..middle].to_vec()),
        ("one byte changed", flipped),
        ("trailing bytes", [good.as_slice(), b"x"].concat()),
    ];
    for (what, bytes) in damaged {
        fs::write(cache_file(dir.path()), &bytes).expect("write damaged cache");
        assert!(cache::read(dir.path()).is_err(), "{what}: read refuses it");
        let corpus = load(&[], Some(dir.path()));
        assert_same_documents(&corpus.documents, &FRESH.documents);
        assert!(corpus.errors.is_empty(), "{what}: no error reported");
        assert_eq!(
            fs::read(cache_file(dir.path())).expect("rewritten"),
            good,
            "{what}: the cache is rewritten"
        );
    }
}

#[test]
fn stale_cache_is_rebuilt() {
    let dir = warm_dir();
    let good = fs::read(cache_file(dir.path())).expect("cache file");
    // The key follows the 8-byte magic and its 4-byte length; change one of its characters.
    let key = cache::key();
    let at = 12 + key.len() - 1;
    assert_eq!(
        &good[12..12 + key.len()],
        key.as_bytes(),
        "layout as expected"
    );
    let mut stale = good.clone();
    stale[at] = if stale[at] == b'0' { b'1' } else { b'0' };
    fs::write(cache_file(dir.path()), &stale).expect("write stale cache");
    assert!(matches!(
        cache::read(dir.path()),
        Err(CacheError::Stale { .. })
    ));
    let corpus = load(&[], Some(dir.path()));
    assert_same_documents(&corpus.documents, &FRESH.documents);
    assert_eq!(fs::read(cache_file(dir.path())).expect("rewritten"), good);
}

#[test]
fn unwritable_cache_dir_only_costs_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A file where the folder should be: neither creatable nor writable.
    let blocked = dir.path().join("blocked");
    fs::write(&blocked, "a file").expect("write");
    let corpus = load(&[], Some(&blocked));
    assert_same_documents(&corpus.documents, &FRESH.documents);
    assert!(corpus.errors.is_empty());
    assert!(cache::write(&blocked, &corpus).is_err());
}

#[test]
fn no_bundled_leaves_the_cache_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = cache::load(&[], false, Some(dir.path()), &mut |_| {});
    assert!(corpus.documents.is_empty());
    assert!(!cache_file(dir.path()).exists());
}

/// A user file citing a bundled resolution, and one that a bundled resolution cites.
fn user_files(dir: &Path) -> Vec<PathBuf> {
    let citing = dir.join("note.txt");
    fs::write(
        &citing,
        "Note sur le Moyen-Orient\n\n\
         Le Conseil de sécurité a adopté la résolution 242 (1967) le 22 novembre 1967.\n\n\
         Elle s'appuie sur l'Article 2 de la Charte des Nations Unies.\n",
    )
    .expect("write user file");
    // A/RES/77/338 cites "Résolution 70/1." in a footnote; the bundled library lacks it.
    let cited = dir.join("agenda.md");
    fs::write(
        &cited,
        "+++\nsymbol = \"A/RES/70/1\"\ntitle = \"Transformer notre monde\"\ndate = \"2015-09-25\"\n+++\n\n\
         L'Assemblée générale,\n\nAdopte le document final.\n",
    )
    .expect("write user file");
    vec![citing, cited]
}

#[test]
fn user_files_link_with_cached_bundled_documents() {
    let cache_dir = warm_dir();
    let user_dir = tempfile::tempdir().expect("temp dir");
    let paths = user_files(user_dir.path());
    let corpus = load(&paths, Some(cache_dir.path()));
    // Exactly what parsing everything together gives.
    let fresh = Corpus::load(&paths, true);
    assert_same_documents(&corpus.documents, &fresh.documents);

    let note = corpus
        .find(&paths[0].to_string_lossy())
        .expect("user file loaded");
    let note = &corpus.documents[note];
    let targets: Vec<_> = note.citations().filter_map(|c| c.target.clone()).collect();
    assert!(
        targets.iter().any(|t| t == "s-res-242-1967"),
        "resolution 242 (1967) resolves: {targets:?}"
    );
    let res242 = corpus.get("s-res-242-1967").expect("bundled");
    assert!(
        res242.cited_by.contains(&note.id),
        "backlink into the cached document: {:?}",
        res242.cited_by
    );

    // A bundled citation that found nothing before now lands on the user's document.
    let agenda = corpus
        .find("A/RES/70/1")
        .expect("user document with a symbol");
    let agenda_id = corpus.documents[agenda].id.clone();
    let res = corpus.get("a-res-77-338").expect("seed");
    assert!(
        res.citations()
            .any(|c| c.target.as_deref() == Some(agenda_id.as_str())),
        "A/RES/77/338's footnote now resolves"
    );
    assert!(corpus.documents[agenda].cited_by.contains(&res.id));

    // The cache still holds the bundled library alone, as linked among itself.
    let read = cache::read(cache_dir.path()).expect("cache");
    assert_same_documents(&read.documents, &FRESH.documents);
    let res242 = read.get("s-res-242-1967").expect("bundled");
    assert!(!res242.cited_by.contains(&note.id));
}

#[test]
fn user_file_with_a_bundled_id_gets_its_own() {
    let cache_dir = warm_dir();
    let user_dir = tempfile::tempdir().expect("temp dir");
    let path = user_dir.path().join("copy.md");
    fs::write(
        &path,
        "+++\nid = \"s-res-242-1967\"\ntitle = \"Ma copie\"\n+++\n\nTexte.\n",
    )
    .expect("write");
    let corpus = load(std::slice::from_ref(&path), Some(cache_dir.path()));
    assert_same_documents(
        &corpus.documents,
        &Corpus::load(std::slice::from_ref(&path), true).documents,
    );
    let bundled = corpus.get("s-res-242-1967").expect("bundled keeps its id");
    assert!(bundled.path.starts_with("bundled:"));
    assert!(corpus.get("s-res-242-1967-2").is_some());
}

#[test]
fn progress_counts_parsed_documents() {
    let cache_dir = warm_dir();
    let user_dir = tempfile::tempdir().expect("temp dir");
    let paths = user_files(user_dir.path());
    let mut seen = Vec::new();
    cache::load(&paths, true, Some(cache_dir.path()), &mut |p| seen.push(p));
    // Cached documents need no parsing: only the two user files count.
    let last = seen.last().expect("progress reported");
    assert_eq!((last.done, last.total), (2, 2));
    assert_eq!(seen.first().map(|p| p.done), Some(0));

    let empty = tempfile::tempdir().expect("temp dir");
    let mut seen = Vec::new();
    cache::load(&[], true, Some(empty.path()), &mut |p| seen.push(p));
    assert_eq!(seen.len(), FRESH.documents.len() + 1);
    assert!(seen.iter().all(|p| p.total == FRESH.documents.len()));
}

#[test]
fn relinking_redoes_citations_the_cache_had_resolved() {
    // The Astana Declaration cites « Coopération entre l'ONU et l'OCS » du 1er septembre 2023,
    // which the bundled library resolves to A/RES/77/338. A user document of that date with
    // that very title is a better match: linking everything anew must pick it, and give the
    // citation its symbol, exactly as a fresh parse of everything does.
    let cache_dir = warm_dir();
    let user_dir = tempfile::tempdir().expect("temp dir");
    let path = user_dir.path().join("ocs.md");
    fs::write(
        &path,
        "+++\nsymbol = \"A/RES/99/1\"\ntitle = \"Coopération entre l'ONU et l'OCS\"\n\
         date = \"2023-09-01\"\n+++\n\nTexte.\n",
    )
    .expect("write");
    let paths = [path];
    let corpus = load(&paths, Some(cache_dir.path()));
    let fresh = Corpus::load(&paths, true);
    assert_same_documents(&corpus.documents, &fresh.documents);
    let user = corpus.find("A/RES/99/1").expect("user document");
    let user_id = corpus.documents[user].id.clone();
    let astana = corpus.get("astana-declaration-2024").expect("seed");
    let c = astana
        .citations()
        .find(|c| c.target.as_deref() == Some(user_id.as_str()))
        .expect("the title-and-date citation moved to the user document");
    assert_eq!(c.symbol.as_ref().map(|s| s.as_str()), Some("A/RES/99/1"));
}
