//! `SearchIndex::build` throughput over the paragraphs of the parsed bundled corpus and of a
//! generated 100k-paragraph library (built in memory by the generator of `examples/gen-corpus.rs`),
//! on one thread and on every core (`build_parallel`, what the reader and `plenary search` use),
//! and reading the 100k index back as the library cache does (`read_from`).

#[path = "common/mod.rs"]
mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use plenary::document::Corpus;
use plenary::search::{RecordId, SearchIndex};

fn records(paragraphs: &[String]) -> impl Iterator<Item = (RecordId, &str)> {
    // Documents are not known here; 20 paragraphs a document is close to the generator's mean.
    (0u32..).zip(paragraphs).map(|(i, p)| {
        (
            RecordId {
                doc: i / 20,
                item: i % 20,
            },
            p.as_str(),
        )
    })
}

fn bench(c: &mut Criterion) {
    let corpus = Corpus::load(&[], true);
    let bundled: Vec<String> = corpus
        .documents
        .iter()
        .flat_map(|d| d.paragraphs.iter().map(|p| p.text.clone()))
        .collect();
    let pool = common::Pool::load(&common::repo_root());
    let generated = common::paragraphs(&pool, 1, 100_000);

    let mut group = c.benchmark_group("index_build");
    for (name, paragraphs) in [("bundled", &bundled), ("generated_100k", &generated)] {
        let bytes: usize = paragraphs.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(name, |b| {
            b.iter(|| black_box(SearchIndex::build(records(paragraphs))))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("index_build_parallel");
    for (name, paragraphs) in [("bundled", &bundled), ("generated_100k", &generated)] {
        let bytes: usize = paragraphs.iter().map(String::len).sum();
        let records: Vec<(RecordId, &str)> = records(paragraphs).collect();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(name, |b| {
            b.iter(|| black_box(SearchIndex::build_parallel(&records)))
        });
    }
    group.finish();

    // Throughput in bytes of the encoded index (what the cache file holds).
    let mut encoded = Vec::new();
    SearchIndex::build(records(&generated)).encode(&mut encoded);
    let mut group = c.benchmark_group("index_read");
    group.throughput(Throughput::Bytes(encoded.len() as u64));
    group.bench_function("generated_100k", |b| {
        b.iter(|| black_box(SearchIndex::decode(&encoded)))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8));
    targets = bench
}
criterion_main!(benches);
