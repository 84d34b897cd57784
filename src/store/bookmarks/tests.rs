//! Bookmarks shared by two processes, saved off the input thread, read back from a hostile
//! file, and the temporary files of killed saves.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, SystemTime};

use super::*;

fn mark(document: &str, paragraph: &str) -> Bookmark {
    Bookmark::new(
        document,
        Some("S/RES/242 (1967)"),
        "bundled:assets/library/unsc/S_RES_242_1967.txt",
        paragraph,
        "Affirms that the fulfilment of Charter principles requires the establishment of a just and lasting peace",
    )
}

/// Where a child process of `two_processes_saving_at_once_lose_nothing` saves, and its tag.
const CHILD_FILE: &str = "PLENARY_TEST_BURST_FILE";
const CHILD_TAG: &str = "PLENARY_TEST_BURST_TAG";
const BURST: usize = 25;

/// Run only as a child of the test below: 25 bookmarks, each saved at once, as fast as it can.
#[test]
#[ignore = "run by two_processes_saving_at_once_lose_nothing"]
fn burst_child() {
    let (Ok(file), Ok(tag)) = (std::env::var(CHILD_FILE), std::env::var(CHILD_TAG)) else {
        return;
    };
    let (mut store, warnings) = BookmarkStore::open(file.into());
    assert!(warnings.is_empty(), "{warnings:?}");
    for i in 0..BURST {
        assert!(store.toggle(mark(&tag, &format!("OP{i}"))).expect("saved"));
    }
}

/// Two processes, each saving 25 bookmarks as fast as it can into one file, five times over:
/// every bookmark either said it saved is in the file. Without the lock, 14 to 25 were lost.
#[test]
fn two_processes_saving_at_once_lose_nothing() {
    let exe = std::env::current_exe().expect("test binary");
    for round in 0..5 {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(FILE_NAME);
        let children: Vec<_> = ["a", "b"]
            .iter()
            .map(|tag| {
                Command::new(&exe)
                    .args([
                        "--exact",
                        "store::bookmarks::tests::burst_child",
                        "--ignored",
                        "--quiet",
                    ])
                    .stdout(std::process::Stdio::null())
                    .env(CHILD_FILE, &path)
                    .env(CHILD_TAG, tag)
                    .spawn()
                    .expect("spawn child")
            })
            .collect();
        for mut child in children {
            assert!(child.wait().expect("child ran").success(), "round {round}");
        }
        let (store, warnings) = BookmarkStore::open(path);
        assert!(warnings.is_empty(), "{warnings:?}");
        for tag in ["a", "b"] {
            for i in 0..BURST {
                assert!(
                    store.contains(tag, &format!("OP{i}")),
                    "round {round}: {tag} OP{i} lost"
                );
            }
        }
        assert_eq!(store.bookmarks().len(), 2 * BURST);
    }
}

/// The reader's way: changes wait for the writer, a failed save keeps them and is retried at
/// the next change, and what is confirmed is what the file holds.
#[test]
fn deferred_saves_go_through_the_writer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("config").join(FILE_NAME);
    let (mut store, _) = BookmarkStore::open(path.clone());
    store.defer_saves();
    let mut writer = BookmarkWriter::spawn();
    store.toggle(mark("d", "OP1")).expect("made");
    assert!(
        store.has_unsaved() && !path.exists(),
        "nothing written on the input thread"
    );
    let job = store.take_save_job().expect("a job");
    assert!(store.take_save_job().is_none(), "one save at a time");
    store.toggle(mark("d", "OP2")).expect("made while saving");
    assert!(writer.submit(job).is_none());
    let outcome = loop {
        if let Some(o) = writer.try_outcome() {
            break o;
        }
        std::thread::sleep(Duration::from_millis(1));
    };
    assert!(store.finish_save(outcome).is_none());
    // OP1 is in the file; OP2, made meanwhile, is kept and waits for the next save.
    let (on_disk, _) = BookmarkStore::open(path.clone());
    assert!(on_disk.contains("d", "OP1") && !on_disk.contains("d", "OP2"));
    assert!(store.contains("d", "OP1") && store.contains("d", "OP2") && store.has_unsaved());

    // A failed save gives its changes back; it is retried at the next change, not at once.
    let job = store.take_save_job().expect("a job");
    let failed: SaveOutcome = Err(NotPersisted {
        error: BookmarkError::Save {
            path: path.clone(),
            step: "writing",
            source: std::io::Error::from(std::io::ErrorKind::StorageFull),
        },
        blocks: false,
    });
    drop(job);
    let error = store.finish_save(failed).expect("the error");
    assert_eq!(error.short(), "disk full");
    assert_eq!(store.failure(), Some("disk full"));
    assert!(store.take_save_job().is_none(), "no retry before a change");
    store.toggle(mark("d", "OP3")).expect("made");
    let job = store.take_save_job().expect("retried at the change");
    assert_eq!(job.changes.len(), 2, "OP2 again, then OP3");
    assert!(store.finish_save(job.run()).is_none());
    let (on_disk, _) = BookmarkStore::open(path);
    assert_eq!(on_disk.bookmarks().len(), 3);
    assert!(writer.finish().is_empty());
}

/// Saved text that would drive a terminal is dropped when the file is read and when a note is
/// typed: OSC 0 (window title), CSI 6n (cursor report), BEL, a C1 CSI, a bidi override.
#[test]
fn hostile_text_in_the_file_or_a_note_is_made_safe() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(FILE_NAME);
    let hostile = "A\u{1b}]0;owned\u{7}B\u{1b}[6nC\u{7}\u{9b}2JD\u{202e}E\rF";
    let file = serde_json::json!({"version": 1, "bookmarks": [{
        "document": hostile, "symbol": hostile, "path": hostile, "paragraph": "OP1",
        "fingerprint": "", "excerpt": hostile, "note": hostile, "added": 0
    }]});
    fs::write(&path, file.to_string()).expect("write");
    let (mut store, warnings) = BookmarkStore::open(path);
    assert!(warnings.is_empty(), "{warnings:?}");
    let b = &store.bookmarks()[0];
    for text in [
        &b.document,
        b.symbol.as_ref().expect("symbol"),
        &b.path,
        &b.excerpt,
    ] {
        assert_eq!(text, "ABC2JDE F");
    }
    assert_eq!(b.note, "ABC2JDE\nF");
    store
        .set_note(0, "pasted \u{1b}[31mred\u{9d}")
        .expect("saved");
    assert_eq!(store.bookmarks()[0].note, "pasted red");
}

/// Temporary files of saves killed midway are removed at the next start once they are old;
/// a fresh one (a save in progress elsewhere) and other files are left.
#[test]
fn stale_temporary_files_are_removed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(FILE_NAME);
    let old = SystemTime::now() - Duration::from_secs(3600);
    let make = |name: &str, modified: Option<SystemTime>| {
        let p = dir.path().join(name);
        let f = fs::File::create(&p).expect("create");
        if let Some(m) = modified {
            f.set_modified(m).expect("set mtime");
        }
    };
    make(".bookmarks.json.a1B2c3.tmp", Some(old));
    make(".tmpAbC123", Some(old));
    make(".bookmarks.json.fresh1.tmp", None);
    make("notes.tmp", Some(old));
    let names = |d: &Path| {
        let mut v: Vec<String> = fs::read_dir(d)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    let _ = BookmarkStore::open(path.clone());
    // `.tmpXXXXXX` is taken for ours only in plenary's own config folder.
    assert_eq!(
        names(dir.path()),
        [".bookmarks.json.fresh1.tmp", ".tmpAbC123", "notes.tmp"]
    );
    let _ = BookmarkStore::open_in(path, true);
    assert_eq!(
        names(dir.path()),
        [".bookmarks.json.fresh1.tmp", "notes.tmp"]
    );
}

/// A large file loads with its duplicates dropped, the first entry of each paragraph kept.
#[test]
fn large_file_with_repeats_loads_each_paragraph_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(FILE_NAME);
    let mut list = Vec::new();
    for i in 0..20_000 {
        let mut b = mark(&format!("doc{}", i % 5_000), &format!("OP{}", i / 5_000));
        b.note = format!("entry {i}");
        list.push(b);
    }
    // The first 5,000 again, with other notes: they must lose.
    for i in 0..5_000 {
        let mut b = mark(&format!("doc{i}"), "OP0");
        b.note = "repeat".into();
        list.push(b);
    }
    fs::write(&path, file::render(&list)).expect("write");
    let (store, warnings) = BookmarkStore::open(path);
    assert!(warnings.is_empty());
    assert_eq!(store.bookmarks().len(), 20_000);
    assert_eq!(store.bookmarks()[0].note, "entry 0");
    assert!(store.bookmarks().iter().all(|b| b.note != "repeat"));
    assert!(store.contains("doc4999", "OP3"));
}
