//! The commands through the real binary, on hostile input: what they print never holds a byte
//! that could drive the terminal, files with control characters in their names are found by
//! those names, and a name that is not a document gets its real reason, once.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, SystemTime};

const BIN: &str = env!("CARGO_BIN_EXE_plenary");

/// A document written by a hostile hand: escape sequences (window title, cursor report, clear
/// screen), a C1 CSI, bidi overrides and isolates, marks, BEL and BS, in its title, paragraphs
/// and footnotes.
const HOSTILE: &str = "Resolution 2999 (2031)\n\n\
    Adopted by the Security Council at its 9999th meeting, on 1 January 2031\n\n\
    The Security Council,\n\n\
    Recalling its resolution 242 (1967)\u{1b}]0;owned\u{7},\n\n\
    1. Decides\u{1b}[6n that the \u{9b}31m text \u{202e}reversed\u{202c} and \u{2066}isolated\u{2069} stays\u{8}\u{8} plain\u{200f};\n\n\
    2. Requests\u{1b}[2J\u{1b}[H the Secretary-General to report\u{1b}P1$r\u{1b}\\ on it;\n";

/// A home for one test: the library folder, and the config and cache folders the binary uses.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::create_dir(dir.path().join("lib")).expect("mkdir");
        Home { dir }
    }

    fn lib(&self) -> PathBuf {
        self.dir.path().join("lib")
    }

    /// Writes a document an hour old (so that the library cache trusts its stamp).
    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.lib().join(name);
        fs::write(&path, text).expect("write");
        let then = SystemTime::now() - Duration::from_secs(3600);
        fs::File::options()
            .write(true)
            .open(&path)
            .and_then(|f| f.set_modified(then))
            .expect("age");
        path
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(BIN)
            .args(args)
            .env("PLENARY_CACHE_DIR", self.dir.path().join("cache"))
            .env("PLENARY_CONFIG_DIR", self.dir.path().join("config"))
            .output()
            .expect("run plenary")
    }

    /// stdout of a command that must succeed.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "plenary {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_clean(&out.stdout, args);
        assert_clean(&out.stderr, args);
        String::from_utf8(out.stdout).expect("UTF-8 output")
    }

    /// stderr of a command that must fail.
    fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(!out.status.success(), "plenary {args:?} succeeded");
        assert_clean(&out.stderr, args);
        String::from_utf8(out.stderr).expect("UTF-8 errors")
    }
}

/// No C0 control but newline and tab (plain output separates fields with tabs), no DEL, no C1 control, no bidi control or mark: the bytes that
/// make a terminal do something other than print.
fn assert_clean(bytes: &[u8], args: &[&str]) {
    let text = String::from_utf8_lossy(bytes);
    let bad = text.char_indices().find(|&(_, c)| {
        (c.is_control() && c != '\n' && c != '\t')
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}')
    });
    if let Some((at, c)) = bad {
        let from = text[..at]
            .char_indices()
            .rev()
            .nth(30)
            .map_or(0, |(i, _)| i);
        panic!(
            "plenary {args:?} printed U+{:04X} after {:?}",
            c as u32,
            &text[from..at]
        );
    }
}

fn s(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

#[test]
fn no_command_prints_a_control_character_from_a_document_or_a_bookmark() {
    let home = Home::new();
    let doc = home.write("S_RES_2999_2031.txt", HOSTILE);
    let lib = home.lib();
    let lib = s(&lib);
    // A bookmarks file written by hand (or by an older build) with the same in every field.
    let config = home.dir.path().join("config");
    fs::create_dir_all(&config).expect("mkdir");
    let nasty = "x\u{1b}]0;title\u{7}y\u{9b}6n\u{202e}z\u{8}\r";
    let bookmark = serde_json::json!({
        "document": format!("s-res-2999-2031{nasty}"),
        "symbol": format!("S/RES/2999{nasty}"),
        "path": format!("{}{nasty}", s(&doc)),
        "paragraph": format!("OP1{nasty}"),
        "excerpt": format!("Decides{nasty}"),
        "note": format!("a note\u{1b}[2J{nasty}\nsecond line"),
        "added": 1_700_000_000,
    });
    fs::write(
        config.join("bookmarks.json"),
        serde_json::to_string(&serde_json::json!({"version": 1, "bookmarks": [bookmark]}))
            .expect("json"),
    )
    .expect("write bookmarks");

    let commands: [&[&str]; 11] = [
        &["list", "--no-bundled", lib],
        &["list", "--json", "--no-bundled", lib],
        &["show", "S/RES/2999", "--no-bundled", lib],
        &["show", "--json", "S/RES/2999", "--no-bundled", lib],
        &["cites", "S/RES/2999", lib],
        &["cites", "--json", "S/RES/2999", lib],
        &["search", "decides", "--no-bundled", lib],
        &["search", "--json", "requests", "--no-bundled", lib],
        &["bookmarks"],
        &["bookmarks", "--json"],
        &["bookmarks", "--markdown"],
    ];
    for args in commands {
        // Each runs twice: from the files, then from the library cache the first run wrote.
        let cold = home.ok(args);
        let warm = home.ok(args);
        assert_eq!(cold, warm, "plenary {args:?}");
    }
    // The text is still there, only the controls are gone.
    let shown = home.ok(&["show", "S/RES/2999", "--no-bundled", lib]);
    assert!(shown.contains("reversed"), "{shown}");
    let listed = home.ok(&["bookmarks"]);
    assert!(
        listed.contains("a note") && listed.contains("second line"),
        "{listed}"
    );
}

#[test]
fn files_named_with_control_characters_open_by_their_names() {
    let home = Home::new();
    let text = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/library/unsc/S_RES_338_1973.txt"),
    )
    .expect("bundled text");
    let escape = home.write("a\u{1b}[31mb.txt", &text);
    let newline = home.write("x\ny.txt", &text.replace("338", "339"));
    let lib = home.lib();
    let lib = s(&lib);
    // Listed with what would drive the terminal shown as `?`, as ls shows it.
    let listed = home.ok(&["list", "--json", "--no-bundled", lib]);
    assert!(
        listed.contains("a?[31mb.txt") && listed.contains("x?y.txt"),
        "{listed}"
    );
    for round in ["from the files", "from the cache"] {
        for (path, symbol) in [(&escape, "S/RES/338"), (&newline, "S/RES/339")] {
            for command in ["show", "cites"] {
                let out = home.ok(&[command, s(path), "--no-bundled", lib]);
                assert!(out.contains(symbol), "{round}: {command} {path:?}: {out}");
            }
            // Named alone, outside any library given.
            let out = home.ok(&["show", s(path), "--no-bundled"]);
            assert!(out.contains(symbol), "{round}: show {path:?}: {out}");
        }
        // The first round wrote the library cache (its files are an hour old).
        assert!(
            fs::read_dir(home.dir.path().join("cache")).is_ok_and(|d| d
                .flatten()
                .any(|e| e.file_name().to_string_lossy().starts_with("library-"))),
            "{round}: no library cache written"
        );
    }
}

#[test]
fn a_name_that_is_no_document_gets_its_reason_once() {
    let home = Home::new();
    home.write("empty.txt", " \n");
    let folder = home.lib();
    let one_line = |err: String, expected: &str| {
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(expected), "{err}");
    };
    let missing = folder.join("missing.txt");
    one_line(
        home.fails(&["show", s(&missing)]),
        &format!("{}: no such file or directory", s(&missing)),
    );
    // A name made only of an escape sequence names the file, not its folder.
    let escape = folder.join("\u{1b}[2J");
    one_line(
        home.fails(&["cites", s(&escape)]),
        &format!("{}/?[2J: no such file or directory", s(&folder)),
    );
    one_line(
        home.fails(&["show", s(&folder)]),
        &format!("{}: a folder, not a document", s(&folder)),
    );
    let empty = folder.join("empty.txt");
    one_line(
        home.fails(&["show", s(&empty)]),
        &format!("{}: empty file", s(&empty)),
    );
    #[cfg(unix)]
    {
        let fifo = folder.join("pipe.txt");
        let made = Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            one_line(
                home.fails(&["show", s(&fifo)]),
                &format!("{}: not a regular file", s(&fifo)),
            );
        }
    }
    // A symbol the library lacks is still that.
    one_line(
        home.fails(&["show", "S/RES/9999"]),
        "no document named S/RES/9999",
    );
}

#[test]
fn a_mistyped_command_is_named_as_such() {
    let home = Home::new();
    for (typed, meant) in [
        ("lsit", "list"),
        ("serch", "search"),
        ("bookmark", "bookmarks"),
    ] {
        let err = home.fails(&[typed]);
        assert!(
            err.contains(&format!("no command or file named \"{typed}\""))
                && err.contains(&format!("did you mean `plenary {meant}`")),
            "{err}"
        );
    }
}

#[test]
fn completions_are_generated_for_each_shell() {
    let home = Home::new();
    let bash = home.ok(&["completions", "bash"]);
    assert!(bash.contains("complete -F _plenary"), "{bash}");
    let zsh = home.ok(&["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef plenary"), "{zsh}");
    let fish = home.ok(&["completions", "fish"]);
    assert!(fish.contains("complete -c plenary"), "{fish}");
    for script in [&bash, &zsh, &fish] {
        for command in [
            "list",
            "show",
            "cites",
            "search",
            "bookmarks",
            "completions",
        ] {
            assert!(script.contains(command), "{command} missing");
        }
    }
    assert!(!home.run(&["completions", "tcsh-or-so"]).status.success());
}

#[test]
fn config_prints_the_defaults_and_checks_the_file() {
    let home = Home::new();
    let default = home.ok(&["config", "--default"]);
    assert!(
        default.contains("[theme]")
            && default.contains("# citation = { fg = \"cyan\", underline = true }"),
        "{default}"
    );
    let shown = home.ok(&["config"]);
    assert!(
        shown.contains("not there: every default in force"),
        "{shown}"
    );
    let config = home.dir.path().join("config");
    fs::create_dir_all(&config).expect("mkdir");
    fs::write(
        config.join("config.toml"),
        "[theme]\ncitation = \"green\"\n\nkey = 7\n",
    )
    .expect("write");
    let out = home.run(&["config"]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("config.toml: line 4:"), "{said}");
}
