//! The subject of a resolution that prints no title (the Security Council's): the agenda item it
//! is about, as its own words name it ("the situation in Cyprus", "the question of South
//! Africa", "la situation au Moyen-Orient"), or what it admits or elects.

use std::sync::LazyLock;

use regex::Regex;

use crate::document::model::{Paragraph, ParagraphKind};

/// The words that name an agenda item, and the words that may follow them before its object:
/// "the situation in …", "the question of …", "la situation au …".
const ITEMS: [(&str, &[&str]); 9] = [
    (
        "situation",
        &[
            "in and around",
            "in",
            "concerning",
            "between",
            "relating to",
            "regarding",
            "with regard to",
            "of",
            "au",
            "aux",
            "en",
            "à",
            "de la",
            "de l'",
            "de l’",
            "dans",
            "concernant",
            "entre",
        ],
    ),
    (
        "question",
        &[
            "of",
            "concerning",
            "relating to",
            "regarding",
            "de la",
            "de l'",
            "de l’",
            "de",
            "des",
            "du",
            "concernant",
            "relative à",
        ],
    ),
    ("conflict", &["in", "between", "of"]),
    ("dispute", &["between", "concerning", "over", "of"]),
    ("hostilities", &["in", "between"]),
    ("crisis", &["in", "of"]),
    ("crise", &["au", "en", "de", "du", "dans"]),
    ("conflit", &["au", "en", "entre", "dans"]),
    ("différend", &["entre", "concernant"]),
];

/// The words of `ITEMS`, each followed by a space, as one search.
static ITEM_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<String> = ITEMS.iter().map(|(w, _)| format!("{w} ")).collect();
    Regex::new(&words.join("|")).expect("item words are literals")
});

/// `STOPS` as one search.
static STOP_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    let stops: Vec<String> = STOPS.iter().map(|s| regex::escape(s)).collect();
    Regex::new(&stops.join("|")).expect("stops are literals")
});

/// The operations on the ground named with where they are, after "United Nations".
const OPERATIONS: [&str; 12] = [
    "operation in ",
    "Operation in ",
    "Peace-keeping Force in ",
    "Peacekeeping Force in ",
    "Interim Force in ",
    "Emergency Force in ",
    "Observer Mission in ",
    "Observer Group in ",
    "Mission in ",
    "Military Observer Group in ",
    "Force in ",
    "Commission for ",
];

/// Proper names that are not a subject: the organs, the Charter, the Organization.
const NOT_PLACES: [&str; 31] = [
    "Court",
    "Time",
    "Statute",
    "Mandate",
    "Mandat",
    "Territory",
    "Territoire",
    "United",
    "Security",
    "General",
    "Secretary",
    "Council",
    "Assembly",
    "Charter",
    "Organization",
    "Member",
    "Members",
    "Government",
    "Governments",
    "Conseil",
    "Assemblée",
    "Secrétaire",
    "Charte",
    "Organisation",
    "Article",
    "Chapter",
    "Convention",
    "Geneva",
    "Commission",
    "International",
    "Committee",
];

/// Where the name of the object ends: punctuation, a verb or a clause after it.
const STOPS: [&str; 28] = [
    " and the ",
    " and of ",
    " which ",
    " that ",
    " since ",
    " is ",
    " are ",
    " has ",
    " have ",
    " was ",
    " in accordance",
    " by ",
    " to the ",
    " with a view",
    " as well",
    " on the basis",
    " qui ",
    " que ",
    " est ",
    " a été",
    " depuis ",
    " et de ",
    " et la ",
    " dans ",
    " pour ",
    " en vue",
    " after ",
    " before ",
];

/// The subject of a resolution from its paragraphs, capitalised ("The situation in Cyprus").
pub(super) fn subject(paragraphs: &[Paragraph]) -> Option<String> {
    let body = paragraphs.iter().filter(|p| {
        matches!(
            p.kind,
            ParagraphKind::Preambular | ParagraphKind::Operative | ParagraphKind::Body
        )
    });
    let body: Vec<&str> = body.take(8).map(|p| p.text.as_str()).collect();
    let found = body
        .iter()
        .find_map(|t| agenda_item(t))
        .or_else(|| body.iter().find_map(|t| admission(t)))
        .or_else(|| body.iter().find_map(|t| operation(t)))
        .or_else(|| body.iter().find_map(|t| complaint(t)))
        .or_else(|| body.iter().take(3).find_map(|t| place(t)))?;
    // Footnote calls are not part of a name.
    let clean: String = found
        .chars()
        .filter(|c| !crate::document::parse::SUPERSCRIPT_DIGITS.contains(c))
        .collect();
    Some(clean.trim().to_string())
}

/// "the United Nations operation in Cyprus" → "The situation in Cyprus"; the operations that
/// name no place name the region they watch.
fn operation(text: &str) -> Option<String> {
    text.find("Nations")?;
    if text.contains("Disengagement Observer Force") {
        return Some("The situation in the Middle East".into());
    }
    if text.contains("Truce Supervision Organization") {
        return Some("The Palestine question".into());
    }
    for (at, _) in text.match_indices("United Nations ") {
        let rest = &text[at + "United Nations ".len()..];
        if let Some(op) = OPERATIONS.iter().find(|o| rest.starts_with(**o)) {
            let name = object(&rest[op.len()..])?;
            return Some(capitalised(&format!("the situation in {name}")));
        }
    }
    // "la Force des Nations Unies chargée du maintien de la paix à Chypre".
    let at = text.find("maintien de la paix à ")?;
    let name = object(&text[at + "maintien de la paix à ".len()..])?;
    Some(format!("La situation à {name}"))
}

/// "the complaint by Senegal against Portugal" → "Complaint by Senegal against Portugal".
fn complaint(text: &str) -> Option<String> {
    let at = text.find("omplaint ")?;
    let rest = &text[at + "omplaint ".len()..];
    let rest = rest
        .strip_prefix("by ")
        .or_else(|| rest.strip_prefix("of "))?;
    let rest = rest.strip_prefix("the Government of ").unwrap_or(rest);
    let mut end = rest
        .find([',', ';', '.', '('])
        .unwrap_or(rest.len())
        .min(90);
    // 90 bytes at most, cut before a character that would straddle the limit, not inside it.
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    let mut words: Vec<&str> = rest[..end].split_whitespace().take(8).collect();
    while words
        .last()
        .is_some_and(|w| !w.starts_with(char::is_uppercase))
    {
        words.pop();
    }
    if words.is_empty() {
        return None;
    }
    Some(format!("Complaint by {}", words.join(" ")))
}

/// The first place named after "in" or "against" ("au", "en", "contre"), as "The situation in
/// Lebanon".
fn place(text: &str) -> Option<String> {
    let french = text.contains(" la ") || text.contains(" le ") || text.contains(" les ");
    let words: Vec<&str> = text.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        if !matches!(*w, "in" | "against" | "au" | "en" | "contre") {
            continue;
        }
        let mut k = i + 1;
        let article = words.get(k).is_some_and(|w| *w == "the");
        if article {
            k += 1;
        }
        let mut name: Vec<&str> = Vec::new();
        while let Some(w) = words.get(k) {
            let core = w.trim_end_matches([',', ';', '.', ':', ')']);
            let capital = core.starts_with(char::is_uppercase);
            let joiner = matches!(core, "of" | "and" | "du" | "de" | "et");
            if !(capital || (joiner && !name.is_empty())) || name.len() >= 5 {
                break;
            }
            name.push(core);
            k += 1;
            if core.len() != w.len() {
                break;
            }
        }
        while name
            .last()
            .is_some_and(|w| !w.starts_with(char::is_uppercase))
        {
            name.pop();
        }
        let Some(first) = name.first() else { continue };
        if NOT_PLACES.contains(first) {
            continue;
        }
        let name = name.join(" ");
        return Some(if french {
            // The preposition as printed: "la situation au Liban", "en Afrique du Sud".
            let preposition = if *w == "contre" { "concernant" } else { w };
            format!("La situation {preposition} {name}")
        } else if article {
            format!("The situation in the {name}")
        } else {
            format!("The situation in {name}")
        });
    }
    None
}

fn agenda_item(text: &str) -> Option<String> {
    // One pass over the text finds every item word, in order.
    for m in ITEM_WORDS.find_iter(text) {
        let at = m.start();
        let (word, links) = ITEMS[ITEMS
            .iter()
            .position(|(w, _)| m.as_str().trim_end() == *w)
            .unwrap_or(0)];
        {
            let before_ok = at == 0 || !text[..at].ends_with(|c: char| c.is_alphanumeric());
            if !before_ok {
                continue;
            }
            let rest = &text[m.end()..];
            let Some(link) = links.iter().find(|l| {
                rest.starts_with(**l)
                    && (l.ends_with(['\'', '’']) || rest[l.len()..].starts_with(' '))
            }) else {
                continue;
            };
            let Some(name) = object(rest[link.len()..].trim_start()) else {
                continue;
            };
            let french = matches!(word, "crise" | "conflit" | "différend")
                || !link.is_ascii()
                || [
                    "au",
                    "aux",
                    "en",
                    "de",
                    "des",
                    "du",
                    "dans",
                    "concernant",
                    "entre",
                    "de la",
                    "de l'",
                ]
                .contains(link);
            let article = match (french, word) {
                (true, "différend") => "le",
                (true, _) => "la",
                _ => "the",
            };
            let space = if link.ends_with(['\'', '’']) {
                ""
            } else {
                " "
            };
            return Some(capitalised(&format!(
                "{article} {word} {link}{space}{name}"
            )));
        }
    }
    named_question(text)
}

/// "the Palestine question", "the India-Pakistan question".
fn named_question(text: &str) -> Option<String> {
    let at = text.find(" question")?;
    let mut words = text[..at].rsplit(' ');
    let name = words.next()?;
    if !name.starts_with(char::is_uppercase)
        || [
            "Council",
            "Assembly",
            "General",
            "Security",
            "Secretary",
            "The",
            "This",
        ]
        .contains(&name)
    {
        return None;
    }
    words
        .next()
        .filter(|w| w.eq_ignore_ascii_case("the"))
        .map(|_| format!("The {name} question"))
}

/// The name after "the situation in": capitalised words (and the articles and small words
/// between them), at most eight words, cut where punctuation or a clause starts.
fn object(rest: &str) -> Option<String> {
    let mut end = rest
        .find([',', ';', ':', '.', '(', '"', '“', '”', '«', '»'])
        .unwrap_or(rest.len());
    if let Some(stop) = STOP_WORDS.find(&rest[..end]) {
        end = stop.start();
    }
    let words: Vec<&str> = rest[..end].split_whitespace().take(8).collect();
    // The name starts with a capital, or with an article then a capital ("the Middle East",
    // "l'Afrique du Sud", "le Moyen-Orient").
    let first_capital = words.iter().position(|w| {
        w.trim_start_matches(['l', 'd'])
            .trim_start_matches(['\'', '’'])
            .starts_with(char::is_uppercase)
    })?;
    if first_capital > 3 {
        return None;
    }
    // After the first capitalised word the name goes on over capitalised words and the words
    // that join them ("Democratic Republic of the Congo", "India and Pakistan"); any other word
    // ends it ("Cyprus of 31 May 1985", "India and Pakistan resolutions of 13 August").
    let joiner = |w: &str| {
        matches!(
            w,
            "of" | "and" | "the" | "other" | "under" | "de" | "du" | "des" | "la" | "le" | "et"
        )
    };
    // The nouns that end a place's name: "the occupied Arab territories", "Territories under
    // Portuguese administration", "the Lebanese-Israeli sector".
    let place_noun = |w: &str| {
        matches!(
            w,
            "territories" | "territory" | "administration" | "sector" | "region" | "area"
        )
    };
    let named = |w: &&str| w.starts_with(char::is_uppercase) || place_noun(w);
    let stop = words[first_capital..]
        .iter()
        .position(|w| !named(w) && !joiner(w))
        .map_or(words.len(), |k| first_capital + k);
    // Keep up to the last word of the name: trailing joiners are the sentence's.
    let last_capital = words[..stop].iter().rposition(named)?;
    let name = words[..=last_capital].join(" ");
    (name.chars().count() >= 3).then_some(name)
}

fn admission(text: &str) -> Option<String> {
    let may = ["dmission", "dmitted", "embership"]
        .iter()
        .any(|w| text.contains(w));
    if !may {
        return None;
    }
    // "the application of Zanzibar for membership", "that Zanzibar be admitted".
    let applicant = |at: usize, skip: usize| -> Option<&str> {
        let rest = &text[at + skip..];
        let end = rest.find(" for ").or_else(|| rest.find(','))?;
        Some(&rest[..end])
    };
    let who = text
        .find("application of ")
        .and_then(|at| applicant(at, "application of ".len()))
        .or_else(|| {
            let at = text.find(" be admitted")?;
            let head = &text[..at];
            let start = head.rfind("that ").map(|s| s + "that ".len())?;
            Some(&head[start..])
        })?
        .trim();
    if who.chars().count() > 60 {
        return None;
    }
    if !who.starts_with(char::is_uppercase) && !who.starts_with("the ") {
        return None;
    }
    Some(format!(
        "Admission of new Members: {}",
        who.trim_start_matches("the ").trim_end_matches([',', '.'])
    ))
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pp(text: &str) -> Paragraph {
        Paragraph {
            id: "PP1".into(),
            kind: ParagraphKind::Preambular,
            part: None,
            text: text.into(),
            markup: Vec::new(),
            footnotes: Vec::new(),
            citations: Vec::new(),
        }
    }

    /// First paragraphs of bundled Security Council resolutions, and of French ones.
    #[test]
    fn subjects_of_real_resolutions() {
        let cases = [
            (
                "Expressing its continuing concern with the grave situation in the Middle East,",
                Some("The situation in the Middle East"),
            ),
            (
                "Noting that the present situation with regard to Cyprus is likely to threaten international peace and security,",
                Some("The situation with regard to Cyprus"),
            ),
            (
                "Having considered the question of race conflict in South Africa resulting from the policies of apartheid",
                Some("The question of race conflict in South Africa"),
            ),
            (
                "Having considered the situation in the Congo,",
                Some("The situation in the Congo"),
            ),
            (
                "Rappelant ses résolutions sur la situation au Moyen-Orient,",
                Some("La situation au Moyen-Orient"),
            ),
            (
                "Recalling its previous resolutions on the Palestine question, particularly",
                Some("The Palestine question"),
            ),
            (
                "afin de prévenir une nouvelle aggravation de la situation déjà sérieuse en Afrique du Sud,",
                Some("La situation en Afrique du Sud"),
            ),
            (
                "Ayant étudié le rapport du Secrétaire général sur la Force intérimaire des Nations Unies au Liban en date",
                Some("La situation au Liban"),
            ),
            ("Recalling its resolution 1417 (2002),", None),
            // S/RES/451 (1979): the report's date is not part of the place.
            (
                "Noting from the report of the Secretary-General on the United Nations operation in Cyprus of 31 May 1979,",
                Some("The situation in Cyprus"),
            ),
            // S/RES/312 (1972): a place named by a noun after its adjectives.
            (
                "Having reviewed the situation in the African territories under Portuguese administration,",
                Some("The situation in the African territories under Portuguese administration"),
            ),
            // S/RES/91 (1951): a lower-case word ends the name.
            (
                "Observing that the Governments of India and Pakistan have accepted the provisions of the United Nations Commission for India and Pakistan resolutions of 13 August 1948",
                Some("The situation in India and Pakistan"),
            ),
            // S/RES/94 (1951): a vacancy in the Court is no situation in a place.
            (
                "Noting further that a vacancy in the Court for the remainder of the deceased’s term of office has thus occurred",
                None,
            ),
            // S/RES/694 (1991): the article stays ("in the Middle East").
            (
                "Reaffirming its efforts to achieve a comprehensive, just and lasting peace in the Middle East,",
                Some("The situation in the Middle East"),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(subject(&[pp(text)]).as_deref(), want, "{text}");
        }
    }

    /// Found by the `parse` fuzz target: a name longer than 90 bytes with a character across
    /// the 90th byte (here `è`, bytes 89 and 90 after "by ") was cut inside it, a panic.
    #[test]
    fn a_long_complaint_is_cut_between_characters() {
        let text = "Having considered the complaint by Tunisia against France concerning acts of \
                    aggression by French forces near Sakiet and Gabès,";
        let rest = &text[text.find("by ").expect("by") + 3..];
        assert!(
            !rest.is_char_boundary(90),
            "the case is a character across byte 90"
        );
        assert_eq!(
            complaint(text).as_deref(),
            Some("Complaint by Tunisia against France")
        );
    }

    #[test]
    fn admissions() {
        let p = Paragraph {
            kind: ParagraphKind::Operative,
            ..pp(
                "Having examined the application of the Republic of Maldives for admission to the United Nations,",
            )
        };
        assert_eq!(
            subject(&[p]).as_deref(),
            Some("Admission of new Members: Republic of Maldives")
        );
    }
}
