//! Treaties, the Charter first among them, numbered as they are cited: Chapter VII is `ChVII`,
//! Article 51 `Art51`, its paragraph 4 `Art2(4)` and its item c `Art55(c)`.
//!
//! A chapter or article heading is a paragraph of its own. Under an article, several paragraphs
//! are its numbered paragraphs (1), (2)…, or, when the first introduces them ("… are:", "… the
//! following Principles."), a chapeau `Art2.intro` and then the paragraphs; items that open in
//! lower case ("higher standards of living, …") are lettered (a), (b)…. A single paragraph is
//! `Art51.text`. Text before the first article (the preamble) and section headings are P1…, H1….

use super::inline::Inline;
use super::roles::{looks_like_heading, subparagraph_marker};
use super::structure::attach_to;
use crate::document::lexicon::{self, strip_prefix_lower};
use crate::document::model::{Paragraph, ParagraphKind};

/// Whether the text is laid out in articles: three "Article N" headings at least.
pub(super) fn has_articles(blocks: &[Inline]) -> bool {
    blocks
        .iter()
        .filter(|b| is_article_heading(&b.text))
        .nth(2)
        .is_some()
}

/// "Article 51", "Rule 42", "Règle 3": a heading of an article or a rule.
pub(super) fn is_article_heading(text: &str) -> bool {
    article_number(text).is_some()
}

/// "Article 51" → ("Art", "51"); "Article premier" → ("Art", "1"); "Rule 43 [Deleted]" →
/// ("Rule", "43").
fn article_number(text: &str) -> Option<(&'static str, String)> {
    let t = text.trim().trim_end_matches(['.', ':']);
    if t.len() > 40 {
        return None;
    }
    let (prefix, rest) = [("article ", "Art"), ("rule ", "Rule"), ("règle ", "Rule")]
        .iter()
        .find_map(|(word, prefix)| strip_prefix_lower(t, word).map(|rest| (*prefix, rest)))?;
    let (n, after) = rest.split_once(' ').unwrap_or((rest, ""));
    // "Rule 43 [Deleted]", "Article 43 (supprimé)": a note in brackets may follow.
    if !(after.is_empty() || after.starts_with(['[', '('])) {
        return None;
    }
    if n.eq_ignore_ascii_case("premier") || n.eq_ignore_ascii_case("1er") {
        return Some((prefix, "1".into()));
    }
    let numeric = n.bytes().all(|b| b.is_ascii_digit()) || lexicon::is_roman(n);
    (!n.is_empty() && n.len() <= 4 && numeric).then(|| (prefix, n.to_string()))
}

/// "Chapter VII: Action with respect to …" → "VII".
fn chapter_number(text: &str) -> Option<String> {
    let t = text.trim();
    let rest = strip_prefix_lower(t, "chapter ").or_else(|| strip_prefix_lower(t, "chapitre "))?;
    let n = rest.split([':', ' ', '.']).next()?;
    (lexicon::is_roman(n) || (!n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())))
        .then(|| n.to_string())
}

pub(super) fn number(blocks: Vec<Inline>) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::with_capacity(blocks.len());
    // Whether a blank line came before each paragraph of `out`.
    let mut blanks: Vec<bool> = Vec::with_capacity(blocks.len());
    let mut body = 0u32;
    let mut heading = 0u32;
    // The article being read and where its paragraphs start in `out`.
    let mut article: Option<(String, usize)> = None;
    for block in blocks {
        let text = block.text.trim();
        if !text.chars().any(char::is_alphanumeric) {
            continue;
        }
        let (kind, id) = if let Some(n) = chapter_number(text) {
            close_article(&mut out, &blanks, article.take());
            (ParagraphKind::Heading, format!("Ch{n}"))
        } else if let Some((prefix, n)) = article_number(text) {
            close_article(&mut out, &blanks, article.take());
            let name = format!("{prefix}{n}");
            article = Some((name.clone(), out.len() + 1));
            (ParagraphKind::Heading, name)
        } else if block.heading || looks_like_heading(text) {
            close_article(&mut out, &blanks, article.take());
            heading += 1;
            (ParagraphKind::Heading, format!("H{heading}"))
        } else if subparagraph_marker(text) && attach_to(out.last_mut(), &block, "\n") {
            continue;
        } else if let Some((name, _)) = &article {
            // Named when the article is complete.
            (ParagraphKind::Body, name.clone())
        } else {
            body += 1;
            (ParagraphKind::Body, format!("P{body}"))
        };
        blanks.push(block.blank_before);
        out.push(Paragraph {
            id,
            kind,
            part: None,
            text: block.text,
            markup: block.markup,
            footnotes: block.footnotes,
            citations: Vec::new(),
        });
    }
    close_article(&mut out, &blanks, article.take());
    out
}

/// Names the paragraphs of an article once all of them are known.
fn close_article(out: &mut [Paragraph], blanks: &[bool], article: Option<(String, usize)>) {
    let Some((n, start)) = article else { return };
    let start = start.min(out.len());
    let paragraphs = &mut out[start..];
    match paragraphs {
        [] => {}
        [only] => only.id = format!("{n}.text"),
        [first, rest @ ..] => {
            let introduces = first.text.trim_end().ends_with(':')
                || ["following", "suivants", "suivantes", "ci-après"]
                    .iter()
                    .any(|w| first.text.contains(w));
            let separated = blanks.get(start + 1).copied().unwrap_or(false);
            if separated && !introduces {
                // "… of the present Charter." then "In Faith Whereof …": one paragraph, and
                // what follows is not the article's.
                first.id = format!("{n}.text");
                for (k, p) in rest.iter_mut().enumerate() {
                    p.id = format!("{n}.P{}", k + 1);
                }
                return;
            }
            let (items, chapeau) = if introduces || separated {
                first.id = format!("{n}.intro");
                (rest, true)
            } else {
                (paragraphs, false)
            };
            let lettered = chapeau
                && items
                    .iter()
                    .all(|p| p.text.starts_with(|c: char| c.is_lowercase()));
            for (k, p) in items.iter_mut().enumerate() {
                p.id = if lettered {
                    format!("{n}({})", char::from(b'a' + (k % 26) as u8))
                } else {
                    format!("{n}({})", k + 1)
                };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str, blank_before: bool) -> Inline {
        Inline {
            text: text.to_string(),
            markup: Vec::new(),
            footnotes: Vec::new(),
            heading: false,
            blank_before,
        }
    }

    fn ids(lines: &[(&str, bool)]) -> Vec<String> {
        number(lines.iter().map(|&(t, b)| block(t, b)).collect())
            .into_iter()
            .map(|p| p.id)
            .collect()
    }

    /// Lines of the Charter as the bundled text gives them (one paragraph per line).
    #[test]
    fn charter_articles_as_they_are_cited() {
        let got = ids(&[
            ("WE THE PEOPLES OF THE UNITED NATIONS DETERMINED", false),
            (
                "to save succeeding generations from the scourge of war,",
                false,
            ),
            ("Chapter I: Purposes and Principles", true),
            ("Article 1", false),
            ("The Purposes of the United Nations are:", false),
            (
                "To maintain international peace and security, and to that end:",
                true,
            ),
            ("To develop friendly relations among nations", false),
            ("Article 2", false),
            (
                "The Organization and its Members, in pursuit of the Purposes stated in Article 1, shall act in accordance with the following Principles.",
                false,
            ),
            (
                "The Organization is based on the principle of the sovereign equality",
                true,
            ),
            (
                "All Members, in order to ensure to all of them the rights",
                false,
            ),
            (
                "All Members shall settle their international disputes by peaceful means",
                false,
            ),
            (
                "All Members shall refrain in their international relations from the threat or use of force",
                false,
            ),
            ("Article 3", false),
            (
                "The original Members of the United Nations shall be the states which",
                false,
            ),
            ("Article 4", true),
            (
                "Membership in the United Nations is open to all other peace-loving states",
                false,
            ),
            (
                "The admission of any such state to membership in the United Nations",
                false,
            ),
            (
                "Chapter IX: International Economic and Social Co-operation",
                true,
            ),
            ("Article 55", false),
            (
                "With a view to the creation of conditions of stability, the United Nations shall promote:",
                false,
            ),
            ("higher standards of living, full employment,", true),
            (
                "solutions of international economic, social, health, and related problems;",
                false,
            ),
            (
                "universal respect for, and observance of, human rights",
                false,
            ),
            ("Article 19", false),
            ("A Member of the United Nations which is in arrears", false),
            ("PROCEDURE", true),
            ("Article 111", false),
            (
                "The present Charter, of which the Chinese, French, Russian, English, and Spanish texts are equally authentic,",
                false,
            ),
            (
                "In Faith Whereof the representatives of the Governments of the United Nations have signed the present Charter.",
                true,
            ),
        ]);
        assert_eq!(
            got,
            [
                "H1",
                "P1",
                "ChI",
                "Art1",
                "Art1.intro",
                "Art1(1)",
                "Art1(2)",
                "Art2",
                "Art2.intro",
                "Art2(1)",
                "Art2(2)",
                "Art2(3)",
                "Art2(4)",
                "Art3",
                "Art3.text",
                "Art4",
                "Art4(1)",
                "Art4(2)",
                "ChIX",
                "Art55",
                "Art55.intro",
                "Art55(a)",
                "Art55(b)",
                "Art55(c)",
                "Art19",
                "Art19.text",
                "H2",
                "Art111",
                "Art111.text",
                "Art111.P1",
            ]
        );
    }

    #[test]
    fn french_headings() {
        assert_eq!(article_number("Article premier"), Some(("Art", "1".into())));
        assert_eq!(article_number("Article 51"), Some(("Art", "51".into())));
        assert_eq!(
            article_number("Rule 43 [Deleted]"),
            Some(("Rule", "43".into()))
        );
        assert_eq!(article_number("Article I"), Some(("Art", "I".into())));
        assert_eq!(
            chapter_number("Chapitre VII: Action en cas de menace contre la paix").as_deref(),
            Some("VII")
        );
        assert_eq!(article_number("Article 2 of the Charter provides"), None);
    }
}
