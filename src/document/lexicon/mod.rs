//! The words of resolutions, one lexicon per language, and the questions the parser asks of them.
//!
//! A rule about the words of a language lives here as data, not in a stage: enacting formulas
//! ("The Security Council,"), the participles and adjectives that open preambular paragraphs,
//! the verbs that open operative ones, closing formulas, month names, and the words around a
//! number that make it a count or a reference rather than a footnote call. Adding a language
//! is adding a lexicon to `ALL`. The questions consult every lexicon: a French resolution
//! quotes English titles, OCR mislabels languages, and the words hardly overlap.

mod en;
mod fr;

use crate::document::FastSet;
use std::borrow::Cow;
use std::sync::LazyLock;

use super::model::Language;

/// The words of one language.
pub struct Lexicon {
    /// The organ that adopts the text, opening its body: "The General Assembly".
    pub enacting_formulas: &'static [&'static str],
    /// Lower-case words that open a preambular paragraph and that no ending below catches.
    pub preambular_words: &'static [&'static str],
    /// Endings of the participles and adjectives that open preambular paragraphs.
    pub preambular_endings: &'static [&'static str],
    /// Words that may come before the opening word ("Deeply concerned", "Also requests").
    pub adverbs: &'static [&'static str],
    /// Lower-case verbs that open an operative paragraph ("decides", "prie").
    pub operative_verbs: &'static [&'static str],
    /// A closing line ends with one of these ("52nd plenary meeting").
    pub closing_endings: &'static [&'static str],
    /// …or opens with one of these ("Adopted unanimously at the 1382nd meeting.").
    pub closing_openings: &'static [&'static str],
    /// Words before the adoption date in a masthead ("Resolution adopted by the General Assembly
    /// on …").
    pub adopted_on: &'static [&'static str],
    /// Month names, lower case, with their numbers.
    pub months: &'static [(&'static str, u32)],
    /// After these words a number is a reference, not a footnote call ("resolution 5").
    pub number_before: &'static [&'static str],
    /// Before these words a number is a count or a date, not a footnote call ("2 abstentions").
    pub number_after: &'static [&'static str],
    /// Words that open a numbered heading ("Chapter VII", "Article 51").
    pub heading_words: &'static [&'static str],
    /// Words that open an annex ("Annex", "Annex I", "ANNEXE").
    pub annex_words: &'static [&'static str],
    /// Words that name a part of a resolution in several parts ("Part A").
    pub part_words: &'static [&'static str],
}

/// Every lexicon.
pub static ALL: [&Lexicon; 2] = [&en::EN, &fr::FR];

/// The lexicon of one language.
pub fn of(language: Language) -> &'static Lexicon {
    match language {
        Language::En => &en::EN,
        Language::Fr => &fr::FR,
    }
}

/// How a paragraph of a resolution opens, by its first words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening {
    /// "Recalling …", "Deeply concerned …", "Rappelant …", "Consciente …".
    Preambular,
    /// "Decides …", "Also requests …", "Prie …", "Se félicite …".
    Operative,
    /// Neither: a heading, a list, ordinary prose.
    Other,
}

/// Whether a paragraph opens as a preambular or an operative paragraph does (its number, if
/// any, already removed).
pub fn opening(text: &str) -> Opening {
    classify(text, true)
}

/// `opening`, from the word lists and endings alone: "States" after a line break is a noun as
/// often as a verb, so the guess from an English third-person ending is left out.
pub fn opening_by_word_list(text: &str) -> Opening {
    classify(text, false)
}

/// The word lists of every lexicon as sets, built once: the opening of every paragraph is
/// looked up in them.
struct WordSets {
    adverbs: FastSet<&'static str>,
    operative: FastSet<&'static str>,
    preambular: FastSet<&'static str>,
}

static WORD_SETS: LazyLock<WordSets> = LazyLock::new(|| WordSets {
    adverbs: ALL.iter().flat_map(|l| l.adverbs.iter().copied()).collect(),
    operative: ALL
        .iter()
        .flat_map(|l| l.operative_verbs.iter().copied())
        .collect(),
    preambular: ALL
        .iter()
        .flat_map(|l| l.preambular_words.iter().copied())
        .collect(),
});

/// `w` in lower case, in `buf` when it is ASCII and short (the common case, without an
/// allocation), else in a new string.
fn lowered<'b>(w: &str, buf: &'b mut [u8; 32]) -> Cow<'b, str> {
    if w.len() <= buf.len() && w.is_ascii() {
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        // ASCII in, ASCII out.
        Cow::Borrowed(std::str::from_utf8(b).unwrap_or(""))
    } else {
        Cow::Owned(w.to_lowercase())
    }
}

fn classify(text: &str, guess: bool) -> Opening {
    let sets = &*WORD_SETS;
    let mut words = text.split_whitespace();
    let mut skipped = 0;
    let mut buf = [0u8; 32];
    let word: String = loop {
        let Some(raw) = words.next() else {
            return Opening::Other;
        };
        let w = raw
            .trim_start_matches(['«', '“', '"', '(', '.', '\''])
            .trim_end_matches([',', ';', ':', '.', '»', '”', '"', ')']);
        if w.is_empty() {
            continue;
        }
        if skipped == 0 && !w.starts_with(char::is_uppercase) {
            return Opening::Other;
        }
        let lower = lowered(w, &mut buf);
        // "S'engage", "Se félicite": the reflexive pronoun glued or apart.
        let lower: &str = match lower
            .strip_prefix("s'")
            .or_else(|| lower.strip_prefix("s’"))
        {
            Some(rest) if !rest.is_empty() => rest,
            _ => &lower,
        };
        if skipped < 4 && sets.adverbs.contains(lower) {
            skipped += 1;
            continue;
        }
        break lower.to_string();
    };
    if sets.operative.contains(word.as_str()) {
        return Opening::Operative;
    }
    if sets.preambular.contains(word.as_str()) {
        return Opening::Preambular;
    }
    let letters = word.chars().count();
    // A participle goes on with the words it governs ("Noting that", "Concerned at"); a
    // capital after it makes it a name ("United States", "Peacebuilding Commission").
    // A gerund before "of" is a noun ("Stockpiling of Bacteriological …"); the adjectives that
    // take "of" ("Convinced of") end otherwise.
    // So is one before "and" and a capital ("Stockpiling and Use of …", not "Recalling and
    // reaffirming").
    let next = words.next();
    let after = words.next();
    let noun = word.ends_with("ing")
        && (next == Some("of")
            || (next == Some("and") && after.is_some_and(|a| a.starts_with(char::is_uppercase))));
    let governs = next.is_none_or(|n| !n.starts_with(char::is_uppercase)) && !noun;
    if letters >= 4
        && governs
        && ALL
            .iter()
            .any(|l| l.preambular_endings.iter().any(|e| word.ends_with(e)))
    {
        return Opening::Preambular;
    }
    // English operative verbs are in the third person: "Welcomes", "Calls upon".
    if guess
        && letters >= 4
        && word.is_ascii()
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
    {
        return Opening::Operative;
    }
    Opening::Other
}

/// "The Security Council,", "L'Assemblée générale", and the same damaged by OCR
/// (".Le Conseil de sécurité,", "Le Conseil de séeurite.").
pub fn is_enacting_formula(line: &str) -> bool {
    // The trims below take a few characters at most: a long line is no formula.
    if line.len() > 96 {
        return false;
    }
    let t = line
        .trim()
        .trim_start_matches(['.', ',', '\'', '’'])
        .trim_end_matches([',', ':', '.', ';'])
        .trim();
    // Every formula starts with L or T and is shorter than 48 bytes even with typographic
    // apostrophes: most lines stop here.
    if t.len() > 48 || !matches!(t.as_bytes().first(), Some(b'L' | b'T')) {
        return false;
    }
    let folded = || t.chars().map(|c| if c == '’' { '\'' } else { c });
    ALL.iter().flat_map(|l| l.enacting_formulas).any(|f| {
        folded().eq(f.chars())
            // OCR: a few characters wrong in a long formula, never in its first two words.
            || (f.len() >= 18
                && t.len().abs_diff(f.len()) <= 4
                && t.split(' ').take(2).eq(f.split(' ').take(2))
                && edit_distance_within(&folded().collect::<String>(), f, 3))
    })
}

/// Whether two short strings are at most `max` single-character edits apart.
fn edit_distance_within(a: &str, b: &str, max: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        if cur.iter().min().is_some_and(|&m| m > max) {
            return false;
        }
        prev = cur;
    }
    prev[b.len()] <= max
}

/// The closing lines of a resolution: "52nd plenary meeting", "99e séance plénière",
/// "Adopted unanimously at the 1382nd meeting.", "Adoptée à l'unanimité à la 2886e séance."
pub fn is_closing(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['.', ',']);
    // Only 'İ' and the Kelvin sign lower-case to ASCII ("i̇", "k"), so the first and last
    // characters must be these ASCII letters themselves.
    let b = t.as_bytes();
    if b.last().is_some_and(u8::is_ascii_digit) {
        return t.len() <= 60 && meeting_then_date(t);
    }
    if !matches!(b.first(), Some(b'a' | b'A'))
        && !matches!(b.last(), Some(b'e' | b'E' | b'g' | b'G'))
    {
        return false;
    }
    ALL.iter().any(|l| {
        l.closing_endings.iter().any(|e| ends_with_lower(t, e))
            // "Adopted unanimously …", never a wrapped line ("adopted by all States …").
            || (t.starts_with('A')
                && starts_with_lower(t, "adopt")
                && l.closing_openings.iter().any(|o| starts_with_lower(t, o)))
    })
}

/// "52nd plenary meeting 1 December 2025": the meeting line with the date run onto it.
fn meeting_then_date(t: &str) -> bool {
    // Every closing ending holds one of these words (in ASCII case): short lines ending in a
    // year are many in the yearbooks, and most stop here without a lowered copy.
    let holds = |word: &[u8]| {
        t.as_bytes()
            .windows(word.len())
            .any(|w| w.eq_ignore_ascii_case(word))
    };
    if !holds(b"meeting") && !holds("séance".as_bytes()) {
        return false;
    }
    let lower = t.to_lowercase();
    ALL.iter().flat_map(|l| l.closing_endings).any(|e| {
        lower.find(e).is_some_and(|at| {
            let (head, rest) = (&lower[..at], &lower[at + e.len()..]);
            let words = rest.split_whitespace().count();
            let year = rest
                .split_whitespace()
                .last()
                .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()));
            head.split_whitespace().count() <= 1 && (2..=4).contains(&words) && year
        })
    })
}

/// "Annex", "Annex I", "ANNEXE", "Annexe II", "Appendix": the line that opens an annex, as the
/// label the annex is known by ("Annex", "Annex I").
pub fn annex_label(text: &str) -> Option<String> {
    let t = text.trim().trim_end_matches(['.', ':', '*']);
    // Every annex word starts with A, E or P: most lines stop here.
    if t.len() > 24 || !matches!(t.as_bytes().first(), Some(b'A' | b'E' | b'P')) {
        return None;
    }
    let mut words = t.split_whitespace();
    let word = words.next()?;
    // "annex I." inside a footnote is a reference, not a heading.
    if !word.starts_with(char::is_uppercase) {
        return None;
    }
    let lower = word.to_lowercase();
    let canonical = ALL
        .iter()
        .flat_map(|l| l.annex_words)
        .find(|w| **w == lower)?;
    let number = match (words.next(), words.next()) {
        (None, _) => None,
        (Some(n), None) if is_roman(n) || n.bytes().all(|b| b.is_ascii_digit()) => Some(n),
        (Some(n), None) if n.len() == 1 && n.bytes().all(|b| b.is_ascii_uppercase()) => Some(n),
        _ => return None,
    };
    let mut label = String::new();
    let mut chars = canonical.chars();
    if let Some(first) = chars.next() {
        label.extend(first.to_uppercase());
        label.push_str(chars.as_str());
    }
    if let Some(n) = number {
        label.push(' ');
        label.push_str(n);
    }
    Some(label)
}

/// An upper-case Roman numeral of at most six letters.
pub fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.len() <= 6 && s.bytes().all(|b| matches!(b, b'I' | b'V' | b'X' | b'L'))
}

/// Whether a bare number between these words is a count, a date or a reference rather than a
/// footnote call: "resolution 5", "on 1 April", "with 2 abstentions".
pub fn number_is_not_a_call(prev_word: &str, next_word: Option<&str>) -> bool {
    let prev = prev_word.to_lowercase();
    if ALL.iter().any(|l| l.number_before.contains(&prev.as_str())) {
        return true;
    }
    let Some(next) = next_word else {
        return false;
    };
    let next = next.trim_end_matches([',', ';', '.']).to_lowercase();
    ALL.iter().any(|l| l.number_after.contains(&next.as_str()))
}

/// Whether `word` names a month in one of the languages: "August", "août".
pub fn is_month(word: &str) -> bool {
    let word = word.to_lowercase();
    ALL.iter()
        .any(|l| l.months.iter().any(|(name, _)| *name == word))
}

/// Words that open a numbered heading: "chapter", "article", "chapitre"…
pub fn heading_words() -> impl Iterator<Item = &'static str> {
    ALL.iter().flat_map(|l| l.heading_words.iter().copied())
}

/// "adopted by", "adoptée par": words before the adoption date in a masthead.
pub fn adopted_on() -> impl Iterator<Item = &'static str> {
    ALL.iter().flat_map(|l| l.adopted_on.iter().copied())
}

/// Words that name a part: "part", "partie".
pub fn part_words() -> impl Iterator<Item = &'static str> {
    ALL.iter().flat_map(|l| l.part_words.iter().copied())
}

/// `text.to_lowercase().starts_with(prefix)` for a lower-case `prefix`, without the copy.
/// Char by char lowering differs from `str::to_lowercase` only for a final capital sigma, and no
/// prefix here holds a sigma.
pub fn starts_with_lower(text: &str, prefix: &str) -> bool {
    // An ASCII prefix over ASCII text: a byte comparison. Only 'İ' and the Kelvin sign lower to
    // ASCII, so a text whose first bytes are not ASCII takes the general path.
    if prefix.is_ascii()
        && let Some(head) = text.as_bytes().get(..prefix.len())
        && head.is_ascii()
    {
        return head.eq_ignore_ascii_case(prefix.as_bytes());
    }
    let mut want = prefix.chars();
    for c in text.chars() {
        for l in c.to_lowercase() {
            match want.next() {
                None => return true,
                Some(w) if w == l => {}
                Some(_) => return false,
            }
        }
    }
    want.next().is_none()
}

/// `text.to_lowercase().ends_with(suffix)` for a lower-case `suffix`, without the copy.
pub fn ends_with_lower(text: &str, suffix: &str) -> bool {
    if suffix.is_ascii() {
        let b = text.as_bytes();
        if let Some(tail) = b.len().checked_sub(suffix.len()).map(|at| &b[at..])
            && tail.is_ascii()
        {
            return tail.eq_ignore_ascii_case(suffix.as_bytes());
        }
    }
    let mut want = suffix.chars().rev();
    for c in text.chars().rev() {
        for l in c.to_lowercase().rev() {
            match want.next() {
                None => return true,
                Some(w) if w == l => {}
                Some(_) => return false,
            }
        }
    }
    want.next().is_none()
}

/// The rest of `text` after the word `word` (lower case) and the space after it: "Chapter VII"
/// after "chapter" is "VII".
pub fn strip_word_lower<'t>(text: &'t str, word: &str) -> Option<&'t str> {
    strip_prefix_lower(text, word)?.strip_prefix(' ')
}

/// The rest of `text` after `prefix`, compared in lower case (`prefix` is lower case and ends
/// with a space, so it never ends inside the lowering of one character).
pub fn strip_prefix_lower<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    if prefix.is_ascii()
        && let Some(head) = text.as_bytes().get(..prefix.len())
        && head.is_ascii()
    {
        // ASCII bytes end on a character boundary.
        return head
            .eq_ignore_ascii_case(prefix.as_bytes())
            .then(|| &text[prefix.len()..]);
    }
    let mut want = prefix.chars();
    for (i, c) in text.char_indices() {
        let mut lowered = c.to_lowercase();
        let Some(first) = lowered.next() else {
            continue;
        };
        match want.next() {
            None => return Some(&text[i..]),
            Some(w) if w == first => {}
            Some(_) => return None,
        }
        for l in lowered {
            if want.next() != Some(l) {
                return None;
            }
        }
    }
    want.next().is_none().then_some("")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Openings of real paragraphs, English and French, from the bundled library and the
    /// development sets.
    #[test]
    fn openings_of_real_paragraphs() {
        let cases = [
            (
                "Recalling its resolutions 51/53 of 10 December 1996",
                Opening::Preambular,
            ),
            (
                "Deeply concerned at the grave repercussions",
                Opening::Preambular,
            ),
            (
                "Having considered the situation in the Congo,",
                Opening::Preambular,
            ),
            (
                "Being strongly of the opinion that the early restoration",
                Opening::Preambular,
            ),
            ("Bearing in mind that all States", Opening::Preambular),
            ("Aware of the importance of", Opening::Preambular),
            ("Mindful of its primary responsibility", Opening::Preambular),
            (
                "Further recalling its resolution 1373 (2001)",
                Opening::Preambular,
            ),
            (
                "Taking note of the report of the Secretary-General",
                Opening::Preambular,
            ),
            (
                "Prenant note des résolutions de l'Assemblée générale",
                Opening::Preambular,
            ),
            (
                "Rappelant ses résolutions 245 (1968) du 25 janvier",
                Opening::Preambular,
            ),
            (
                "Conscient des graves conséquences de l'occupation",
                Opening::Preambular,
            ),
            ("Gravement préoccupé par la situation", Opening::Preambular),
            ("Profondément préoccupée par", Opening::Preambular),
            ("Se félicitant de la coopération", Opening::Preambular),
            ("Convaincue que", Opening::Preambular),
            ("Adopts the Doha Political Declaration", Opening::Operative),
            (
                "Decides to remain actively seized of the matter.",
                Opening::Operative,
            ),
            (
                "Calls upon all States to take immediate",
                Opening::Operative,
            ),
            ("Also requests the Secretary-General", Opening::Operative),
            ("Strongly condemns the attack", Opening::Operative),
            ("Takes note of the report", Opening::Operative),
            (
                "Welcomes the recommendations of the Secretary-General",
                Opening::Operative,
            ),
            (
                "Recommends to the General Assembly that",
                Opening::Operative,
            ),
            ("Reaffirms its resolution 38 (1948)", Opening::Operative),
            (
                "Décide de demeurer saisi de la question.",
                Opening::Operative,
            ),
            ("Prie le Secrétaire général de", Opening::Operative),
            ("Se félicite de la coopération", Opening::Operative),
            ("Exige que l'Iraq", Opening::Operative),
            ("Reconnaît que l'Assemblée générale", Opening::Operative),
            ("Demande de nouveau à tous les États", Opening::Operative),
            ("Prend acte du rapport", Opening::Operative),
            ("A call to action", Opening::Other),
            ("the Secretary-General", Opening::Other),
        ];
        for (text, want) in cases {
            assert_eq!(opening(text), want, "{text}");
        }
    }

    #[test]
    fn enacting_formulas_as_printed_and_as_ocr_gives_them() {
        for line in [
            "The Security Council,",
            "The General Assembly",
            "L'Assemblée générale,",
            "L’Assemblée générale,",
            "Le Conseil de sécurité,",
            "Le Conseil de sécurité",
            ".Le Conseil de sécurité,",
            "Le Conseil de séeurite.",
            "Le Conseil de .vécurite,",
        ] {
            assert!(is_enacting_formula(line), "{line}");
        }
        for line in [
            "The Security Council resolves that",
            "Le Conseil de sécurité décide",
            "Le Conseil de l'Europe,",
            "The Secretary-General,",
        ] {
            assert!(!is_enacting_formula(line), "{line}");
        }
    }

    #[test]
    fn closing_lines() {
        for line in [
            "52nd plenary meeting",
            "28th plenary meeting",
            "99e séance plénière",
            "Adopted unanimously at the 1382nd meeting.",
            "Adopted at the 2932nd meeting by 14 votes to none, with 1 abstention (Yemen).",
            "Adoptée à l'unanimité à la 2886e séance.",
            "Adoptée à la 1465e séance par 13 voix contre zéro, avec 2 abstentions",
            "Adoptée sans avoir été mise aux voix.",
            "52nd plenary meeting 1 December 2025",
            "99e séance plénière 1er septembre 2023",
        ] {
            assert!(is_closing(line), "{line}");
        }
        for line in [
            "Adopts the Declaration",
            "Decides to convene a plenary meeting on",
        ] {
            assert!(!is_closing(line), "{line}");
        }
    }

    #[test]
    fn annex_labels() {
        assert_eq!(annex_label("Annex").as_deref(), Some("Annex"));
        assert_eq!(annex_label("Annex I").as_deref(), Some("Annex I"));
        assert_eq!(annex_label("ANNEXE").as_deref(), Some("Annexe"));
        assert_eq!(annex_label("Annexe II").as_deref(), Some("Annexe II"));
        assert_eq!(annex_label("Annex to the present resolution"), None);
        assert_eq!(annex_label("Annexes I and II of the report"), None);
    }

    #[test]
    fn numbers_that_are_not_calls() {
        assert!(number_is_not_a_call("resolution", Some("of")));
        assert!(number_is_not_a_call("on", Some("April")));
        assert!(number_is_not_a_call("with", Some("abstentions")));
        assert!(number_is_not_a_call("Development", Some("abstentions,")));
        assert!(!number_is_not_a_call("Development", Some("and")));
        assert!(!number_is_not_a_call("Secretary-General,", None));
    }
}
