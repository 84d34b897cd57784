//! What the words around a numbered citation say of it: the body that adopted it ("Human Rights
//! Council resolution 53/1" is A/HRC/RES/53/1, not a General Assembly resolution) and the
//! paragraph it names ("paragraph 26 of resolution 687 (1991)" cites OP26 of that resolution).

use std::sync::LazyLock;

use regex::Regex;

use super::tail_before;

/// The body whose resolutions or decisions are cited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Organ {
    /// The General Assembly or the Security Council: the symbol follows from the number.
    UnitedNations,
    /// "Economic and Social Council resolution 2017/18": E/RES/2017/18.
    EconomicAndSocialCouncil,
    /// "Human Rights Council resolution 53/1": A/HRC/RES/53/1.
    HumanRightsCouncil,
    /// "United Nations Environment Assembly resolution 5/14": UNEP/EA.5/Res.14.
    EnvironmentAssembly,
    /// Another body (the World Health Assembly, a board, a conference of parties, the African
    /// Union): its numbers are not United Nations symbols.
    Other,
}

/// Names of bodies right before "resolution": (lower-case words, the organ). Longest first where
/// one name ends another.
const ORGANS: [(&str, Organ); 32] = [
    (
        "economic and social council",
        Organ::EconomicAndSocialCouncil,
    ),
    (
        "conseil économique et social",
        Organ::EconomicAndSocialCouncil,
    ),
    ("ecosoc", Organ::EconomicAndSocialCouncil),
    ("human rights council", Organ::HumanRightsCouncil),
    ("conseil des droits de l'homme", Organ::HumanRightsCouncil),
    ("conseil des droits de l’homme", Organ::HumanRightsCouncil),
    ("environment assembly", Organ::EnvironmentAssembly),
    ("unea", Organ::EnvironmentAssembly),
    (
        "assemblée des nations unies pour l'environnement",
        Organ::EnvironmentAssembly,
    ),
    (
        "assemblée des nations unies pour l’environnement",
        Organ::EnvironmentAssembly,
    ),
    ("world health assembly", Organ::Other),
    ("assemblée mondiale de la santé", Organ::Other),
    ("general conference", Organ::Other),
    ("conférence générale", Organ::Other),
    ("board of governors", Organ::Other),
    ("conseil des gouverneurs", Organ::Other),
    ("executive board", Organ::Other),
    ("conseil d'administration", Organ::Other),
    ("governing council", Organ::Other),
    ("conference of the parties", Organ::Other),
    ("conférence des parties", Organ::Other),
    ("meeting of the parties", Organ::Other),
    ("commission on narcotic drugs", Organ::Other),
    ("commission on the status of women", Organ::Other),
    ("commission on population and development", Organ::Other),
    ("african union", Organ::Other),
    ("organization of american states", Organ::Other),
    ("league of nations", Organ::Other),
    ("council of the league", Organ::Other),
    ("unesco", Organ::Other),
    ("iaea", Organ::Other),
    ("who", Organ::Other),
];

/// The organ named right before the keyword at `keyword_start` (possibly with a possessive or
/// "its" between), or the United Nations organs when none is.
pub(super) fn organ_before(text: &str, keyword_start: usize) -> Organ {
    let tail = tail_before(text, keyword_start, 64).trim_end();
    let tail = tail
        .strip_suffix("'s")
        .or_else(|| tail.strip_suffix("’s"))
        .unwrap_or(tail)
        .trim_end();
    // Every name ends with one of these words: most keywords follow none of them.
    let last = tail.rsplit(' ').next().unwrap_or("");
    // "document CBD/COP/15/17, decision 15/4": the decision is in another body's document.
    if let Some(series) = last.strip_suffix(',').and_then(|s| s.split_once('/')) {
        let body = series.0;
        if body.len() >= 2
            && body.bytes().all(|b| b.is_ascii_uppercase())
            && !matches!(body, "ST" | "UNEP" | "CRP")
        {
            return Organ::Other;
        }
    }
    const LAST_WORDS: [&str; 25] = [
        "council",
        "social",
        "ecosoc",
        "l'homme",
        "l’homme",
        "assembly",
        "unea",
        "l'environnement",
        "l’environnement",
        "santé",
        "conference",
        "générale",
        "governors",
        "gouverneurs",
        "board",
        "d'administration",
        "parties",
        "drugs",
        "women",
        "development",
        "union",
        "states",
        "nations",
        "league",
        "unesco",
    ];
    let last_lower = last.to_lowercase();
    if !LAST_WORDS.contains(&last_lower.as_str()) && !matches!(last_lower.as_str(), "iaea" | "who")
    {
        return Organ::UnitedNations;
    }
    let lower = tail.to_lowercase();
    // "de la Commission des droits de l'homme" and the like: the French name comes before "la
    // résolution" too ("la résolution 53/1 du Conseil des droits de l'homme" is after; see
    // `organ_after`).
    for (name, organ) in ORGANS {
        if lower.ends_with(name) {
            let before = lower[..lower.len() - name.len()].chars().next_back();
            if before.is_none_or(|c| !c.is_alphanumeric()) {
                return organ;
            }
        }
    }
    Organ::UnitedNations
}

/// The organ named right after a citation in French ("la résolution 53/1 du Conseil des droits
/// de l'homme"): from `at`, the end of the citation.
pub(super) fn organ_after(text: &str, at: usize) -> Option<Organ> {
    let rest = text.get(at..)?;
    let rest = rest.trim_start();
    let rest = ["du ", "de la ", "de l'", "de l’", "of the "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))?;
    let lower: String = rest.chars().take(60).collect::<String>().to_lowercase();
    ORGANS
        .iter()
        .find(|(name, _)| lower.starts_with(name))
        .map(|(_, organ)| *organ)
}

/// "operative paragraph 3 of", "paragraphs 2 and 3 of its", "paragraphe 4 de sa", "au
/// paragraphe 2 du dispositif de la", right before the keyword.
static PINPOINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?:(?P<kind>operative|preambular|dispositif|préambule)\s+)?
        (?:paragraphs?|paragraphes?|paras?\.)\s+
        (?P<numbers>\d{1,3}(?:\s*\([a-z]{1,4}\))?(?:\s*(?:,|and|et|to|à|-|–)\s*\d{1,3}(?:\s*\([a-z]{1,4}\))?)*)
        \s*,?\s+
        (?:of|de|du|in|of\s+the\s+annex\s+to)\s+
        (?:(?:the|its|sa|la|leur|l')\s*)?
        (?:(?:General\s+Assembly|Security\s+Council|Council|Assembly|Conseil\s+de\s+sécurité|Assemblée\s+générale)(?:'s|’s)?\s+)?
        $",
    )
    .expect("pinpoint pattern is valid")
});

/// The paragraphs named right before the keyword at `keyword_start`: where that phrase starts
/// and the ids of the paragraphs (OP26, PP3), in order.
pub(super) fn pinpoint_before(text: &str, keyword_start: usize) -> Option<(usize, Vec<String>)> {
    let tail = tail_before(text, keyword_start, 120);
    // Every match names a paragraph: the prefilter spares the regex most keywords.
    if !tail.contains("aragraph") && !tail.contains("para.") && !tail.contains("paras.") {
        return None;
    }
    let caps = PINPOINT.captures(tail)?;
    let whole = caps.get(0)?;
    let start = keyword_start - tail.len() + whole.start();
    let prefix = match caps.name("kind").map(|k| k.as_str().to_lowercase()) {
        Some(k) if k == "preambular" || k == "préambule" => "PP",
        _ => "OP",
    };
    let numbers = caps.name("numbers")?.as_str();
    let mut ids: Vec<String> = Vec::new();
    let mut range_from: Option<u32> = None;
    let mut pending_range = false;
    for token in numbers.split(|c: char| c.is_whitespace() || c == ',') {
        let token = token.trim();
        if token.is_empty() {
            continue;
        }
        if matches!(token, "to" | "à" | "-" | "–") {
            pending_range = true;
            continue;
        }
        let digits: String = token.chars().take_while(char::is_ascii_digit).collect();
        let Ok(n) = digits.parse::<u32>() else {
            continue;
        };
        if pending_range {
            if let Some(from) = range_from {
                for k in from + 1..n.min(from + 50) {
                    ids.push(format!("{prefix}{k}"));
                }
            }
            pending_range = false;
        }
        ids.push(format!("{prefix}{n}"));
        range_from = Some(n);
    }
    (!ids.is_empty()).then_some((start, ids))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pin(text: &str) -> Option<(String, Vec<String>)> {
        let at = text
            .rfind("resolution")
            .or_else(|| text.rfind("résolution"))?;
        pinpoint_before(text, at).map(|(s, ids)| (text[s..at].to_string(), ids))
    }

    #[test]
    fn paragraphs_named_before_a_resolution() {
        assert_eq!(
            pin("as set out in paragraph 26 of resolution 687 (1991)"),
            Some(("paragraph 26 of ".into(), vec!["OP26".into()]))
        );
        assert_eq!(
            pin("pursuant to operative paragraph 3 of resolution 1483"),
            Some(("operative paragraph 3 of ".into(), vec!["OP3".into()]))
        );
        assert_eq!(
            pin("referred to in paragraphs 2 and 3 of its resolution 1267 (1999)"),
            Some((
                "paragraphs 2 and 3 of its ".into(),
                vec!["OP2".into(), "OP3".into()]
            ))
        );
        assert_eq!(
            pin("conformément au paragraphe 4 de sa résolution 1373 (2001)"),
            Some(("paragraphe 4 de sa ".into(), vec!["OP4".into()]))
        );
        assert_eq!(
            pin("in paragraph 8 (b) of Security Council resolution 687 (1991)"),
            Some((
                "paragraph 8 (b) of Security Council ".into(),
                vec!["OP8".into()]
            ))
        );
        assert_eq!(
            pin("in preambular paragraph 5 of resolution 2231"),
            Some(("preambular paragraph 5 of ".into(), vec!["PP5".into()]))
        );
        assert_eq!(pin("Recalling its resolution 1373 (2001)"), None);
        assert_eq!(pin("the report of 12 March, and resolution 5"), None);
    }

    #[test]
    fn organs_named_before_a_resolution() {
        let organ = |t: &str| organ_before(t, t.rfind("resolution").unwrap());
        assert_eq!(
            organ("Recalling Human Rights Council resolution 53/1"),
            Organ::HumanRightsCouncil
        );
        assert_eq!(
            organ("Economic and Social Council resolution 2017/18"),
            Organ::EconomicAndSocialCouncil
        );
        assert_eq!(
            organ("United Nations Environment Assembly resolution 5/14"),
            Organ::EnvironmentAssembly
        );
        assert_eq!(organ("World Health Assembly resolution 71.3"), Organ::Other);
        assert_eq!(organ("Recalling its resolution 70/1"), Organ::UnitedNations);
        assert_eq!(
            organ("General Assembly resolution 70/1"),
            Organ::UnitedNations
        );
        assert_eq!(
            organ("the Security Council’s resolution 1325"),
            Organ::UnitedNations
        );
        assert_eq!(
            organ_after("la résolution 53/1 du Conseil des droits de l'homme", 19),
            Some(Organ::HumanRightsCouncil)
        );
    }
}
