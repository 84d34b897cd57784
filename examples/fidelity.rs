//! The parser's fidelity report: what it made of each file, and what looks wrong.
//!
//! ```text
//! cargo run --release --example fidelity -- DIR_OR_FILE... [--verbose] [--tsv]
//! ```
//!
//! For each `.txt` or `.md` file (folders searched recursively) it prints the preambular,
//! operative and annex paragraph counts, footnotes found, footnote calls without bodies and
//! bodies without calls, paragraphs holding layout noise (running headers, page marks, job
//! numbers, barcodes, mastheads, a running title), literal newlines, suspicious joins (two
//! paragraphs run together, a word split in two), operative ids that differ from the number
//! printed on the paragraph, and the title and date. Totals come last. `--verbose` quotes every
//! finding; `--tsv` prints the per-file table as tab-separated values; `--dump FILE` also writes
//! the `Debug` form of every parsed document there, so two builds can be diffed to prove that a
//! change to the parser changed nothing it should not have.
//!
//! The checks are deliberately independent of the parser's own rules: they look at its output
//! text with simple patterns, so that a parser change cannot hide its own mistakes.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use plenary::document::{Document, Markup, ParagraphKind, parse, source};
use regex::Regex;

#[derive(Default, Clone, Copy)]
struct Counts {
    files: usize,
    pp: usize,
    op: usize,
    annex: usize,
    parts: usize,
    footnotes: usize,
    calls_without_body: usize,
    bodies_without_call: usize,
    noise: usize,
    newlines: usize,
    joins: usize,
    split_words: usize,
    id_mismatch: usize,
    bad_title: usize,
    no_date: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.files += o.files;
        self.pp += o.pp;
        self.op += o.op;
        self.annex += o.annex;
        self.parts += o.parts;
        self.footnotes += o.footnotes;
        self.calls_without_body += o.calls_without_body;
        self.bodies_without_call += o.bodies_without_call;
        self.noise += o.noise;
        self.newlines += o.newlines;
        self.joins += o.joins;
        self.split_words += o.split_words;
        self.id_mismatch += o.id_mismatch;
        self.bad_title += o.bad_title;
        self.no_date += o.no_date;
    }
}

struct Patterns {
    job_number: Regex,
    barcode: Regex,
    page_mark: Regex,
    masthead: Regex,
    page_word: Regex,
    running_symbol: Regex,
    embedded_operative: Regex,
    embedded_preambular: Regex,
    embedded_closing: Regex,
    subparagraph: Regex,
    printed_number: Regex,
    date_like_title: Regex,
    opener_title: Regex,
}

impl Patterns {
    fn new() -> Patterns {
        let r = |s: &str| Regex::new(s).expect("valid pattern");
        Patterns {
            job_number: r(r"\b\d{2}-\d{5}(?:\s*\([A-Z]\))?"),
            barcode: r(r"\*\d{7,}\*"),
            // "2/5" alone, not a resolution number ("resolution 71/31", "5/14"): small numbers,
            // first not above the second, not after a word that introduces a symbol.
            page_mark: r(r"(?:^|\s)(\d{1,2})/(\d{1,2})(?:\s|$)"),
            masthead: r(r"Distr\.?\s*:\s*(?:General|Limited|Restricted)|^United Nations\s+[AS]/"),
            page_word: r(r"(?:^|\s)Page \d+(?:\s|$)"),
            running_symbol: r(r"\b[AS]/RES/\d+(?:/\d+)?(?: \(\d{4}\))?"),
            // "…; 5. Requests": a numbered paragraph run into the one before.
            embedded_operative: r(r"[.;:]\s+(\d{1,3})\.\s+\p{Lu}\p{Ll}+s\b"),
            // "…, Recalling also": a preambular paragraph run into the one before.
            embedded_preambular: r(
                r"[,;]\s+(Recalling|Reaffirming|Noting|Welcoming|Emphasizing|Stressing|Recognizing|Expressing|Taking note|Bearing in mind|Convinced|Concerned|Deeply concerned|Rappelant|Réaffirmant|Notant|Prenant acte|Soulignant|Considérant|Convaincu|Préoccupé)\b",
            ),
            embedded_closing: r(r"\S.*\b(?:plenary meeting|séance plénière)\b"),
            subparagraph: r(r"^(?:\(?[a-z]{1,4}\)|\(?[0-9]{1,2}\)|[-–—•])(?:\s|$)"),
            printed_number: r(r"^\s*(\d{1,3})\.(?:\s|$)"),
            date_like_title: r(
                r"(?i)^(?:of|du|le)?\s*\d{1,2}(?:er|st|nd|rd|th)?\s+(?:january|february|march|april|may|june|july|august|september|october|november|december|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\s+\d{4}\.?$",
            ),
            opener_title: r(
                r"^(?:Having|Recalling|Noting|Considering|Taking|Reaffirming|Deeply|Gravely|Rappelant|Notant|Ayant|Considérant|Prenant)\b",
            ),
        }
    }
}

fn main() {
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut verbose = false;
    let mut tsv = false;
    let mut dump: Option<std::io::BufWriter<std::fs::File>> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--dump" => {
                let Some(path) = args.next() else {
                    eprintln!("--dump needs a file name");
                    std::process::exit(2);
                };
                match std::fs::File::create(&path) {
                    Ok(f) => dump = Some(std::io::BufWriter::new(f)),
                    Err(e) => {
                        eprintln!("{path}: {e}");
                        std::process::exit(2);
                    }
                }
            }
            "--verbose" | "-v" => verbose = true,
            "--tsv" => tsv = true,
            "-h" | "--help" => {
                eprintln!("usage: fidelity DIR_OR_FILE... [--verbose] [--tsv]");
                return;
            }
            _ => paths.push(PathBuf::from(a)),
        }
    }
    if paths.is_empty() {
        eprintln!("usage: fidelity DIR_OR_FILE... [--verbose] [--tsv]");
        std::process::exit(2);
    }
    let patterns = Patterns::new();
    let mut total = Counts::default();
    if tsv {
        println!(
            "file\tsymbol\tdate\tpp\top\tannex\tparts\tfootnotes\tcalls_no_body\tbodies_no_call\tnoise\tnewlines\tjoins\tsplit_words\tid_mismatch\ttitle"
        );
    }
    for dir in &paths {
        let (sources, errors) = source::load_paths(std::slice::from_ref(dir));
        for e in errors {
            eprintln!("{e}");
        }
        let mut set = Counts::default();
        for s in &sources {
            // A development set's own notes are not documents of the set.
            let name = s.path.rsplit('/').next().unwrap_or(&s.path);
            if ["SOURCE.md", "METADATA.md", "README.md"].contains(&name) {
                continue;
            }
            let doc = parse::parse(s);
            if let Some(out) = dump.as_mut() {
                use std::io::Write;
                if let Err(e) = writeln!(out, "{doc:#?}") {
                    eprintln!("dump: {e}");
                    std::process::exit(1);
                }
            }
            let mut findings: Vec<String> = Vec::new();
            let c = check(&doc, &patterns, &mut findings);
            if tsv {
                println!(
                    "{name}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    doc.symbol.as_ref().map_or("", |s| s.as_str()),
                    doc.date.as_deref().unwrap_or(""),
                    c.pp,
                    c.op,
                    c.annex,
                    c.parts,
                    c.footnotes,
                    c.calls_without_body,
                    c.bodies_without_call,
                    c.noise,
                    c.newlines,
                    c.joins,
                    c.split_words,
                    c.id_mismatch,
                    doc.title.replace('\t', " "),
                );
            } else {
                let flags = flags(&c);
                println!(
                    "{name:<28} {:<18} {:<10} PP {:>3} OP {:>3} AX {:>3} fn {:>3}{}{}",
                    doc.symbol.as_ref().map_or("—", |s| s.as_str()),
                    doc.date.as_deref().unwrap_or("—"),
                    c.pp,
                    c.op,
                    c.annex,
                    c.footnotes,
                    if flags.is_empty() { "" } else { "  " },
                    flags,
                );
                println!("    title: {}", cut(&doc.title, 100));
                if verbose {
                    for f in &findings {
                        println!("    - {f}");
                    }
                }
            }
            set.add(&c);
        }
        if !tsv {
            println!("{}", summary(&dir.display().to_string(), &set));
            println!();
        }
        total.add(&set);
    }
    if !tsv && paths.len() > 1 {
        println!("{}", summary("TOTAL", &total));
    }
}

fn flags(c: &Counts) -> String {
    let mut out = Vec::new();
    let mut put = |n: usize, what: &str| {
        if n > 0 {
            out.push(format!("{what} {n}"));
        }
    };
    put(c.calls_without_body, "calls-without-body");
    put(c.bodies_without_call, "bodies-without-call");
    put(c.noise, "noise");
    put(c.newlines, "newlines");
    put(c.joins, "joins");
    put(c.split_words, "split-words");
    put(c.id_mismatch, "id≠printed");
    put(c.bad_title, "title?");
    put(c.no_date, "no-date");
    out.join(", ")
}

fn summary(name: &str, c: &Counts) -> String {
    format!(
        "== {name}: {} files; PP {} OP {} annex {} parts {}; footnotes {}; calls without body {}; bodies without call {}; noise {}; literal newlines {}; joins {}; split words {}; OP id ≠ printed {}; titles suspect {}; no date {}",
        c.files,
        c.pp,
        c.op,
        c.annex,
        c.parts,
        c.footnotes,
        c.calls_without_body,
        c.bodies_without_call,
        c.noise,
        c.newlines,
        c.joins,
        c.split_words,
        c.id_mismatch,
        c.bad_title,
        c.no_date
    )
}

fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}

fn check(doc: &Document, p: &Patterns, findings: &mut Vec<String>) -> Counts {
    let mut c = Counts {
        files: 1,
        footnotes: doc.footnotes.len(),
        ..Counts::default()
    };
    let mut parts: HashSet<String> = HashSet::new();
    for para in &doc.paragraphs {
        match para.kind {
            ParagraphKind::Preambular => c.pp += 1,
            ParagraphKind::Operative => c.op += 1,
            _ => {}
        }
        if para.kind == ParagraphKind::Annex {
            c.annex += 1;
        }
        if let Some(part) = paragraph_part(&para.id) {
            parts.insert(part);
        }
    }
    c.parts = parts.len();

    // Footnotes: every call has a body, every body is called.
    let bodies: HashSet<&str> = doc.footnotes.iter().map(|f| f.marker.as_str()).collect();
    let mut called: HashSet<String> = HashSet::new();
    for para in &doc.paragraphs {
        for m in &para.markup {
            if let Markup::FootnoteRef { marker, .. } = m {
                called.insert(marker.clone());
                if !bodies.contains(marker.as_str()) {
                    c.calls_without_body += 1;
                    findings.push(format!("{}: call {marker} has no body", para.id));
                }
            }
        }
    }
    for f in &doc.footnotes {
        for m in &f.markup {
            if let Markup::FootnoteRef { marker, .. } = m {
                called.insert(marker.clone());
            }
        }
    }
    for f in &doc.footnotes {
        if !called.contains(&f.marker) {
            c.bodies_without_call += 1;
            findings.push(format!(
                "footnote {} is called nowhere: {}",
                f.marker,
                cut(&f.text, 60)
            ));
        }
    }

    let own_symbol = doc.symbol.as_ref().map(|s| s.as_str().to_string());
    let (vocabulary, pairs) = vocabulary(doc);
    for para in &doc.paragraphs {
        let text = &para.text;
        let mut noise = Vec::new();
        if let Some(m) = p.job_number.find(text) {
            noise.push(format!("job number {:?}", m.as_str()));
        }
        if let Some(m) = p.barcode.find(text) {
            noise.push(format!("barcode {:?}", m.as_str()));
        }
        for caps in p.page_mark.captures_iter(text) {
            let (a, b) = (&caps[1], &caps[2]);
            let (a, b): (u32, u32) = (a.parse().unwrap_or(0), b.parse().unwrap_or(0));
            let start = caps.get(0).map_or(0, |m| m.start());
            let before = text[..start].trim_end().to_lowercase();
            let symbolic = [
                "resolution",
                "resolutions",
                "decision",
                "decisions",
                "and",
                ",",
            ]
            .iter()
            .any(|w| before.ends_with(w));
            if a >= 1 && a <= b && b <= 40 && !symbolic {
                noise.push(format!("page mark {a}/{b}"));
            }
        }
        if let Some(m) = p.masthead.find(text) {
            noise.push(format!("masthead {:?}", m.as_str()));
        }
        if let Some(m) = p.page_word.find(text) {
            noise.push(format!("page number {:?}", m.as_str().trim()));
        }
        if let Some(own) = &own_symbol {
            for m in p.running_symbol.find_iter(text) {
                if m.as_str() == own
                    && !para
                        .citations
                        .iter()
                        .any(|c| c.range.start <= m.start() && m.end() <= c.range.end)
                {
                    noise.push(format!("running header {own}"));
                }
            }
        }
        // The document's own title repeated inside a paragraph: a running title.
        if doc.title.chars().count() >= 25 && para.kind != ParagraphKind::Heading {
            // Cited in a sentence ("signing of the … Treaty") it follows an article or a
            // preposition; a running title lands between any two words.
            // Its first six words: a running title wraps where the page does.
            let head: String = doc
                .title
                .split_whitespace()
                .take(6)
                .collect::<Vec<_>>()
                .join(" ");
            if let Some(at) = text.find(head.as_str()) {
                let before = text[..at].trim_end();
                let word = before
                    .rsplit(char::is_whitespace)
                    .next()
                    .unwrap_or("")
                    .to_lowercase();
                let cited = before.ends_with(['“', '"', '«', '‘'])
                    || [
                        "the",
                        "a",
                        "an",
                        "of",
                        "on",
                        "entitled",
                        "to",
                        "and",
                        "for",
                        "in",
                        "at",
                        "by",
                        "with",
                        "adopts",
                        "la",
                        "le",
                        "les",
                        "de",
                        "du",
                        "des",
                        "intitulé",
                    ]
                    .contains(&word.as_str());
                if !cited {
                    noise.push("running title".to_string());
                }
            }
        }
        if !noise.is_empty() {
            c.noise += noise.len();
            findings.push(format!(
                "{}: layout noise ({}): {}",
                para.id,
                noise.join(", "),
                cut(text, 80)
            ));
        }

        // Literal newlines: only a sub-paragraph may start a new line.
        for line in text.split('\n').skip(1) {
            if !p.subparagraph.is_match(line.trim_start()) {
                c.newlines += 1;
                findings.push(format!(
                    "{}: literal newline before {:?}",
                    para.id,
                    cut(line, 40)
                ));
            }
        }

        // Joins: a numbered paragraph, a preambular opening or a closing inside a paragraph.
        let body = text.split('\n').next().unwrap_or("");
        if let Some(m) = p.embedded_operative.captures(body) {
            c.joins += 1;
            findings.push(format!(
                "{}: paragraph {} runs inside it: …{}",
                para.id,
                &m[1],
                cut(&body[m.get(0).map_or(0, |m| m.start())..], 50)
            ));
        }
        if matches!(para.kind, ParagraphKind::Preambular)
            && let Some(m) = p.embedded_preambular.find(body)
        {
            c.joins += 1;
            findings.push(format!(
                "{}: a preambular opening inside it: …{}",
                para.id,
                cut(&body[m.start()..], 50)
            ));
        }
        if para.kind != ParagraphKind::Closing && p.embedded_closing.is_match(text) {
            c.joins += 1;
            findings.push(format!(
                "{}: the closing meeting line inside it: {}",
                para.id,
                cut(text, 60)
            ));
        }

        // Split words: two fragments that are not words, whose join is a word of the document.
        let words: Vec<&str> = text.split_whitespace().collect();
        for w in words.windows(2) {
            let (a, b) = (w[0], w[1]);
            if !(a.chars().all(char::is_alphabetic) && b.chars().all(|ch| ch.is_alphabetic())) {
                continue;
            }
            let b_core = b.trim_end_matches([',', '.', ';', ':']);
            if a.is_empty() || b_core.is_empty() || !b_core.chars().all(char::is_lowercase) {
                continue;
            }
            let a_l = a.to_lowercase();
            let joined = format!("{a_l}{b_core}");
            let count = |w: &str| vocabulary.get(w).copied().unwrap_or(0);
            let pair = pairs
                .get(&(a_l.clone(), b_core.to_string()))
                .copied()
                .unwrap_or(0);
            // The joined word stands elsewhere, and one fragment never stands alone.
            if count(&joined) > 0
                && (count(&a_l) <= pair || count(b_core) <= pair)
                && joined.chars().count() >= 6
            {
                c.split_words += 1;
                findings.push(format!("{}: split word {a:?} {b_core:?}", para.id));
            }
        }

        // The printed number is the id.
        if para.kind == ParagraphKind::Operative
            && let Some(n) = p.printed_number.captures(text)
        {
            let printed = &n[1];
            let id_number: String = para
                .id
                .rsplit(|ch: char| !ch.is_ascii_digit())
                .next()
                .unwrap_or("")
                .to_string();
            if id_number != printed {
                c.id_mismatch += 1;
                findings.push(format!("{}: printed {printed}.", para.id));
            }
        }
    }

    // Title and date.
    let t = doc.title.trim();
    let first_text = doc
        .paragraphs
        .iter()
        .find(|p| p.kind != ParagraphKind::Heading)
        .map(|p| p.text.as_str())
        .unwrap_or("");
    let stem = t.trim_end_matches('…');
    let bad = if t.is_empty() {
        Some("empty")
    } else if p.date_like_title.is_match(t) {
        Some("a date")
    } else if p.opener_title.is_match(t) {
        Some("a preambular opening")
    } else if t.ends_with('…') && first_text.starts_with(stem) {
        Some("the first paragraph cut short")
    } else {
        None
    };
    if let Some(why) = bad {
        c.bad_title = 1;
        findings.push(format!("title is {why}: {}", cut(t, 60)));
    }
    if doc.date.is_none() {
        c.no_date = 1;
        findings.push("no date".to_string());
    }
    c
}

/// A part prefix of a paragraph id ("A.OP3" → "A"), if the parser gives one.
fn paragraph_part(id: &str) -> Option<String> {
    let (part, rest) = id.split_once('.')?;
    // "Art2.intro": an article's opening words, not a part.
    let article = ["Art", "Rule"].iter().any(|a| {
        part.strip_prefix(a)
            .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
    });
    (!part.is_empty() && !rest.is_empty() && !article).then(|| part.to_string())
}

type Pairs = HashMap<(String, String), usize>;

/// How often each lower-case word of the document occurs, and each pair of adjacent words, for
/// the split-word check.
fn vocabulary(doc: &Document) -> (HashMap<String, usize>, Pairs) {
    let mut words = HashMap::new();
    let mut pairs = HashMap::new();
    for t in doc
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .chain(doc.footnotes.iter().map(|f| f.text.as_str()))
    {
        let mut prev: Option<String> = None;
        for w in t.split(|c: char| !c.is_alphabetic()) {
            if w.is_empty() {
                continue;
            }
            let w = w.to_lowercase();
            *words.entry(w.clone()).or_insert(0) += 1;
            if let Some(p) = prev.take() {
                *pairs.entry((p, w.clone())).or_insert(0) += 1;
            }
            prev = Some(w);
        }
    }
    (words, pairs)
}
