//! The corpus: every loaded document, looked up by id or symbol, with its citation graph.

use std::collections::HashMap;
use std::path::PathBuf;

use super::cite::{Citation, Reference, title_similarity};
use super::model::{Document, DocumentKind, Language, ParagraphKind};
use super::parse;
use super::source::{self, LoadError, Source};

/// Collections in the order the library lists them; user collections come after.
const COLLECTION_ORDER: [&str; 4] = ["Seeds", "Charter", "Security Council", "General Assembly"];

/// Below this, a title-and-date citation is not taken to name a document.
const TITLE_MATCH_THRESHOLD: f64 = 0.5;

/// Where a citation lands: a document index, and the paragraph it names, if any.
type Resolved = (usize, Option<String>);

#[derive(Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    /// Files that could not be loaded, one line each.
    pub errors: Vec<LoadError>,
    by_id: HashMap<String, usize>,
    by_symbol: HashMap<String, usize>,
    /// Documents by adoption date, for title-and-date citations.
    by_date: HashMap<String, Vec<usize>>,
    /// The UN Charter in each language it is loaded in.
    charters: Vec<usize>,
    /// Collections in library order, each in natural document order: computed once, read by
    /// every frame of the reader.
    order: Vec<(String, Vec<usize>)>,
}

impl Corpus {
    /// The bundled library (unless `bundled` is false) plus the user's files and folders.
    pub fn load(paths: &[PathBuf], bundled: bool) -> Corpus {
        let mut sources = if bundled {
            source::bundled()
        } else {
            Vec::new()
        };
        let (user, errors) = source::load_paths(paths);
        sources.extend(user);
        let mut corpus = Corpus::from_sources(&sources);
        corpus.errors = errors;
        corpus
    }

    pub fn from_sources(sources: &[Source]) -> Corpus {
        Corpus::from_documents(parse_all(sources, |_| {}))
    }

    /// Links a set of parsed documents: unique ids, symbol lookup, citation targets and backlinks.
    pub fn from_documents(documents: Vec<Document>) -> Corpus {
        let mut corpus = Corpus::from_linked(documents);
        corpus.link();
        corpus
    }

    /// Documents that were linked together before (the start-up cache): ids and lookups only.
    pub(crate) fn from_linked(documents: Vec<Document>) -> Corpus {
        let mut corpus = Corpus::default();
        corpus.add(documents);
        corpus
    }

    /// Adds documents (the user's files, next to a cached bundled library) and links the whole
    /// set again: their citations may land in the documents already here, those gain backlinks,
    /// and a citation here that found nothing before may now name one of the new documents.
    /// Ids already here keep theirs; a new document with a taken id gets a suffix.
    pub fn extend(&mut self, documents: Vec<Document>) {
        if documents.is_empty() {
            return;
        }
        self.add(documents);
        self.link();
    }

    /// Appends documents with unique ids and registers them in the lookups (the first document
    /// with a symbol keeps it) and the library order. Does not link.
    fn add(&mut self, documents: Vec<Document>) {
        let start = self.documents.len();
        self.documents.extend(documents);
        self.by_id.reserve(self.documents.len() - start);
        // The next suffix to try for each id taken: many documents of one id (the same symbol
        // in many files) then cost one look-up each, not one per document before them.
        let mut next: HashMap<String, usize> = HashMap::new();
        for (i, doc) in self.documents.iter_mut().enumerate().skip(start) {
            if self.by_id.contains_key(&doc.id) {
                let n = next.entry(doc.id.clone()).or_insert(2);
                while self.by_id.contains_key(&format!("{}-{n}", doc.id)) {
                    *n += 1;
                }
                doc.id = format!("{}-{n}", doc.id);
                *n += 1;
            }
            self.by_id.insert(doc.id.clone(), i);
        }
        for (i, doc) in self.documents.iter().enumerate().skip(start) {
            if let Some(s) = &doc.symbol {
                self.by_symbol.entry(s.key()).or_insert(i);
                self.by_symbol.entry(s.base_key()).or_insert(i);
            }
            if let Some(d) = &doc.date {
                self.by_date.entry(d.clone()).or_default().push(i);
            }
            if doc.kind == DocumentKind::Treaty && is_un_charter(doc) {
                self.charters.push(i);
            }
        }
        self.borrow_titles();
        self.order = library_order(&self.documents);
    }

    /// A document titled only by its symbol (a French Security Council text, which names no
    /// subject the parser can find) takes the title of another text of the same symbol, its
    /// English one: a library row says what the resolution is about.
    fn borrow_titles(&mut self) {
        for i in 0..self.documents.len() {
            let doc = &self.documents[i];
            let Some(sym) = &doc.symbol else { continue };
            if doc.title != sym.to_string() {
                continue;
            }
            let titled = |j: &usize| {
                let other = &self.documents[*j];
                *j != i
                    && other
                        .symbol
                        .as_ref()
                        .is_some_and(|s| other.title != s.to_string())
            };
            let Some(&j) = self.by_symbol.get(&sym.key()).filter(|j| titled(j)) else {
                continue;
            };
            self.documents[i].title = self.documents[j].title.clone();
        }
    }

    pub fn get(&self, id: &str) -> Option<&Document> {
        self.by_id.get(id).map(|&i| &self.documents[i])
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// A document named the way a user would: its id, its symbol (`A/RES/77/338`, `77/338`,
    /// `S/RES/242`), or its path.
    pub fn find(&self, name: &str) -> Option<usize> {
        let name = name.trim();
        if let Some(i) = self.index_of(name) {
            return Some(i);
        }
        if let Some(i) = self.index_of(&name.to_lowercase()) {
            return Some(i);
        }
        // A file's path before its symbol: `S_RES_279_1970_FR.txt` is that file, not the
        // bundled S/RES/279 (1970) its name parses to.
        // The file as named (a name may hold what the shown path has as `?`), else as shown.
        let canonical = std::fs::canonicalize(name).ok();
        let by_path = self.documents.iter().position(|d| {
            d.file.as_deref() == Some(std::path::Path::new(name))
                || d.path == name
                || d.path.strip_prefix("bundled:") == Some(name)
                || canonical.as_ref().is_some_and(|a| {
                    let file = d.file.as_deref().unwrap_or(std::path::Path::new(&d.path));
                    std::fs::canonicalize(file).is_ok_and(|b| *a == b)
                })
        });
        if by_path.is_some() {
            return by_path;
        }
        let sym = super::symbol::Symbol::parse(name)?;
        self.by_symbol
            .get(&sym.key())
            .or_else(|| self.by_symbol.get(&sym.base_key()))
            .copied()
    }

    /// Collections with their documents, in library order.
    pub fn collections(&self) -> impl Iterator<Item = (&str, &[usize])> {
        self.order
            .iter()
            .map(|(name, members)| (name.as_str(), members.as_slice()))
    }

    /// Resolves every citation to a document where the corpus has one, and fills the backlinks.
    ///
    /// Runs again over documents linked before (see `extend`): each citation first goes back to
    /// the state `find_citations` left it in, so the result equals linking the set from scratch.
    fn link(&mut self) {
        for doc in &mut self.documents {
            let language = doc.language;
            for p in &mut doc.paragraphs {
                p.citations.iter_mut().for_each(|c| unlink(c, language));
            }
            for f in &mut doc.footnotes {
                f.citations.iter_mut().for_each(|c| unlink(c, language));
            }
        }
        let resolved: Vec<Vec<Option<Resolved>>> = self
            .documents
            .iter()
            .map(|doc| {
                doc.citations()
                    .map(|c| self.resolve(&c.reference, c.pinpoint.as_deref(), doc.language))
                    .collect()
            })
            .collect();
        let mut cited_by: Vec<Vec<usize>> = vec![Vec::new(); self.documents.len()];
        let mut own_citations: Vec<Vec<bool>> = Vec::with_capacity(self.documents.len());
        for (di, found) in resolved.into_iter().enumerate() {
            let links: Vec<_> = found
                .into_iter()
                .map(|t| {
                    t.map(|(ti, paragraph)| {
                        let target = &self.documents[ti];
                        (ti, target.id.clone(), target.symbol.clone(), paragraph)
                    })
                })
                .collect();
            let doc = &mut self.documents[di];
            let language = doc.language;
            let citations = doc
                .paragraphs
                .iter_mut()
                .flat_map(|p| p.citations.iter_mut())
                .chain(
                    doc.footnotes
                        .iter_mut()
                        .flat_map(|f| f.citations.iter_mut()),
                );
            // The Charter's "la présente Charte" and the like cite the document itself.
            let own: Vec<bool> = links
                .iter()
                .map(|l| l.as_ref().is_some_and(|(ti, ..)| *ti == di))
                .collect();
            for (c, link) in citations.zip(links) {
                if let Some((ti, id, symbol, paragraph)) = link {
                    c.target = Some(id);
                    // The id the named paragraph has in the target; as the text names it when
                    // the target has none such.
                    if paragraph.is_some() {
                        c.paragraph = paragraph;
                    }
                    if c.symbol.is_none() {
                        c.symbol = symbol;
                    }
                    if ti != di && !cited_by[ti].contains(&di) {
                        cited_by[ti].push(di);
                    }
                }
                if c.url.is_none() {
                    c.url = c.symbol.as_ref().map(|s| s.url(language));
                }
            }
            own_citations.push(own);
        }
        for (doc, own) in self.documents.iter_mut().zip(own_citations) {
            let mut own = own.into_iter();
            for p in &mut doc.paragraphs {
                p.citations.retain(|_| !own.next().unwrap_or(false));
            }
            for f in &mut doc.footnotes {
                f.citations.retain(|_| !own.next().unwrap_or(false));
            }
        }
        for (i, mut sources) in cited_by.into_iter().enumerate() {
            sources.sort_by_cached_key(|&s| natural_key(&self.documents[s].id));
            self.documents[i].cited_by = sources
                .into_iter()
                .map(|s| self.documents[s].id.clone())
                .collect();
        }
    }

    /// The document (and paragraph, where the citation names one) a reference points at.
    fn resolve(
        &self,
        reference: &Reference,
        pinpoint: Option<&str>,
        language: Language,
    ) -> Option<Resolved> {
        match reference {
            Reference::Symbol(sym) => self
                .by_symbol
                .get(&sym.key())
                .or_else(|| self.by_symbol.get(&sym.base_key()))
                .map(|&i| {
                    (
                        i,
                        pinpoint.and_then(|p| named_paragraph(&self.documents[i], p)),
                    )
                }),
            Reference::TitleDate { title, date } => self
                .by_date
                .get(date)?
                .iter()
                .map(|&i| (i, title_similarity(title, &self.documents[i].title)))
                .filter(|(_, s)| *s >= TITLE_MATCH_THRESHOLD)
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(i, _)| (i, None)),
            Reference::Charter { part } => {
                let i = self
                    .charters
                    .iter()
                    .copied()
                    .find(|&c| self.documents[c].language == language)
                    .or_else(|| self.charters.first().copied())?;
                let doc = &self.documents[i];
                let paragraph = pinpoint
                    .and_then(|p| named_paragraph(doc, p))
                    .or_else(|| part.as_deref().and_then(|part| charter_heading(doc, part)));
                Some((i, paragraph))
            }
        }
    }
}

/// How far loading has come: documents parsed so far, out of how many need parsing (cached
/// documents need none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// Parses every source, on as many threads as there are cores (the parser is a pure function
/// of its source), keeping their order. `progress` is called on this thread with the number
/// parsed so far.
pub fn parse_all(sources: &[Source], mut progress: impl FnMut(usize)) -> Vec<Document> {
    use rayon::prelude::*;
    if sources.len() < 16 {
        return sources
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let doc = parse::parse(s);
                progress(i + 1);
                doc
            })
            .collect();
    }
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::scope(|scope| {
        let worker = scope.spawn(move || {
            sources
                .par_iter()
                .map_with(tx, |tx, s| {
                    let doc = parse::parse(s);
                    // The receiver lives until every document is parsed.
                    let _ = tx.send(());
                    doc
                })
                .collect::<Vec<Document>>()
        });
        for (done, ()) in rx.into_iter().enumerate() {
            progress(done + 1);
        }
        worker
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e))
    })
}

/// `f` of every item, on every core (rayon's pool), in the items' order.
pub(crate) fn map_parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    use rayon::prelude::*;
    items.par_iter().map(&f).collect()
}

/// Collections in the order the library lists them, documents in natural order within each.
fn library_order(documents: &[Document]) -> Vec<(String, Vec<usize>)> {
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, doc) in documents.iter().enumerate() {
        match index.get(doc.collection.as_str()) {
            Some(&g) => groups[g].1.push(i),
            None => {
                index.insert(doc.collection.as_str(), groups.len());
                groups.push((doc.collection.clone(), vec![i]));
            }
        }
    }
    let rank = |name: &str| {
        COLLECTION_ORDER
            .iter()
            .position(|c| *c == name)
            .unwrap_or(COLLECTION_ORDER.len())
    };
    groups.sort_by_key(|(name, _)| rank(name));
    for (_, members) in &mut groups {
        members.sort_by_cached_key(|&d| natural_key(&documents[d].id));
    }
    groups
}

/// Undoes what `link` did to a citation: as `find_citations` made it, a symbol (and its link)
/// only when the text wrote one, no target.
fn unlink(c: &mut Citation, language: Language) {
    c.target = None;
    c.paragraph.clone_from(&c.pinpoint);
    if let Reference::Symbol(s) = &c.reference {
        if c.symbol.as_ref() != Some(s) {
            c.symbol = Some(s.clone());
        }
        if c.url.is_none() {
            c.url = Some(s.url(language));
        }
    } else {
        c.symbol = None;
        c.url = None;
    }
}

/// Orders `s-res-9-1946` before `s-res-10-1946`: digit runs compare as numbers.
fn natural_key(id: &str) -> Vec<(String, u64)> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut chars = id.chars().peekable();
    while let Some(c) = chars.next() {
        if let Some(first) = c.to_digit(10) {
            let mut n = u64::from(first);
            while let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                n = n.saturating_mul(10).saturating_add(u64::from(d));
                chars.next();
            }
            out.push((std::mem::take(&mut text), n));
        } else {
            text.push(c);
        }
    }
    out.push((text, u64::MAX));
    out
}

fn is_un_charter(doc: &Document) -> bool {
    let t = doc.title.to_lowercase();
    t.contains("charte des nations unies") || t.contains("charter of the united nations")
}

/// The id in `doc` of the paragraph a citation names as `pinpoint` ("OP26", "PP3", "Art2(4)"):
/// the same id, or the operative (preambular) paragraph of that number in any part of a
/// resolution in parts ("F.OP26").
fn named_paragraph(doc: &Document, pinpoint: &str) -> Option<String> {
    if let Some(i) = doc.paragraph_index(pinpoint) {
        return Some(doc.paragraphs[i].id.clone());
    }
    let (kind, digits) = if let Some(n) = pinpoint.strip_prefix("OP") {
        (ParagraphKind::Operative, n)
    } else if let Some(n) = pinpoint.strip_prefix("PP") {
        (ParagraphKind::Preambular, n)
    } else {
        return None;
    };
    let n: u32 = digits.parse().ok()?;
    let mut found = doc
        .paragraphs
        .iter()
        .filter(|p| p.kind == kind && p.number() == Some(n));
    let first = found.next()?;
    // Numbered again in each part: the number alone names none of them.
    found.next().is_none().then(|| first.id.clone())
}

/// The heading paragraph for "Article 2" / "Chapitre VIII" / "Chapter VII" in a Charter text.
fn charter_heading(doc: &Document, part: &str) -> Option<String> {
    let part = part.trim().to_lowercase();
    let (word, number) = part.split_once(char::is_whitespace)?;
    let word = match word {
        "chapitre" | "chapter" => ["chapitre", "chapter"],
        "article" => ["article", "article"],
        _ => return None,
    };
    doc.paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Heading)
        .find(|p| {
            let text = p.text.to_lowercase();
            word.iter().any(|w| {
                text.strip_prefix(w)
                    .map(|rest| rest.trim_start())
                    .and_then(|rest| rest.strip_prefix(number))
                    .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
            })
        })
        .map(|p| p.id.clone())
}
