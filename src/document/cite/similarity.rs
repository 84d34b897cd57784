//! How alike a cited title is to a document title.

use std::collections::BTreeSet;

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
pub(super) const ABBREVIATIONS: &[(&str, &str)] = &[
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

pub(super) const STOP_WORDS: &[&str] = &[
    // French
    "le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "et", "ou", "en", "au", "aux", "a",
    "sur", "pour", "par", "dans", "avec", "entre", "sa", "son", "ses", "leur", "leurs", "ce",
    "cette", "ces", "qui", "que", "qu", "y", "s", "n", "ne", "pas", // English
    "the", "of", "and", "or", "for", "in", "on", "to", "an", "by", "with", "between", "its",
    "their", "at", "from", "as", "into",
];

pub(super) fn content_words(s: &str) -> BTreeSet<String> {
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

/// Lower case without accents or ligatures ("Coopération" → "cooperation"), as search folds.
pub(super) fn fold(s: &str) -> String {
    crate::text::fold(s).text
}

/// Just enough stemming for plurals and British/American spellings ("Nations"/"nation",
/// "Organization"/"Organisation").
pub(super) fn stem(w: &str) -> String {
    let w = w.replace("iz", "is");
    match w.strip_suffix('s') {
        Some(s) if s.chars().count() > 3 && !s.ends_with('s') => s.to_string(),
        _ => w,
    }
}
