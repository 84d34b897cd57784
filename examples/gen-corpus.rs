//! Writes a deterministic benchmark library: a folder of generated resolutions, and the same
//! paragraphs one per line (for `fzf --filter`). The generation itself is in
//! `benches/common/mod.rs`, shared with the benches so they index the very same paragraphs.
//!
//! ```text
//! cargo run --release --example gen-corpus -- --paragraphs 100000 --seed 1 --out target/corpus/lib-100k
//! ```
//! writes `target/corpus/lib-100k/NNN/NNNNNN.txt` (1000 documents per folder) and
//! `target/corpus/lib-100k.lines`.

#[path = "../benches/common/mod.rs"]
mod common;

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use clap::Parser;

/// A file whose presence marks a folder as ours, so a rerun may replace it.
const MARKER: &str = ".gen-corpus";

#[derive(Debug, Parser)]
#[command(about = "Generate a deterministic library of UN-like resolutions for benchmarks")]
struct Args {
    /// Paragraphs in the library.
    #[arg(long)]
    paragraphs: usize,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Output folder (replaced if an earlier run wrote it; refused if it holds anything else).
    #[arg(long)]
    out: PathBuf,
    /// The one-paragraph-per-line file; default OUT.lines beside the folder.
    #[arg(long)]
    lines: Option<PathBuf>,
}

fn prepare(out: &Path) -> Result<()> {
    if out.exists() {
        let empty = fs::read_dir(out)
            .with_context(|| format!("reading {}", out.display()))?
            .next()
            .is_none();
        if !empty && !out.join(MARKER).exists() {
            bail!(
                "{} exists and was not written by gen-corpus; not touching it",
                out.display()
            );
        }
        fs::remove_dir_all(out).with_context(|| format!("removing {}", out.display()))?;
    }
    fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    fs::write(out.join(MARKER), "incomplete\n")?;
    Ok(())
}

fn main() -> Result<()> {
    let args = Args::parse();
    let started = Instant::now();
    let pool = common::Pool::load(&common::repo_root());
    if pool.paragraphs() == 0 {
        bail!("no paragraphs found under assets/library and seeds");
    }
    prepare(&args.out)?;
    // Written last thing on success; `benches/compare.sh` compares it to decide whether to regenerate.
    let stamp = format!(
        "paragraphs={} seed={} version={}\n",
        args.paragraphs,
        args.seed,
        common::VERSION
    );
    let lines_path = args.lines.clone().unwrap_or_else(|| {
        let mut name = args.out.as_os_str().to_owned();
        name.push(".lines");
        PathBuf::from(name)
    });
    let mut lines = BufWriter::with_capacity(1 << 20, File::create(&lines_path)?);
    let (mut docs, mut paragraphs, mut para_bytes, mut file_bytes) = (0usize, 0usize, 0usize, 0);
    let mut line = String::new();
    for doc in common::Generator::new(&pool, args.seed, args.paragraphs) {
        let folder = args.out.join(format!("{:03}", doc.number / 1000));
        if doc.number % 1000 == 0 {
            fs::create_dir_all(&folder)?;
        }
        let path = folder.join(format!("{:06}.txt", doc.number));
        fs::write(&path, &doc.text).with_context(|| format!("writing {}", path.display()))?;
        file_bytes += doc.text.len();
        for p in doc.paragraph_texts() {
            line.clear();
            line.extend(p.chars().map(|c| if c == '\n' { ' ' } else { c }));
            line.push('\n');
            lines.write_all(line.as_bytes())?;
            paragraphs += 1;
            para_bytes += p.len();
        }
        docs += 1;
    }
    lines.flush()?;
    fs::write(args.out.join(MARKER), stamp)?;
    eprintln!(
        "gen-corpus: {docs} documents, {paragraphs} paragraphs ({:.1} MB of paragraph text, \
         {:.0} bytes each on average, {:.1} MB of files) from {:.1} MB of real documents \
         in {:.2} s\n  {}\n  {}",
        para_bytes as f64 / 1e6,
        para_bytes as f64 / paragraphs.max(1) as f64,
        file_bytes as f64 / 1e6,
        pool.source_bytes as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        args.out.display(),
        lines_path.display()
    );
    Ok(())
}
