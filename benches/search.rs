//! Benchmarks of the search index over the bundled corpus: build throughput and keystroke latency.

use std::path::Path;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use plenary::search::{RecordId, SearchIndex, highlight};

/// Paragraphs (blank-line separated) of every text under `assets/library`, one document per file.
fn corpus() -> Vec<(u32, Vec<String>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/library");
    let mut files = Vec::new();
    for shelf in ["charter", "unga", "unsc"] {
        let Ok(entries) = std::fs::read_dir(root.join(shelf)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "txt") {
                files.push(path);
            }
        }
    }
    files.sort();
    (0u32..)
        .zip(files)
        .filter_map(|(doc, path)| {
            let text = std::fs::read_to_string(&path).ok()?;
            let paragraphs = text
                .split("\n\n")
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_owned)
                .collect();
            Some((doc, paragraphs))
        })
        .collect()
}

/// The corpus repeated `copies` times as distinct documents, flattened into records.
fn records(corpus: &[(u32, Vec<String>)], copies: u32) -> Vec<(RecordId, &str)> {
    let docs = u32::try_from(corpus.len()).unwrap_or(u32::MAX);
    let mut out = Vec::new();
    for copy in 0..copies {
        for (doc, paragraphs) in corpus {
            for (item, p) in (0u32..).zip(paragraphs) {
                let doc = copy * docs + doc;
                out.push((RecordId { doc, item }, p.as_str()));
            }
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let corpus = corpus();
    let one = records(&corpus, 1);
    let bytes: usize = one.iter().map(|(_, t)| t.len()).sum();

    let mut build = c.benchmark_group("build");
    build.throughput(Throughput::Bytes(bytes as u64));
    build.sample_size(10);
    build.bench_function("library", |b| {
        b.iter(|| SearchIndex::build(one.iter().copied()))
    });
    build.finish();

    // About 100k paragraphs: the library copied until it is that large.
    let copies = u32::try_from(100_000 / one.len().max(1) + 1).unwrap_or(1);
    let big = records(&corpus, copies);
    let index = SearchIndex::build(big.iter().copied());
    let mut typing = c.benchmark_group(format!("keystroke_{}k_records", index.len() / 1000));
    typing.measurement_time(Duration::from_secs(3));
    let query = "security council resolution";
    for end in [1, 3, 5, 8, 12, 17, query.len()] {
        let prefix = &query[..end];
        typing.bench_with_input(BenchmarkId::new("all", prefix), prefix, |b, q| {
            b.iter(|| index.search(q, None, 200))
        });
    }
    for q in ["securty", "secrity councl", "a/res/73"] {
        typing.bench_with_input(BenchmarkId::new("all", q), q, |b, q| {
            b.iter(|| index.search(q, None, 200))
        });
    }
    typing.bench_function("one_document", |b| {
        b.iter(|| index.search("the", Some(3), 1000))
    });
    typing.finish();

    let long = one
        .iter()
        .map(|(_, t)| *t)
        .max_by_key(|t| t.len())
        .unwrap_or_default();
    c.bench_function("highlight_longest_paragraph", |b| {
        b.iter(|| highlight("security council resolution", long))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
