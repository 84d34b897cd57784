//! "resolution 242 (1967)", "résolutions 64/183 du …, 65/124 …", "décision 31/301": numbers after the keyword.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::context::{Organ, organ_after, organ_before, pinpoint_before};
use super::date::date_at_start;
use super::old_session::old_general_assembly;
use super::title_date::title_and_date;
use super::{Candidate, Reference, char_at, tail_before};
use crate::document::symbol::Symbol;

/// The word that introduces numbered citations. ASCII word boundaries keep the DFA fast on
/// non-ASCII text; the keyword starts and ends with ASCII letters so they are exact.
pub(super) static KEYWORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?P<res>r(?:é|e\x{301}?)solutions?)|(?P<dec>d(?:é|e\x{301}?)cisions?))(?-u:\b)")
        .expect("keyword pattern is valid")
});

/// One numbered item, anchored: `77/338`, `S-30/1`, `2015/10` (ECOSOC), `242 (1967)`,
/// `161 A (1961)` (a Council resolution in parts, whose symbol has no letter),
/// `2453 A (XXIII)`, `2253 (ES-V)`, or a bare number (kept only when the Council is named).
pub(super) static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?P<ecosoc>(?:19|20)\d{2}/\d{1,3})|(?P<ga>(?:ES-|S-)?\d{1,3}/\d{1,5})|(?P<scn>\d{1,4})(?:\s+[A-Z])?\s*\((?P<year>\d{4})\)|(?P<oldn>\d{1,4})(?:\s+(?P<letter>[A-Z]))?\s*\((?P<roman>(?:ES-|S-)?[IVXL]+)\)|(?P<bare>\d{1,4}))",
    )
    .expect("item pattern is valid")
});

/// Between two items of a list: ", ", ", and ", " et ", " and ".
pub(super) static LIST_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:,\s*(?:(?:and|et)\s+)?|(?:and|et)\s+)").expect("separator is valid")
});

/// What may follow an item before the next one: its date, ", annex", the organ that adopted it.
pub(super) static DATE_CONNECTOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*,?\s*(?:of|du|dated|en\s+date\s+du|adopted\s+on|adoptée\s+le)\s+")
        .expect("date connector is valid")
});

pub(super) static ANNEX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*,\s*annexe?(?:\s+[IVX]+(?-u:\b))?").expect("annex pattern is valid")
});

pub(super) static COUNCIL_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s+(?:du|of\s+the)\s+(?:conseil\s+de\s+s(?:é|e)curit(?:é|e)|security\s+council)(?:\s+(?:des\s+nations\s+unies|of\s+the\s+united\s+nations))?")
        .expect("council pattern is valid")
});

pub(super) static COUNCIL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:security\s+council(?:'s|’s)?|conseil\s+de\s+s(?:é|e)curit(?:é|e))\s+(?:\S+\s+)?$",
    )
    .expect("council pattern is valid")
});

/// A parsed item: where it is and the symbol it stands for.
pub(super) struct Item {
    pub(super) range: Range<usize>,
    pub(super) symbol: Option<Symbol>,
    /// A bare number (`2231`): a Security Council resolution whose year is still to be found.
    pub(super) bare: Option<u32>,
}

pub(super) fn scan_keywords(text: &str, found: &mut Vec<Candidate>) {
    for word in KEYWORD.find_iter(text) {
        // The `dec` branch is the one starting with a d: no other letter folds to d or r.
        let decision = matches!(word.as_str().as_bytes().first(), Some(b'd' | b'D'));
        let organ = organ_before(text, word.start());
        if organ == Organ::Other {
            // "World Health Assembly resolution 71.3": not a United Nations symbol.
            continue;
        }
        if let Some(mut list) = numbered_list(text, word.range(), decision, organ) {
            // "paragraph 26 of resolution 687 (1991)": the citation names a paragraph.
            if let (Some((start, ids)), Some(first)) =
                (pinpoint_before(text, word.start()), list.first_mut())
            {
                // "paragraph 2 of resolution 161 A (1961)": in part A.
                let part = part_letter(&text[word.end()..first.range.end]);
                first.range.start = start;
                first.pinpoint = ids.into_iter().next().map(|id| match part {
                    Some(p) => format!("{p}.{id}"),
                    None => id,
                });
            }
            found.append(&mut list);
        } else if !decision && let Some(c) = title_and_date(text, word.range()) {
            found.push(c);
        }
    }
}

/// The part letter of a Council resolution in parts, as cited: " 161 A (1961)" → 'A'.
fn part_letter(item: &str) -> Option<char> {
    let mut words = item.split_whitespace();
    let number = words.next()?;
    let letter = words.next()?;
    let year = words.next()?;
    (number.bytes().all(|b| b.is_ascii_digit())
        && letter.len() == 1
        && letter.bytes().all(|b| b.is_ascii_uppercase())
        && year.starts_with('('))
    .then(|| letter.chars().next())
    .flatten()
}

/// The items after a keyword at `word`: one candidate per symbol, the first one including the keyword.
pub(super) fn numbered_list(
    text: &str,
    word: Range<usize>,
    decision: bool,
    organ: Organ,
) -> Option<Vec<Candidate>> {
    // `LEADING_SPACE`: at least one white-space character (`\s` is White_Space, as in `trim`).
    let after = &text[word.end..];
    let space = after.len() - after.trim_start().len();
    if space == 0 {
        return None;
    }
    let mut first_at = word.end + space;
    // "Resolution No. ES-11/1", "résolution n° 3".
    for no in ["No. ", "no. ", "No ", "n° ", "N° "] {
        if text[first_at..].starts_with(no) {
            first_at += no.len();
            break;
        }
    }
    let mut organ = organ;
    let mut first = parse_item(text, first_at, decision, true, organ)?;
    if organ == Organ::UnitedNations {
        // "la résolution 53/1 du Conseil des droits de l'homme": the body named after the number.
        match organ_after(text, first.range.end) {
            Some(Organ::Other) => return None,
            Some(named) => {
                organ = named;
                first = parse_item(text, first_at, decision, true, organ)?;
            }
            None => {}
        }
    }

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
        pinpoint: None,
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
        let Some(item) = parse_item(text, pos + sep.end(), decision, false, organ) else {
            break;
        };
        let Some(symbol) = item.symbol else { break };
        pos = item.range.end;
        out.push(Candidate {
            range: item.range,
            reference: Reference::Symbol(symbol),
            pinpoint: None,
        });
    }
    Some(out)
}

/// The end of " P" after a resolution number at `end`, where a letter alone names its part:
/// before punctuation, the end, or the words a list goes on with.
fn part_suffix(text: &str, end: usize) -> usize {
    let rest = &text[end..];
    let b = rest.as_bytes();
    if b.len() < 2 || b[0] != b' ' || !b[1].is_ascii_uppercase() {
        return end;
    }
    let after = &rest[2..];
    let ends_item = after.is_empty()
        || after.starts_with([',', ';', '.', ')', ':'])
        || [" of ", " du ", " and ", " et ", " adopted "]
            .iter()
            .any(|w| after.starts_with(w));
    if ends_item { end + 2 } else { end }
}

/// Skips what may follow an item: its date, an annex, the Council that adopted it.
pub(super) fn skip_trailer(text: &str, mut pos: usize) -> usize {
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

pub(super) fn parse_item(
    text: &str,
    at: usize,
    decision: bool,
    first: bool,
    organ: Organ,
) -> Option<Item> {
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
    let shape = item_shape(whole.as_str())?;
    // "45/58 P of 4 December 1990, 46/36 I …": a resolution in parts, cited with its part's
    // letter. The symbol is the resolution's; the letter is read over so the list goes on.
    let range = match shape {
        ItemShape::Ga(_) if !decision => range.start..part_suffix(text, range.end),
        _ => range,
    };
    let symbol = match shape {
        ItemShape::Ecosoc(m) => Symbol::new(format!("E/{series}/{m}")),
        ItemShape::Ga(m) => match organ {
            Organ::HumanRightsCouncil => Symbol::new(format!("A/HRC/{series}/{m}")),
            Organ::EconomicAndSocialCouncil => Symbol::new(format!("E/{series}/{m}")),
            Organ::EnvironmentAssembly => {
                // UNEP/EA.5/Res.14: session and number.
                let (session, number) = m.split_once('/')?;
                let series = if decision { "Dec" } else { "Res" };
                Symbol::new(format!("UNEP/EA.{session}/{series}.{number}"))
            }
            Organ::UnitedNations | Organ::Other => Symbol::new(format!("A/{series}/{m}")),
        },
        // The Council's own numbering belongs to the United Nations organs only.
        _ if organ != Organ::UnitedNations => return None,
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
pub(super) enum ItemShape<'t> {
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
pub(super) fn item_shape(item: &str) -> Option<ItemShape<'_>> {
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
