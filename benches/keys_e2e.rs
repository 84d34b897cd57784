//! Keystroke to results on screen, end to end: the real binary in a pseudo-terminal, its output
//! parsed by a terminal emulator (vt100), one key at a time. For each key typed in the
//! all-documents filter (`Tab`, `/`, `Ctrl-A`), the time until the filter bar shows that query
//! and its result count (not the `…` of a search in flight). The library cache is warm.
//!
//! ```text
//! cargo bench --bench keys_e2e                       # the bundled library
//! cargo run --release --example gen-corpus -- --paragraphs 100000 --seed 1 --out target/corpus/lib-100k
//! PLENARY_E2E_LIBRARY=target/corpus/lib-100k cargo bench --bench keys_e2e   # and that one
//! ```
//!
//! Prints, per library, the distribution over every key of every sequence (p50, p90, p99, max).
//! Each sequence is typed `ROUNDS` times.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::process::Command;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const BIN: &str = env!("CARGO_BIN_EXE_plenary");
const ROWS: NonZeroU16 = NonZeroU16::new(40).expect("nonzero");
const COLS: NonZeroU16 = NonZeroU16::new(120).expect("nonzero");
const ROUNDS: usize = 5;
/// What is typed: every prefix is one keystroke (as in `benches/keystroke.rs`).
const SEQUENCES: [&str; 5] = [
    "résolution",
    "cooperation",
    "organisation shanghai coopération",
    "cooprtion",
    "security council",
];

struct Reader {
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    parser: vt100::Parser,
    _child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Reader {
    fn start(home: &Path, library: Option<&Path>) -> Reader {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS.get(),
                cols: COLS.get(),
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(BIN);
        if let Some(library) = library {
            cmd.arg(library);
        }
        cmd.env("PLENARY_CACHE_DIR", home.join("cache"));
        cmd.env("PLENARY_CONFIG_DIR", home.join("config"));
        cmd.env("TERM", "xterm-256color");
        let child = pair.slave.spawn_command(cmd).expect("spawn plenary");
        drop(pair.slave);
        let mut pty = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let (tx, output) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = pty.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        // The master must outlive the session: keep it alive by leaking into the thread above's
        // lifetime (it is dropped with the process).
        std::mem::forget(pair.master);
        Reader {
            writer,
            output,
            parser: vt100::Parser::new(ROWS, COLS, 0),
            _child: child,
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("type");
        self.writer.flush().expect("flush");
    }

    /// Reads output until `ready` holds on the screen; the time it took, or None after 10 s.
    fn until(&mut self, ready: impl Fn(&vt100::Screen) -> bool) -> Option<Duration> {
        let start = Instant::now();
        let deadline = start + Duration::from_secs(10);
        loop {
            if ready(self.parser.screen()) {
                return Some(start.elapsed());
            }
            let left = deadline.checked_duration_since(Instant::now())?;
            match self.output.recv_timeout(left) {
                Ok(chunk) => self.parser.process(&chunk),
                Err(RecvTimeoutError::Timeout) => return None,
                Err(RecvTimeoutError::Disconnected) => panic!("the reader ended"),
            }
        }
    }

    fn row(screen: &vt100::Screen, from_bottom: u16) -> String {
        screen
            .rows(0, COLS.get())
            .nth((ROWS.get() - from_bottom) as usize)
            .unwrap_or_default()
    }
}

/// The filter bar (the row above the status line) shows `query` and a settled count.
fn shows_results(screen: &vt100::Screen, query: &str) -> bool {
    let bar = Reader::row(screen, 2);
    let Some(rest) = bar.strip_prefix("/ all docs: ") else {
        return false;
    };
    let (typed, count) = rest.trim_end().rsplit_once(' ').unwrap_or((rest, ""));
    typed.trim_end() == query.trim_end()
        && !count.is_empty()
        && count
            .trim_end_matches('+')
            .chars()
            .all(|c| c.is_ascii_digit())
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn measure(name: &str, library: Option<&Path>) {
    let home = tempfile::tempdir().expect("temporary home");
    // Warm the library cache: a command writes it, as a first start would.
    if let Some(library) = library {
        let written = Command::new(BIN)
            .args(["list"])
            .arg(library)
            .env("PLENARY_CACHE_DIR", home.path().join("cache"))
            .env("PLENARY_CONFIG_DIR", home.path().join("config"))
            .output()
            .expect("run plenary list");
        assert!(written.status.success(), "plenary list failed");
    }
    let mut reader = Reader::start(home.path(), library);
    reader
        .until(|s| {
            let status = Reader::row(s, 1);
            s.contents().contains("Documents (")
                && !status.contains("Loading library")
                && !status.contains("Indexing")
        })
        .expect("the library loads");
    let mut times = Vec::new();
    for _ in 0..ROUNDS {
        for sequence in SEQUENCES {
            reader.send(b"\t/\x01");
            reader
                .until(|s| Reader::row(s, 2).starts_with("/ all docs: "))
                .expect("the all-documents filter opens");
            let mut typed = String::new();
            for c in sequence.chars() {
                typed.push(c);
                let mut key = [0u8; 4];
                reader.send(c.encode_utf8(&mut key).as_bytes());
                match reader.until(|s| shows_results(s, &typed)) {
                    Some(t) => times.push(t),
                    None => panic!(
                        "no results for {typed:?} within 10 s:\n{}",
                        reader.parser.screen().contents()
                    ),
                }
            }
            // Close the filter and go back to the list for the next sequence.
            reader.send(b"\x1b");
            reader
                .until(|s| !Reader::row(s, 2).starts_with("/ all docs: "))
                .expect("the filter closes");
            reader.send(b"\t");
        }
    }
    reader.send(b"q");
    times.sort();
    println!(
        "{name:<28} keys {:>4}  p50 {:>6.2} ms  p90 {:>6.2} ms  p99 {:>6.2} ms  max {:>6.2} ms",
        times.len(),
        percentile(&times, 0.5).as_secs_f64() * 1e3,
        percentile(&times, 0.9).as_secs_f64() * 1e3,
        percentile(&times, 0.99).as_secs_f64() * 1e3,
        times.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
    );
}

fn main() {
    // `cargo test --benches` runs benches as tests: keep that quick.
    if std::env::args().any(|a| a == "--test") {
        return;
    }
    measure("bundled library", None);
    match std::env::var_os("PLENARY_E2E_LIBRARY") {
        Some(dir) => {
            // The pty's child starts in the home folder: give it the path from here.
            let dir = std::fs::canonicalize(&dir).expect("PLENARY_E2E_LIBRARY is a folder");
            let name = dir.file_name().unwrap_or_default().display().to_string();
            measure(&name, Some(&dir));
        }
        None => println!(
            "(set PLENARY_E2E_LIBRARY to a generated library to measure it too; see the header)"
        ),
    }
}
