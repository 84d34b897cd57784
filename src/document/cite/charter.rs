//! The Charter of the United Nations, and its chapters and articles.

use std::sync::LazyLock;

use regex::Regex;

use super::{Candidate, Reference, char_at, char_before, head_from, tail_before};

pub(super) static CHARTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:(?P<part>(?:Chapitre|Chapter)\s+[IVX]+|[Aa]rticles?\s+\d+(?:\s*\(\d+\))?(?:(?:\s*,\s*|\s+(?:and|et)\s+)\d+(?:\s*\(\d+\))?)*(?:\s*,\s*(?:paragraphs?|paragraphes?)\s+\d+(?:(?:\s*,\s*|\s+(?:and|et)\s+)\d+)*)?)\s*,?\s+(?P<link>de\s+la|of\s+the|of)\s+)?(?P<un_before>United\s+Nations\s+)?(?P<charter>Charter|Charte)(?P<un_after>\s+(?:des\s+Nations\s+Unies|de\s+l['’]Organisation\s+des\s+Nations\s+Unies|of\s+the\s+United\s+Nations))?",
    )
    .expect("charter pattern is valid")
});

/// Words that may follow a bare "la Charte" without making it another charter
/// ("la Charte africaine", "la Charte de l'OCS" are not the UN Charter).
pub(super) const FRENCH_AFTER_BARE_CHARTE: &[&str] = &[
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

pub(super) fn scan_charter(text: &str, found: &mut Vec<Candidate>) {
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
pub(super) fn bare_charter_is_un(
    text: &str,
    caps: &regex::Captures<'_>,
    charter: regex::Match<'_>,
) -> bool {
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
