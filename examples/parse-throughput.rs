//! Parser throughput over the bundled library, on one thread: `cargo run --release --example
//! parse-throughput [-- RUNS] [--dump FILE]`.
//!
//! Prints the best of RUNS (default 10) passes of `parse::parse` over every bundled source, in
//! MB/s, plus the time of a full `Corpus::from_sources` (parse and link). `--dump FILE` writes the
//! `Debug` form of every parsed document, byte ranges included, so that two builds can be diffed
//! to prove an optimisation changed no output.
//!
//! RUNS = 0 makes one cold pass and nothing else, for instruction counts: under
//! `valgrind --tool=callgrind --toggle-collect='*parse_all*'`, RUNS = 1 counts a cold and a warm
//! pass, so the difference with RUNS = 0 is the cost of one pass once the regexes are built.

use std::hint::black_box;
use std::io::Write;
use std::time::{Duration, Instant};

use plenary::document::{Corpus, parse, source};

fn main() -> std::io::Result<()> {
    let mut runs = 10usize;
    let mut dump: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--dump" => dump = args.next(),
            n => match n.parse() {
                Ok(n) => runs = n,
                Err(_) => {
                    eprintln!("usage: parse-throughput [RUNS] [--dump FILE]");
                    std::process::exit(2);
                }
            },
        }
    }

    let sources = source::bundled();
    let bytes: usize = sources.iter().map(|s| s.text.len()).sum();

    if let Some(path) = dump {
        let mut out = std::io::BufWriter::new(std::fs::File::create(&path)?);
        for s in &sources {
            writeln!(out, "{:#?}", parse::parse(s))?;
        }
        out.flush()?;
        eprintln!("wrote {} documents to {path}", sources.len());
    }

    // Warm-up: compiles the lazily built regexes once, outside the measurement.
    parse_all(&sources);
    if runs == 0 {
        return Ok(());
    }
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let t = Instant::now();
        parse_all(&sources);
        best = best.min(t.elapsed());
    }
    let mut best_corpus = Duration::MAX;
    for _ in 0..runs.min(5) {
        let t = Instant::now();
        black_box(Corpus::from_sources(&sources));
        best_corpus = best_corpus.min(t.elapsed());
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "{} sources, {:.2} MB: parse best {:.1} ms = {:.1} MB/s; parse+link best {:.1} ms = {:.1} MB/s",
        sources.len(),
        mb,
        best.as_secs_f64() * 1e3,
        mb / best.as_secs_f64(),
        best_corpus.as_secs_f64() * 1e3,
        mb / best_corpus.as_secs_f64(),
    );
    Ok(())
}

/// One pass of the parser over every source; not inlined, so a profiler can count it alone.
#[inline(never)]
fn parse_all(sources: &[plenary::document::Source]) {
    for s in sources {
        black_box(parse::parse(black_box(s)));
    }
}
