//! Stage 7: paragraphs numbered the way diplomats cite them, by the UN Editorial Manual's rules.
//!
//! A resolution opens with its enacting formula ("The Security Council,"); the paragraphs after
//! it that open with a participle or an adjective are preambular (PP1…), and the operative part
//! starts at the first that opens with an operative verb or a number (OP1…). A printed number is
//! the id. Sub-paragraphs stay inside their paragraph. A resolution in parts (A, B… or I, II…)
//! numbers each part on its own (A.PP1, A.OP1), and an annex has its own numbering
//! (Annex.P1). Treaties are numbered by chapter and article (`articles`); other texts P1….

use super::articles;
use super::inline::Inline;
use super::numbering::{Printed, cited_numbers, printed_number};
use super::roles::{Role, adopts_what_follows, is_title_like, role, settle_parts};
use crate::document::cite::find_citations;
use crate::document::lexicon::{self, Opening};
use crate::document::model::{DocumentKind, Language, Markup, Paragraph, ParagraphKind};
use crate::document::{FastMap, FastSet};

pub(super) fn number_paragraphs(
    blocks: Vec<Inline>,
    kind: DocumentKind,
    language: Language,
) -> Vec<Paragraph> {
    let mut out = match kind {
        DocumentKind::Treaty | DocumentKind::Document if articles::has_articles(&blocks) => {
            articles::number(blocks)
        }
        DocumentKind::Resolution => resolution(blocks),
        _ => body(blocks),
    };
    for p in &mut out {
        p.citations = find_citations(&p.text, language);
    }
    out
}

/// The counters of one part (or annex, or the body): ids start again in each.
#[derive(Default)]
struct Counters {
    pp: u32,
    op: u32,
    body: u32,
    heading: u32,
    annex: u32,
}

/// Where the numbering stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Preamble,
    Operative,
    /// After the closing lines: anything else is running text.
    Closed,
    Annex,
}

fn resolution(blocks: Vec<Inline>) -> Vec<Paragraph> {
    let mut roles: Vec<Role> = Vec::with_capacity(blocks.len());
    for b in &blocks {
        let r = role(b, roles.last());
        roles.push(r);
    }
    // A Roman numeral or a letter alone is a part only in a sequence of parts; "I." alone may be
    // the OCR of "1.".
    settle_parts(&mut roles, &blocks);
    let numbers = operative_numbers(&roles, &blocks);
    let numbered_operative = numbers.iter().any(Option::is_some);
    // Where the preamble can still go on: an operative opening before the last preambular one
    // is a preambular paragraph that happens to open with a verb-like word.
    // The preamble ends at the first operative paragraph, the closing lines or an annex.
    let first_numbered = numbers
        .iter()
        .position(Option::is_some)
        .unwrap_or(roles.len());
    let preamble_end = roles
        .iter()
        .zip(&numbers)
        .position(|(r, n)| n.is_some() || matches!(r, Role::Closing | Role::Annex(_)))
        .unwrap_or(roles.len());
    let last_preambular = roles[..preamble_end]
        .iter()
        .rposition(|r| *r == Role::Text(Opening::Preambular));
    let regions = article_regions(&roles, &blocks);
    let mut blocks: Vec<Option<Inline>> = blocks.into_iter().map(Some).collect();

    let mut out: Vec<Paragraph> = Vec::with_capacity(blocks.len());
    let mut state = State::Preamble;
    let mut part: Option<String> = None;
    let mut count = Counters::default();
    let mut closing = 0u32;
    // Whether the paragraph before was a numbered one, which an unnumbered one continues.
    let mut after_numbered = false;
    for (i, role) in roles.into_iter().enumerate() {
        let Some(block) = blocks[i].take() else {
            // Numbered with the articles of its region.
            continue;
        };
        if let Some(end) = regions.get(&i) {
            let region: Vec<Inline> = std::iter::once(block)
                .chain(blocks[i + 1..*end].iter_mut().filter_map(Option::take))
                .collect();
            for mut p in articles::number(region) {
                if p.kind == ParagraphKind::Body {
                    p.kind = ParagraphKind::Annex;
                }
                p.id = with_part(&part, p.id);
                p.part.clone_from(&part);
                out.push(p);
            }
            after_numbered = false;
            continue;
        }
        let kind_and_local: Option<(ParagraphKind, String)> = match role {
            Role::Empty => None,
            Role::Closing => {
                if state != State::Annex {
                    state = State::Closed;
                }
                closing += 1;
                Some((ParagraphKind::Closing, format!("C{closing}")))
            }
            Role::Formula => {
                if state != State::Annex {
                    state = State::Preamble;
                }
                count.heading += 1;
                Some((ParagraphKind::Heading, format!("H{}", count.heading)))
            }
            Role::Annex(label) => {
                state = State::Annex;
                part = Some(label);
                count = Counters::default();
                count.heading += 1;
                Some((ParagraphKind::Heading, format!("H{}", count.heading)))
            }
            Role::Part(label) if state != State::Annex => {
                part = Some(label);
                count = Counters::default();
                if state == State::Closed {
                    state = State::Preamble;
                }
                count.heading += 1;
                Some((ParagraphKind::Heading, format!("H{}", count.heading)))
            }
            Role::Sub => {
                if attach(&mut out, &block, "\n") {
                    continue;
                }
                Some(text_paragraph(state, &mut count))
            }
            Role::Quote => {
                if attach(&mut out, &block, " ") {
                    continue;
                }
                // Quoted with nothing to quote it (under a heading): running text, never a
                // paragraph the resolution numbers.
                count.body += 1;
                Some((ParagraphKind::Body, format!("P{}", count.body)))
            }
            Role::Numbered(_) if state == State::Annex => {
                count.annex += 1;
                let n = printed_number(&block.text).map_or(count.annex, |p| p.value);
                after_numbered = true;
                Some((ParagraphKind::Annex, format!("P{n}")))
            }
            _ if numbers[i].is_some() => {
                state = State::Operative;
                count.op += 1;
                after_numbered = true;
                Some((
                    ParagraphKind::Operative,
                    format!("OP{}", numbers[i].unwrap_or(count.op)),
                ))
            }
            Role::Part(_) | Role::Heading => {
                count.heading += 1;
                Some((ParagraphKind::Heading, format!("H{}", count.heading)))
            }
            Role::Numbered(_) | Role::Text(_) => {
                let opening = match role {
                    Role::Text(o) => o,
                    _ => Opening::Other,
                };
                // A title: an annex's after its label, or a section heading ("A call to
                // action", "Follow-up") among numbered paragraphs.
                // A section heading: a few words ("Peacebuilding Commission", "Follow-up"),
                // where a paragraph would end in punctuation.
                // Counted to 13 at most: a long paragraph is no heading.
                let words = block.text.split_whitespace().take(13).count();
                // An operative verb named by the lexicon opens a paragraph; a plural noun
                // only guessed to be one ("Partnerships and support mechanisms") may head a
                // section.
                let limit = match (state, opening) {
                    (_, Opening::Operative)
                        if lexicon::opening_by_word_list(&block.text) == Opening::Operative =>
                    {
                        0
                    }
                    (State::Preamble, Opening::Preambular) => 3,
                    (State::Preamble, _) => 6,
                    (_, Opening::Preambular) => 6,
                    _ => 12,
                };
                let section_heading =
                    words <= limit && !block.text.contains(|c: char| c.is_ascii_digit());
                // An annex opens with its titles, before any paragraph of it.
                let annex_top = state == State::Annex && count.annex == 0 && count.pp == 0;
                if is_title_like(&block.text)
                    && ((state != State::Preamble && after_heading_role(&out))
                        || annex_top
                        || section_heading)
                {
                    count.heading += 1;
                    after_numbered = false;
                    out.push(Paragraph {
                        id: with_part(&part, format!("H{}", count.heading)),
                        kind: ParagraphKind::Heading,
                        part: part.clone(),
                        text: block.text,
                        markup: block.markup,
                        footnotes: block.footnotes,
                        citations: Vec::new(),
                    });
                    continue;
                }
                // A sub-paragraph that lost its label, or a sentence a page or a footnote block
                // cut off, goes on the numbered paragraph before it.
                if after_numbered
                    && matches!(state, State::Operative | State::Annex)
                    && (state == State::Annex || numbered_operative)
                    && attach(&mut out, &block, " ")
                {
                    continue;
                }
                let preamble_goes_on = last_preambular.is_some_and(|last| last > i);
                match state {
                    // "Adopts the following political declaration …:": OP1, and the text it
                    // adopts follows as an annex does.
                    State::Preamble
                        if opening == Opening::Operative && adopts_what_follows(&block.text) =>
                    {
                        state = State::Annex;
                        count.op += 1;
                        let id = format!("OP{}", count.op);
                        out.push(Paragraph {
                            id: with_part(&part, id),
                            kind: ParagraphKind::Operative,
                            part: part.clone(),
                            text: block.text,
                            markup: block.markup,
                            footnotes: block.footnotes,
                            citations: Vec::new(),
                        });
                        part = Some("Annex".to_string());
                        count = Counters::default();
                        after_numbered = false;
                        continue;
                    }
                    // "Resolves that:" over paragraphs numbered 1, 2…: their chapeau, not OP1.
                    State::Preamble
                        if opening == Opening::Operative
                            && !preamble_goes_on
                            && block.text.trim_end().ends_with(':')
                            && numbers[i + 1..]
                                .iter()
                                .zip(&blocks[i + 1..])
                                .find(|(_, b)| b.is_some())
                                .is_some_and(|(n, _)| *n == Some(1)) =>
                    {
                        state = State::Operative;
                        count.body += 1;
                        Some((ParagraphKind::Body, format!("P{}", count.body)))
                    }
                    State::Preamble if opening == Opening::Operative && !preamble_goes_on => {
                        state = State::Operative;
                        count.op += 1;
                        Some((ParagraphKind::Operative, format!("OP{}", count.op)))
                    }
                    // Unnumbered operative paragraphs before the numbered ones (S/RES/47
                    // (1948): "Reaffirms …", "Resolves …", "Instructs …", "Recommends …:").
                    State::Operative if !numbered_operative || i < first_numbered => {
                        count.op += 1;
                        Some((ParagraphKind::Operative, format!("OP{}", count.op)))
                    }
                    _ => Some(text_paragraph(state, &mut count)),
                }
            }
        };
        let Some((kind, local)) = kind_and_local else {
            continue;
        };
        if kind != ParagraphKind::Operative && kind != ParagraphKind::Annex {
            after_numbered = false;
        }
        let id = if kind == ParagraphKind::Closing {
            local
        } else {
            with_part(&part, local)
        };
        out.push(Paragraph {
            id,
            kind,
            part: part.clone().filter(|_| kind != ParagraphKind::Closing),
            text: block.text,
            markup: block.markup,
            footnotes: block.footnotes,
            citations: Vec::new(),
        });
    }
    unique_ids(&mut out);
    out
}

/// Runs of paragraphs laid out in articles or rules ("Article 41", "Rule 42"…, three headings
/// at least), up to the closing lines or the next annex: from the index of the first heading to
/// the index after the run.
fn article_regions(roles: &[Role], blocks: &[Inline]) -> std::collections::HashMap<usize, usize> {
    let mut regions = std::collections::HashMap::new();
    let mut i = 0;
    while i < blocks.len() {
        if !articles::is_article_heading(&blocks[i].text) {
            i += 1;
            continue;
        }
        let end = (i + 1..blocks.len())
            .find(|&k| matches!(roles[k], Role::Closing | Role::Annex(_)))
            .unwrap_or(blocks.len());
        let headings = blocks[i..end]
            .iter()
            .filter(|b| articles::is_article_heading(&b.text))
            .count();
        if headings >= 3 {
            regions.insert(i, end);
            i = end;
        } else {
            i += 1;
        }
    }
    regions
}

/// The kind and local id of an unnumbered paragraph of running text in this state.
fn text_paragraph(state: State, count: &mut Counters) -> (ParagraphKind, String) {
    match state {
        State::Preamble => {
            count.pp += 1;
            (ParagraphKind::Preambular, format!("PP{}", count.pp))
        }
        // Before the annex's numbered paragraphs, its own preamble ("We, Heads of State …").
        State::Annex if count.annex == 0 => {
            count.pp += 1;
            (ParagraphKind::Annex, format!("PP{}", count.pp))
        }
        State::Annex => {
            count.annex += 1;
            (ParagraphKind::Annex, format!("P{}", count.annex))
        }
        State::Operative | State::Closed => {
            count.body += 1;
            (ParagraphKind::Body, format!("P{}", count.body))
        }
    }
}

/// The numbers of the operative paragraphs (None for every other paragraph): printed numbers
/// after the enacting formula and outside annexes, read through OCR damage (`cited_numbers`).
fn operative_numbers(roles: &[Role], blocks: &[Inline]) -> Vec<Option<u32>> {
    let mut printed: Vec<Option<Printed>> = vec![None; roles.len()];
    let mut restart = vec![false; roles.len()];
    let mut in_annex = false;
    let mut part_started = false;
    let mut last = 0u32;
    for (i, role) in roles.iter().enumerate() {
        match role {
            Role::Annex(_) => in_annex = true,
            Role::Part(_) if !in_annex => part_started = true,
            Role::Numbered(p) if !in_annex => {
                // A damaged number counts only where it is the one expected and opens a sentence
                // ("12, including …" is a wrapped line, "S. Requests" a paragraph).
                let opens_sentence = blocks[i]
                    .text
                    .split_once(' ')
                    .is_some_and(|(_, rest)| rest.starts_with(char::is_uppercase));
                let plausible =
                    !p.damaged || (opens_sentence && (p.value == last + 1 || p.value == 1));
                if plausible {
                    printed[i] = Some(*p);
                    restart[i] = std::mem::take(&mut part_started);
                    last = p.value;
                }
            }
            _ => {}
        }
    }
    cited_numbers(&printed, &restart)
}

/// Whether the paragraph before is a heading (an annex's title follows its label).
fn after_heading_role(out: &[Paragraph]) -> bool {
    out.last().is_some_and(|p| p.kind == ParagraphKind::Heading)
}

/// The id of a paragraph in `part`: "A.OP3", "AnnexI.P2" ("Annex I" loses its space).
fn with_part(part: &Option<String>, local: String) -> String {
    match part {
        Some(p) => {
            let mut id: String = p.split_whitespace().collect();
            id.push('.');
            id.push_str(&local);
            id
        }
        None => local,
    }
}

/// Adds `block` to the last paragraph of `out` that can take it (not a heading or a closing
/// line), after `separator`. False when there is none.
fn attach(out: &mut [Paragraph], block: &Inline, separator: &str) -> bool {
    attach_to(out.last_mut(), block, separator)
}

/// Adds `block` to `last` unless it is a heading or a closing line, after `separator`.
pub(super) fn attach_to(last: Option<&mut Paragraph>, block: &Inline, separator: &str) -> bool {
    let Some(last) = last else {
        return false;
    };
    if matches!(last.kind, ParagraphKind::Heading | ParagraphKind::Closing) {
        return false;
    }
    let offset = last.text.len() + separator.len();
    last.text.push_str(separator);
    last.text.push_str(&block.text);
    last.markup
        .extend(block.markup.iter().cloned().map(|m| shift(m, offset)));
    for f in &block.footnotes {
        if !last.footnotes.contains(f) {
            last.footnotes.push(f.clone());
        }
    }
    true
}

/// Ids are unique within a document: a second OP7 (a number printed twice that nothing could
/// read otherwise) becomes OP7-2.
fn unique_ids(paragraphs: &mut [Paragraph]) {
    let mut seen = FastSet::with_capacity_and_hasher(paragraphs.len(), Default::default());
    if paragraphs.iter().all(|p| seen.insert(p.id.as_str())) {
        return;
    }
    let mut count = FastMap::<String, u32>::default();
    for p in paragraphs {
        let n = count.entry(p.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            p.id = format!("{}-{n}", p.id);
        }
    }
}

/// A declaration or any other text: body paragraphs P1…, numbered by their printed number where
/// they have one; headings H1…; closing lines C1….
fn body(blocks: Vec<Inline>) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::with_capacity(blocks.len());
    let mut count = Counters::default();
    let mut closing = 0u32;
    let mut previous: Option<Role> = None;
    for block in blocks {
        let role = role(&block, previous.as_ref());
        let (kind, id) = match &role {
            Role::Empty => continue,
            Role::Closing => {
                closing += 1;
                (ParagraphKind::Closing, format!("C{closing}"))
            }
            Role::Sub if attach(&mut out, &block, "\n") => continue,
            Role::Heading | Role::Formula | Role::Part(_) | Role::Annex(_) => {
                count.heading += 1;
                (ParagraphKind::Heading, format!("H{}", count.heading))
            }
            Role::Numbered(p) if !p.damaged => {
                count.body = p.value;
                (ParagraphKind::Body, format!("P{}", p.value))
            }
            _ => {
                count.body += 1;
                (ParagraphKind::Body, format!("P{}", count.body))
            }
        };
        previous = Some(role);
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
    unique_ids(&mut out);
    out
}

pub(super) fn shift(m: Markup, by: usize) -> Markup {
    match m {
        Markup::Emphasis { start, end } => Markup::Emphasis {
            start: start + by,
            end: end + by,
        },
        Markup::Superscript { start, end } => Markup::Superscript {
            start: start + by,
            end: end + by,
        },
        Markup::FootnoteRef { start, end, marker } => Markup::FootnoteRef {
            start: start + by,
            end: end + by,
            marker,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(texts: &[&str]) -> Vec<Inline> {
        texts
            .iter()
            .map(|t| Inline {
                text: t.to_string(),
                markup: Vec::new(),
                footnotes: Vec::new(),
                heading: false,
                blank_before: true,
            })
            .collect()
    }

    fn ids(texts: &[&str]) -> Vec<String> {
        number_paragraphs(blocks(texts), DocumentKind::Resolution, Language::En)
            .into_iter()
            .map(|p| p.id)
            .collect()
    }

    /// A/RES/80/3, shortened: one preambular and two operative paragraphs, the closing line,
    /// then the annex with its section headings among numbered paragraphs.
    #[test]
    fn resolution_with_an_annexed_declaration() {
        let got = ids(&[
            "The General Assembly,",
            "Recalling its resolutions 76/217 of 17 December 2021 and 79/279 of 11 April 2025 on the convening of the Third United Nations Conference on Landlocked Developing Countries,",
            "1. Endorses the Awaza Political Declaration, annexed to the present resolution;",
            "2. Decides to transmit the present resolution to the Conference;",
            "25th plenary meeting 14 October 2025",
            "Annex",
            "Awaza Political Declaration",
            "1. We, the Heads of State and Government and high-level representatives, met in Awaza, Turkmenistan, from 5 to 8 August 2025 at the Third United Nations Conference;",
            "I. Global context and shared commitments",
            "2. We gather at a critical juncture marked by overlapping global challenges.",
            "3. We stress the importance of developing trade-related physical and digital infrastructure.",
            "Partnerships and support mechanisms",
            "4. We invite the landlocked developing countries, transit countries and their development partners to implement the relevant actions.",
            "III. Conclusion and call to action",
            "5. We declare our firm resolve to act urgently and collectively.",
        ]);
        assert_eq!(
            got,
            [
                "H1", "PP1", "OP1", "OP2", "C1", "Annex.H1", "Annex.H2", "Annex.P1", "Annex.H3",
                "Annex.P2", "Annex.P3", "Annex.H4", "Annex.P4", "Annex.H5", "Annex.P5"
            ]
        );
    }

    /// S/RES/11 (1946): unnumbered operative text, its items, and the adoption line.
    #[test]
    fn unnumbered_operative_paragraph_keeps_its_items() {
        let got = ids(&[
            "The Security Council",
            "Recommends that the General Assembly, in accordance with Article 93, paragraph 2, of the Charter, determine the conditions on which Switzerland may become a party to the Statute of the International Court of Justice, as follows:",
            "(a) Acceptance of the provisions of the Statute of the International Court of Justice;",
            "(b) Acceptance of all the obligations of a Member of the United Nations under Article 94 of the Charter;",
            "Adopted at the 80th meeting",
        ]);
        assert_eq!(got, ["H1", "OP1", "C1"]);
    }
}
