//! Parser throughput over the real bundled corpus, one thread, and the cost of linking citations.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use plenary::document::{Corpus, parse, source};

fn bench(c: &mut Criterion) {
    let sources = source::bundled();
    let bytes: usize = sources.iter().map(|s| s.text.len()).sum();
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("bundled", |b| {
        b.iter(|| {
            for s in &sources {
                black_box(parse::parse(s));
            }
        })
    });
    // Parsing plus the corpus-wide pass (ids, symbols, citation targets, backlinks): what every
    // command pays before it can answer. Throughput still counts the source bytes.
    group.bench_function("bundled_and_linked", |b| {
        b.iter(|| black_box(Corpus::from_sources(&sources)))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    targets = bench
}
criterion_main!(benches);
