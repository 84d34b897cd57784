//! Embeds the bundled library (`seeds/`, `assets/library/`) so `plenary` works from any directory.
//!
//! Generates `$OUT_DIR/bundled.rs`: a sorted static slice of `(relative path, text, clean)`, where
//! `clean` says the text needs no sanitising (see `document::source::sanitize`). Checking this here,
//! once per build, lets `source::bundled()` hand out `&'static str` without scanning 1.6 MB at
//! every start; the one file that is not clean (a stray tab) is sanitised at load time.
//!
//! Also sets `PLENARY_BUNDLED_HASH`: a hash of everything that decides what the bundled library
//! parses to (the texts, their catalogs, and the code in `src/document/`) and what the library
//! cache stores (the search code, the cache layout). It keys both caches (`store::bundled`,
//! `store::library`), so a changed text, parser or index never serves stale data.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// Folders whose documents are embedded, relative to the crate root.
const ROOTS: [&str; 2] = ["seeds", "assets/library"];
/// Catalogs of the bundled documents: their metadata changes the parsed documents too.
const CATALOGS: [&str; 2] = ["seeds/catalog.toml", "assets/library/catalog.toml"];
/// The code that turns texts into linked documents (`src/document`) and into the search indexes
/// the library cache stores with them (`src/search`), and the two cache files' layouts (in
/// `src/store`): a change there must invalidate the caches. Nothing of the reader is in it.
const CODE_DIRS: [&str; 2] = ["src/document", "src/search"];
const CODE_FILES: [&str; 2] = ["src/store/library.rs", "src/store/bundled.rs"];
/// Provenance notes, not documents.
const SKIPPED: [&str; 2] = ["SOURCE.md", "README.md"];

fn main() {
    let manifest =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo:rerun-if-changed=build.rs");

    let mut files = Vec::new();
    for root in ROOTS {
        // A directory here makes cargo rerun when any file below it changes.
        println!("cargo:rerun-if-changed={root}");
        collect(&manifest.join(root), &mut files);
    }
    files.sort();

    let mut code = String::from(
        "/// Bundled documents: (path relative to the crate root, text, needs no sanitising).\n\
         pub(super) static BUNDLED: &[(&str, &str, bool)] = &[\n",
    );
    for file in &files {
        let rel = file
            .strip_prefix(&manifest)
            .expect("collected under the manifest dir")
            .to_str()
            .unwrap_or_else(|| panic!("bundled file name is not UTF-8: {}", file.display()))
            .replace('\\', "/");
        let text = fs::read_to_string(file)
            .unwrap_or_else(|e| panic!("bundled file {rel} must be readable UTF-8: {e}"));
        let abs = file.to_str().expect("checked above");
        writeln!(
            code,
            "    ({rel:?}, include_str!({abs:?}), {}),",
            is_clean(&text)
        )
        .expect("String write");
    }
    code.push_str("];\n");
    fs::write(out.join("bundled.rs"), code).expect("write $OUT_DIR/bundled.rs");

    let mut hash = Fnv::default();
    for file in &files {
        hash.file(&manifest, file);
    }
    for catalog in CATALOGS {
        println!("cargo:rerun-if-changed={catalog}");
        hash.file(&manifest, &manifest.join(catalog));
    }
    let mut code_files: Vec<PathBuf> = CODE_FILES.iter().map(|f| manifest.join(f)).collect();
    for dir in CODE_DIRS {
        println!("cargo:rerun-if-changed={dir}");
        rust_files(&manifest.join(dir), &mut code_files);
    }
    code_files.sort();
    // The versions of the crates that code uses (Unicode tables for folding, the encoding);
    // a packaged crate has no lock file of its own.
    let lock = manifest.join("Cargo.lock");
    if lock.is_file() {
        code_files.push(lock);
    }
    for file in &code_files {
        println!("cargo:rerun-if-changed={}", file.display());
        hash.file(&manifest, file);
    }
    println!("cargo:rustc-env=PLENARY_BUNDLED_HASH={:016x}", hash.0);
}

/// FNV-1a, 64 bits: stable across Rust versions and platforms (std's hasher is not), and plenty
/// to tell one build's inputs from another's. Speed does not matter here: it runs once per build.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    /// The file's path (relative, so the hash does not depend on where the crate is) and bytes,
    /// each preceded by its length so that no two different sets of files hash the same stream.
    fn file(&mut self, manifest: &Path, file: &Path) {
        let rel = file
            .strip_prefix(manifest)
            .unwrap_or(file)
            .to_string_lossy()
            .replace('\\', "/");
        let bytes = fs::read(file).unwrap_or_else(|e| panic!("read {}: {e}", file.display()));
        self.bytes(&(rel.len() as u64).to_le_bytes());
        self.bytes(rel.as_bytes());
        self.bytes(&(bytes.len() as u64).to_le_bytes());
        self.bytes(&bytes);
    }
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display()));
    for entry in entries {
        let entry = entry.unwrap_or_else(|e| panic!("read {}: {e}", dir.display()));
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect(&path, files);
        } else if (name.ends_with(".txt") || name.ends_with(".md"))
            && !SKIPPED.contains(&name.as_ref())
        {
            files.push(path);
        }
    }
}

/// True when `sanitize` would return the text unchanged: no control characters other than `\n`
/// and `\f`, no DEL, C1 controls or bidi overrides. Must agree with `source::sanitize`; the test
/// `bundled_text_is_clean` checks that every bundled text is a fixed point of it.
fn is_clean(text: &str) -> bool {
    !text.chars().any(|c| {
        (c < ' ' && c != '\n' && c != '\x0c')
            || ('\u{7f}'..='\u{9f}').contains(&c)
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    })
}

/// The `.rs` files under `dir`, its subfolders included (a parser stage is a file of its own).
fn rust_files(dir: &Path, files: &mut Vec<PathBuf>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display()));
    for entry in entries {
        let path = entry
            .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
            .path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            rust_files(&path, files);
        } else if path.extension().is_some_and(|x| x == "rs") {
            files.push(path);
        }
    }
}
