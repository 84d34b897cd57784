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
use crate::document::cite::{find_citations, parse_date};
use crate::document::lexicon::{self, Opening};
use crate::document::model::{DocumentKind, Language, Markup, Paragraph, ParagraphKind};

/// What a paragraph is, before it is numbered.
#[derive(Debug, Clone, PartialEq)]
enum Role {
    Formula,
    Closing,
    /// "Annex", "Annex I": the paragraphs after it are the annex's.
    Annex(String),
    /// "A", "B.", "II", "Part A", "A. Restoration of peace and order": a part of the resolution.
    Part(String),
    Numbered(Printed),
    /// "(a) …", "i) …", "- …": goes inside the paragraph before it.
    Sub,
    /// A paragraph that opens with a quotation mark: a passage the paragraph before quotes
    /// (the Charter's words in S/RES/186 (1964)), never a paragraph of its own.
    Quote,
    Heading,
    Text(Opening),
    /// Nothing to read: "* *", ",", a rule.
    Empty,
}

pub(super) fn number_paragraphs(
    blocks: Vec<Inline>,
    kind: DocumentKind,
    language: Language,
) -> Vec<Paragraph> {
    let mut out = match kind {
        DocumentKind::Treaty if articles::has_articles(&blocks) => articles::number(blocks),
        DocumentKind::Resolution => resolution(blocks),
        _ => body(blocks),
    };
    for p in &mut out {
        p.citations = find_citations(&p.text, language);
    }
    out
}

fn role(block: &Inline, previous: Option<&Role>) -> Role {
    let text = block.text.trim();
    if !text.chars().any(char::is_alphanumeric) {
        return Role::Empty;
    }
    if block.heading {
        return lexicon::annex_label(text).map_or(Role::Heading, Role::Annex);
    }
    if lexicon::is_closing(text) || (matches!(previous, Some(Role::Closing)) && is_date_only(text))
    {
        return Role::Closing;
    }
    if lexicon::is_enacting_formula(text) {
        return Role::Formula;
    }
    if let Some(label) = lexicon::annex_label(text) {
        return Role::Annex(label);
    }
    if let Some(label) = part_label(text) {
        return Role::Part(label);
    }
    if subparagraph_marker(text) {
        return Role::Sub;
    }
    if text.starts_with(['"', '“', '«', '„']) {
        return Role::Quote;
    }
    if let Some(n) = printed_number(text) {
        return Role::Numbered(n);
    }
    if looks_like_heading(text) {
        return Role::Heading;
    }
    Role::Text(lexicon::opening(text))
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
                let limit = match (state, opening) {
                    (_, Opening::Operative) => 0,
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

/// Parts come in sequences: "A" is a part when a "B" follows, "I" when a "II" follows. A lone
/// "I." that is not is the OCR of "1.", and a lone letter stays a part only when it stands
/// alone on its line.
fn settle_parts(roles: &mut [Role], blocks: &[Inline]) {
    let labels: Vec<String> = roles
        .iter()
        .filter_map(|r| match r {
            Role::Part(l) => Some(l.clone()),
            _ => None,
        })
        .collect();
    for (role, block) in roles.iter_mut().zip(blocks) {
        let Role::Part(label) = role else { continue };
        let sequence = labels
            .iter()
            .any(|l| neighbours(label, l) || neighbours(l, label));
        let bare = block.text.trim().len() <= 2;
        if !sequence && (!bare || lexicon::is_roman(label)) {
            *role = match printed_number(block.text.trim()) {
                Some(p) => Role::Numbered(p),
                None => Role::Heading,
            };
        }
    }
}

/// Whether `b` follows `a` in a sequence of parts: "A" then "B", "II" then "III" ("I" is both a
/// letter and a numeral).
fn neighbours(a: &str, b: &str) -> bool {
    let letter = |s: &str| {
        let mut c = s.chars();
        match (c.next(), c.next()) {
            (Some(l), None) if l.is_ascii_uppercase() => Some(l as u32),
            _ => None,
        }
    };
    let by_letter = matches!((letter(a), letter(b)), (Some(x), Some(y)) if y == x + 1);
    let by_numeral = matches!((roman(a), roman(b)), (Some(x), Some(y)) if y == x + 1);
    by_letter || by_numeral
}

fn roman(s: &str) -> Option<u32> {
    let mut total = 0u32;
    let values: Vec<u32> = s
        .chars()
        .map(|c| match c {
            'I' => Some(1),
            'V' => Some(5),
            'X' => Some(10),
            'L' => Some(50),
            _ => None,
        })
        .collect::<Option<_>>()?;
    for (i, v) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|n| n > v) {
            total = total.checked_sub(*v)?;
        } else {
            total += v;
        }
    }
    (to_roman(total) == s).then_some(total)
}

fn to_roman(mut v: u32) -> String {
    let mut out = String::new();
    for (glyph, n) in [
        ("L", 50),
        ("XL", 40),
        ("X", 10),
        ("IX", 9),
        ("V", 5),
        ("IV", 4),
        ("I", 1),
    ] {
        while v >= n {
            out.push_str(glyph);
            v -= n;
        }
    }
    out
}

/// "A", "B.", "II", "Part A", "PART II", "A. Restoration of peace and order": the label of a
/// part of a resolution.
pub(super) fn part_label(text: &str) -> Option<String> {
    let t = text.trim();
    // A label is a capital letter or a Roman numeral, alone or before a short title, or after
    // "Part" or "Section".
    if t.len() > 200 || !t.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let named = matches!(t.as_bytes()[0], b'P' | b'S')
        && matches!(t.as_bytes().get(1), Some(b'a' | b'A' | b'e' | b'E'));
    let t = if named {
        lexicon::part_words()
            .find_map(|w| lexicon::strip_word_lower(t, w))
            .unwrap_or(t)
    } else {
        t
    };
    if !matches!(
        t.as_bytes().get(1),
        None | Some(b'.' | b' ' | b'I' | b'V' | b'X' | b'L')
    ) {
        return None;
    }
    let (label, title) = match t.split_once(". ") {
        Some((label, title)) => (label, Some(title)),
        None => (t.trim_end_matches('.'), None),
    };
    let single_letter = label.len() == 1 && label.bytes().all(|b| b.is_ascii_uppercase());
    if !(single_letter || lexicon::is_roman(label)) {
        return None;
    }
    // A title is a heading: capitalised, short, no sentence punctuation at its end.
    if let Some(title) = title {
        if !title.starts_with(char::is_uppercase)
            || title.ends_with([',', ';', '.', ':'])
            || title.split_whitespace().count() > 10
        {
            return None;
        }
    }
    Some(label.to_string())
}

/// "Adopts the following political declaration …:", "Approuve le texte suivant :": an operative
/// paragraph that introduces the text it adopts.
fn adopts_what_follows(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with(':')
        && [
            "adopts the following",
            "approves the following",
            "adopte la",
            "adopte le",
            "adopte les",
            "approuve le texte",
        ]
        .iter()
        .any(|p| lexicon::starts_with_lower(t, p))
}

/// Whether the paragraph before is a heading (an annex's title follows its label).
fn after_heading_role(out: &[Paragraph]) -> bool {
    out.last().is_some_and(|p| p.kind == ParagraphKind::Heading)
}

/// A title: capitalised, no sentence punctuation at its end, not too long ("Doha Political
/// Declaration of the “World Social Summit” …", "A call to action", "Follow-up").
fn is_title_like(text: &str) -> bool {
    let t = text.trim();
    // A title ends on a word of weight, a sentence cut short on "the" or "of".
    let last = t.rsplit(' ').next().unwrap_or("");
    let cut_short = [
        "the", "of", "in", "and", "to", "for", "a", "an", "on", "by", "with", "de", "la", "le",
        "les", "des", "du", "et", "à", "en",
    ]
    .contains(&last);
    // "2025 Political Declaration on …" opens with a year.
    let year =
        t.len() > 5 && t.as_bytes()[..4].iter().all(u8::is_ascii_digit) && t.as_bytes()[4] == b' ';
    (t.starts_with(char::is_uppercase) || year)
        && !cut_short
        && !t.ends_with([',', ';', '.', ':'])
        && !t.contains('\n')
        && t.split_whitespace().nth(40).is_none()
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
    let mut seen = std::collections::HashSet::with_capacity(paragraphs.len());
    if paragraphs.iter().all(|p| seen.insert(p.id.as_str())) {
        return;
    }
    let mut count = std::collections::HashMap::<String, u32>::new();
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

/// `(a)`, `a)`, `(ii)`, `(1)`, `- `, `– `, `• ` opening a sub-paragraph. A year in brackets
/// ("(1993) of 5 March") is not one: numeric labels have at most two digits.
pub(super) fn subparagraph_marker(line: &str) -> bool {
    if let Some(rest) = line
        .strip_prefix("- ")
        .or_else(|| line.strip_prefix("– "))
        .or_else(|| line.strip_prefix("— "))
        .or_else(|| line.strip_prefix("• "))
    {
        // An item opens with a capital ("– The …"); "– in which it called upon …" is a dash
        // inside a sentence that the line happens to start with.
        return rest
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '«' || c == '“');
    }
    let s = line.strip_prefix('(').unwrap_or(line);
    // A label is at most four bytes, so the first `)` is looked for in the first five only.
    let head = &s.as_bytes()[..s.len().min(5)];
    let Some(close) = memchr::memchr(b')', head) else {
        return false;
    };
    let label = &s[..close];
    let after = &s[close + 1..];
    ((1..=4).contains(&label.len()) && label.bytes().all(|b| b.is_ascii_lowercase())
        || (1..=2).contains(&label.len()) && label.bytes().all(|b| b.is_ascii_digit()))
        && (after.is_empty() || after.starts_with(' '))
}

/// Charter-style headings: "Chapitre VII: …", "Article 51", "CHAPTER I", short all-caps lines.
pub(super) fn looks_like_heading(text: &str) -> bool {
    let t = text.trim();
    // The number is read on the original text: lowering turns no other character into an ASCII
    // digit or one of "ivxlc" without adding a combining mark that fails the test anyway.
    // Heading words start with A, C, P, R, S or T (in any case).
    let numbered = matches!(
        t.as_bytes().first().map(u8::to_ascii_lowercase),
        Some(b'a' | b'c' | b'p' | b'r' | b's' | b't')
    ) && lexicon::heading_words().any(|w| {
        lexicon::strip_word_lower(t, w).is_some_and(|rest| {
            rest.split([':', ' ', '.']).next().is_some_and(|n| {
                !n.is_empty()
                    && n.chars()
                        .all(|c| c.is_ascii_digit() || "ivxlcIVXLC".contains(c))
            })
        })
    });
    // At most 80 and 120 characters: the byte length bounds the count from above.
    let short = |n: usize| t.len() <= n || t.chars().nth(n).is_none();
    let caps = short(80)
        && t.chars().any(|c| c.is_alphabetic())
        && t.chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase());
    (numbered && short(120)) || caps
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

pub(super) fn is_date_only(text: &str) -> bool {
    let t = text.trim();
    !surely_five_words(t) && t.split_whitespace().nth(4).is_none() && parse_date(t).is_some()
}

/// Four spaces each between two non-white-space characters separate five words at least: a
/// cheap answer for most lines, which stops within the first words. Anything else is left to
/// `split_whitespace`.
pub(super) fn surely_five_words(t: &str) -> bool {
    let b = t.as_bytes();
    let mut seen = 0;
    for i in 1..b.len().saturating_sub(1) {
        if b[i] != b' ' {
            continue;
        }
        let before = match b[i - 1] {
            c if c.is_ascii() => c.is_ascii_graphic(),
            _ => t[..i]
                .chars()
                .next_back()
                .is_some_and(|c| !c.is_whitespace()),
        };
        let after = match b[i + 1] {
            c if c.is_ascii() => c.is_ascii_graphic(),
            _ => t[i + 1..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_whitespace()),
        };
        if before && after {
            seen += 1;
            if seen == 4 {
                return true;
            }
        }
    }
    false
}
