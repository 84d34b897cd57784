//! Citations: finding references to other documents in text, and normalising them to symbols.
//!
//! Everything that recognises a citation lives here: resolution and decision numbers after the
//! word "resolution"/"résolution" (with lists), symbols written out (`S/RES/1440 (2002)`,
//! `A/AC.105/1137`), old General Assembly numbers (`3363 (XXX)`), resolutions named by title and
//! date, and the Charter. Each recogniser proposes candidates; the earliest, longest ones win.
//! Every regex is anchored or scanned once, so the cost is linear in the text.

use regex::Regex;
use serde::Serialize;
use std::cmp::Reverse;
use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

use super::model::Language;
use super::symbol::Symbol;

/// What a citation points at, before it is resolved against a corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference {
    /// A UN symbol: `S/RES/242 (1967)`, `A/RES/70/1`, `A/77/L.107`.
    Symbol(Symbol),
    /// A document named by title and adoption date (ISO), e.g. « Coopération entre l'ONU et l'OCS » du 1er septembre 2023.
    TitleDate { title: String, date: String },
    /// The Charter of the United Nations, optionally a chapter or article of it ("Chapitre VIII", "Article 2").
    Charter { part: Option<String> },
}

/// One reference found in a paragraph or footnote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Citation {
    /// The words as written in the text.
    pub text: String,
    /// Byte range of `text` in the paragraph or footnote text.
    #[serde(skip)]
    pub range: Range<usize>,
    #[serde(skip)]
    pub reference: Reference,
    /// Normalised symbol, when known (for title/date citations, once resolved).
    pub symbol: Option<Symbol>,
    /// Id of the cited document in the corpus, once resolved.
    pub target: Option<String>,
    /// Paragraph of the target the citation names (OP9, a Charter article heading), once resolved.
    pub paragraph: Option<String>,
    /// Official link, when the symbol is known.
    pub url: Option<String>,
}

/// Finds every citation in `text`, in order of appearance, without overlaps.
pub fn find_citations(text: &str, language: Language) -> Vec<Citation> {
    let mut found = Vec::new();
    // Each recogniser runs only where the text holds what any of its matches must contain: most
    // paragraphs cite nothing, and a regex search costs far more than these byte scans.
    let bytes = text.as_bytes();
    if may_hold_keyword(bytes) {
        scan_keywords(text, &mut found);
    }
    if memchr::memchr(b'/', bytes).is_some() {
        scan_written_symbols(text, &mut found);
    }
    if may_hold_old_session(bytes) {
        scan_old_general_assembly(text, &mut found);
    }
    if CHART.find(bytes).is_some() {
        scan_charter(text, &mut found);
    }

    // Earliest first; at the same start the longer one, so "resolution 2453 A (XXIII)" beats
    // the bare "2453 A (XXIII)" found by the old-numbering scan.
    found.sort_by_key(|c| (c.range.start, Reverse(c.range.end)));
    let mut out: Vec<Citation> = Vec::with_capacity(found.len());
    let mut end = 0;
    for c in found {
        if c.range.start < end || c.range.is_empty() {
            continue;
        }
        end = c.range.end;
        let symbol = match &c.reference {
            Reference::Symbol(s) => Some(s.clone()),
            _ => None,
        };
        out.push(Citation {
            text: text[c.range.clone()].to_string(),
            url: symbol.as_ref().map(|s| s.url(language)),
            range: c.range,
            reference: c.reference,
            symbol,
            target: None,
            paragraph: None,
        });
    }
    out
}

/// Whether `text` may hold a `KEYWORD` match: "résolution" and "décision" in any case and
/// spelling contain "olution" or "cision" in ASCII letters, whose only non-ASCII case variant is
/// the long s of "ciſion".
fn may_hold_keyword(text: &[u8]) -> bool {
    // One ASCII-lowered copy, then two SIMD substring searches.
    let lower = text.to_ascii_lowercase();
    OLUTION.find(&lower).is_some()
        || CISION.find(&lower).is_some()
        // U+017F, long s: 0xC5 0xBF.
        || memchr::memchr_iter(0xC5, text).any(|i| text.get(i + 1) == Some(&0xBF))
}

static OLUTION: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(b"olution"));
static CISION: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(b"cision"));
static CHART: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(b"Chart"));

/// Whether `text` may hold an `OLD_GA` match: an opening bracket right before a Roman session
/// (`(XXIII)`) or its `ES-`/`S-` prefix.
fn may_hold_old_session(text: &[u8]) -> bool {
    memchr::memchr_iter(b'(', text).any(|i| {
        matches!(
            text.get(i + 1),
            Some(b'I' | b'V' | b'X' | b'L' | b'E' | b'S')
        )
    })
}

/// Whether `text` may hold a date `parse_date` finds: four numeric characters in a row, since
/// every date has a four-digit year and `\d` (decimal digits, in all scripts) is a subset of
/// `char::is_numeric`. Bytes are read one by one; characters below U+0660 hold no decimal digit
/// and are skipped a byte at a time (a continuation byte only resets the run, which the lead
/// byte already did); only the rarer ones above are decoded.
fn may_hold_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            run = if b.is_ascii_digit() { run + 1 } else { 0 };
            i += 1;
        } else if b < 0xD9 {
            // U+0080..U+063F: no decimal digit (the first ones after ASCII are U+0660..).
            run = 0;
            i += 1;
        } else {
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            run = if c.is_numeric() { run + 1 } else { 0 };
            i += c.len_utf8();
        }
        if run == 4 {
            return true;
        }
    }
    false
}

/// A citation proposed by one recogniser, before overlaps are removed.
struct Candidate {
    range: Range<usize>,
    reference: Reference,
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTHS: &str = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december";

fn date_pattern() -> String {
    // Day first (French and British: "1er septembre 2023", "1^{er} …", "1ᵉʳ …", "22 November 1967")
    // or month first (American: "September 1, 2023").
    format!(
        r"(?i)(?:(?P<d1>\d{{1,2}})(?:\s*(?:er|st|nd|rd|th)(?-u:\b)|ᵉʳ|\^\{{er\}}|\^er(?-u:\b))?\s+(?P<m1>{MONTHS})\s+(?P<y1>\d{{4}})|(?P<m2>{MONTHS})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}}))"
    )
}

static DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&date_pattern()).expect("date pattern is valid"));
static DATE_AT_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("^(?:{})", date_pattern())).expect("anchored date pattern is valid")
});

/// The first date written in `text` ("1^{er} septembre 2023", "22 November 1967",
/// "September 1, 2023"), as ISO `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<String> {
    if !may_hold_date(text) {
        return None;
    }
    let mut from = 0;
    while let Some(whole) = DATE.find_at(text, from) {
        if digit_before(text, whole.start()) || digit_at(text, whole.end()) {
            from = next_char(text, whole.start());
            continue;
        }
        if let Some(iso) = iso_from(whole.as_str()) {
            return Some(iso);
        }
        from = next_char(text, whole.start());
    }
    None
}

/// A date right at the start of `text`: its length in bytes and ISO form.
fn date_at_start(text: &str) -> Option<(usize, String)> {
    // A day (a digit) or a month name comes first.
    let first = text.chars().next()?;
    if !(first.is_numeric() || "jfmasondJFMASONDſ".contains(first)) {
        return None;
    }
    let whole = DATE_AT_START.find(text)?;
    let end = whole.end();
    if digit_at(text, end) {
        return None;
    }
    Some((end, iso_from(whole.as_str())?))
}

/// A date the date pattern matched, as ISO `YYYY-MM-DD` when it is a real day.
fn iso_from(date: &str) -> Option<String> {
    let (d, m, y) = date_parts(date)?;
    let day: u32 = d.parse().ok()?;
    let year: u32 = y.parse().ok()?;
    let month = month_number(m)?;
    (day >= 1 && day <= days_in_month(year, month))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// Day, month and year of a date the date pattern matched: its `d1, m1, y1` or `d2, m2, y2`
/// groups, read off the match. Running the regex for captures costs several times the search,
/// and the shape of a match is plain: the first shape starts with the day (a digit), the second
/// with the month name, and both end with the four-digit year. Days are followed by a space, an
/// ordinal suffix, `ᵉʳ`, `^` or a comma, none of them numeric; month names hold no space.
fn date_parts(date: &str) -> Option<(&str, &str, &str)> {
    let year_at = date.char_indices().rev().nth(3)?.0;
    let year = &date[year_at..];
    if date.starts_with(|c: char| c.is_numeric()) {
        let day_end = date.find(|c: char| !c.is_numeric())?;
        let month = date[..year_at]
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()?;
        Some((&date[..day_end], month, year))
    } else {
        let month_end = date.find(char::is_whitespace)?;
        let rest = date[month_end..].trim_start();
        let day_end = rest.find(|c: char| !c.is_numeric()).unwrap_or(rest.len());
        Some((&rest[..day_end], &date[..month_end], year))
    }
}

fn month_number(name: &str) -> Option<u32> {
    // The names the date pattern matches, lowered without accents: `fold` would give the same
    // for these letters, and stays the fallback for any other.
    let mut buf = [0u8; 16];
    let mut len = 0;
    for c in name.chars() {
        let b = match c {
            'a'..='z' | 'A'..='Z' => c.to_ascii_lowercase() as u8,
            'é' | 'É' => b'e',
            'û' | 'Û' => b'u',
            _ => return month_number_folded(&fold(name)),
        };
        *buf.get_mut(len)? = b;
        len += 1;
    }
    month_number_folded(std::str::from_utf8(&buf[..len]).ok()?)
}

fn month_number_folded(n: &str) -> Option<u32> {
    Some(match n {
        "janvier" | "january" => 1,
        "fevrier" | "february" => 2,
        "mars" | "march" => 3,
        "avril" | "april" => 4,
        "mai" | "may" => 5,
        "juin" | "june" => 6,
        "juillet" | "july" => 7,
        "aout" | "august" => 8,
        "septembre" | "september" => 9,
        "octobre" | "october" => 10,
        "novembre" | "november" => 11,
        "decembre" | "december" => 12,
        _ => return None,
    })
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

fn digit_before(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit())
}

fn digit_at(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit())
}

fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

fn char_at(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

fn next_char(text: &str, at: usize) -> usize {
    at + char_at(text, at).map_or(1, char::len_utf8)
}

/// The last `max` bytes before `at`, cut on a char boundary.
fn tail_before(text: &str, at: usize, max: usize) -> &str {
    let mut start = at.saturating_sub(max);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..at]
}

/// At most `max` bytes from `at`, cut on a char boundary.
fn head_from(text: &str, at: usize, max: usize) -> &str {
    let mut end = (at + max).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[at..end]
}

// ---------------------------------------------------------------------------------------------
// "resolution 242 (1967)", "résolutions 64/183 du …, 65/124 …", "décision 31/301"

/// The word that introduces numbered citations. ASCII word boundaries keep the DFA fast on
/// non-ASCII text; the keyword starts and ends with ASCII letters so they are exact.
static KEYWORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?P<res>r(?:é|e\x{301}?)solutions?)|(?P<dec>d(?:é|e\x{301}?)cisions?))(?-u:\b)")
        .expect("keyword pattern is valid")
});

/// One numbered item, anchored: `77/338`, `S-30/1`, `2015/10` (ECOSOC), `242 (1967)`,
/// `161 A (1961)` (a Council resolution in parts, whose symbol has no letter),
/// `2453 A (XXIII)`, `2253 (ES-V)`, or a bare number (kept only when the Council is named).
static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?P<ecosoc>(?:19|20)\d{2}/\d{1,3})|(?P<ga>(?:ES-|S-)?\d{1,3}/\d{1,5})|(?P<scn>\d{1,4})(?:\s+[A-Z])?\s*\((?P<year>\d{4})\)|(?P<oldn>\d{1,4})(?:\s+(?P<letter>[A-Z]))?\s*\((?P<roman>(?:ES-|S-)?[IVXL]+)\)|(?P<bare>\d{1,4}))",
    )
    .expect("item pattern is valid")
});

/// Between two items of a list: ", ", ", and ", " et ", " and ".
static LIST_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:,\s*(?:(?:and|et)\s+)?|(?:and|et)\s+)").expect("separator is valid")
});

/// What may follow an item before the next one: its date, ", annex", the organ that adopted it.
static DATE_CONNECTOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*,?\s*(?:of|du|dated|en\s+date\s+du|adopted\s+on|adoptée\s+le)\s+")
        .expect("date connector is valid")
});
static ANNEX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*,\s*annexe?(?:\s+[IVX]+(?-u:\b))?").expect("annex pattern is valid")
});
static COUNCIL_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s+(?:du|of\s+the)\s+(?:conseil\s+de\s+s(?:é|e)curit(?:é|e)|security\s+council)(?:\s+(?:des\s+nations\s+unies|of\s+the\s+united\s+nations))?")
        .expect("council pattern is valid")
});
static COUNCIL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:security\s+council(?:'s|’s)?|conseil\s+de\s+s(?:é|e)curit(?:é|e))\s+(?:\S+\s+)?$",
    )
    .expect("council pattern is valid")
});

/// A parsed item: where it is and the symbol it stands for.
struct Item {
    range: Range<usize>,
    symbol: Option<Symbol>,
    /// A bare number (`2231`): a Security Council resolution whose year is still to be found.
    bare: Option<u32>,
}

fn scan_keywords(text: &str, found: &mut Vec<Candidate>) {
    for word in KEYWORD.find_iter(text) {
        // The `dec` branch is the one starting with a d: no other letter folds to d or r.
        let decision = matches!(word.as_str().as_bytes().first(), Some(b'd' | b'D'));
        if let Some(mut list) = numbered_list(text, word.range(), decision) {
            found.append(&mut list);
        } else if !decision {
            if let Some(c) = title_and_date(text, word.range()) {
                found.push(c);
            }
        }
    }
}

/// The items after a keyword at `word`: one candidate per symbol, the first one including the keyword.
fn numbered_list(text: &str, word: Range<usize>, decision: bool) -> Option<Vec<Candidate>> {
    // `LEADING_SPACE`: at least one white-space character (`\s` is White_Space, as in `trim`).
    let after = &text[word.end..];
    let space = after.len() - after.trim_start().len();
    if space == 0 {
        return None;
    }
    let first_at = word.end + space;
    let first = parse_item(text, first_at, decision, true)?;

    let mut out = Vec::new();
    let mut pos = first.range.end;
    let mut first_symbol = first.symbol;
    if let Some(number) = first.bare {
        // "résolution 2231 du Conseil de sécurité des Nations Unies du 20 juillet 2015":
        // a bare number is a citation only when the Council is named, and the date gives the year.
        let after = COUNCIL_AFTER.find(&text[pos..]);
        let council_before = || COUNCIL_BEFORE.is_match(tail_before(text, word.start, 48));
        if after.is_none() && !council_before() {
            return None;
        }
        let trailer_at = pos + after.map_or(0, |m| m.end());
        let year = DATE_CONNECTOR
            .find(&text[trailer_at..])
            .and_then(|m| date_at_start(&text[trailer_at + m.end()..]))
            .map(|(_, iso)| iso[..4].to_string());
        first_symbol = Some(Symbol::new(match year {
            Some(y) => format!("S/RES/{number} ({y})"),
            None => format!("S/RES/{number}"),
        }));
    }
    out.push(Candidate {
        range: word.start..first.range.end,
        reference: Reference::Symbol(first_symbol?),
    });

    // Further items: "…, 65/124 du 13 décembre 2010, … et 75/268 du 25 mars 2021".
    loop {
        pos = skip_trailer(text, pos);
        // A separator starts, after spaces, with a comma, "and" or "et".
        if !text[pos..].trim_start().starts_with([',', 'a', 'e']) {
            break;
        }
        let Some(sep) = LIST_SEPARATOR.find(&text[pos..]) else {
            break;
        };
        let Some(item) = parse_item(text, pos + sep.end(), decision, false) else {
            break;
        };
        let Some(symbol) = item.symbol else { break };
        pos = item.range.end;
        out.push(Candidate {
            range: item.range,
            reference: Reference::Symbol(symbol),
        });
    }
    Some(out)
}

/// Skips what may follow an item: its date, an annex, the Council that adopted it.
fn skip_trailer(text: &str, mut pos: usize) -> usize {
    for _ in 0..3 {
        let rest = &text[pos..];
        // Each pattern is tried only where the next characters can start it (no other
        // character folds to the letters tested): `COUNCIL_AFTER` needs a space then "du" or
        // "of the"; `DATE_CONNECTOR` an optional comma then "of", "du", "dated", "en date du",
        // "adopted on" or "adoptée le"; `ANNEX` a comma then "annex".
        let lead = rest.trim_start();
        let after_comma = lead.strip_prefix(',').map(str::trim_start);
        let connector_start = |s: &str| s.starts_with(['o', 'O', 'd', 'D', 'e', 'E', 'a', 'A']);
        let council = lead.len() < rest.len() && lead.starts_with(['d', 'D', 'o', 'O']);
        let connector = connector_start(lead) || after_comma.is_some_and(connector_start);
        let annex = after_comma.is_some_and(|s| s.starts_with(['a', 'A']));
        if let Some(m) = council.then(|| COUNCIL_AFTER.find(rest)).flatten() {
            pos += m.end();
        } else if let Some((len, _)) = connector
            .then(|| DATE_CONNECTOR.find(rest))
            .flatten()
            .and_then(|m| date_at_start(&rest[m.end()..]).map(|(l, d)| (m.end() + l, d)))
        {
            pos += len;
        } else if let Some(m) = annex.then(|| ANNEX.find(rest)).flatten() {
            pos += m.end();
        } else {
            break;
        }
    }
    pos
}

fn parse_item(text: &str, at: usize, decision: bool, first: bool) -> Option<Item> {
    // Every item starts with a digit or the `ES-`/`S-` of a special session.
    let lead = text[at..].chars().next()?;
    if !(lead.is_numeric() || lead == 'E' || lead == 'S') {
        return None;
    }
    let whole = ITEM.find(&text[at..])?;
    let range = at..at + whole.end();
    // "2015/10/Add.1", "59/48a", "12.5": not a resolution number.
    if let Some(c) = char_at(text, range.end) {
        if c.is_alphanumeric() || c == '/' {
            return None;
        }
        if c == '.' && text[range.end + 1..].starts_with(|d: char| d.is_ascii_digit()) {
            return None;
        }
    }
    let series = if decision { "DEC" } else { "RES" };
    let symbol = match item_shape(whole.as_str())? {
        ItemShape::Ecosoc(m) => Symbol::new(format!("E/{series}/{m}")),
        ItemShape::Ga(m) => Symbol::new(format!("A/{series}/{m}")),
        // Decisions are only cited by session/number.
        _ if decision => return None,
        ItemShape::Council { number, year } => {
            let n: u32 = number.parse().ok()?;
            let y: u32 = year.parse().ok()?;
            if n == 0 || !(1946..=2100).contains(&y) {
                return None;
            }
            Symbol::new(format!("S/RES/{n} ({y})"))
        }
        ItemShape::Old {
            number,
            letter,
            roman,
        } => old_general_assembly(number, letter, roman)?,
        ItemShape::Bare(n) => {
            let n: u32 = n.parse().ok()?;
            if !first || n == 0 {
                return None;
            }
            return Some(Item {
                range,
                symbol: None,
                bare: Some(n),
            });
        }
    };
    Some(Item {
        range,
        symbol: Some(symbol),
        bare: None,
    })
}

/// The branch of `ITEM` a match came from, with its groups.
#[derive(Debug, PartialEq)]
enum ItemShape<'t> {
    /// `ecosoc`: `2015/10`.
    Ecosoc(&'t str),
    /// `ga`: `77/338`, `S-30/1`.
    Ga(&'t str),
    /// `scn` and `year`: `242 (1967)`, `161 A (1961)`.
    Council { number: &'t str, year: &'t str },
    /// `oldn`, `letter` and `roman`: `2453 A (XXIII)`.
    Old {
        number: &'t str,
        letter: Option<&'t str>,
        roman: &'t str,
    },
    /// `bare`: `2231`.
    Bare(&'t str),
}

/// The groups of an `ITEM` match, read off the match instead of running the regex for captures
/// (see `date_parts`). A slash means `ecosoc` (four digits from 19 or 20 before it, which `ga`
/// cannot have: at most three digits, or a letter first) or `ga`; a closing bracket means `scn`
/// (a year inside) or `oldn` (a Roman session inside); anything else is `bare`.
fn item_shape(item: &str) -> Option<ItemShape<'_>> {
    if let Some(slash) = item.find('/') {
        let head = &item[..slash];
        let ecosoc =
            (head.starts_with("19") || head.starts_with("20")) && head.chars().count() == 4;
        return Some(if ecosoc {
            ItemShape::Ecosoc(item)
        } else {
            ItemShape::Ga(item)
        });
    }
    let Some(inside) = item.strip_suffix(')') else {
        return Some(ItemShape::Bare(item));
    };
    let open = inside.rfind('(')?;
    let inside = &inside[open + 1..];
    let number_end = item.find(|c: char| !c.is_numeric())?;
    let number = &item[..number_end];
    if inside.ends_with(|c: char| c.is_numeric()) {
        return Some(ItemShape::Council {
            number,
            year: inside,
        });
    }
    let letter = item[number_end..open].trim();
    Some(ItemShape::Old {
        number,
        letter: (!letter.is_empty()).then_some(letter),
        roman: inside,
    })
}

/// `2453 A (XXIII)` → `A/RES/2453 A (XXIII)`; the session must be a real Roman numeral.
fn old_general_assembly(number: &str, letter: Option<&str>, roman: &str) -> Option<Symbol> {
    let n: u32 = number.parse().ok()?;
    let session = roman.trim_start_matches("ES-").trim_start_matches("S-");
    let value = roman_value(session)?;
    if n == 0 || value > 40 {
        return None;
    }
    Some(Symbol::new(match letter {
        Some(l) => format!("A/RES/{n} {l} ({roman})"),
        None => format!("A/RES/{n} ({roman})"),
    }))
}

/// Value of a canonical Roman numeral up to L; None for "IIII", "VX" and the like.
fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 8 {
        return None;
    }
    let digit = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        _ => None,
    };
    let values: Vec<u32> = s.chars().map(digit).collect::<Option<_>>()?;
    let mut value: i64 = 0;
    for (i, v) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|next| next > v) {
            value -= *v as i64;
        } else {
            value += *v as i64;
        }
    }
    let value = u32::try_from(value).ok()?;
    // Only the canonical spelling counts, so OCR noise like "IIII" is not a session.
    (value > 0 && to_roman(value) == s).then_some(value)
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

// ---------------------------------------------------------------------------------------------
// « Coopération entre l'ONU et l'OCS » du 1er septembre 2023

static TITLE_DATE_CONNECTOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*,?\s*(?:(?:adopt(?:é|e)e?s?\s+)?(?:le|du|en\s+date\s+du)|(?:adopted\s+)?(?:on|of|dated))\s+")
        .expect("title date connector is valid")
});

/// A resolution named by its quoted title and dated: `la résolution de l'Assemblée générale
/// « … » du 1er septembre 2023`, `the resolution "…" of 1 September 2023`,
/// `la résolution du 1er septembre 2023 intitulée « … »`.
fn title_and_date(text: &str, word: Range<usize>) -> Option<Candidate> {
    // The opening quote must come soon, in the same sentence and paragraph.
    let gap = head_from(text, word.end, 300);
    let mut open = None;
    let mut prev = ' ';
    for (i, c) in gap.char_indices() {
        if matches!(c, '.' | ';' | '!' | '?') || (c == '\n' && prev == '\n') {
            return None;
        }
        if let Some(close) = closing_quote(c) {
            open = Some((i, c.len_utf8(), close));
            break;
        }
        prev = c;
    }
    let (open_at, open_len, close) = open?;
    let title_at = word.end + open_at + open_len;
    let body = head_from(text, title_at, 600);
    let close_at = body.find(close)?;
    let title = body[..close_at].trim();
    if title.is_empty() || title.contains("\n\n") {
        return None;
    }
    let after_quote = title_at + close_at + close.len_utf8();

    let (end, date) = match date_after_title(text, after_quote) {
        Some((end, iso)) => (end, iso),
        // A date before the title counts only with "entitled"/"intitulée" right before the quote,
        // so "the resolution adopted by the Board of Governors on 12 June 1981 on the “…”"
        // (another body's resolution) is not taken for a UN one.
        None if ENTITLED.is_match(&gap[..open_at]) => (after_quote, parse_date(&gap[..open_at])?),
        None => return None,
    };
    Some(Candidate {
        range: word.start..end,
        reference: Reference::TitleDate {
            title: title.to_string(),
            date,
        },
    })
}

/// The date right after a quoted title ("» du 1er septembre 2023"): where it ends and its ISO form.
fn date_after_title(text: &str, at: usize) -> Option<(usize, String)> {
    let connector = TITLE_DATE_CONNECTOR.find(&text[at..])?;
    let date_at = at + connector.end();
    let (len, iso) = date_at_start(&text[date_at..])?;
    Some((date_at + len, iso))
}

static ENTITLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:entitled|intitul(?:é|e)e?s?)\s*$").expect("entitled pattern is valid")
});

fn closing_quote(open: char) -> Option<char> {
    match open {
        '«' => Some('»'),
        '“' => Some('”'),
        '„' => Some('“'),
        '"' => Some('"'),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Symbols written out: S/RES/1440 (2002), A/RES/77/338, A/77/L.107, A/AC.105/1137, S/1994/262

static WRITTEN_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<sym>(?:A|S|E|ST|UNEP|FCCC|CCPR|CERD|CRC|CEDAW|CAT|CRPD|TD|DP|ICCD|UNW|HRC|ECE|ESCAP|ECA|ECLAC|ESCWA)/[A-Za-z0-9.\-]+(?:/[A-Za-z0-9.\-]+)*)(?P<paren>\s*\((?:\d{4}|(?:ES-|S-)?[IVXL]+)\))?",
    )
    .expect("symbol pattern is valid")
});

/// The `sym` and `paren` groups of a `WRITTEN_SYMBOL` match, read off the match: `sym` is the
/// run of symbol characters it starts with; whatever follows (a space or a bracket, neither a
/// symbol character) is `paren`, possibly empty.
fn symbol_parts(written: &str) -> (&str, &str) {
    let sym_len = written
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'.' | b'/' | b'-')))
        .unwrap_or(written.len());
    written.split_at(sym_len)
}

fn scan_written_symbols(text: &str, found: &mut Vec<Candidate>) {
    for whole in WRITTEN_SYMBOL.find_iter(text) {
        let (sym, paren) = symbol_parts(whole.as_str());
        if char_before(text, whole.start())
            .is_some_and(|c| c.is_alphanumeric() || "/.-_".contains(c))
        {
            continue;
        }
        // A sentence's full stop or a dangling hyphen is not part of the symbol.
        let written = sym.trim_end_matches(['.', '-']);
        if !written.contains(|c: char| c.is_ascii_digit()) || written.ends_with('/') {
            continue;
        }
        let mut end = whole.start() + written.len();
        let upper = written.to_ascii_uppercase();
        // The year or session in brackets belongs to resolution symbols only.
        let full = if !paren.is_empty()
            && written.len() == sym.len()
            && (upper.starts_with("S/RES/") || upper.starts_with("A/RES/"))
        {
            end = whole.end();
            format!("{written}{paren}")
        } else {
            written.to_string()
        };
        let Some(symbol) = Symbol::parse(&full) else {
            continue;
        };
        found.push(Candidate {
            range: whole.start()..end,
            reference: Reference::Symbol(symbol),
        });
    }
}

// ---------------------------------------------------------------------------------------------
// Old General Assembly numbering without the keyword: "3363 (XXX)"

static OLD_GA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<n>\d{2,4})(?:\s+(?P<letter>[A-Z]))?\s*\((?P<roman>(?:ES-|S-)?[IVXL]+)\)")
        .expect("old numbering pattern is valid")
});

/// Words after which "12 (IV)" is a part of something else, not a resolution.
static NOT_A_RESOLUTION_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:articles?|paragraphs?|paragraphes?|para\.|chapters?|chapitres?|pages?|p\.|pp\.|vol\.|n°|no\.|annex|annexe|sections?|parts?|partie|points?|items?|rules?|règles?|alinéas?)\s*$")
        .expect("exclusion pattern is valid")
});

fn scan_old_general_assembly(text: &str, found: &mut Vec<Candidate>) {
    for whole in OLD_GA.find_iter(text) {
        // Groups read off the match (see `item_shape`): the number, then an optional letter
        // before the bracket, then the session inside it.
        let Some(ItemShape::Old {
            number,
            letter,
            roman,
        }) = item_shape(whole.as_str())
        else {
            continue;
        };
        if char_before(text, whole.start())
            .is_some_and(|c| c.is_alphanumeric() || "/.-".contains(c))
            || NOT_A_RESOLUTION_BEFORE.is_match(tail_before(text, whole.start(), 24))
        {
            continue;
        }
        if let Some(symbol) = old_general_assembly(number, letter, roman) {
            found.push(Candidate {
                range: whole.range(),
                reference: Reference::Symbol(symbol),
            });
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The Charter

static CHARTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:(?P<part>(?:Chapitre|Chapter)\s+[IVX]+|[Aa]rticles?\s+\d+(?:\s*\(\d+\))?(?:(?:\s*,\s*|\s+(?:and|et)\s+)\d+(?:\s*\(\d+\))?)*(?:\s*,\s*(?:paragraphs?|paragraphes?)\s+\d+(?:(?:\s*,\s*|\s+(?:and|et)\s+)\d+)*)?)\s*,?\s+(?P<link>de\s+la|of\s+the|of)\s+)?(?P<un_before>United\s+Nations\s+)?(?P<charter>Charter|Charte)(?P<un_after>\s+(?:des\s+Nations\s+Unies|de\s+l['’]Organisation\s+des\s+Nations\s+Unies|of\s+the\s+United\s+Nations))?",
    )
    .expect("charter pattern is valid")
});

/// Words that may follow a bare "la Charte" without making it another charter
/// ("la Charte africaine", "la Charte de l'OCS" are not the UN Charter).
const FRENCH_AFTER_BARE_CHARTE: &[&str] = &[
    "et",
    "ou",
    "qui",
    "que",
    "qu",
    "a",
    "à",
    "en",
    "dans",
    "ne",
    "n",
    "est",
    "sont",
    "doit",
    "y",
    "ainsi",
    "notamment",
    "elle",
    "lui",
    "s",
    "se",
];

fn scan_charter(text: &str, found: &mut Vec<Candidate>) {
    for caps in CHARTER.captures_iter(text) {
        let (Some(whole), Some(charter)) = (caps.get(0), caps.name("charter")) else {
            continue;
        };
        if char_before(text, whole.start()).is_some_and(char::is_alphanumeric)
            || char_at(text, whole.end()).is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let named = caps.name("un_before").is_some() || caps.name("un_after").is_some();
        if !named && !bare_charter_is_un(text, &caps, charter) {
            continue;
        }
        let part = caps.name("part").map(|p| {
            p.as_str()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .trim_end_matches(',')
                .to_string()
        });
        found.push(Candidate {
            range: whole.range(),
            reference: Reference::Charter { part },
        });
    }
}

/// "la Charte" / "the Charter" alone: the UN Charter unless another organisation's charter is named.
fn bare_charter_is_un(text: &str, caps: &regex::Captures<'_>, charter: regex::Match<'_>) -> bool {
    let article_before = caps.name("link").is_some() || {
        let before = tail_before(text, charter.start(), 8);
        let word = before
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("");
        before.ends_with(char::is_whitespace) && matches!(word, "la" | "La" | "the" | "The")
    };
    if !article_before {
        return false;
    }
    let after = head_from(text, charter.end(), 40);
    let next: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    if next.is_empty() || next.starts_with(char::is_uppercase) {
        return true; // punctuation, a footnote mark, the end, the next sentence
    }
    if charter.as_str() == "Charter" {
        !matches!(next.as_str(), "of" | "on")
    } else {
        FRENCH_AFTER_BARE_CHARTE.contains(&next.as_str())
    }
}

// ---------------------------------------------------------------------------------------------
// Title similarity

/// How alike a cited title is to a document title, 0.0 to 1.0, after folding and
/// expanding the usual abbreviations (ONU, OCS, UN, SCO…).
pub fn title_similarity(cited: &str, title: &str) -> f64 {
    let a = content_words(cited);
    let b = content_words(title);
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    // Dice coefficient over content words.
    let common = a.intersection(&b).count();
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// Abbreviations that titles spell out. Only matched on upper-case words: "un" is French for "a".
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("ONU", "Organisation des Nations Unies"),
    ("UN", "United Nations"),
    ("OCS", "Organisation de Shanghai pour la coopération"),
    ("SCO", "Shanghai Cooperation Organization"),
    ("UE", "Union européenne"),
    ("EU", "European Union"),
    ("OTSC", "Organisation du Traité de sécurité collective"),
    ("CSTO", "Collective Security Treaty Organization"),
    ("CEI", "Communauté d'États indépendants"),
    ("CIS", "Commonwealth of Independent States"),
    ("ASEAN", "Association of Southeast Asian Nations"),
    ("ANASE", "Association des nations de l'Asie du Sud-Est"),
    ("UA", "Union africaine"),
    ("AU", "African Union"),
    (
        "OSCE",
        "Organisation pour la sécurité et la coopération en Europe",
    ),
    (
        "ONUDC",
        "Office des Nations Unies contre la drogue et le crime",
    ),
    ("UNODC", "United Nations Office on Drugs and Crime"),
];

const STOP_WORDS: &[&str] = &[
    // French
    "le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "et", "ou", "en", "au", "aux", "a",
    "sur", "pour", "par", "dans", "avec", "entre", "sa", "son", "ses", "leur", "leurs", "ce",
    "cette", "ces", "qui", "que", "qu", "y", "s", "n", "ne", "pas", // English
    "the", "of", "and", "or", "for", "in", "on", "to", "an", "by", "with", "between", "its",
    "their", "at", "from", "as", "into",
];

fn content_words(s: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for raw in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let expansion = ABBREVIATIONS
            .iter()
            .find(|(abbr, _)| *abbr == raw)
            .map(|(_, long)| *long);
        let words: Vec<&str> = match expansion {
            Some(long) => long.split(|c: char| !c.is_alphanumeric()).collect(),
            None => vec![raw],
        };
        for w in words {
            let folded = fold(w);
            if folded.is_empty() || STOP_WORDS.contains(&folded.as_str()) {
                continue;
            }
            out.insert(stem(&folded));
        }
    }
    out
}

/// Lower case without accents or ligatures: "Coopération" → "cooperation".
fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'œ' => "oe".to_string(),
            'æ' => "ae".to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// Just enough stemming for plurals and British/American spellings ("Nations"/"nation",
/// "Organization"/"Organisation").
fn stem(w: &str) -> String {
    let w = w.replace("iz", "is");
    match w.strip_suffix('s') {
        Some(s) if s.chars().count() > 3 && !s.ends_with('s') => s.to_string(),
        _ => w,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// One line per citation: the symbol, "charter:PART" or "title:TITLE@DATE".
    fn described(c: &Citation) -> String {
        match &c.reference {
            Reference::Symbol(s) => s.to_string(),
            Reference::Charter { part } => format!("charter:{}", part.as_deref().unwrap_or("")),
            Reference::TitleDate { title, date } => format!("title:{title}@{date}"),
        }
    }

    fn check(text: &str, language: Language) -> Vec<Citation> {
        let found = find_citations(text, language);
        let mut end = 0;
        for c in &found {
            assert_eq!(
                &text[c.range.clone()],
                c.text,
                "range and text disagree in {text:?}"
            );
            assert!(c.range.start >= end, "overlap in {text:?}: {found:?}");
            end = c.range.end;
            match &c.reference {
                Reference::Symbol(s) => {
                    assert_eq!(c.symbol.as_ref(), Some(s));
                    assert_eq!(c.url.as_deref(), Some(s.url(language).as_str()));
                }
                _ => assert!(c.symbol.is_none() && c.url.is_none()),
            }
            assert!(c.target.is_none() && c.paragraph.is_none());
        }
        found
    }

    fn symbols(text: &str, language: Language) -> Vec<String> {
        check(text, language).iter().map(described).collect()
    }

    fn texts(text: &str, language: Language) -> Vec<String> {
        check(text, language).into_iter().map(|c| c.text).collect()
    }

    fn library(path: &str) -> String {
        let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
    }

    #[test]
    fn real_sentences() {
        use Language::{En, Fr};
        let cases: &[(&str, Language, &[&str])] = &[
            // seeds/000 (A/RES/77/338)
            (
                "Rappelant également sa résolution 59/48 du 2 décembre 2004, par laquelle elle a accordé",
                Fr,
                &["A/RES/59/48"],
            ),
            (
                "Rappelant que, dans sa résolution 71/14, elle avait noté",
                Fr,
                &["A/RES/71/14"],
            ),
            ("¹ Résolution 70/1.", Fr, &["A/RES/70/1"]),
            ("⁴ Résolution 60/288.", Fr, &["A/RES/60/288"]),
            ("⁵ Résolution S-30/1, annexe.", Fr, &["A/RES/S-30/1"]),
            (
                "[sans renvoi à une grande commission (A/77/L.107)]",
                Fr,
                &["A/77/L.107"],
            ),
            (
                "au titre du Chapitre VIII de la Charte des Nations Unies,",
                Fr,
                &["charter:Chapitre VIII"],
            ),
            (
                "Rappelant les articles de la Charte des Nations Unies qui encouragent",
                Fr,
                &["charter:"],
            ),
            (
                "² Nations Unies, *Recueil des Traités*, vol. 2896, n° 50518.",
                Fr,
                &[],
            ),
            ("³ *Ibid.*, vol. 729, n° 10485.", Fr, &[]),
            (
                "définis dans le Programme de développement durable à l'horizon 2030¹,",
                Fr,
                &[],
            ),
            (
                "Résolution adoptée par l'Assemblée générale le 1^{er} septembre 2023\n\n[sans renvoi",
                Fr,
                &[],
            ),
            (
                "4. *Prie* le Secrétaire général de lui présenter un rapport sur l'application de la présente résolution ;",
                Fr,
                &[],
            ),
            // seeds/004, lines 48, 112, 69, 9
            (
                "conformément à la résolution 2231 du Conseil de sécurité des Nations Unies du 20 juillet 2015, appellent",
                Fr,
                &["S/RES/2231 (2015)"],
            ),
            (
                "Les États membres saluent l’adoption de la résolution de l’Assemblée générale des Nations Unies « Coopération entre l’ONU et l’OCS » du 1er septembre 2023, confirmant",
                Fr,
                &["title:Coopération entre l’ONU et l’OCS@2023-09-01"],
            ),
            (
                "la résolution de l'Assemblée générale des Nations Unies « Coopération entre l'ONU et l'OCS » du 1^{er} septembre 2023",
                Fr,
                &["title:Coopération entre l'ONU et l'OCS@2023-09-01"],
            ),
            (
                "la résolution « Coopération entre l’ONU et l’OCS » du 1ᵉʳ septembre 2023",
                Fr,
                &["title:Coopération entre l’ONU et l’OCS@2023-09-01"],
            ),
            (
                "the resolution \"Cooperation between the UN and the SCO\" of 1 September 2023",
                En,
                &["title:Cooperation between the UN and the SCO@2023-09-01"],
            ),
            (
                "the resolution of 1 September 2023 entitled “Cooperation between the UN and the SCO”",
                En,
                &["title:Cooperation between the UN and the SCO@2023-09-01"],
            ),
            (
                "aux principes de l’OCS. Charte des Nations Unies et Charte de l’OCS.",
                Fr,
                &["charter:"],
            ),
            (
                "conformément aux principes de la Charte de l’OCS et de « l’esprit de Shanghai »",
                Fr,
                &[],
            ),
            (
                "Les États membres ont salué la résolution adoptée chaque année par l’Assemblée générale des Nations Unies « Combattre la glorification du nazisme ».",
                Fr,
                &[],
            ),
            (
                "guidés par les décisions du Conseil de la Douma d’État de l’OCS du 17 septembre 2021",
                Fr,
                &[],
            ),
            // unsc
            (
                "2. Calls upon the parties concerned to start immediately after the cease-fire the implementation of Security Council resolution 242 (1967) in all of its parts;",
                En,
                &["S/RES/242 (1967)"],
            ),
            (
                "Taking note of the report submitted by the Secretary-General on 17 May 1991 pursuant to paragraph 9 (b) of\nresolution 687 (1991), 83\nAlso taking note",
                En,
                &["S/RES/687 (1991)"],
            ),
            (
                "Acting under Chapter VII of the Charter of the United\nNations,",
                En,
                &["charter:Chapter VII"],
            ),
            (
                "Recalling its resolutions 54 (1948) of 15 July 1948, 61 (1948) of 4 November 1948 and 62 (1948) of 16 November 1948,",
                En,
                &["S/RES/54 (1948)", "S/RES/61 (1948)", "S/RES/62 (1948)"],
            ),
            (
                "Recalling its resolution\n181 (1963) of 7 August 1963,",
                En,
                &["S/RES/181 (1963)"],
            ),
            (
                "Noting General Assembly resolution 1514 (XV) of 14 December 1960 and all other",
                En,
                &["A/RES/1514 (XV)"],
            ),
            (
                "General Assembly resolutions 2253 (ES-V) and 2254 (ES-V)",
                En,
                &["A/RES/2253 (ES-V)", "A/RES/2254 (ES-V)"],
            ),
            ("1/ S/1994/262.", En, &["S/1994/262"]),
            (
                "Reaffirming its resolution S/RES/1440 (2002) on",
                En,
                &["S/RES/1440 (2002)"],
            ),
            (
                "under Article 94 of the Charter:",
                En,
                &["charter:Article 94"],
            ),
            (
                "under Article 93, paragraph 2, of the Charter of the United Nations",
                En,
                &["charter:Article 93, paragraph 2"],
            ),
            (
                "Mindful of its responsibilities under the Charter for the maintenance",
                En,
                &["charter:"],
            ),
            ("Article 2 of the Charter", En, &["charter:Article 2"]),
            (
                "under the Charter of the Organization of African Unity",
                En,
                &[],
            ),
            (
                "Security Council resolution 2231 of 20 July 2015",
                En,
                &["S/RES/2231 (2015)"],
            ),
            (
                "resolution 2231 of the Security Council",
                En,
                &["S/RES/2231"],
            ),
            // unga/A_RES_73_6
            (
                "Recalling its resolutions 2453 A (XXIII) of 20 December 1968, 37/90 of\n                 10 December 1982, 54/68 of 6 December 1999, 59/2 of 20 October 2004 and 72/79\n                 of 7 December 2017,",
                En,
                &[
                    "A/RES/2453 A (XXIII)",
                    "A/RES/37/90",
                    "A/RES/54/68",
                    "A/RES/59/2",
                    "A/RES/72/79",
                ],
            ),
            (
                "[without reference to a Main Committee (A/73/L.6 and A/73/L.6/Add.1)]",
                En,
                &["A/73/L.6", "A/73/L.6/ADD.1"],
            ),
            (
                "1\n                 See A/AC.105/1137.",
                En,
                &["A/AC.105/1137"],
            ),
            ("  Resolution 69/283, annex II.", En, &["A/RES/69/283"]),
            (
                "See FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex.",
                En,
                &["FCCC/CP/2015/10/ADD.1"],
            ),
            (
                "Reaffirming, in that regard, General Assembly resolution 51/122 of\n                   13 December 1996, entitled “Declaration on International Cooperation”, and",
                En,
                &["A/RES/51/122"],
            ),
            (
                "the fulfilment of the 2030 Agenda for Sustainable\n Development, 2 of the Sendai Framework for Disaster Risk Reduction 2015–2030 3",
                En,
                &[],
            ),
            // other shapes
            (
                "Rappelant sa décision 31/301 du 16 décembre 1976",
                Fr,
                &["A/DEC/31/301"],
            ),
            (
                "Rappelant sa résolution 3363 (XXX)",
                Fr,
                &["A/RES/3363 (XXX)"],
            ),
            (
                "comme il est dit dans 3363 (XXX), paragraphe 4",
                Fr,
                &["A/RES/3363 (XXX)"],
            ),
            (
                "Economic and Social Council resolution 2015/10",
                En,
                &["E/RES/2015/10"],
            ),
            (
                "paragraph 9 (b), page 12 (1967), article 12 (IV) and 1967",
                En,
                &[],
            ),
            ("the decision 12 hours after", En, &[]),
            ("resolution 5 (1234)", En, &[]),
            (
                "of Security Council resolution 161 A (1961) of 21 February 1961;",
                En,
                &["S/RES/161 (1961)"],
            ),
            (
                "Recalling Article 2, paragraphs 3 and 4, of the Charter\nof the United Nations,",
                En,
                &["charter:Article 2, paragraphs 3 and 4"],
            ),
            (
                "the resolution adopted by the Board of\nGovernors of the Agency on 12 June 1981 on the “military\nattack”",
                En,
                &[],
            ),
        ];
        for (text, language, want) in cases {
            assert_eq!(symbols(text, *language), *want, "in {text:?}");
        }
    }

    #[test]
    fn a_list_gives_one_range_per_number() {
        let text = "Rappelant en outre ses résolutions 64/183 du 18 décembre 2009, 65/124 du 13 décembre 2010, 67/15 du 19 novembre 2012, 69/11 du 11 novembre 2014, 71/14 du 21 novembre 2016, 73/334 du 30 août 2019 et 75/268 du 25 mars 2021 sur la coopération";
        assert_eq!(
            texts(text, Language::Fr),
            [
                "résolutions 64/183",
                "65/124",
                "67/15",
                "69/11",
                "71/14",
                "73/334",
                "75/268"
            ]
        );
        assert_eq!(
            symbols(text, Language::Fr),
            [
                "A/RES/64/183",
                "A/RES/65/124",
                "A/RES/67/15",
                "A/RES/69/11",
                "A/RES/71/14",
                "A/RES/73/334",
                "A/RES/75/268"
            ]
        );
        let first = &find_citations(text, Language::Fr)[0];
        assert_eq!(
            first.url.as_deref(),
            Some("https://undocs.org/fr/A/RES/64/183")
        );
    }

    #[test]
    fn citation_texts_are_as_written() {
        assert_eq!(
            texts(
                "au titre du Chapitre VIII de la Charte des Nations Unies,",
                Language::Fr
            ),
            ["Chapitre VIII de la Charte des Nations Unies"]
        );
        assert_eq!(
            texts(
                "pursuant to paragraph 9 (b) of\nresolution 687 (1991), 83",
                Language::En
            ),
            ["resolution 687 (1991)"]
        );
        assert_eq!(
            texts("Recalling its resolution\n181   (1963) of", Language::En),
            ["resolution\n181   (1963)"]
        );
        assert_eq!(
            texts(
                "la résolution de l’Assemblée générale des Nations Unies « Coopération entre l’ONU et l’OCS » du 1er septembre 2023, confirmant",
                Language::Fr
            ),
            [
                "résolution de l’Assemblée générale des Nations Unies « Coopération entre l’ONU et l’OCS » du 1er septembre 2023"
            ]
        );
    }

    #[test]
    fn whole_seed_resolution() {
        let text = library("seeds/000_44f8ddc2fe2e2702.txt");
        assert_eq!(
            symbols(&text, Language::Fr),
            [
                "A/77/L.107",
                "charter:",
                "A/RES/59/48",
                "A/RES/64/183",
                "A/RES/65/124",
                "A/RES/67/15",
                "A/RES/69/11",
                "A/RES/71/14",
                "A/RES/73/334",
                "A/RES/75/268",
                "charter:Chapitre VIII",
                "A/RES/71/14",
                "A/RES/70/1",
                "A/RES/60/288",
                "A/RES/S-30/1",
                "A/RES/61/210",
            ]
        );
    }

    #[test]
    fn whole_seed_declaration() {
        let text = library("seeds/004_912be11ada29c0f5.txt");
        assert_eq!(
            symbols(&text, Language::Fr),
            [
                "charter:",
                "S/RES/2231 (2015)",
                "charter:",
                "title:Coopération entre l’ONU et l’OCS@2023-09-01",
            ]
        );
    }

    #[test]
    fn whole_security_council_resolutions() {
        let text = library("assets/library/unsc/S_RES_338_1973.txt");
        assert_eq!(
            symbols(&text, Language::En),
            ["S/RES/338 (1973)", "S/RES/242 (1967)"]
        );
        let text = library("assets/library/unsc/S_RES_699_1991.txt");
        assert_eq!(
            symbols(&text, Language::En),
            [
                "S/RES/699 (1991)",
                "S/RES/687 (1991)",
                "S/RES/687 (1991)",
                "charter:Chapter VII",
                "S/RES/687 (1991)",
                "S/RES/687 (1991)",
            ]
        );
    }

    #[test]
    fn whole_general_assembly_resolution() {
        let text = library("assets/library/unga/A_RES_73_6.txt");
        let found = symbols(&text, Language::En);
        for want in [
            "A/RES/2453 A (XXIII)",
            "A/RES/37/90",
            "A/RES/54/68",
            "A/RES/59/2",
            "A/RES/72/79",
            "A/73/L.6",
            "A/73/L.6/ADD.1",
            "A/AC.105/1137",
            "A/RES/70/1",
            "A/RES/69/283",
            "A/RES/51/122",
        ] {
            assert!(
                found.iter().any(|f| f == want),
                "{want} missing from {found:?}"
            );
        }
        assert!(!found.iter().any(|f| f.contains("2030")), "{found:?}");
    }

    /// Every "resolution(s) N (YYYY)" an independent pattern sees is covered by a citation,
    /// over 200 Security Council texts picked by a fixed stride.
    #[test]
    fn security_council_sample_is_covered() {
        let dir = format!("{}/assets/library/unsc", env!("CARGO_MANIFEST_DIR"));
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("unsc folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        assert!(files.len() >= 200, "only {} files", files.len());
        let stride = files.len() / 200;
        let simple = Regex::new(r"(?i)resolutions?\s+(\d+\s*\(\d{4}\))").expect("test pattern");
        let mut checked = 0;
        for path in files.iter().step_by(stride).take(200) {
            let text = std::fs::read_to_string(path).expect("readable text");
            let found = check(&text, Language::En);
            for caps in simple.captures_iter(&text) {
                let Some(number) = caps.get(1) else { continue };
                let year: u32 = number.as_str()
                    [number.as_str().len() - 5..number.as_str().len() - 1]
                    .parse()
                    .expect("four digits");
                if !(1946..=2100).contains(&year) {
                    continue;
                }
                checked += 1;
                assert!(
                    found
                        .iter()
                        .any(|c| c.range.start <= number.start() && number.end() <= c.range.end),
                    "{}: {:?} not covered",
                    path.display(),
                    number.as_str()
                );
            }
        }
        assert!(checked > 100, "only {checked} occurrences checked");
    }

    #[test]
    fn dates() {
        let cases = [
            ("1^{er} septembre 2023", Some("2023-09-01")),
            ("le 1er septembre 2023", Some("2023-09-01")),
            ("1ᵉʳ septembre 2023", Some("2023-09-01")),
            (
                "tenue par visioconférence le 4 juillet 2024 sous la présidence",
                Some("2024-07-04"),
            ),
            ("of 1 September 2023", Some("2023-09-01")),
            (
                "Resolution 242 (1967) of 22 November 1967",
                Some("1967-11-22"),
            ),
            ("adopted on September 1, 2023.", Some("2023-09-01")),
            ("30 août 2019 et 25 mars 2021", Some("2019-08-30")),
            (
                "le 31 février 2023, puis le 28 février 2023",
                Some("2023-02-28"),
            ),
            ("29 February 2024", Some("2024-02-29")),
            ("29 February 2023", None),
            ("2021 novembre 2021", None),
            ("en septembre 2022", None),
            ("1^{er}", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_date(text).as_deref(), want, "{text:?}");
        }
    }

    #[test]
    fn titles() {
        let real = "Coopération entre l'Organisation des Nations Unies et l'Organisation de Shanghai pour la coopération";
        let cited = "Coopération entre l’ONU et l’OCS";
        assert!(
            title_similarity(cited, real) >= 0.6,
            "{}",
            title_similarity(cited, real)
        );
        let other = "Combattre la glorification du nazisme";
        assert!(title_similarity(other, real) < 0.2);
        assert!(title_similarity(cited, other) < 0.2);
        let english =
            "Cooperation between the United Nations and the Shanghai Cooperation Organization";
        assert!(title_similarity("Cooperation between the UN and the SCO", english) >= 0.6);
        assert_eq!(title_similarity("", real), 0.0);
        assert_eq!(title_similarity("la et de", real), 0.0);
        let same = title_similarity(real, real);
        assert!((same - 1.0).abs() < 1e-9, "{same}");
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman_value("XXIII"), Some(23));
        assert_eq!(roman_value("XXX"), Some(30));
        assert_eq!(roman_value("IV"), Some(4));
        assert_eq!(roman_value("IIII"), None);
        assert_eq!(roman_value("VX"), None);
        assert_eq!(roman_value(""), None);
    }

    fn fragments() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "résolution",
            "resolutions",
            "décision",
            " ",
            "\n",
            "  ",
            "242",
            "(1967)",
            "(XXIII)",
            "59/48",
            "S-30/1",
            ",",
            " et ",
            " and ",
            "«",
            "»",
            "“",
            "”",
            "\"",
            " du ",
            " of ",
            "1er",
            "1^{er}",
            "ᵉʳ",
            "septembre",
            "September",
            "2023",
            "Charte",
            "Charter",
            "la ",
            "the ",
            "des Nations Unies",
            "Chapitre VIII de ",
            "Article 2 of ",
            "A/77/L.107",
            "S/RES/",
            "A/RES/",
            ".",
            "é",
            "\u{301}",
            "Conseil de sécurité",
            "¹",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
    }

    fn assert_well_formed(text: &str) {
        let found = find_citations(text, Language::Fr);
        let mut end = 0;
        for c in &found {
            assert!(text.is_char_boundary(c.range.start) && text.is_char_boundary(c.range.end));
            assert!(c.range.start >= end && c.range.start < c.range.end);
            assert_eq!(&text[c.range.clone()], c.text);
            end = c.range.end;
        }
    }

    /// Dates, numbers and symbols: the shapes the groups of the citation patterns come in.
    fn shaped() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            " ",
            "  ",
            "\n",
            "\u{a0}",
            ",",
            ".",
            "/",
            "-",
            "(",
            ")",
            "^{er}",
            "^er",
            "ᵉʳ",
            "er",
            "st",
            "th",
            "1",
            "22",
            "242",
            "2015",
            "1967",
            "٣",
            "١٢",
            "ſ",
            "é",
            "É",
            "janvier",
            "Février",
            "AOÛT",
            "décembre",
            "September",
            "may",
            "ES-",
            "S-",
            "XXIII",
            "IV",
            "L",
            "A",
            "S",
            "E",
            "RES",
            "A/RES/",
            "S/RES/",
            "ST/SGB",
            "résolution",
            "décision",
            "Re\u{301}solutions",
            "DÉCISION",
            "ciſion",
        ]);
        prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
    }

    /// The groups read off a match (`date_parts`, `item_shape`, `symbol_parts`, the keyword's
    /// first letter) are the ones the regexes capture.
    fn assert_groups_agree(text: &str) {
        for caps in DATE.captures_iter(text) {
            let want = match (caps.name("d1"), caps.name("m1"), caps.name("y1")) {
                (Some(d), Some(m), Some(y)) => (d.as_str(), m.as_str(), y.as_str()),
                _ => (
                    caps.name("d2").map_or("", |m| m.as_str()),
                    caps.name("m2").map_or("", |m| m.as_str()),
                    caps.name("y2").map_or("", |m| m.as_str()),
                ),
            };
            assert_eq!(date_parts(&caps[0]), Some(want), "{:?}", &caps[0]);
        }
        for (at, _) in text.char_indices() {
            let Some(caps) = ITEM.captures(&text[at..]) else {
                continue;
            };
            let name = |n: &str| caps.name(n).map(|m| m.as_str());
            let want = if let Some(m) = name("ecosoc") {
                ItemShape::Ecosoc(m)
            } else if let Some(m) = name("ga") {
                ItemShape::Ga(m)
            } else if let (Some(number), Some(year)) = (name("scn"), name("year")) {
                ItemShape::Council { number, year }
            } else if let (Some(number), Some(roman)) = (name("oldn"), name("roman")) {
                ItemShape::Old {
                    number,
                    letter: name("letter"),
                    roman,
                }
            } else {
                ItemShape::Bare(name("bare").expect("one branch matched"))
            };
            assert_eq!(item_shape(&caps[0]), Some(want), "{:?}", &caps[0]);
        }
        for caps in OLD_GA.captures_iter(text) {
            let want = ItemShape::Old {
                number: &caps["n"],
                letter: caps.name("letter").map(|m| m.as_str()),
                roman: &caps["roman"],
            };
            assert_eq!(item_shape(&caps[0]), Some(want), "{:?}", &caps[0]);
        }
        for caps in WRITTEN_SYMBOL.captures_iter(text) {
            let want = (&caps["sym"], caps.name("paren").map_or("", |m| m.as_str()));
            assert_eq!(symbol_parts(&caps[0]), want, "{:?}", &caps[0]);
        }
        for caps in KEYWORD.captures_iter(text) {
            let decision = matches!(caps[0].as_bytes().first(), Some(b'd' | b'D'));
            assert_eq!(decision, caps.name("dec").is_some(), "{:?}", &caps[0]);
        }
    }

    #[test]
    fn groups_read_off_real_matches() {
        for text in [
            "le 1er septembre 2023 et le 1^{er} août 2024, September 1, 2023",
            "resolutions 242 (1967), 161 A (1961), 2453 A (XXIII), 2253 (ES-V), 77/338, S-30/1",
            "E/RES/2015/10, A/RES/1440 (2002), S/RES/1440  (2002) and décision 31/301",
        ] {
            assert_groups_agree(text);
        }
        assert_groups_agree(&library("assets/library/unga/A_RES_73_6.txt"));
        assert_groups_agree(&library("seeds/000_44f8ddc2fe2e2702.txt"));
    }

    proptest! {
        #[test]
        fn groups_read_off_matches_agree(text in shaped()) {
            assert_groups_agree(&text);
        }

        #[test]
        fn never_panics_on_any_text(text in any::<String>()) {
            assert_well_formed(&text);
            let _ = parse_date(&text);
            let _ = title_similarity(&text, "Coopération");
        }

        #[test]
        fn never_panics_on_citation_like_text(text in fragments()) {
            assert_well_formed(&text);
            let _ = parse_date(&text);
        }
    }
}
