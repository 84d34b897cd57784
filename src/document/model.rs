//! The document model: what a parsed official document is made of.

use serde::Serialize;
use std::ops::Range;

use super::cite::Citation;
use super::symbol::Symbol;

/// What sort of text a document is; decides how its paragraphs are numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocumentKind {
    Resolution,
    Declaration,
    Treaty,
    Document,
}

impl DocumentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Resolution => "resolution",
            DocumentKind::Declaration => "declaration",
            DocumentKind::Treaty => "treaty",
            DocumentKind::Document => "document",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "resolution" | "résolution" => Some(Self::Resolution),
            "declaration" | "déclaration" => Some(Self::Declaration),
            "treaty" | "charter" | "traité" | "charte" => Some(Self::Treaty),
            "document" => Some(Self::Document),
            _ => None,
        }
    }
}

/// Language of the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Fr,
    En,
}

impl Language {
    pub fn as_str(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "fr" | "french" | "français" => Some(Self::Fr),
            "en" | "english" | "anglais" => Some(Self::En),
            _ => None,
        }
    }
}

/// The role a paragraph plays in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphKind {
    /// "Rappelant …," / "Recalling …,": cited as PP1, PP2…
    Preambular,
    /// "1. Décide …": cited as OP1, OP2…
    Operative,
    /// Ordinary running text of a non-resolution document: P1, P2…
    Body,
    /// A heading inside the body ("Chapitre VII", "Article 51", "The Security Council,").
    Heading,
    /// Closing lines ("99e séance plénière", "Adopted unanimously at the 1382nd meeting.").
    Closing,
    /// A paragraph of an annex (an annexed declaration, a programme of action): not an
    /// operative paragraph of the resolution, numbered on its own (Annex.P1…).
    Annex,
}

impl ParagraphKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ParagraphKind::Preambular => "preambular",
            ParagraphKind::Operative => "operative",
            ParagraphKind::Body => "body",
            ParagraphKind::Heading => "heading",
            ParagraphKind::Closing => "closing",
            ParagraphKind::Annex => "annex",
        }
    }
}

/// Inline styling inside a paragraph's text (byte ranges into `Paragraph::text`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "style", rename_all = "lowercase")]
pub enum Markup {
    Emphasis {
        start: usize,
        end: usize,
    },
    Superscript {
        start: usize,
        end: usize,
    },
    /// A footnote call; `marker` matches `Footnote::marker`.
    FootnoteRef {
        start: usize,
        end: usize,
        marker: String,
    },
}

impl Markup {
    pub fn range(&self) -> Range<usize> {
        match self {
            Markup::Emphasis { start, end }
            | Markup::Superscript { start, end }
            | Markup::FootnoteRef { start, end, .. } => *start..*end,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paragraph {
    /// Citation id as diplomats use it: PP3, OP2, P17; headings and closing lines get H1…, C1…;
    /// the Charter's Art51, Art2(4), ChVII. In a part of a resolution in several parts, or in an
    /// annex, the id starts with the part: A.OP3, II.PP1, Annex.P12, AnnexI.P3.
    pub id: String,
    pub kind: ParagraphKind,
    /// The part of the document the paragraph belongs to: "A", "II" in a resolution in
    /// several parts, "Annex", "Annex I" in an annex; none in the body of a single text.
    pub part: Option<String>,
    /// Clean text: reflowed, markup removed, footnote calls kept as superscript digits.
    pub text: String,
    #[serde(skip)]
    pub markup: Vec<Markup>,
    /// Markers of the footnotes this paragraph calls, in order.
    pub footnotes: Vec<String>,
    pub citations: Vec<Citation>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Footnote {
    pub marker: String,
    pub text: String,
    #[serde(skip)]
    pub markup: Vec<Markup>,
    pub citations: Vec<Citation>,
}

/// A parsed document. Built by `parse::parse`, linked into a `Corpus`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    pub id: String,
    /// Where it came from: `bundled:seeds/…` for embedded documents, a file path otherwise, as
    /// shown (what could drive the terminal shown as `?`).
    pub path: String,
    /// The file it was read from, exactly, to find it by; None for embedded documents.
    #[serde(skip)]
    pub file: Option<std::path::PathBuf>,
    /// Collection shown in the library ("Seeds", "Security Council", …).
    pub collection: String,
    pub title: String,
    pub symbol: Option<Symbol>,
    /// Adoption date, ISO `YYYY-MM-DD`.
    pub date: Option<String>,
    pub kind: DocumentKind,
    pub language: Language,
    /// Masthead and header lines, kept apart from the body.
    pub header: Vec<String>,
    pub paragraphs: Vec<Paragraph>,
    pub footnotes: Vec<Footnote>,
    /// Ids of the documents that cite this one (filled by the corpus).
    pub cited_by: Vec<String>,
}

impl Paragraph {
    /// The number the paragraph is cited by, read off its id: 5 for OP5, A.OP5 and Annex.P5;
    /// none for ids without one (Art2(4), ChVII).
    pub fn number(&self) -> Option<u32> {
        let local = self.id.rsplit('.').next().unwrap_or(&self.id);
        let digits = local.trim_start_matches(|c: char| c.is_ascii_alphabetic());
        (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse().ok())
            .flatten()
    }
}

impl Document {
    pub fn footnote(&self, marker: &str) -> Option<&Footnote> {
        self.footnotes.iter().find(|f| f.marker == marker)
    }

    pub fn paragraph_index(&self, id: &str) -> Option<usize> {
        self.paragraphs
            .iter()
            .position(|p| p.id.eq_ignore_ascii_case(id))
    }

    /// How the document is cited: its symbol, or its title.
    pub fn label(&self) -> String {
        match &self.symbol {
            Some(s) => s.to_string(),
            None => self.title.clone(),
        }
    }

    /// A label short enough for a status line or a list: the symbol, else the title cut to a
    /// few words.
    pub fn short_label(&self) -> String {
        match &self.symbol {
            Some(s) => s.to_string(),
            None => truncate_words(&self.title, 32),
        }
    }

    /// All citations, from paragraphs and footnotes, in reading order.
    pub fn citations(&self) -> impl Iterator<Item = &Citation> {
        self.paragraphs
            .iter()
            .flat_map(|p| p.citations.iter())
            .chain(self.footnotes.iter().flat_map(|f| f.citations.iter()))
    }
}

/// `text` cut at a word boundary to at most `max` characters, with "…" when cut; trailing
/// clause punctuation dropped.
pub(crate) fn truncate_words(text: &str, max: usize) -> String {
    let text = text.trim_end_matches([',', ';', ':']);
    if text.chars().nth(max).is_none() {
        return text.to_string();
    }
    let mut out = String::new();
    let mut count = 0; // chars in `out`
    for w in text.split_whitespace() {
        let n = w.chars().count();
        if count + n + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
            count += 1;
        }
        out.push_str(w);
        count += n;
    }
    out.push('…');
    out
}
