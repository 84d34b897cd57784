//! Words as the extraction left them: hyphens at line ends and around spaces, and words that
//! justified PDF text split in two.
//!
//! A line-end hyphen inside a compound keeps its hyphen ("cease-" / "fire" is cease-fire,
//! "non-" / "governmental" non-governmental, "ci-" / "après" ci-après); a syllable break is
//! joined ("Govern-" / "ments"). A hyphen cut from its word by a space ("country- specific",
//! "high -level") is put back, unless it is a suspended hyphen ("context- and country-specific").
//! Words split by the spacing of justified text ("Internati onal", "peopl e") are joined when the
//! whole word stands elsewhere in the document and a piece does not.

use crate::document::FastMap;
use std::borrow::Cow;

/// The first parts of compounds the UN writes with a hyphen.
const COMPOUND_LEFT: &[&str] = &[
    // Only first parts that no syllable break of a common word ends on: "high-" is left out
    // ("high-⏎er" is higher), "high-level" is kept by its last part.
    "ex",
    "non",
    "post",
    "cease",
    "above",
    "self",
    "co",
    "anti",
    "semi",
    "vice",
    "all",
    "one",
    "two",
    "three",
    "four",
    "five",
    "mid",
    "middle",
    "cross",
    "gender",
    "capacity",
    "decision",
    "policy",
    "nuclear",
    "weapon",
    "country",
    "system",
    "drug",
    "cold",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "science",
    "evidence",
    "results",
    "community",
    "climate",
    // French
    "ci",
    "vingt",
    "trente",
    "quarante",
    "cinquante",
    "soixante",
    "quatre",
    "dix",
    "sous",
    "après",
    "avant",
    "lui",
    "elle",
    "eux",
    "nous",
    "vous",
    "celui",
    "celle",
    "ceux",
    "peut",
    "demi",
    "mi",
    "quasi",
    "porte",
    "arrière",
];

/// The last parts of compounds the UN writes with a hyphen (and that end no common word cut
/// by a syllable break: "in" and "out" are left out, "with-⏎out" is without).
const COMPOUND_RIGHT: &[&str] = &[
    "level",
    "based",
    "making",
    "building",
    "term",
    "up",
    "fire",
    "fires",
    "conflict",
    "mentioned",
    "related",
    "owned",
    "free",
    "scale",
    "wide",
    "specific",
    "sensitive",
    "responsive",
    "centred",
    "centered",
    "oriented",
    "bound",
    "driven",
    "friendly",
    "keeping",
    "holders",
    "holder",
    "sharing",
    "saving",
    "general",
    "party",
    "parties",
    "income",
    "resistant",
    "quality",
    "ranging",
    "reaching",
    "called",
    "annual",
    "terrorism",
    "being",
    // French
    "après",
    "dessus",
    "dessous",
    "même",
    "mêmes",
    "là",
    "ci",
    "unes",
    "uns",
    "être",
];

/// Words after which a hyphen and a space are a suspended hyphen ("context- and
/// country-specific", "pré- et post-conflit").
const SUSPENDING: &[&str] = &["and", "or", "nor", "to", "et", "ou", "and/or"];

/// Whether the hyphen between `left` (the text before it) and `right` (the text after it) is a
/// compound's, kept when the two are joined: the part before is a known first part, the part
/// after a known last part, or a capital ("Secretary-General", "Royaume-Uni").
pub(super) fn keeps_hyphen(left: &str, right: &str) -> bool {
    let left = left.trim_end_matches(['-', ' ']);
    let first = left
        .rsplit(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .next()
        .unwrap_or("");
    let last: String = right.chars().take_while(|c| c.is_alphanumeric()).collect();
    if last.starts_with(char::is_uppercase) || first.chars().any(|c| c.is_ascii_digit()) {
        return true;
    }
    // "nuclear-weapon-" + "free": a compound already.
    let compound = left
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| w.contains('-'));
    let first = first.to_lowercase();
    let last = last.to_lowercase();
    compound || COMPOUND_LEFT.contains(&first.as_str()) || COMPOUND_RIGHT.contains(&last.as_str())
}

/// "country- specific" → "country-specific", "high -level" → "high-level": a hyphen cut from its
/// word by a space, inside a line, put back. A suspended hyphen ("context- and") stays.
pub(super) fn close_spaced_hyphens(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    // Most paragraphs hold no hyphen beside a space: one byte search finds the hyphens.
    let spaced = memchr::memchr_iter(b'-', bytes)
        .any(|i| bytes.get(i + 1) == Some(&b' ') || (i > 0 && bytes[i - 1] == b' '));
    if !spaced {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // "X- y": a letter, the hyphen, one space, a letter ("Secretary- General" too).
        if b == b'-'
            && i > 0
            && bytes.get(i + 1) == Some(&b' ')
            && text[..i].ends_with(char::is_alphabetic)
            && text[i + 2..].starts_with(char::is_alphabetic)
        {
            let next_word = text[i + 2..].split(' ').next().unwrap_or("");
            if !SUSPENDING.contains(&next_word.trim_end_matches([',', ';'])) {
                out.push('-');
                i += 2;
                changed = true;
                continue;
            }
        }
        // "X -y": a letter, one space, the hyphen, a lower-case letter (pdftotext's spacing).
        if b == b' '
            && bytes.get(i + 1) == Some(&b'-')
            && text[..i].ends_with(char::is_alphabetic)
            && text[i + 2..].starts_with(char::is_lowercase)
        {
            i += 1;
            changed = true;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        out.push(c);
        i += c.len_utf8();
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

/// Words too common to be a fragment, whatever a short document counts of them.
const COMMON: &[&str] = &[
    "a", "an", "and", "any", "as", "at", "be", "by", "can", "for", "in", "is", "it", "no", "not",
    "of", "on", "one", "or", "so", "the", "to", "up", "way", "we", "with", "au", "de", "du", "en",
    "et", "la", "le", "les", "un", "une", "y",
];

/// How often each lower-case word of a document occurs, for `repair_split_words`.
pub(super) struct Vocabulary(FastMap<String, u32>);

impl Vocabulary {
    pub(super) fn of<'t>(texts: impl Iterator<Item = &'t str>) -> Vocabulary {
        let mut words: FastMap<String, u32> = FastMap::default();
        // Each word is lowered into one buffer; a key is allocated only for a new word.
        let mut lower = String::new();
        for t in texts {
            for w in t.split(|c: char| !c.is_alphabetic()) {
                if w.is_empty() {
                    continue;
                }
                lower.clear();
                push_lower(&mut lower, w);
                match words.get_mut(lower.as_str()) {
                    Some(n) => *n += 1,
                    None => {
                        words.insert(lower.clone(), 1);
                    }
                }
            }
        }
        Vocabulary(words)
    }

    fn count(&self, w: &str) -> u32 {
        self.0.get(w).copied().unwrap_or(0)
    }
}

/// Joins the words justified PDF text split in two ("Internati onal", "Confere nce", "peopl e",
/// "h umankind"): two alphabetic pieces whose join is a word the document has elsewhere, one of
/// which the document never has on its own.
/// `w` lowered onto the end of `out`, without an allocation of its own for ASCII.
fn push_lower(out: &mut String, w: &str) {
    if w.is_ascii() {
        out.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
}

pub(super) fn repair_split_words<'t>(text: &'t str, vocabulary: &Vocabulary) -> Cow<'t, str> {
    let pieces: Vec<&str> = text.split(' ').collect();
    let mut out: Vec<Cow<'_, str>> = Vec::with_capacity(pieces.len());
    let mut changed = false;
    let mut joined = String::new();
    let mut i = 0;
    while i < pieces.len() {
        if i + 1 < pieces.len() {
            let (a, b) = (pieces[i], pieces[i + 1]);
            // The second piece may carry the sentence's punctuation: "peopl e,".
            let b_core = b.trim_end_matches([',', '.', ';', ':', ')']);
            let a_core = a.trim_start_matches(['(', '“', '"']);
            let alphabetic = |w: &str| !w.is_empty() && w.chars().all(char::is_alphabetic);
            if alphabetic(a_core) && alphabetic(b_core) && b_core.chars().all(char::is_lowercase) {
                // The two pieces lowered and joined in one buffer: most joins are no word, and
                // are given up after one look-up.
                joined.clear();
                push_lower(&mut joined, a_core);
                let cut = joined.len();
                push_lower(&mut joined, b_core);
                let (la, lb) = joined.split_at(cut);
                // Each piece is counted once here, as part of the split.
                let alone = |w: &str| vocabulary.count(w) <= 1 && !COMMON.contains(&w);
                if joined.chars().count() >= 5
                    && vocabulary.count(&joined) >= 1
                    && (alone(la) || alone(lb))
                {
                    out.push(Cow::Owned(format!("{a}{b}")));
                    changed = true;
                    i += 2;
                    continue;
                }
            }
        }
        out.push(Cow::Borrowed(pieces[i]));
        i += 1;
    }
    if !changed {
        return Cow::Borrowed(text);
    }
    Cow::Owned(out.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Line ends of the development sets: the part before the hyphen, the line after.
    #[test]
    fn compound_hyphens_stay_syllable_breaks_go() {
        let keeps = [
            ("ex-", "combatants"),
            ("cease-", "fire"),
            ("non-", "governmental organizations"),
            ("post-", "conflict"),
            ("high-", "level meeting"),
            ("above-", "mentioned"),
            ("ci-", "après"),
            ("the nuclear-weapon-", "free zone"),
            ("Secretary-", "General"),
            ("capacity-", "building"),
            ("vingt-", "quatrième année"),
        ];
        for (left, right) in keeps {
            assert!(keeps_hyphen(left, right), "{left}{right}");
        }
        let joins = [
            ("Govern-", "ments"),
            ("them-", "selves"),
            ("consti-", "tuent"),
            ("l'Organisa-", "tion"),
            ("immedi-", "ately"),
        ];
        for (left, right) in joins {
            assert!(!keeps_hyphen(left, right), "{left}{right}");
        }
    }

    #[test]
    fn hyphens_cut_off_by_a_space() {
        // A/RES/80/11, 80/14, 80/50 (raw, md) and A/RES/73/3 (pdftotext -layout).
        let cases = [
            (
                "a country- specific approach",
                "a country-specific approach",
            ),
            ("the Secretary- General", "the Secretary-General"),
            (
                "African Nuclear- Weapon-Free Zone",
                "African Nuclear-Weapon-Free Zone",
            ),
            (
                "at its eighty- first session",
                "at its eighty-first session",
            ),
            ("the high -level meeting", "the high-level meeting"),
            ("low -income countries", "low-income countries"),
            (
                "context- and country-specific solutions",
                "context- and country-specific solutions",
            ),
            ("from 2019 - 2020", "from 2019 - 2020"),
        ];
        for (text, want) in cases {
            assert_eq!(close_spaced_hyphens(text), want, "{text}");
        }
    }

    #[test]
    fn split_words_are_joined() {
        // A/RES/73/6 as pdftotext gives it: "Confere nce", "peopl e", "h umankind".
        let doc = "the United Nations Conference on the Exploration; the Confere nce on Outer Space; \
                   to benefit peopl e and the planet; people of the world; for h umankind; all humankind; \
                   any way we can; anyway";
        let vocabulary = Vocabulary::of(std::iter::once(doc));
        assert_eq!(
            repair_split_words("the Confere nce on Outer Space", &vocabulary),
            "the Conference on Outer Space"
        );
        assert_eq!(
            repair_split_words("to benefit peopl e and the planet,", &vocabulary),
            "to benefit people and the planet,"
        );
        assert_eq!(
            repair_split_words("for h umankind", &vocabulary),
            "for humankind"
        );
        // Both pieces are words the document has: left alone.
        assert_eq!(
            repair_split_words("any way we can", &vocabulary),
            "any way we can"
        );
    }
}
