//! The command line: arguments, and the non-interactive commands for scripts, tests and benchmarks.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use anyhow::{Result, bail};
use clap::{Args, Parser, Subcommand};
use serde_json::{Value, json};

use crate::app::Library;
use crate::document::{Corpus, Document, LoadError, json};
use crate::search::Indexes;
use crate::store::LoadRequest;
use crate::store::bookmarks::{BookmarkStore, format_date};
use crate::store::library::{self as stored, SearchableLibrary};

#[derive(Debug, Parser)]
#[command(
    name = "plenary",
    version,
    // `plenary ./folder list`: a command name among the paths is the command.
    subcommand_precedence_over_arg = true,
    about = "A terminal reader for official documents: UN resolutions, declarations, treaties",
    long_about = "A terminal reader for official documents: UN resolutions, declarations, treaties.\n\n\
                  With no command, opens the reader on the bundled library plus any PATHs given."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub library: LibraryArgs,
}

#[derive(Debug, Clone, Args)]
pub struct LibraryArgs {
    /// Files (.txt, .md) or folders (searched recursively) to add to the library.
    #[arg(value_name = "PATH", global = true)]
    pub paths: Vec<PathBuf>,
    /// Leave the bundled documents out of the library.
    #[arg(long, global = true)]
    pub no_bundled: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// One row per document: id, symbol, date, kind, title, counts.
    List {
        /// Print a JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// The parsed document. DOC is an id, a symbol (A/RES/77/338 or 77/338) or a file path.
    Show {
        /// An id, a symbol (A/RES/77/338, 77/338, S/RES/242) or a file path.
        #[arg(value_name = "DOC")]
        doc: String,
        /// Print the document as JSON (see README for the schema).
        #[arg(long)]
        json: bool,
    },
    /// Outgoing citations (resolved target or official link) and backlinks of a document.
    Cites {
        /// An id, a symbol (A/RES/77/338, 77/338, S/RES/242) or a file path.
        #[arg(value_name = "DOC")]
        doc: String,
        /// Print {"citations": [...], "cited_by": [...]} as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Fuzzy-ranked paragraphs across the library, best first.
    Search {
        /// Words to find, all of them, in any order; case, accents and apostrophes are ignored.
        #[arg(value_name = "QUERY")]
        query: String,
        /// At most this many results.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Print an array of {doc, paragraph, score, text} as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print the saved bookmarks.
    Bookmarks {
        /// Print them as JSON (the file's own format).
        #[arg(long, conflicts_with = "markdown")]
        json: bool,
        /// Print them as Markdown, grouped by document.
        #[arg(long)]
        markdown: bool,
    },
    /// The settings file: `config.toml` in the config folder ([theme] styles).
    Config {
        /// Print a commented settings file with every default.
        #[arg(long)]
        default: bool,
    },
    /// Print a completion script for a shell (bash: `source <(plenary completions bash)`).
    Completions {
        #[arg(value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
}

/// What the reader's loader is to load, from the arguments.
pub fn load_request(args: &LibraryArgs) -> LoadRequest {
    LoadRequest {
        paths: args.paths.clone(),
        bundled: !args.no_bundled,
        cache_dir: crate::store::paths::cache_dir(),
    }
}

/// Runs `command` on the library named by `args`, loaded through the library cache (else the
/// bundled part through the start-up cache), unloadable files reported on stderr. Then, when
/// the library was read from its files and has files of the user's, writes its cache (building
/// the indexes) so that the next command, search or start of the reader does not read them
/// again; not when `cached` is false (`args` holds a document named for this command only).
/// The bundled library alone has its own cache already.
///
/// A problem with the file `named` (the document the command is about) is left to the command
/// to give as its error, so that it is said once.
fn with_library(
    args: &LibraryArgs,
    cached: bool,
    named: Option<&str>,
    out: &mut dyn Write,
    command: impl FnOnce(&Corpus, &mut dyn Write) -> Result<()>,
) -> Result<()> {
    let loaded = stored::load(&load_request(args), false, &mut |_| {});
    let named = named.map(std::path::Path::new);
    let others: Vec<&LoadError> = loaded
        .corpus
        .errors
        .iter()
        .filter(|e| e.is_warning() || Some(e.path()) != named)
        .collect();
    report(others);
    let result = command(&loaded.corpus, out);
    out.flush()?;
    if let (true, false, Some(to_store)) = (cached, args.paths.is_empty(), &loaded.to_store) {
        to_store.store(&loaded.corpus, &Indexes::build(&loaded.corpus));
    }
    result
}

fn report<'a>(errors: impl IntoIterator<Item = &'a LoadError>) {
    for e in errors {
        eprintln!("plenary: {e}");
    }
}

pub fn run_command(command: Command, args: &LibraryArgs, out: &mut dyn Write) -> Result<()> {
    match command {
        Command::List { json } => {
            with_library(args, true, None, out, |corpus, out| list(corpus, json, out))
        }
        Command::Show { doc, json } => {
            let (args, cached) = with_document_path(args, &doc);
            with_library(&args, cached, Some(&doc), out, |corpus, out| {
                show(find(corpus, &doc)?, json, out)
            })
        }
        Command::Cites { doc, json } => {
            let (args, cached) = with_document_path(args, &doc);
            with_library(&args, cached, Some(&doc), out, |corpus, out| {
                cites(corpus, find(corpus, &doc)?, json, out)
            })
        }
        Command::Search { query, limit, json } => search(args, &query, limit, json, out),
        Command::Bookmarks { json, markdown } => bookmarks(json, markdown, out),
        Command::Config { default } => {
            if default {
                write!(out, "{}", crate::ui::theme::default_file())?;
                return Ok(());
            }
            let loaded = crate::store::config::load();
            match &loaded.path {
                Some(path) => writeln!(
                    out,
                    "{}{}",
                    crate::text::visible_name_of_path(path),
                    if path.exists() {
                        ""
                    } else {
                        " (not there: every default in force)"
                    }
                )?,
                None => writeln!(out, "no config folder: every default in force")?,
            }
            let (_, mut problems) = crate::ui::theme::from_config(&loaded, false);
            problems.extend(crate::keymap::custom::customised(&loaded).1);
            for p in loaded.problems.iter().chain(&problems) {
                writeln!(out, "{p}")?;
            }
            if !(loaded.problems.is_empty() && problems.is_empty()) {
                bail!("the settings file has problems (above)");
            }
            Ok(())
        }
        Command::Completions { shell } => {
            use clap::CommandFactory;
            clap_complete::generate(shell, &mut Cli::command(), "plenary", out);
            Ok(())
        }
    }
}

/// `plenary show ./draft.txt`: a DOC that is a file outside the library is loaded with it. Also
/// says whether the library is the one the arguments name (false when the file was added).
fn with_document_path(args: &LibraryArgs, doc: &str) -> (LibraryArgs, bool) {
    let mut args = args.clone();
    let path = PathBuf::from(doc);
    let listed = args.paths.iter().any(|p| {
        p == &path
            || std::fs::canonicalize(p)
                .ok()
                .zip(std::fs::canonicalize(&path).ok())
                .is_some_and(|(a, b)| a == b || b.starts_with(a))
    });
    if path.is_file() && !listed {
        args.paths.push(path);
        return (args, false);
    }
    (args, true)
}

fn find<'a>(corpus: &'a Corpus, name: &str) -> Result<&'a Document> {
    if let Some(i) = corpus.find(name) {
        return Ok(&corpus.documents[i]);
    }
    if let Some(reason) = not_a_document(corpus, name) {
        bail!("{reason}");
    }
    bail!(
        "no document named {} in the library (try `plenary list`)",
        crate::text::visible_name(name)
    )
}

/// Why `name`, found nowhere in the library, names a file that is not a document: the reason
/// the library could not load it, or what is at that path (nothing, a folder, a pipe). None
/// when it reads as a symbol or an id instead.
fn not_a_document(corpus: &Corpus, name: &str) -> Option<String> {
    let path = std::path::Path::new(name);
    if let Some(e) = corpus
        .errors
        .iter()
        .find(|e| e.path() == path && !e.is_warning())
    {
        return Some(e.to_string());
    }
    let path_like = name.contains(std::path::MAIN_SEPARATOR)
        || name.contains('/')
        || path.extension().is_some_and(|e| {
            ["txt", "md", "pdf"]
                .iter()
                .any(|x| e.eq_ignore_ascii_case(x))
        });
    let path = path.to_path_buf();
    match std::fs::metadata(&path) {
        Ok(m) if m.is_dir() => Some(format!(
            "{}: a folder, not a document (`plenary list` on it lists its documents)",
            crate::document::source::shown_path(&path)
        )),
        Ok(m) if !m.is_file() => Some(LoadError::NotAFile { path }.to_string()),
        Ok(_) => None,
        Err(_) if !path_like || crate::document::symbol::Symbol::parse(name).is_some() => None,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Some(LoadError::Missing { path }.to_string())
        }
        Err(source) => Some(LoadError::Io { path, source }.to_string()),
    }
}

/// What `show --json` prints for `d`, as a value (to compare documents by).
pub fn document_json(d: &Document) -> Value {
    serde_json::to_value(json::Whole::of(d)).unwrap_or_default()
}

fn list(corpus: &Corpus, as_json: bool, out: &mut dyn Write) -> Result<()> {
    if as_json {
        let rows: Vec<json::Summary> = corpus.documents.iter().map(json::Summary::of).collect();
        write_json(out, &rows)?;
        return Ok(());
    }
    for (collection, members) in corpus.collections() {
        writeln!(out, "# {collection} ({})", members.len())?;
        for i in members {
            let d = &corpus.documents[*i];
            writeln!(
                out,
                "{:<26} {:<20} {:<10} {:<11} {:>4}¶ {:>3}fn {:>3}→ {:>3}←  {}",
                d.id,
                d.symbol.as_ref().map(|s| s.as_str()).unwrap_or("-"),
                d.date.as_deref().unwrap_or("-"),
                d.kind.as_str(),
                d.paragraphs.len(),
                d.footnotes.len(),
                d.citations().count(),
                d.cited_by.len(),
                d.title
            )?;
        }
    }
    Ok(())
}

fn show(d: &Document, as_json: bool, out: &mut dyn Write) -> Result<()> {
    if as_json {
        write_json(out, &json::Whole::of(d))?;
        return Ok(());
    }
    writeln!(out, "{}", d.title)?;
    writeln!(
        out,
        "{} · {} · {} · {} · {}",
        d.symbol.as_ref().map(|s| s.as_str()).unwrap_or("no symbol"),
        d.date.as_deref().unwrap_or("no date"),
        d.kind.as_str(),
        d.language.as_str(),
        d.path
    )?;
    writeln!(out)?;
    for p in &d.paragraphs {
        writeln!(out, "[{}] {}", p.id, p.text.replace('\n', "\n      "))?;
    }
    if !d.footnotes.is_empty() {
        writeln!(out, "\n---")?;
        for f in &d.footnotes {
            writeln!(out, "{} {}", f.marker, f.text)?;
        }
    }
    Ok(())
}

fn cites(corpus: &Corpus, d: &Document, as_json: bool, out: &mut dyn Write) -> Result<()> {
    let mut rows = Vec::new();
    for p in &d.paragraphs {
        for c in &p.citations {
            rows.push((p.id.clone(), c));
        }
    }
    for f in &d.footnotes {
        for c in &f.citations {
            rows.push((format!("footnote {}", f.marker), c));
        }
    }
    if as_json {
        write_json(out, &json::Cites::of(d, &rows))?;
        return Ok(());
    }
    writeln!(out, "Citations in {}:", d.label())?;
    for (from, c) in &rows {
        let to = match (&c.target, &c.url) {
            (Some(t), _) => {
                let label = corpus.get(t).map(|t| t.label()).unwrap_or_default();
                match &c.paragraph {
                    Some(p) => format!("→ {t} ({label}, {p})"),
                    None => format!("→ {t} ({label})"),
                }
            }
            (None, Some(url)) => format!("not in library: {url}"),
            (None, None) => "not in library".to_string(),
        };
        writeln!(out, "  {from:<12} {:<40} {to}", c.text.replace('\n', " "))?;
    }
    writeln!(out, "Cited by:")?;
    if d.cited_by.is_empty() {
        writeln!(out, "  (nothing in the library)")?;
    }
    for id in &d.cited_by {
        let label = corpus.get(id).map(|t| t.label()).unwrap_or_default();
        writeln!(out, "  {id} ({label})")?;
    }
    Ok(())
}

/// Searches the library cache when it is valid, reading only the documents shown; otherwise
/// loads the library, indexes it, and leaves the cache for the next search.
fn search(
    args: &LibraryArgs,
    query: &str,
    limit: usize,
    as_json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    if query.trim().is_empty() {
        bail!("the search query is empty");
    }
    // Searching folds punctuation away: `*` or `'` alone would match every paragraph.
    if !query.chars().any(char::is_alphanumeric) {
        bail!("the search query {query:?} has no letter or digit to search for");
    }
    let request = load_request(args);
    let mut rows: Vec<Value> = Vec::new();
    let mut row = |doc: &Document, item: u32, score: i64| {
        if let Some(p) = doc.paragraphs.get(item as usize) {
            rows.push(json!({
                "doc": doc.id,
                "paragraph": p.id,
                "score": score,
                "text": p.text,
            }));
        }
    };
    if let Some((library, hits)) = SearchableLibrary::open_and_search(&request, query, limit) {
        let mut documents: HashMap<u32, Option<Document>> = HashMap::new();
        for hit in &hits {
            documents
                .entry(hit.record.doc)
                .or_insert_with(|| library.document(hit.record.doc as usize));
        }
        // A document that does not read back means a damaged cache: load from the files below.
        if documents.values().all(Option::is_some) {
            report(library.errors());
            for hit in hits {
                if let Some(Some(doc)) = documents.get(&hit.record.doc) {
                    row(doc, hit.record.item, hit.score);
                }
            }
            print_rows(&rows, as_json, out)?;
            // The process ends once the rows are out: returning the index's memory page by
            // page would take longer than the search did.
            std::mem::forget(library);
            return finish(&rows);
        }
    }
    let stored::Loaded {
        corpus, to_store, ..
    } = stored::load(&request, false, &mut |_| {});
    report(&corpus.errors);
    let library = Library::new(corpus);
    let hits = library.paragraphs.search(query, None, limit);
    for hit in &hits {
        if let Some(doc) = library.document(hit.record.doc as usize) {
            row(doc, hit.record.item, hit.score);
        }
    }
    print_rows(&rows, as_json, out)?;
    out.flush()?;
    // After the answer is out: the cache is for the next search.
    if let Some(to_store) = to_store {
        to_store.store(&library.corpus, &library.indexes());
    }
    finish(&rows)
}

fn print_rows(rows: &[Value], as_json: bool, out: &mut dyn Write) -> Result<()> {
    if as_json {
        write_json(out, rows)?;
    } else {
        for r in rows {
            writeln!(
                out,
                "{}\t{}\t{}\t{}",
                r["doc"].as_str().unwrap_or_default(),
                r["paragraph"].as_str().unwrap_or_default(),
                r["score"],
                r["text"].as_str().unwrap_or_default().replace('\n', " ")
            )?;
        }
    }
    Ok(())
}

fn finish(rows: &[Value]) -> Result<()> {
    if rows.is_empty() {
        // Like grep and fzf --filter: no match is a failure scripts can test.
        return Err(NoMatch.into());
    }
    Ok(())
}

/// `plenary search` found nothing: exit status 1, no error message beyond one line.
#[derive(Debug, thiserror::Error)]
#[error("no paragraph matches")]
pub struct NoMatch;

/// `value` as pretty JSON and a newline, written as it is serialised (never whole in memory),
/// the characters a terminal may act on escaped (see [`crate::text::SafeJson`]).
fn write_json<T: serde::Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> Result<()> {
    let mut buffered = std::io::BufWriter::with_capacity(1 << 16, &mut *out);
    let mut serializer =
        serde_json::Serializer::with_formatter(&mut buffered, crate::text::SafeJson::default());
    value.serialize(&mut serializer)?;
    writeln!(buffered)?;
    buffered.flush()?;
    Ok(())
}

/// `plenary bookmarks`. The store sanitises what it reads; each line is cleaned again as it
/// leaves, so that nothing saved can drive the terminal, whatever wrote the file.
fn bookmarks(as_json: bool, markdown: bool, out: &mut dyn Write) -> Result<()> {
    use crate::text::{clean_line, clean_lines, escape_json_controls};
    let (store, warnings) = BookmarkStore::open_default();
    for w in warnings {
        eprintln!("plenary: {}", clean_line(&w));
    }
    if as_json {
        writeln!(out, "{}", escape_json_controls(store.to_json().trim_end()))?;
    } else if markdown {
        write!(out, "{}", clean_lines(&store.to_markdown()))?;
    } else {
        match store.path() {
            Some(path) => writeln!(out, "# {}", clean_line(&path.display().to_string()))?,
            None => writeln!(out, "# no config folder: bookmarks are not saved")?,
        }
        for b in store.bookmarks() {
            let note = if b.note.is_empty() {
                String::new()
            } else {
                format!("  — {}", b.note)
            };
            let line = format!(
                "{}  {:<22} {:<6} {}{}",
                format_date(b.added),
                b.symbol.as_deref().unwrap_or(&b.document),
                b.paragraph,
                b.excerpt,
                note
            );
            writeln!(out, "{}", clean_line(&line))?;
        }
    }
    Ok(())
}

/// A PATH that is no file but reads as a mistyped command (`plenary lsit`): the command it is
/// close to. Without this the reader would open, saying only that `lsit` does not exist.
fn mistyped_command(paths: &[PathBuf]) -> Option<(String, String)> {
    use clap::CommandFactory;
    let first = paths.first()?.to_str()?;
    let bare = !first.is_empty() && first.chars().all(|c| c.is_ascii_alphabetic());
    if !bare || std::path::Path::new(first).exists() {
        return None;
    }
    let command = Cli::command();
    let names = command.get_subcommands().map(|c| c.get_name().to_string());
    let nearest = names
        .map(|name| (strsim::damerau_levenshtein(first, &name), name))
        .min()?;
    (nearest.0 <= 2).then(|| (first.to_string(), nearest.1))
}

/// Runs the reader or a command.
pub fn main_with(cli: Cli) -> Result<()> {
    if let Some((typed, meant)) = mistyped_command(&cli.library.paths) {
        bail!(
            "no command or file named {typed:?}; did you mean `plenary {meant}`? (see `plenary --help`)"
        );
    }
    match cli.command {
        Some(command) => {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            run_command(command, &cli.library, &mut out)
        }
        None => {
            if !std::io::stdout().is_terminal() {
                bail!(
                    "the reader needs a terminal; for scripts use `plenary list`, `show`, `cites` or `search`"
                );
            }
            // Unreadable files are reported by the loader, inside the reader.
            let (store, mut warnings) = BookmarkStore::open_default();
            // The settings, then the theme from them, before the first frame; what is wrong
            // in the file goes to the problems pop-up, and its defaults stay in force.
            let settings = crate::store::config::load();
            let no_colour = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let (theme, problems) = crate::ui::theme::from_config(&settings, no_colour);
            crate::ui::theme::install(theme);
            let (keys, key_problems) = crate::keymap::custom::customised(&settings);
            crate::keymap::install(keys);
            warnings.extend(settings.problems);
            warnings.extend(problems);
            warnings.extend(key_problems);
            let shown = crate::tui::run(load_request(&cli.library), store, warnings)?;
            // The reader's screen is gone: leave the load problems where the user can read them.
            for w in shown {
                eprintln!("plenary: {}", crate::text::clean_line(&w));
            }
            Ok(())
        }
    }
}
