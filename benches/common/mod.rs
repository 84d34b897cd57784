//! The deterministic corpus generator shared by `examples/gen-corpus.rs` and the benches.
//!
//! The real documents (`assets/library`, `seeds/`) are read from disk and parsed with the real
//! parser once; their preambular and operative paragraphs form a pool. Generated documents each
//! take a window of one real document's paragraphs (so a document stays in one language and its
//! preambular paragraphs come before its operative ones), mutate every paragraph lightly, and are
//! written as resolutions: `NN/NNN. Title`, "The General Assembly,", the preambular paragraphs,
//! then numbered operative paragraphs, blank lines between them. The symbol `NN/NNN` counts up,
//! so every document is distinct. The same seed always gives the same library.
//!
//! This file is included with `#[path]` by several targets, each using a part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use plenary::document::{Language, ParagraphKind, parse, source};

/// Bumped whenever the generated text changes, so scripts know a library on disk is stale.
pub const VERSION: u32 = 2;

/// splitmix64: tiny, fast, good enough for shuffling text, and stable across versions (a
/// dependency's generator could change its stream and so the benchmark corpus).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0); the modulo bias is irrelevant at these sizes.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// One real document's paragraphs, as the parser gives them, without their numbers.
struct PoolDoc {
    french: bool,
    title: String,
    preambular: Vec<String>,
    operative: Vec<String>,
}

/// The real documents, parsed.
pub struct Pool {
    docs: Vec<PoolDoc>,
    /// Cumulative paragraph counts, to pick a document in proportion to its size.
    cumulative: Vec<usize>,
    /// Bytes of source text read.
    pub source_bytes: usize,
}

/// Paragraphs shorter than this (a lone "Decides," line) or longer (a whole Charter chapter
/// glued by the layout) are left out of the pool.
const MIN_PARAGRAPH: usize = 40;
const MAX_PARAGRAPH: usize = 2000;

/// The crate's root: benches and examples run from anywhere.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn text_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            text_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

/// Strips "12. " (the operative number) from the start of a paragraph.
fn strip_number(text: &str) -> &str {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && text[digits..].starts_with(". ") {
        text[digits + 2..].trim_start()
    } else {
        text
    }
}

/// Footnote calls (superscript digits) are dropped: the generated documents have no footnotes.
fn clean(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '⁰' | '¹' | '²' | '³' | '⁴'..='⁹'))
        .collect()
}

impl Pool {
    /// Reads and parses every `.txt` under `assets/library` and `seeds` of `root`, in path order.
    pub fn load(root: &Path) -> Pool {
        let mut files = Vec::new();
        text_files(&root.join("assets/library"), &mut files);
        text_files(&root.join("seeds"), &mut files);
        files.sort();
        let (sources, _errors) = source::load_paths(&files);
        let mut docs = Vec::new();
        let mut source_bytes = 0;
        for s in &sources {
            source_bytes += s.text.len();
            let d = parse::parse(s);
            let mut preambular = Vec::new();
            let mut operative = Vec::new();
            for p in &d.paragraphs {
                let text = clean(strip_number(&p.text));
                if !(MIN_PARAGRAPH..=MAX_PARAGRAPH).contains(&text.len()) {
                    continue;
                }
                match p.kind {
                    ParagraphKind::Preambular => preambular.push(text),
                    ParagraphKind::Operative | ParagraphKind::Body | ParagraphKind::Annex => {
                        operative.push(text)
                    }
                    ParagraphKind::Heading | ParagraphKind::Closing => {}
                }
            }
            if operative.is_empty() {
                // Without a numbered paragraph the parser does not take a text for a resolution.
                operative = std::mem::take(&mut preambular);
            }
            if operative.is_empty() {
                continue;
            }
            let title: String = clean(&d.title)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            docs.push(PoolDoc {
                french: d.language == Language::Fr,
                title: truncate_words(&title, 120),
                preambular,
                operative,
            });
        }
        let mut cumulative = Vec::with_capacity(docs.len());
        let mut total = 0;
        for d in &docs {
            total += d.preambular.len() + d.operative.len();
            cumulative.push(total);
        }
        Pool {
            docs,
            cumulative,
            source_bytes,
        }
    }

    pub fn paragraphs(&self) -> usize {
        self.cumulative.last().copied().unwrap_or(0)
    }

    fn pick(&self, rng: &mut Rng) -> &PoolDoc {
        let r = rng.below(self.paragraphs());
        let i = self.cumulative.partition_point(|&c| c <= r);
        &self.docs[i.min(self.docs.len() - 1)]
    }
}

fn truncate_words(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    match text[..end].rfind(' ') {
        Some(space) => text[..space].to_string(),
        None => text[..end].to_string(),
    }
}

/// A light mutation: per word (the first is left alone so a paragraph never starts with a
/// number), 1.5% swapped with the next, 1% dropped, 1% duplicated; a quarter of the numbers get
/// fresh digits (so "resolution 242 (1967)" becomes another resolution).
pub fn mutate(text: &str, rng: &mut Rng, out: &mut String) {
    let mut words: Vec<&str> = text.split(' ').collect();
    let mut renumbered: Vec<Option<String>> = vec![None; words.len()];
    let mut i = 1;
    while i < words.len() {
        let r = rng.below(1000);
        if r < 15 && i + 1 < words.len() {
            words.swap(i, i + 1);
            renumbered.swap(i, i + 1);
            i += 2;
            continue;
        } else if r < 25 {
            words.remove(i);
            renumbered.remove(i);
            continue;
        } else if r < 35 {
            words.insert(i, words[i]);
            renumbered.insert(i, None);
            i += 2;
            continue;
        }
        let w = words[i];
        if w.bytes().next().is_some_and(|b| b.is_ascii_digit()) && rng.below(4) == 0 {
            let fresh: String = w
                .chars()
                .enumerate()
                .map(|(k, c)| match c.to_digit(10) {
                    Some(_) if k == 0 => char::from(b'1' + rng.below(9) as u8),
                    Some(_) => char::from(b'0' + rng.below(10) as u8),
                    None => c,
                })
                .collect();
            renumbered[i] = Some(fresh);
        }
        i += 1;
    }
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(renumbered[k].as_deref().unwrap_or(w));
    }
}

/// One generated document.
pub struct GenDoc {
    /// Running number, from 0.
    pub number: usize,
    /// The file's text.
    pub text: String,
    /// Byte ranges in `text` of its paragraphs (preambular then operative, the operative number
    /// not included): the records a reader indexes.
    pub paragraphs: Vec<std::ops::Range<usize>>,
}

impl GenDoc {
    pub fn paragraph_texts(&self) -> impl Iterator<Item = &str> {
        self.paragraphs.iter().map(|r| &self.text[r.clone()])
    }
}

/// Documents of a library of `total` paragraphs, streamed.
pub struct Generator<'a> {
    pool: &'a Pool,
    rng: Rng,
    left: usize,
    number: usize,
}

impl<'a> Generator<'a> {
    pub fn new(pool: &'a Pool, seed: u64, total: usize) -> Generator<'a> {
        Generator {
            pool,
            rng: Rng::new(seed),
            left: if pool.paragraphs() == 0 { 0 } else { total },
            number: 0,
        }
    }
}

impl Iterator for Generator<'_> {
    type Item = GenDoc;

    fn next(&mut self) -> Option<GenDoc> {
        if self.left == 0 {
            return None;
        }
        let rng = &mut self.rng;
        let src = self.pool.pick(rng);
        let all = src.preambular.len() + src.operative.len();
        let want = (4 + rng.below(37)).min(all).min(self.left);
        // The window always takes at least one operative paragraph, for the same reason.
        let first = (src.preambular.len() + 1).saturating_sub(want);
        let start = first + rng.below(all - want + 1 - first);
        let number = self.number;
        // 70 sessions × as many numbers as needed: `NN/NNN` never repeats.
        let session = 10 + number % 70;
        let serial = number / 70 + 1;
        let mut text = String::with_capacity(want * 320 + 200);
        text.push_str(&format!("{session}/{serial}. {}\n\n", src.title));
        text.push_str(if src.french {
            "L'Assemblée générale,\n\n"
        } else {
            "The General Assembly,\n\n"
        });
        let mut paragraphs = Vec::with_capacity(want);
        let mut op = 0;
        for k in start..start + want {
            let (body, operative) = match src.preambular.get(k) {
                Some(p) => (p, false),
                None => (&src.operative[k - src.preambular.len()], true),
            };
            if operative {
                op += 1;
                text.push_str(&format!("{op}. "));
            }
            let from = text.len();
            mutate(body, rng, &mut text);
            paragraphs.push(from..text.len());
            text.push_str("\n\n");
        }
        self.left -= want;
        self.number += 1;
        Some(GenDoc {
            number,
            text,
            paragraphs,
        })
    }
}

/// The paragraphs of a generated library, in memory, for benchmarks that index them directly.
pub fn paragraphs(pool: &Pool, seed: u64, total: usize) -> Vec<String> {
    let mut out = Vec::with_capacity(total);
    for doc in Generator::new(pool, seed, total) {
        out.extend(doc.paragraph_texts().map(str::to_owned));
    }
    out
}
