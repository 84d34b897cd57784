//! Bookmarks: the file on disk, its failure modes, merging two sessions, finding paragraphs again.

use std::fs;
use std::path::{Path, PathBuf};

use plenary::store::bookmarks::{
    Bookmark, BookmarkError, BookmarkStore, fingerprint, format_date, relocate,
};
use plenary::store::config::config_dir_from;

const OP2: &str = "Prie le Secrétaire général de lui présenter, à sa soixante-dix-huitième session, un rapport sur l’application de la présente résolution¹;";
const PP3: &str = "Rappelant sa résolution 75/1 du 21 septembre 2020, intitulée « Déclaration faite à l’occasion de la célébration du soixante-quinzième anniversaire de l’Organisation des Nations Unies »,";

fn mark(document: &str, paragraph: &str, text: &str) -> Bookmark {
    Bookmark::new(
        document,
        Some("A/RES/77/1"),
        "bundled:seeds/a-res-77-1.txt",
        paragraph,
        text,
    )
}

fn file_in(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("bookmarks.json")
}

/// Parses the file as the format says it must be, failing the test otherwise.
fn on_disk(path: &Path) -> Vec<(String, String, String)> {
    let text = fs::read_to_string(path).expect("bookmarks file readable");
    let value: serde_json::Value = serde_json::from_str(&text).expect("bookmarks file is JSON");
    assert_eq!(value["version"], 1, "{text}");
    value["bookmarks"]
        .as_array()
        .expect("bookmarks is an array")
        .iter()
        .map(|b| {
            (
                b["document"].as_str().unwrap_or_default().to_string(),
                b["paragraph"].as_str().unwrap_or_default().to_string(),
                b["note"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("list dir")
        .map(|e| {
            e.expect("dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// Whether the OS stops us writing into `dir` (it does not for root).
fn writes_refused(dir: &Path) -> bool {
    let probe = dir.join("probe");
    match fs::File::create(&probe) {
        Ok(_) => {
            let _ = fs::remove_file(&probe);
            false
        }
        Err(_) => true,
    }
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod");
}

fn kept_aside(dir: &Path) -> Vec<String> {
    names_in(dir)
        .into_iter()
        .filter(|n| n.starts_with("bookmarks.json.corrupt-"))
        .collect()
}

fn assert_timestamp_name(name: &str) {
    let stamp = name
        .strip_prefix("bookmarks.json.corrupt-")
        .expect("kept-aside prefix");
    let stamp: u64 = stamp.parse().expect("unix timestamp suffix");
    // After 2020-01-01: a real clock reading, not a placeholder.
    assert!(stamp > 1_577_836_800, "{name}");
}

#[test]
fn round_trip_keeps_every_field() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = file_in(&dir);
    let (mut store, warnings) = BookmarkStore::open(path.clone());
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(store.bookmarks().is_empty());
    assert_eq!(store.path(), Some(path.as_path()));

    assert!(store.toggle(mark("a-res-77-1", "OP2", OP2)).expect("save"));
    assert!(store.toggle(mark("a-res-77-1", "PP3", PP3)).expect("save"));
    store
        .set_note(1, "à citer dans la note\nligne deux")
        .expect("save");

    let (reopened, warnings) = BookmarkStore::open(path);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(reopened.bookmarks(), store.bookmarks());
    let b = &reopened.bookmarks()[1];
    assert_eq!(b.paragraph, "PP3");
    assert_eq!(b.symbol.as_deref(), Some("A/RES/77/1"));
    assert_eq!(b.path, "bundled:seeds/a-res-77-1.txt");
    assert_eq!(b.note, "à citer dans la note\nligne deux");
    assert_eq!(b.fingerprint, fingerprint(PP3));
    assert!(b.added > 1_577_836_800);
}

#[test]
fn toggle_adds_then_removes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = file_in(&dir);
    let (mut store, _) = BookmarkStore::open(path.clone());

    assert!(store.toggle(mark("d", "OP2", OP2)).expect("save"));
    assert!(store.contains("d", "OP2"));
    assert!(!store.contains("d", "OP3"));
    assert!(!store.contains("other", "OP2"));
    assert_eq!(on_disk(&path).len(), 1);

    // Toggling the same paragraph again (even with other text) removes it.
    assert!(!store.toggle(mark("d", "OP2", "changed")).expect("save"));
    assert!(!store.contains("d", "OP2"));
    assert!(store.bookmarks().is_empty());
    assert!(on_disk(&path).is_empty());
}

#[test]
fn notes_are_saved_and_bad_index_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = file_in(&dir);
    let (mut store, _) = BookmarkStore::open(path.clone());
    store.toggle(mark("d", "OP2", OP2)).expect("save");
    store.set_note(0, "voir aussi 75/1").expect("save");
    assert_eq!(store.bookmarks()[0].note, "voir aussi 75/1");
    assert_eq!(on_disk(&path)[0].2, "voir aussi 75/1");

    let err = store.set_note(3, "x").expect_err("no bookmark 3");
    assert!(matches!(
        err,
        BookmarkError::NoSuchBookmark {
            index: 3,
            len: 1,
            ..
        }
    ));
    let line = err.to_string();
    assert!(!line.contains('\n'));
    assert!(line.contains(&path.display().to_string()), "{line}");
    assert!(store.remove(1).is_err());

    store.remove(0).expect("save");
    assert!(store.bookmarks().is_empty());
    assert!(on_disk(&path).is_empty());
}

#[test]
fn every_write_leaves_valid_json_and_no_temporary_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    // The config folder does not exist yet: the first save creates it.
    let folder = dir.path().join("nested").join("plenary");
    let path = folder.join("bookmarks.json");
    let (mut store, warnings) = BookmarkStore::open(path.clone());
    assert!(warnings.is_empty());
    assert!(!folder.exists(), "opening must not create anything");

    let check = |expected: usize| {
        assert_eq!(on_disk(&path).len(), expected);
        // The file and its lock, which stays (an empty file): no temporary file is left.
        assert_eq!(
            names_in(&folder),
            vec![
                "bookmarks.json".to_string(),
                "bookmarks.json.lock".to_string()
            ]
        );
    };
    store
        .toggle(mark("d", "OP1", "Décide de proclamer"))
        .expect("save");
    check(1);
    store.toggle(mark("d", "OP2", OP2)).expect("save");
    check(2);
    store
        .set_note(0, "note \"entre guillemets\" et \\ barre")
        .expect("save");
    check(2);
    store.remove(1).expect("save");
    check(1);
    store.toggle(mark("d", "OP1", "")).expect("save");
    check(0);
}

#[test]
fn corrupt_file_is_kept_aside_with_its_bytes_and_the_store_starts_empty() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = file_in(&dir);
    let original =
        b"{\"version\": 1, \"bookmarks\": [ {\"document\": \"d\", \"paragraph\": \"OP1\"".to_vec();
    fs::write(&path, &original).expect("write corrupt file");

    let (mut store, warnings) = BookmarkStore::open(path.clone());
    assert!(store.bookmarks().is_empty());
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let aside = kept_aside(dir.path());
    assert_eq!(aside.len(), 1, "{:?}", names_in(dir.path()));
    assert_timestamp_name(&aside[0]);
    let aside_path = dir.path().join(&aside[0]);
    assert_eq!(fs::read(&aside_path).expect("read kept file"), original);
    assert!(!path.exists());
    let warning = &warnings[0];
    assert!(!warning.contains('\n'));
    assert!(warning.contains(&path.display().to_string()), "{warning}");
    assert!(
        warning.contains(&aside_path.display().to_string()),
        "{warning}"
    );

    // Usable at once, and the kept file is never touched again.
    assert!(store.toggle(mark("d", "OP2", OP2)).expect("save"));
    assert_eq!(on_disk(&path).len(), 1);
    assert_eq!(fs::read(&aside_path).expect("read kept file"), original);
}

#[test]
fn wrong_shapes_are_kept_aside_too() {
    for text in [
        "[1, 2, 3]",
        "{\"bookmarks\": []}",
        "{\"version\": 1, \"bookmarks\": {\"a\": 1}}",
        "{\"version\": 1, \"bookmarks\": [{\"note\": \"no document\"}]}",
        "{\"version\": \"1\", \"bookmarks\": []}",
    ] {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = file_in(&dir);
        fs::write(&path, text).expect("write");
        let (store, warnings) = BookmarkStore::open(path.clone());
        assert!(store.bookmarks().is_empty());
        assert_eq!(warnings.len(), 1, "{text}: {warnings:?}");
        let aside = kept_aside(dir.path());
        assert_eq!(aside.len(), 1, "{text}");
        assert_eq!(
            fs::read_to_string(dir.path().join(&aside[0])).expect("read"),
            text
        );
    }
}

#[test]
fn file_that_is_not_utf8_is_kept_aside() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = file_in(&dir);
    // "version" in UTF-16LE with a byte order mark: not UTF-8.
    let original: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("{\"version\": 1}".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    fs::write(&path, &original).expect("write");

    let (mut store, warnings) = BookmarkStore::open(path.clone());
    assert!(store.bookmarks().is_empty());
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].contains("UTF-8"), "{}", warnings[0]);
    let aside = kept_aside(dir.path());
    assert_eq!(aside.len(), 1);
    assert_eq!(
        fs::read(dir.path().join(&aside[0])).expect("read"),
        original
    );
    store.toggle(mark("d", "OP2", OP2)).expect("save");
    assert_eq!(on_disk(&path).len(), 1);
}

#[test]
fn unreadable_file_is_kept_aside() {
    // A folder where the file should be cannot be read, even by root.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = file_in(&dir);
    fs::create_dir(&path).expect("mkdir");
    fs::write(path.join("inside"), "keep me").expect("write");
    let (mut store, warnings) = BookmarkStore::open(path.clone());
    assert!(store.bookmarks().is_empty());
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].contains("could not be read"), "{}", warnings[0]);
    let aside = kept_aside(dir.path());
    assert_eq!(aside.len(), 1);
    assert_eq!(
        fs::read_to_string(dir.path().join(&aside[0]).join("inside")).expect("read"),
        "keep me"
    );
    store.toggle(mark("d", "OP2", OP2)).expect("save");
    assert_eq!(on_disk(&path).len(), 1);

    // A file without read permission (only meaningful when not root).
    let dir = tempfile::tempdir().expect("tempdir");
    let path = file_in(&dir);
    fs::write(&path, "{\"version\": 1, \"bookmarks\": []}").expect("write");
    set_mode(&path, 0o000);
    let refused = fs::read(&path).is_err();
    let (store, warnings) = BookmarkStore::open(path.clone());
    assert!(store.bookmarks().is_empty());
    if refused {
        assert_eq!(warnings.len(), 1);
        let aside = kept_aside(dir.path());
        assert_eq!(aside.len(), 1);
        let aside_path = dir.path().join(&aside[0]);
        set_mode(&aside_path, 0o600);
        assert_eq!(
            fs::read_to_string(aside_path).expect("read"),
            "{\"version\": 1, \"bookmarks\": []}"
        );
    } else {
        assert!(warnings.is_empty(), "{warnings:?}");
        assert!(kept_aside(dir.path()).is_empty());
    }
}

#[test]
fn corrupt_file_that_cannot_be_moved_is_left_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = file_in(&dir);
    fs::write(&path, "not json at all").expect("write");
    set_mode(dir.path(), 0o555);
    let refused = writes_refused(dir.path());

    let (mut store, warnings) = BookmarkStore::open(path.clone());
    let result = store.toggle(mark("d", "OP2", OP2));
    // Kept in memory whatever happened on disk.
    assert!(store.contains("d", "OP2"));
    set_mode(dir.path(), 0o755);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    if refused {
        assert!(warnings[0].contains("left untouched"), "{}", warnings[0]);
        assert!(matches!(result, Err(BookmarkError::Blocked { .. })));
        assert_eq!(fs::read_to_string(&path).expect("read"), "not json at all");
        assert!(kept_aside(dir.path()).is_empty());
    } else {
        // Root moved it aside: the bytes must be in the kept file.
        let aside = kept_aside(dir.path());
        assert_eq!(aside.len(), 1);
        assert_eq!(
            fs::read_to_string(dir.path().join(&aside[0])).expect("read"),
            "not json at all"
        );
        assert!(result.expect("root can save"));
    }
}

#[test]
fn newer_format_is_never_overwritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = file_in(&dir);
    let newer = "{\"version\": 2, \"bookmarks\": [], \"folders\": []}";
    fs::write(&path, newer).expect("write");

    let (mut store, warnings) = BookmarkStore::open(path.clone());
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].contains("newer"), "{}", warnings[0]);
    assert!(store.bookmarks().is_empty());

    let err = store
        .toggle(mark("d", "OP2", OP2))
        .expect_err("must refuse");
    assert!(matches!(err, BookmarkError::Blocked { .. }));
    let line = err.to_string();
    assert!(
        !line.contains('\n') && line.contains(&path.display().to_string()),
        "{line}"
    );
    assert!(store.contains("d", "OP2"), "kept in memory");
    assert!(store.set_note(0, "n").is_err());
    assert_eq!(store.bookmarks()[0].note, "n");
    assert_eq!(fs::read_to_string(&path).expect("read"), newer);
    assert!(kept_aside(dir.path()).is_empty());
}

#[test]
fn read_only_folder_keeps_changes_in_memory_and_reports_each_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = file_in(&dir);
    {
        let (mut store, _) = BookmarkStore::open(path.clone());
        store.toggle(mark("d", "PP3", PP3)).expect("save");
    }
    set_mode(dir.path(), 0o555);
    let refused = writes_refused(dir.path());

    let (mut store, warnings) = BookmarkStore::open(path.clone());
    assert!(warnings.is_empty(), "reading works in a read-only folder");
    assert_eq!(store.bookmarks().len(), 1);
    let first = store.toggle(mark("d", "OP2", OP2));
    let second = store.set_note(0, "gardé");
    let names = names_in(dir.path());
    set_mode(dir.path(), 0o755);

    // Nothing is lost in memory either way.
    assert!(store.contains("d", "PP3") && store.contains("d", "OP2"));
    assert_eq!(store.bookmarks()[0].note, "gardé");
    if refused {
        for result in [first.map(|_| ()), second] {
            let err = result.expect_err("read-only folder");
            assert!(matches!(err, BookmarkError::Save { .. }), "{err:?}");
            let line = err.to_string();
            assert!(!line.contains('\n'));
            assert!(line.contains(&path.display().to_string()), "{line}");
        }
        // The file is as it was, and no temporary file was left.
        assert_eq!(on_disk(&path).len(), 1);
        assert_eq!(names, vec!["bookmarks.json".to_string()]);
        // Once the folder is writable again, the next change saves everything.
        store
            .toggle(mark("d", "OP5", "Décide de rester saisi"))
            .expect("save");
        assert_eq!(on_disk(&path).len(), 3);
    } else {
        assert!(first.expect("root saves"));
        second.expect("root saves");
        let saved = on_disk(&path);
        assert_eq!(saved.len(), 2);
        assert_eq!(saved[0].2, "gardé");
    }
}

#[test]
fn folder_that_cannot_be_created_is_reported_and_retried() {
    // A regular file stands where the config folder should be: this fails even for root.
    let dir = tempfile::tempdir().expect("tempdir");
    let blocker = dir.path().join("plenary");
    fs::write(&blocker, "a file").expect("write");
    let path = blocker.join("bookmarks.json");

    let (mut store, warnings) = BookmarkStore::open(path.clone());
    assert!(warnings.is_empty(), "{warnings:?}");
    let err = store
        .toggle(mark("d", "OP2", OP2))
        .expect_err("cannot save");
    assert!(matches!(err, BookmarkError::Save { .. }));
    let line = err.to_string();
    assert!(
        !line.contains('\n') && line.contains(&path.display().to_string()),
        "{line}"
    );
    assert!(store.contains("d", "OP2"));
    assert!(
        store.toggle(mark("d", "OP3", PP3)).is_err(),
        "retried, fails again"
    );

    fs::remove_file(&blocker).expect("remove blocker");
    store.toggle(mark("d", "OP4", "Souligne")).expect("save");
    let saved = on_disk(&path);
    let ids: Vec<&str> = saved.iter().map(|(_, p, _)| p.as_str()).collect();
    assert_eq!(ids, ["OP2", "OP3", "OP4"]);
}

#[test]
fn two_sessions_adding_keep_both() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = file_in(&dir);
    let (mut a, _) = BookmarkStore::open(path.clone());
    let (mut b, _) = BookmarkStore::open(path.clone());
    a.toggle(mark("d", "OP1", "Décide")).expect("save");
    b.toggle(mark("d", "OP2", OP2)).expect("save");
    // The later writer sees the earlier one's bookmark after saving.
    assert!(b.contains("d", "OP1"));

    let (c, _) = BookmarkStore::open(path.clone());
    assert!(c.contains("d", "OP1") && c.contains("d", "OP2"));
    assert_eq!(c.bookmarks().len(), 2);

    // Both adding the same paragraph leaves one bookmark.
    a.toggle(mark("e", "PP1", PP3)).expect("save");
    b.toggle(mark("e", "PP1", PP3)).expect("save");
    let (c, _) = BookmarkStore::open(path);
    assert_eq!(c.bookmarks().len(), 3);
}

#[test]
fn delete_in_one_session_sticks_while_the_other_adds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = file_in(&dir);
    {
        let (mut setup, _) = BookmarkStore::open(path.clone());
        setup.toggle(mark("d", "PP3", PP3)).expect("save");
        setup.toggle(mark("d", "OP1", "Décide")).expect("save");
    }
    let (mut a, _) = BookmarkStore::open(path.clone());
    let (mut b, _) = BookmarkStore::open(path.clone());
    a.remove(0).expect("save"); // PP3
    b.toggle(mark("d", "OP2", OP2)).expect("save");
    assert!(
        !b.contains("d", "PP3"),
        "b adopts a's deletion when it saves"
    );

    let (c, _) = BookmarkStore::open(path.clone());
    assert!(!c.contains("d", "PP3"));
    assert!(c.contains("d", "OP1") && c.contains("d", "OP2"));

    // Note edits: each session's edit wins for the bookmark it touched, and no other.
    a.set_note(0, "note de a").expect("save"); // OP1 in a's view
    let op2 = b
        .bookmarks()
        .iter()
        .position(|x| x.paragraph == "OP2")
        .expect("OP2 in b");
    b.set_note(op2, "note de b").expect("save");
    let (c, _) = BookmarkStore::open(path.clone());
    let note = |p: &str| {
        c.bookmarks()
            .iter()
            .find(|x| x.paragraph == p)
            .map(|x| x.note.clone())
    };
    assert_eq!(note("OP1").as_deref(), Some("note de a"));
    assert_eq!(note("OP2").as_deref(), Some("note de b"));
}

#[test]
fn file_corrupted_between_saves_is_kept_aside_and_rewritten_from_memory() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = file_in(&dir);
    let (mut store, _) = BookmarkStore::open(path.clone());
    store.toggle(mark("d", "OP1", "Décide")).expect("save");
    fs::write(&path, "garbage").expect("corrupt it");
    store.toggle(mark("d", "OP2", OP2)).expect("save");
    assert_eq!(on_disk(&path).len(), 2);
    let warnings = store.take_warnings();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let aside = kept_aside(dir.path());
    assert_eq!(aside.len(), 1);
    assert_eq!(
        fs::read_to_string(dir.path().join(&aside[0])).expect("read"),
        "garbage"
    );
    assert!(store.take_warnings().is_empty());
}

#[test]
fn in_memory_store_works_without_a_file() {
    let mut store = BookmarkStore::in_memory();
    assert_eq!(store.path(), None);
    assert!(
        store
            .toggle(mark("d", "OP2", OP2))
            .expect("nothing to save")
    );
    store.set_note(0, "n").expect("nothing to save");
    assert_eq!(store.bookmarks()[0].note, "n");
    assert!(
        !store
            .toggle(mark("d", "OP2", OP2))
            .expect("nothing to save")
    );
    assert!(store.bookmarks().is_empty());
}

#[test]
fn exports_markdown_and_json() {
    let mut store = BookmarkStore::in_memory();
    let mut b = mark("a-res-77-1", "OP2", OP2);
    b.added = 1_700_000_000;
    store.toggle(b).expect("ok");
    let mut other = Bookmark::new(
        "charter",
        None,
        "bundled:charter",
        "P51",
        "Aucune disposition",
    );
    other.added = 0;
    store.toggle(other).expect("ok");
    store
        .set_note(0, "première ligne\nseconde ligne")
        .expect("ok");

    let md = store.to_markdown();
    assert!(md.starts_with("# Bookmarks\n"), "{md}");
    assert!(md.contains("## A/RES/77/1 (a-res-77-1)"), "{md}");
    assert!(md.contains("## charter"), "{md}");
    assert!(md.contains("- **OP2** “Prie le Secrétaire général"), "{md}");
    assert!(md.contains("(added 2023-11-14)"), "{md}");
    assert!(md.contains("(added 1970-01-01)"), "{md}");
    assert!(
        md.contains("  > première ligne\n  > seconde ligne\n"),
        "{md}"
    );
    assert!(md.find("A/RES/77/1") < md.find("## charter"));
    assert!(
        BookmarkStore::in_memory()
            .to_markdown()
            .contains("No bookmarks")
    );

    let json: serde_json::Value = serde_json::from_str(&store.to_json()).expect("json");
    assert_eq!(json["version"], 1);
    assert_eq!(json["bookmarks"][0]["paragraph"], "OP2");
    assert_eq!(
        json["bookmarks"][0]["note"],
        "première ligne\nseconde ligne"
    );
    assert_eq!(json["bookmarks"][1]["symbol"], serde_json::Value::Null);
}

#[test]
fn new_bookmark_has_short_excerpt_and_fingerprint() {
    let b = mark("d", "PP3", PP3);
    assert!(b.excerpt.chars().count() <= 81, "{}", b.excerpt);
    assert!(b.excerpt.starts_with("Rappelant sa résolution 75/1"));
    assert!(b.excerpt.ends_with('…'));
    assert!(!b.excerpt.contains("  "));
    let short = mark("d", "OP1", "Décide  de\nproclamer");
    assert_eq!(short.excerpt, "Décide de proclamer");
}

#[test]
fn fingerprint_folds_case_accents_punctuation_and_footnote_calls() {
    assert_eq!(
        fingerprint("Prie le Secrétaire général de présenter l’application de la résolution¹ ;"),
        "prie le secretaire general de presenter l application de la resolution"
    );
    assert_eq!(fingerprint("ÉLÈVE, élève!"), "eleve eleve");
    assert_eq!(fingerprint(OP2).split(' ').count(), 12);
    assert_eq!(fingerprint(OP2), fingerprint(&OP2.to_uppercase()));
    assert_eq!(fingerprint("  ,;  "), "");
}

#[test]
fn format_date_gives_civil_dates() {
    assert_eq!(format_date(0), "1970-01-01");
    assert_eq!(format_date(86_399), "1970-01-01");
    assert_eq!(format_date(86_400), "1970-01-02");
    assert_eq!(format_date(951_782_400), "2000-02-29");
    assert_eq!(format_date(951_868_800), "2000-03-01");
    assert_eq!(format_date(1_704_067_199), "2023-12-31");
    assert_eq!(format_date(1_704_067_200), "2024-01-01");
    assert_eq!(format_date(1_709_164_800), "2024-02-29");
    assert_eq!(format_date(4_107_542_400), "2100-03-01");
}

fn resolution() -> Vec<(&'static str, String)> {
    vec![
        ("PP1", "Rappelant la Charte des Nations Unies,".to_string()),
        (
            "PP2",
            "Réaffirmant son attachement au multilatéralisme,".to_string(),
        ),
        (
            "OP1",
            "Décide de proclamer une décennie internationale;".to_string(),
        ),
        ("OP2", OP2.to_string()),
        ("OP3", "Décide de rester saisie de la question.".to_string()),
    ]
}

fn as_pairs<'a>(paras: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    paras
        .iter()
        .map(|(id, text)| (*id, text.as_str()))
        .collect()
}

#[test]
fn relocate_finds_the_same_paragraph_when_nothing_changed() {
    let paras = resolution();
    let b = mark("d", "OP2", OP2);
    assert_eq!(relocate(&b, &as_pairs(&paras)), Some(3));
}

#[test]
fn relocate_follows_a_paragraph_renumbered_after_an_insertion() {
    let b = mark("d", "OP2", OP2);
    let mut paras = resolution();
    // A new OP1 is inserted: the old OP2 is now OP3, and OP2 is other text.
    paras.insert(
        2,
        (
            "OP1",
            "Se félicite du rapport du Secrétaire général;".to_string(),
        ),
    );
    paras[3].0 = "OP2";
    paras[4].0 = "OP3";
    paras[5].0 = "OP4";
    assert_eq!(paras[4].1, OP2);
    assert_eq!(relocate(&b, &as_pairs(&paras)), Some(4));

    // Also when the moved paragraph was lightly edited on the way.
    paras[4].1 = OP2.replace("soixante-dix-huitième", "soixante-dix-neuvième");
    assert_eq!(relocate(&b, &as_pairs(&paras)), Some(4));
}

#[test]
fn relocate_falls_back_to_the_id_when_the_text_is_unrecognisable() {
    let b = mark("d", "OP2", OP2);
    let mut paras = resolution();
    paras[3].1 = "Exhorte tous les États Membres à coopérer pleinement.".to_string();
    assert_eq!(relocate(&b, &as_pairs(&paras)), Some(3));

    // Neither the text nor the id survives: nothing to point at.
    paras.remove(3);
    assert_eq!(relocate(&b, &as_pairs(&paras)), None);
    assert_eq!(relocate(&b, &[]), None);
}

#[test]
fn relocate_prefers_the_copy_nearest_the_old_place() {
    // Two paragraphs with the same opening words: the one nearest the old id wins.
    let text = "Décide de rester activement saisi de la question dans toutes ses dimensions.";
    let b = mark("d", "OP4", text);
    let paras = vec![
        ("OP1", text),
        ("OP2", "Autre chose."),
        ("OP3", "Encore autre chose."),
        ("OP4", "Texte nouveau sans rapport aucun avec l'ancien."),
        ("OP5", text),
    ];
    assert_eq!(relocate(&b, &paras), Some(4));
}

#[test]
fn config_dir_override_and_xdg_rules() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(
        config_dir_from(env(&[
            ("PLENARY_CONFIG_DIR", "/tmp/custom"),
            ("XDG_CONFIG_HOME", "/xdg"),
            ("HOME", "/home/u"),
        ])),
        Some(PathBuf::from("/tmp/custom"))
    );
    if cfg!(target_os = "linux") {
        assert_eq!(
            config_dir_from(env(&[
                ("PLENARY_CONFIG_DIR", ""),
                ("XDG_CONFIG_HOME", "/xdg"),
                ("HOME", "/home/u"),
            ])),
            Some(PathBuf::from("/xdg/plenary"))
        );
        assert_eq!(
            config_dir_from(env(&[("HOME", "/home/u")])),
            Some(PathBuf::from("/home/u/.config/plenary"))
        );
        // A relative XDG_CONFIG_HOME is ignored, as the XDG spec says.
        assert_eq!(
            config_dir_from(env(&[("XDG_CONFIG_HOME", "rel"), ("HOME", "/home/u")])),
            Some(PathBuf::from("/home/u/.config/plenary"))
        );
        assert_eq!(config_dir_from(env(&[])), None);
    }
}

#[test]
fn config_dir_matches_the_platform_folder_without_override() {
    // Reads the real environment only; nothing is set, so tests running in parallel are safe.
    let real = plenary::store::config::config_dir();
    match std::env::var("PLENARY_CONFIG_DIR") {
        Ok(dir) if !dir.is_empty() => assert_eq!(real, Some(PathBuf::from(dir))),
        _ => {
            let platform = directories::ProjectDirs::from("", "", "plenary")
                .map(|d| d.config_dir().to_path_buf());
            assert_eq!(real, platform);
        }
    }
}
