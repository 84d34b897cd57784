//! Per-keystroke search latency, index built, over typing sequences, on generated libraries.
//!
//! Two parts. Criterion times each whole sequence (every prefix searched, as the filter bar does
//! while one types) at 100k paragraphs. Then, under `cargo bench` only, a plain timing loop
//! measures every keystroke separately at 100k and 1M paragraphs and prints the distribution
//! (criterion reports means and medians, not p99). `PLENARY_BENCH_SIZES=100000` limits the loop
//! to the sizes listed.

#[path = "common/mod.rs"]
mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group};
use plenary::search::RESULT_LIMIT;
use plenary::search::{RecordId, SearchIndex, highlight};

/// The typing sequences of issue 4: (name, final query); every prefix is one keystroke.
const SEQUENCES: [(&str, &str); 6] = [
    ("one_letter", "s"),
    ("word", "résolution"),
    ("unaccented", "cooperation"),
    ("multi_word", "organisation shanghai coopération"),
    ("misspelt", "cooprtion"),
    ("no_match", "zzqxv"),
];

/// The queries typed, one per keystroke: "r", "ré", …, "résolution".
fn keystrokes(query: &str) -> Vec<&str> {
    query
        .char_indices()
        .map(|(i, c)| &query[..i + c.len_utf8()])
        .collect()
}

fn build(size: usize) -> (SearchIndex, usize, Duration) {
    let pool = common::Pool::load(&common::repo_root());
    let paragraphs = common::paragraphs(&pool, 1, size);
    let bytes = paragraphs.iter().map(String::len).sum();
    let started = Instant::now();
    let index = SearchIndex::build((0u32..).zip(&paragraphs).map(|(i, p)| {
        (
            RecordId {
                doc: i / 20,
                item: i % 20,
            },
            p.as_str(),
        )
    }));
    (index, bytes, started.elapsed())
}

fn bench(c: &mut Criterion) {
    let (index, _, _) = build(100_000);
    let mut group = c.benchmark_group("keystroke_100k");
    for (name, query) in SEQUENCES {
        let typed = keystrokes(query);
        group.throughput(Throughput::Elements(typed.len() as u64));
        group.bench_with_input(BenchmarkId::new("sequence", name), &typed, |b, typed| {
            b.iter(|| {
                for q in typed {
                    black_box(index.search(q, None, RESULT_LIMIT));
                }
            })
        });
    }
    group.finish();

    // The filter bar highlights each visible result; the longest generated paragraph is the worst.
    let long = "Recalling its resolutions on the cooperation between the United Nations and the \
                Shanghai Cooperation Organisation, "
        .repeat(20);
    c.bench_function("highlight_long_paragraph", |b| {
        b.iter(|| highlight("organisation shanghai coopération", &long))
    });
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1e3)
}

/// Every keystroke of every sequence, `rounds` times over, timed one by one.
fn latency_table(size: usize) {
    let (index, bytes, took) = build(size);
    println!(
        "\n## keystroke latency, {} paragraphs ({:.0} MB), index built in {:.2} s ({:.1} MB/s)",
        index.len(),
        bytes as f64 / 1e6,
        took.as_secs_f64(),
        bytes as f64 / 1e6 / took.as_secs_f64()
    );
    let rounds = if size > 200_000 { 3 } else { 10 };
    println!(
        "\n| sequence | keystrokes | results (last) | p50 ms | p90 ms | p99 ms | max ms | slowest keystroke |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---|");
    let mut all = Vec::new();
    for (name, query) in SEQUENCES {
        let typed = keystrokes(query);
        let mut times = Vec::new();
        let mut slowest = (Duration::ZERO, "");
        for _ in 0..rounds {
            for q in &typed {
                let t = Instant::now();
                black_box(index.search(q, None, RESULT_LIMIT));
                let d = t.elapsed();
                if d > slowest.0 {
                    slowest = (d, q);
                }
                times.push(d);
            }
        }
        let hits = index.search(query, None, RESULT_LIMIT).len();
        all.extend_from_slice(&times);
        times.sort_unstable();
        println!(
            "| {name} `{query}` | {} | {hits} | {} | {} | {} | {} | `{}` |",
            typed.len(),
            ms(percentile(&times, 50.0)),
            ms(percentile(&times, 90.0)),
            ms(percentile(&times, 99.0)),
            ms(times.last().copied().unwrap_or_default()),
            slowest.1
        );
    }
    all.sort_unstable();
    println!(
        "| **all keystrokes** | {} | | {} | {} | **{}** | {} | |",
        all.len(),
        ms(percentile(&all, 50.0)),
        ms(percentile(&all, 90.0)),
        ms(percentile(&all, 99.0)),
        ms(all.last().copied().unwrap_or_default())
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    targets = bench
}

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    // `cargo test --benches` runs this binary without `--bench`: criterion then only checks each
    // benchmark once, and the slow loop is skipped.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let sizes = std::env::var("PLENARY_BENCH_SIZES").unwrap_or_else(|_| "100000,1000000".into());
    for size in sizes.split(',').filter_map(|s| s.trim().parse().ok()) {
        latency_table(size);
    }
}
