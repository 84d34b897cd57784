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
            pinpoint: part.as_deref().and_then(charter_paragraph),
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

/// The id of the Charter paragraph a citation names, as the parser numbers the Charter:
/// "Chapter VII" → ChVII, "Article 51" → Art51, "Article 2, paragraph 4" and "Article 2 (4)" →
/// Art2(4), "Articles 39 and 40" → Art39 (the first named).
pub(super) fn charter_paragraph(part: &str) -> Option<String> {
    let mut words = part.split(|c: char| c.is_whitespace() || c == ',');
    let word = words.next()?.to_lowercase();
    let number = words.find(|w| !w.is_empty())?;
    if word.starts_with("chap") {
        return Some(format!("Ch{number}"));
    }
    if !word.starts_with("article") {
        return None;
    }
    // "2(4)" written together, or "2 (4)", or "2, paragraph 4".
    let (article, inner) = match number.split_once('(') {
        Some((a, rest)) => (a, rest.strip_suffix(')').map(str::to_string)),
        None => (number, None),
    };
    if article.is_empty() || !article.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let rest: Vec<&str> = words.filter(|w| !w.is_empty()).collect();
    let paragraph = inner.or_else(|| {
        let i = rest
            .iter()
            .position(|w| w.starts_with("paragraph") || w.starts_with("paragraphe"));
        match i {
            Some(i) => rest.get(i + 1).map(|n| n.to_string()),
            None => rest
                .first()
                .and_then(|w| w.strip_prefix('('))
                .and_then(|w| w.strip_suffix(')'))
                .map(str::to_string),
        }
    });
    Some(match paragraph {
        Some(p) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => {
            format!("Art{article}({p})")
        }
        _ => format!("Art{article}"),
    })
}

#[cfg(test)]
mod tests {
    use super::charter_paragraph;

    #[test]
    fn charter_paragraphs_as_cited() {
        let cases = [
            ("Chapter VII", Some("ChVII")),
            ("Chapitre VIII", Some("ChVIII")),
            ("Article 51", Some("Art51")),
            ("Article 2, paragraph 4", Some("Art2(4)")),
            ("Article 2 (4)", Some("Art2(4)")),
            ("Article 2(7)", Some("Art2(7)")),
            ("Articles 39 and 40", Some("Art39")),
            ("article 25", Some("Art25")),
        ];
        for (part, want) in cases {
            assert_eq!(charter_paragraph(part).as_deref(), want, "{part}");
        }
    }
}
