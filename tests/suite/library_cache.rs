//! The library cache: a warm load gives what a fresh load gives (documents, problems, search
//! results), any change to the files makes it stale, and a damaged cache file only costs time.

use crate::common;
use common::assert_same_documents;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use plenary::document::Corpus;
use plenary::search::Indexes;
use plenary::store::LoadRequest;
use plenary::store::library::{self as stored, LibraryCache, SearchableLibrary};

/// A user folder: documents citing each other, a sidecar, a Markdown file with front matter,
/// a binary file and an empty one (two problems to report), all dated an hour back so that the
/// cache trusts their stamps.
fn library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    fs::create_dir(root.join("sub")).expect("mkdir");
    fs::write(
        root.join("a.txt"),
        "Résolution 71/14\n\nL'Assemblée générale,\n\nRappelant sa résolution 70/1 du 25 septembre 2015,\n\n\
         1. Prie le Secrétaire général de coopérer avec l’Organisation de Shanghai pour la coopération ;\n\n\
         2. Décide de rester saisie de la question.\n",
    )
    .expect("write");
    fs::write(
        root.join("a.toml"),
        "symbol = \"A/RES/71/14\"\ndate = \"2016-12-05\"\n",
    )
    .expect("write");
    fs::write(
        root.join("sub").join("b.md"),
        "+++\nsymbol = \"A/RES/70/1\"\ntitle = \"Transformer notre monde\"\ndate = \"2015-09-25\"\n+++\n\n\
         L'Assemblée générale,\n\nAdopte le document final du sommet.\n\nCoopération et résolution des conflits.\n",
    )
    .expect("write");
    fs::write(root.join("sub").join("binary.txt"), b"abc\0def").expect("write");
    fs::write(root.join("empty.txt"), "  \n").expect("write");
    age_all(root);
    dir
}

/// Sets every file's modification time an hour back (the cache does not store a library with a
/// file written in the last two seconds: its stamp could not show a second write).
fn age_all(dir: &Path) {
    let then = SystemTime::now() - Duration::from_secs(3600);
    for entry in fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            age_all(&path);
        } else {
            let file = fs::File::options().write(true).open(&path).expect("open");
            file.set_modified(then).expect("set mtime");
        }
    }
}

fn request(paths: &[PathBuf], cache: &Path) -> LoadRequest {
    LoadRequest {
        paths: paths.to_vec(),
        bundled: false,
        cache_dir: Some(cache.to_path_buf()),
    }
}

/// A load the way the reader's loader does it: from the cache, or from the files then stored.
fn load(request: &LoadRequest) -> (Corpus, Indexes, bool) {
    let loaded = stored::load(request, true, &mut |_| {});
    match loaded.indexes {
        Some(indexes) => (loaded.corpus, indexes, true),
        None => {
            let indexes = Indexes::build(&loaded.corpus);
            if let Some(to_store) = &loaded.to_store {
                to_store.store(&loaded.corpus, &indexes);
            }
            (loaded.corpus, indexes, false)
        }
    }
}

fn messages(corpus: &Corpus) -> Vec<String> {
    corpus.errors.iter().map(ToString::to_string).collect()
}

const QUERIES: [&str; 5] = [
    "resolution",
    "cooperation shanghai",
    "cooprtion",
    "70/1",
    "zzqxv",
];

#[test]
fn warm_load_equals_a_fresh_load() {
    let lib = library();
    let cache = tempfile::tempdir().expect("temp dir");
    // A missing path and a dangling link: problems the scan finds, not the reading.
    #[cfg(unix)]
    std::os::unix::fs::symlink(lib.path().join("gone.txt"), lib.path().join("link.txt"))
        .expect("symlink");
    let missing = lib.path().join("nowhere.txt");
    let req = request(&[lib.path().to_path_buf(), missing], cache.path());
    let fresh = Corpus::load(&req.paths, false);
    assert_eq!(fresh.documents.len(), 2);
    let problems = if cfg!(unix) { 4 } else { 3 };
    assert_eq!(fresh.errors.len(), problems, "{:?}", messages(&fresh));
    let fresh_indexes = Indexes::build(&fresh);

    let (cold, _, from_cache) = load(&req);
    assert!(!from_cache, "nothing was cached yet");
    let file = LibraryCache::for_request(&req)
        .expect("cache folder")
        .path()
        .to_path_buf();
    assert!(file.exists(), "a cold load with indexes writes the cache");

    let (warm, indexes, from_cache) = load(&req);
    assert!(from_cache, "the second load reads the cache");
    assert_same_documents(&warm.documents, &fresh.documents);
    assert_same_documents(&cold.documents, &fresh.documents);
    assert_eq!(
        messages(&warm),
        messages(&fresh),
        "the same problems, told again"
    );
    assert_eq!(
        warm.errors
            .iter()
            .map(|e| e.is_warning())
            .collect::<Vec<_>>(),
        fresh
            .errors
            .iter()
            .map(|e| e.is_warning())
            .collect::<Vec<_>>()
    );
    // Backlinks came through: b (A/RES/70/1) is cited by a.
    let b = warm.find("A/RES/70/1").expect("b");
    assert_eq!(warm.documents[b].cited_by, fresh.documents[b].cited_by);
    assert!(!warm.documents[b].cited_by.is_empty());
    for q in QUERIES {
        assert_eq!(
            indexes.paragraphs.search(q, None, 50),
            fresh_indexes.paragraphs.search(q, None, 50),
            "paragraphs for {q:?}"
        );
        assert_eq!(
            indexes.documents.search(q, None, 50),
            fresh_indexes.documents.search(q, None, 50),
            "documents for {q:?}"
        );
    }
    assert!(
        !indexes
            .paragraphs
            .search("cooperation shanghai", None, 5)
            .is_empty()
    );

    // The search path reads the index and only the documents it needs.
    let searchable = SearchableLibrary::open(&req).expect("a valid cache opens");
    let errors: Vec<String> = searchable
        .errors()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(errors, messages(&fresh));
    for q in QUERIES {
        assert_eq!(
            searchable.paragraphs.search(q, None, 50),
            fresh_indexes.paragraphs.search(q, None, 50)
        );
    }
    for (i, d) in fresh.documents.iter().enumerate() {
        assert!(searchable.document(i).as_ref() == Some(d), "document {i}");
    }
    assert!(searchable.document(fresh.documents.len()).is_none());
}

/// Loads, changes the library with `change`, loads again: the second load must not come from the
/// cache, and must equal a fresh load of the changed files.
fn assert_change_is_seen(change: impl FnOnce(&Path)) {
    let lib = library();
    let cache = tempfile::tempdir().expect("temp dir");
    let req = request(&[lib.path().to_path_buf()], cache.path());
    load(&req);
    assert!(load(&req).2, "cached before the change");
    change(lib.path());
    let fresh = Corpus::load(&req.paths, false);
    let (after, indexes, from_cache) = load(&req);
    assert!(!from_cache, "a changed library is not read from the cache");
    assert_same_documents(&after.documents, &fresh.documents);
    assert_eq!(messages(&after), messages(&fresh));
    let fresh_indexes = Indexes::build(&fresh);
    for q in QUERIES {
        assert_eq!(
            indexes.paragraphs.search(q, None, 50),
            fresh_indexes.paragraphs.search(q, None, 50)
        );
    }
    // The load after the change stored the new state, unless a file's time is within the last
    // 2 s (not trusted yet); then the next load once it has settled does. Either way the cache
    // that searches read is the new state, never the old.
    let stored = match SearchableLibrary::open(&req) {
        Some(stored) => stored,
        None => {
            std::thread::sleep(Duration::from_millis(2100));
            assert!(!load(&req).2, "still read from the files");
            SearchableLibrary::open(&req).expect("stored once settled")
        }
    };
    for q in QUERIES {
        assert_eq!(
            stored.paragraphs.search(q, None, 50),
            fresh_indexes.paragraphs.search(q, None, 50),
            "{q}"
        );
    }
}

fn rewrite(path: &Path, text: &str, age: bool) {
    fs::write(path, text).expect("write");
    if age {
        let file = fs::File::options().write(true).open(path).expect("open");
        file.set_modified(SystemTime::now() - Duration::from_secs(60))
            .expect("mtime");
    }
}

#[test]
fn an_edited_file_is_seen() {
    assert_change_is_seen(|root| {
        rewrite(
            &root.join("a.txt"),
            "Un texte tout autre sur la paix.\n",
            true,
        );
    });
}

#[test]
fn an_edit_of_the_same_size_is_seen_by_its_time() {
    assert_change_is_seen(|root| {
        let path = root.join("a.txt");
        let text = fs::read_to_string(&path)
            .expect("read")
            .replace("Shanghai", "Shangxai");
        rewrite(&path, &text, true);
    });
}

#[test]
fn a_file_written_just_now_is_seen_and_not_cached() {
    assert_change_is_seen(|root| {
        rewrite(
            &root.join("new.txt"),
            "Nouvelle résolution sur la coopération.\n",
            false,
        );
    });
}

#[test]
fn added_removed_and_renamed_files_are_seen() {
    assert_change_is_seen(|root| {
        rewrite(
            &root.join("sub").join("c.txt"),
            "Coopération régionale.\n",
            true,
        );
    });
    assert_change_is_seen(|root| fs::remove_file(root.join("sub").join("b.md")).expect("rm"));
    assert_change_is_seen(|root| {
        fs::rename(root.join("a.txt"), root.join("z.txt")).expect("mv");
    });
}

#[test]
fn a_changed_sidecar_or_a_fixed_problem_is_seen() {
    assert_change_is_seen(|root| {
        rewrite(&root.join("a.toml"), "symbol = \"A/RES/71/15\"\n", true);
    });
    assert_change_is_seen(|root| fs::remove_file(root.join("a.toml")).expect("rm"));
    assert_change_is_seen(|root| {
        rewrite(&root.join("empty.txt"), "Désormais un document.\n", true);
    });
}

#[test]
fn another_set_of_paths_has_its_own_cache() {
    let lib = library();
    let cache = tempfile::tempdir().expect("temp dir");
    let whole = request(&[lib.path().to_path_buf()], cache.path());
    let one = request(&[lib.path().join("a.txt")], cache.path());
    load(&whole);
    load(&one);
    let (corpus, _, from_cache) = load(&one);
    assert!(from_cache);
    assert_eq!(corpus.documents.len(), 1);
    let (corpus, _, from_cache) = load(&whole);
    assert!(from_cache);
    assert_eq!(corpus.documents.len(), 2);
    // The same folder named another way is another library (its documents show their paths as
    // given), cached apart.
    let dotted = request(&[lib.path().join("sub").join("..")], cache.path());
    assert!(!load(&dotted).2);
    let (corpus, _, from_cache) = load(&dotted);
    assert!(from_cache);
    assert!(
        corpus.documents[0].path.contains("sub/.."),
        "{}",
        corpus.documents[0].path
    );
    assert!(load(&whole).2, "the other spelling kept its cache");
}

#[test]
fn a_damaged_cache_file_only_costs_a_reload() {
    let lib = library();
    let cache = tempfile::tempdir().expect("temp dir");
    let req = request(&[lib.path().to_path_buf()], cache.path());
    let fresh = Corpus::load(&req.paths, false);
    load(&req);
    let file = LibraryCache::for_request(&req)
        .expect("cache")
        .path()
        .to_path_buf();
    let good = fs::read(&file).expect("read cache");
    let len = good.len();
    // The key, the fingerprint, each section: a flipped byte anywhere, or a cut, is refused.
    let mut damages: Vec<Vec<u8>> = (0..40)
        .map(|k| {
            let mut bytes = good.clone();
            bytes[k * len / 40] ^= 0x5a;
            bytes
        })
        .collect();
    damages.push(good[..len / 2].to_vec());
    damages.push(good[..len - 1].to_vec());
    damages.push(Vec::new());
    for (k, bytes) in damages.iter().enumerate() {
        fs::write(&file, bytes).expect("damage");
        let (corpus, indexes, _) = load(&req);
        assert_same_documents(&corpus.documents, &fresh.documents);
        assert_eq!(
            indexes.paragraphs.search("cooperation", None, 9),
            Indexes::build(&fresh)
                .paragraphs
                .search("cooperation", None, 9),
            "damage {k}"
        );
        fs::write(&file, bytes).expect("damage");
        // The search path either refuses the file or, when the damage is in a document it does
        // not read, answers from the intact index.
        if let Some(s) = SearchableLibrary::open(&req) {
            let hits = s.paragraphs.search("cooperation", None, 9);
            assert_eq!(
                hits,
                Indexes::build(&fresh)
                    .paragraphs
                    .search("cooperation", None, 9)
            );
        }
    }
}

#[test]
fn old_cache_files_are_pruned() {
    let cache = tempfile::tempdir().expect("temp dir");
    let libs: Vec<_> = (0..9).map(|_| library()).collect();
    for lib in &libs {
        load(&request(&[lib.path().to_path_buf()], cache.path()));
    }
    let files = fs::read_dir(cache.path())
        .expect("read")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("library-"))
        .count();
    // The design keeps six: the last six written, which load from the cache (reading one
    // writes nothing), while the first three were pruned.
    assert_eq!(files, 6, "library cache files kept");
    for (i, lib) in libs.iter().enumerate().rev() {
        let hit = load(&request(&[lib.path().to_path_buf()], cache.path())).2;
        assert_eq!(hit, i >= 3, "library {i}");
        if !hit {
            break;
        }
    }
}

#[test]
fn no_cache_folder_loads_from_the_files() {
    let lib = library();
    let req = LoadRequest {
        paths: vec![lib.path().to_path_buf()],
        bundled: false,
        cache_dir: None,
    };
    let (corpus, _, from_cache) = load(&req);
    assert!(!from_cache);
    assert_eq!(corpus.documents.len(), 2);
    assert!(SearchableLibrary::open(&req).is_none());
}

/// `plenary search` as a process: the cold run (which writes the cache) and the warm one print
/// the same rows and the same problems, as does a run whose cached documents are damaged.
#[test]
fn search_command_answers_the_same_warm_and_cold() {
    let lib = library();
    let cache = tempfile::tempdir().expect("temp dir");
    let run = |query: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_plenary"))
            .arg("--no-bundled")
            .arg(lib.path())
            .args(["search", query, "--json"])
            .env("PLENARY_CACHE_DIR", cache.path())
            .output()
            .expect("run plenary");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let req = request(&[lib.path().to_path_buf()], cache.path());
    let file = LibraryCache::for_request(&req)
        .expect("cache")
        .path()
        .to_path_buf();
    let cold = run("cooperation");
    assert_eq!(cold.0, Some(0), "{cold:?}");
    assert!(cold.1.contains("Shanghai"), "{}", cold.1);
    assert!(
        cold.2.contains("binary file"),
        "problems are told: {}",
        cold.2
    );
    assert!(file.exists(), "the cold search leaves the cache");
    assert_eq!(run("cooperation"), cold, "warm = cold");
    assert_eq!(run("zzqxv").0, Some(1), "no match exits 1, warm too");

    // Damage the last bytes (the documents): the search still answers, from the files.
    let mut bytes = fs::read(&file).expect("read");
    let n = bytes.len();
    for b in &mut bytes[n - 200..] {
        *b ^= 0x33;
    }
    fs::write(&file, &bytes).expect("damage");
    assert_eq!(run("cooperation"), cold, "damaged cache = cold");
}

#[test]
fn abandoned_temporary_files_are_removed() {
    let lib = library();
    let cache = tempfile::tempdir().expect("temp dir");
    let old = cache.path().join(".plenary-library-ABC123");
    let fresh = cache.path().join(".plenary-library-DEF456");
    let not_ours = cache.path().join(".tmpGHI789");
    let two_hours_ago = SystemTime::now() - Duration::from_secs(7200);
    for path in [&old, &fresh, &not_ours] {
        fs::write(path, "half a cache").expect("write");
    }
    for path in [&old, &not_ours] {
        fs::File::options()
            .write(true)
            .open(path)
            .expect("open")
            .set_modified(two_hours_ago)
            .expect("mtime");
    }
    load(&request(&[lib.path().to_path_buf()], cache.path()));
    assert!(!old.exists(), "left by a process that ended mid-write");
    assert!(fresh.exists(), "maybe another process writing now");
    assert!(
        not_ours.exists(),
        "another program's file in a shared cache folder"
    );
}

/// `cp -p`, `tar x` and `rsync -t` give a file back its old modification time: a same-size edit
/// with the old time restored is still seen (by its change time and inode).
#[cfg(unix)]
#[test]
fn an_edit_with_its_old_time_restored_is_seen() {
    assert_change_is_seen(|root| {
        let path = root.join("a.txt");
        let before = fs::metadata(&path)
            .expect("stat")
            .modified()
            .expect("mtime");
        let text = fs::read_to_string(&path)
            .expect("read")
            .replace("Shanghai", "Shangxai");
        fs::write(&path, text).expect("write");
        let file = fs::File::options().write(true).open(&path).expect("open");
        file.set_modified(before).expect("restore mtime");
        assert_eq!(
            fs::metadata(&path).expect("stat").modified().ok(),
            Some(before)
        );
    });
}

/// A path given twice, a file inside a folder also given, a second link to a file: each file is
/// one document, reached the first way.
#[cfg(unix)]
#[test]
fn a_file_reached_twice_is_one_document() {
    let lib = library();
    std::os::unix::fs::symlink(
        lib.path().join("a.txt"),
        lib.path().join("sub").join("again.txt"),
    )
    .expect("symlink");
    let once = Corpus::load(&[lib.path().to_path_buf()], false);
    assert_eq!(once.documents.len(), 2, "the link is the same file");
    let a = lib.path().join("a.txt");
    let twice = Corpus::load(
        &[
            a.clone(),
            lib.path().to_path_buf(),
            lib.path().to_path_buf(),
        ],
        false,
    );
    assert_eq!(twice.documents.len(), 2);
    assert_eq!(
        twice.documents[0].collection, "Local",
        "first reached on its own"
    );
    assert_eq!(messages(&twice), messages(&once), "problems told once");
}

/// Something other than a file where the cache file should be (a FIFO would block an open)
/// is not a cache: the library loads from its files, at once.
#[cfg(unix)]
#[test]
fn a_fifo_in_place_of_the_cache_does_not_block() {
    let lib = library();
    let cache = tempfile::tempdir().expect("temp dir");
    let req = request(&[lib.path().to_path_buf()], cache.path());
    let file = LibraryCache::for_request(&req)
        .expect("cache")
        .path()
        .to_path_buf();
    let name = std::ffi::CString::new(file.as_os_str().as_encoded_bytes()).expect("no NUL");
    // SAFETY: mkfifo is given a valid NUL-terminated path.
    #[allow(unsafe_code)]
    let made = unsafe { libc::mkfifo(name.as_ptr(), 0o600) };
    assert_eq!(made, 0, "mkfifo {file:?}");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let loaded = stored::load(&req, true, &mut |_| {});
        let _ = tx.send(loaded.corpus.documents.len());
    });
    let documents = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("loading must not wait on the FIFO");
    assert_eq!(documents, 2);
}

/// `list`, `show` and `cites` on the user's files leave the cache for the next command; `show` of
/// a file named only for that command does not.
#[test]
fn list_leaves_the_cache_and_show_of_a_loose_file_does_not() {
    let lib = library();
    let cache = tempfile::tempdir().expect("temp dir");
    let run = |args: &[&std::ffi::OsStr]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_plenary"))
            .arg("--no-bundled")
            .args(args)
            .env("PLENARY_CACHE_DIR", cache.path())
            .output()
            .expect("run plenary");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let caches = || {
        fs::read_dir(cache.path())
            .expect("read")
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with("library-"))
            .count()
    };
    let loose = lib.path().join("sub").join("b.md");
    let shown = run(&["show".as_ref(), loose.as_os_str()]);
    assert!(shown.contains("Transformer notre monde"), "{shown}");
    assert_eq!(caches(), 0, "a file named for one show is not a library");
    let listed = run(&[lib.path().as_os_str(), "list".as_ref()]);
    assert!(listed.contains("A/RES/70/1"), "{listed}");
    assert_eq!(caches(), 1, "list leaves the cache");
    let req = request(&[lib.path().to_path_buf()], cache.path());
    assert!(load(&req).2, "and it is the library's");
    assert_eq!(run(&[lib.path().as_os_str(), "list".as_ref()]), listed);
}
