//! Where a reader asks to go, written as people cite: a paragraph of a document (`OP5`, `op5`,
//! `5`, `PP3`, `Annex.P12`; in the Charter `Article 51`, `Art. 51`, `art 51`, `51`,
//! `Article 2(4)`, `Chapter VII`), a document by symbol, number or title (`S/RES/242`,
//! `242 (1967)`, `77/338`, `Charter of the United Nations`), or both (`A/RES/77/338 OP2`).
//!
//! The same ranking of documents by number serves the go-to prompt and the document filter:
//! an exact symbol, then a symbol with that number, before any match on words.

use super::corpus::Corpus;
use super::model::{Document, DocumentKind};

/// A place asked for: a document, and a paragraph of it when one was named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Destination {
    pub doc: usize,
    pub para: Option<usize>,
}

/// The paragraph of `doc` that `query` names, if any.
pub fn paragraph(doc: &Document, query: &str) -> Option<usize> {
    let compact: String = query.split_whitespace().collect::<String>().to_lowercase();
    if compact.is_empty() {
        return None;
    }
    // An id as it is: OP5, Annex.P12, Art2(4), ChVII.
    if let Some(i) = doc.paragraph_index(&compact) {
        return Some(i);
    }
    candidate_ids(doc, &compact)
        .into_iter()
        .find_map(|id| by_id_in_any_part(doc, &id))
}

/// The ids `compact` (lower case, no spaces) may mean, most likely first.
fn candidate_ids(doc: &Document, compact: &str) -> Vec<String> {
    let treaty = doc.kind == DocumentKind::Treaty;
    for prefix in ["article", "art.", "art"] {
        if let Some(rest) = compact.strip_prefix(prefix)
            && let Some(article) = article_id(rest)
        {
            return vec![article];
        }
    }
    for prefix in ["chapter", "chapitre", "ch.", "ch"] {
        if let Some(rest) = compact.strip_prefix(prefix)
            && let Some(numeral) = chapter_numeral(rest)
        {
            return vec![format!("Ch{numeral}")];
        }
    }
    for prefix in ["pp", "op", "p"] {
        if let Some(rest) = compact.strip_prefix(prefix) {
            let rest = rest.trim_start_matches('.');
            if is_number(rest) {
                return vec![format!("{}{rest}", prefix.to_uppercase())];
            }
        }
    }
    if is_number(compact) {
        // The operative paragraph printed with that number; in a treaty, the article.
        return if treaty {
            vec![format!("Art{compact}"), format!("P{compact}")]
        } else {
            vec![format!("OP{compact}"), format!("P{compact}")]
        };
    }
    if treaty && let Some(article) = article_id(compact) {
        return vec![article];
    }
    Vec::new()
}

/// `51` → `Art51`, `2(4)` → `Art2(4)`.
fn article_id(rest: &str) -> Option<String> {
    let rest = rest.trim_start_matches('.');
    let (number, sub) = match rest.split_once('(') {
        Some((n, s)) => (n, Some(s.strip_suffix(')')?)),
        None => (rest, None),
    };
    if !is_number(number) {
        return None;
    }
    match sub {
        Some(s) if is_number(s) => Some(format!("Art{number}({s})")),
        Some(_) => None,
        None => Some(format!("Art{number}")),
    }
}

/// `vii` or `7` → `VII`.
fn chapter_numeral(rest: &str) -> Option<String> {
    let rest = rest.trim_start_matches('.');
    if is_number(rest) {
        return to_roman(rest.parse().ok()?);
    }
    let upper = rest.to_uppercase();
    (!upper.is_empty() && upper.chars().all(|c| "IVXL".contains(c))).then_some(upper)
}

fn to_roman(mut n: u32) -> Option<String> {
    if n == 0 || n > 89 {
        return None;
    }
    let mut out = String::new();
    for (value, numeral) in [
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
    ] {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out.push_str(&"I".repeat(n as usize));
    Some(out)
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.len() <= 6 && s.bytes().all(|b| b.is_ascii_digit())
}

/// `id` itself, else the first paragraph of a part with that id (`A.OP3` for `OP3`).
fn by_id_in_any_part(doc: &Document, id: &str) -> Option<usize> {
    doc.paragraph_index(id).or_else(|| {
        doc.paragraphs.iter().position(|p| {
            p.id.len() > id.len()
                && p.id.is_char_boundary(p.id.len() - id.len())
                && p.id[p.id.len() - id.len()..].eq_ignore_ascii_case(id)
                && p.id[..p.id.len() - id.len()].ends_with('.')
        })
    })
}

/// How well a document's symbol answers a number typed by a reader, if at all: 3 for the
/// symbol itself (`S/RES/242 (1967)`, `A/RES/77/338`, or the same without its prefix:
/// `77/338`, `242 (1967)`), 2 for a symbol ending in that number (`338`, `242`).
pub fn number_match(doc: &Document, query: &str) -> Option<u8> {
    let q: String = query
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect();
    if q.is_empty() || !q.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let symbol = doc.symbol.as_ref()?;
    let key = symbol.key();
    let base = symbol.base_key();
    let bare = |k: &str| {
        k.strip_prefix("S/RES/")
            .or_else(|| k.strip_prefix("A/RES/"))
            .map(str::to_string)
    };
    if key == q || bare(&key).as_deref() == Some(q.as_str()) {
        return Some(3);
    }
    let tail = format!("/{q}");
    (key.ends_with(&tail) || base.ends_with(&tail) || bare(&base).as_deref() == Some(&q))
        .then_some(2)
}

/// Documents whose symbol answers `query` as a number, best first, in library order within a
/// rank.
pub fn by_number(corpus: &Corpus, query: &str) -> Vec<usize> {
    let mut found: Vec<(u8, usize)> = corpus
        .collections()
        .flat_map(|(_, docs)| docs.iter().copied())
        .filter_map(|d| Some((number_match(&corpus.documents[d], query)?, d)))
        .collect();
    // Stable: library order within a rank.
    found.sort_by_key(|&(rank, _)| std::cmp::Reverse(rank));
    found.into_iter().map(|(_, d)| d).collect()
}

/// Documents `query` names: by id, symbol or path (`Corpus::find`), by number, then by title
/// (the whole title, its start, then a part of it, without regard to case or accents).
pub fn documents(corpus: &Corpus, query: &str) -> Vec<usize> {
    let query = query.trim();
    let mut out: Vec<usize> = Vec::new();
    if query.is_empty() {
        return out;
    }
    // `find` reads a symbol leniently ("S/RES/242 (1967) OP9" is S/RES/242): a query of
    // several words counts only when it is that symbol exactly.
    if let Some(d) = corpus.find(query).filter(|&d| {
        !query.contains(char::is_whitespace) || number_match(&corpus.documents[d], query) == Some(3)
    }) {
        out.push(d);
    }
    for d in by_number(corpus, query) {
        if !out.contains(&d) {
            out.push(d);
        }
    }
    let wanted = crate::text::fold(query).text;
    let mut titled: Vec<(u8, usize, usize)> = corpus
        .documents
        .iter()
        .enumerate()
        .filter_map(|(d, doc)| {
            let title = crate::text::fold(&doc.title).text;
            let rank = if title == wanted {
                0
            } else if title.starts_with(&wanted) {
                1
            } else if wanted.len() >= 3 && title.contains(&wanted) {
                2
            } else {
                return None;
            };
            Some((rank, title.len(), d))
        })
        .collect();
    titled.sort();
    for (_, _, d) in titled {
        if !out.contains(&d) {
            out.push(d);
        }
    }
    out
}

/// Where `query` goes from the open document `current`: a paragraph of it, else a document
/// (and a paragraph of that one when the query ends with one). The error says what was not
/// found, for the status line.
pub fn resolve(
    corpus: &Corpus,
    current: Option<usize>,
    query: &str,
) -> Result<Destination, String> {
    let query = query.trim();
    if query.is_empty() {
        return Err("nothing to go to".to_string());
    }
    if let Some(doc) = current
        && let Some(para) = corpus.documents.get(doc).and_then(|d| paragraph(d, query))
    {
        return Ok(Destination {
            doc,
            para: Some(para),
        });
    }
    // A document, then a paragraph of it: "A/RES/77/338 OP2", "Charter of the United Nations
    // Article 51". The longest document part that names one with such a paragraph wins.
    let words: Vec<&str> = query.split_whitespace().collect();
    let splits = || {
        (1..words.len())
            .rev()
            .map(|split| (words[..split].join(" "), words[split..].join(" ")))
    };
    for (named, rest) in splits() {
        if let Some(&doc) = documents(corpus, &named).first()
            && let Some(para) = paragraph(&corpus.documents[doc], &rest)
        {
            return Ok(Destination {
                doc,
                para: Some(para),
            });
        }
    }
    if let Some(&doc) = documents(corpus, query).first() {
        return Ok(Destination { doc, para: None });
    }
    // A document named, but not the paragraph asked of it.
    for (named, rest) in splits() {
        if let Some(&doc) = documents(corpus, &named).first() {
            return Err(format!(
                "no {} in {}",
                crate::text::clean_line(&rest),
                corpus.documents[doc].short_label()
            ));
        }
    }
    Err(format!("nothing called {}", crate::text::clean_line(query)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chapters_are_numbered_in_roman() {
        assert_eq!(to_roman(7).as_deref(), Some("VII"));
        assert_eq!(to_roman(19).as_deref(), Some("XIX"));
        assert_eq!(to_roman(4).as_deref(), Some("IV"));
        assert_eq!(to_roman(0), None);
        assert_eq!(chapter_numeral("vii").as_deref(), Some("VII"));
        assert_eq!(chapter_numeral("7").as_deref(), Some("VII"));
        assert_eq!(chapter_numeral("seven"), None);
    }

    #[test]
    fn articles_as_people_write_them() {
        assert_eq!(article_id("51").as_deref(), Some("Art51"));
        assert_eq!(article_id(".51").as_deref(), Some("Art51"));
        assert_eq!(article_id("2(4)").as_deref(), Some("Art2(4)"));
        assert_eq!(article_id("2(x)"), None);
        assert_eq!(article_id("two"), None);
    }
}
