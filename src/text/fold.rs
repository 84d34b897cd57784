//! Folding of text for matching (case, accents, ligatures, typographic punctuation) and tokenisation.
//!
//! Folding is applied identically to indexed text and to queries, so `resolution` meets `Résolution`
//! and `l'ONU` meets `l’ONU`. Every byte of the folded text remembers where its character came from,
//! so a match found in folded text can be highlighted in the original.

use std::ops::Range;

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Text after folding, with a map back to the original.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Folded {
    /// The folded text: lowercase, without accents, ligatures expanded, punctuation normalised.
    pub text: String,
    /// One entry per **byte** of `text` (so `origin.len() == text.len()`): the byte offset in the
    /// original text of the character that produced that byte. Several folded bytes may share an
    /// origin (`œ` → `oe`); original characters that fold to nothing (combining accents) have none.
    pub origin: Vec<usize>,
}

impl Folded {
    /// The byte range of `original` covered by the folded byte range `folded`, extended to whole
    /// original characters (and the combining marks that follow them). `original` must be the text
    /// this was folded from. Returns `None` for an empty or out-of-bounds range.
    pub fn original_range(&self, original: &str, folded: Range<usize>) -> Option<Range<usize>> {
        if folded.start >= folded.end || folded.end > self.origin.len() {
            return None;
        }
        let start = self.origin[folded.start];
        let last = self.origin[folded.end - 1];
        let mut end = last + original.get(last..)?.chars().next()?.len_utf8();
        // A decomposed accent (`e` + U+0301) folds to nothing: keep it with its base letter so a
        // highlight never splits a grapheme.
        for c in original.get(end..)?.chars() {
            if !is_combining_mark(c) {
                break;
            }
            end += c.len_utf8();
        }
        Some(start..end)
    }
}

/// Fold `text` for matching; see [`Folded`].
pub fn fold(text: &str) -> Folded {
    let mut folded = Folded {
        text: String::with_capacity(text.len()),
        origin: Vec::with_capacity(text.len()),
    };
    fold_into(text, &mut folded.text, Some(&mut folded.origin));
    folded
}

/// Fold `text`, appending to `out` (and the origin of each byte to `origin` when given).
fn fold_into(text: &str, out: &mut String, mut origin: Option<&mut Vec<usize>>) {
    for (at, c) in text.char_indices() {
        let before = out.len();
        if c.is_ascii() {
            // Fast path: most of the corpus is ASCII.
            out.push(fold_ascii(c));
        } else {
            fold_char(c, &mut |f| out.push(f));
        }
        if let Some(origin) = origin.as_deref_mut() {
            origin.resize(out.len(), at);
        }
        debug_assert!(out.len() >= before);
    }
}

fn fold_ascii(c: char) -> char {
    match c {
        '`' => '\'',
        _ => c.to_ascii_lowercase(),
    }
}

/// Fold one non-ASCII character.
fn fold_char(c: char, emit: &mut impl FnMut(char)) {
    if let Some(s) = special(c) {
        s.chars().for_each(&mut *emit);
        return;
    }
    if is_combining_mark(c) {
        return;
    }
    // Compatibility decomposition also flattens ﬁ → fi, ᵉ → e, full-width Ａ → A, ½ → 1⁄2.
    decompose_compatible(c, |d| {
        if d.is_ascii() {
            emit(fold_ascii(d));
        } else if let Some(s) = special(d) {
            s.chars().for_each(&mut *emit);
        } else if !is_combining_mark(d) {
            for l in d.to_lowercase() {
                if !is_combining_mark(l) {
                    emit(l);
                }
            }
        }
    });
}

/// Characters whose folding is not (or not usefully) given by Unicode decomposition.
fn special(c: char) -> Option<&'static str> {
    let s = match c {
        // Apostrophes and primes: users type `'`, documents use all of these.
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '\u{00B4}' | '\u{02BB}'
        | '\u{201B}' | '\u{FF07}' | '\u{02B9}' => "'",
        // Double quotes and guillemets.
        '\u{00AB}' | '\u{00BB}' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}'
        | '\u{2033}' | '\u{2039}' | '\u{203A}' | '\u{FF02}' => "\"",
        // Hyphens, dashes and minus.
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => "-",
        // Ligatures that have no decomposition.
        '\u{0153}' | '\u{0152}' => "oe",
        '\u{00E6}' | '\u{00C6}' => "ae",
        '\u{00DF}' | '\u{1E9E}' => "ss",
        // Letters with a stroke are not decomposable either.
        '\u{00F8}' | '\u{00D8}' => "o",
        '\u{0111}' | '\u{0110}' => "d",
        '\u{0142}' | '\u{0141}' => "l",
        '\u{0131}' => "i",
        // Superscript digits in these documents are footnote calls (`2030¹`): a boundary, not part
        // of the number.
        '\u{00B9}' | '\u{00B2}' | '\u{00B3}' | '\u{2070}' | '\u{2074}'..='\u{2079}' => " ",
        // No-break, thin and other spaces (French puts U+202F before `;:!?`).
        _ if c.is_whitespace() => " ",
        _ => return None,
    };
    Some(s)
}

/// Whether `c` (of folded text) belongs to a token: letters and digits.
fn is_token_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Byte ranges of the tokens (maximal runs of letters and digits) of folded text.
pub(crate) fn token_ranges(folded: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = folded.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        // Skip separators.
        while at < bytes.len() {
            let (is_tok, len) = char_at(folded, at);
            if is_tok {
                break;
            }
            at += len;
        }
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        while at < bytes.len() {
            let (is_tok, len) = char_at(folded, at);
            if !is_tok {
                break;
            }
            at += len;
        }
        Some(start..at)
    })
}

/// Call `each` with every token of `text` once folded: the same tokens, in the same order, as
/// `token_ranges(&fold(text).text)`, in one pass without the folded copy or its origin map. Index
/// build spends most of its time here. `token` is a reused buffer.
pub(crate) fn for_each_token(text: &str, token: &mut String, mut each: impl FnMut(&str)) {
    token.clear();
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                token.push(char::from(b.to_ascii_lowercase()));
            } else if !token.is_empty() {
                each(token);
                token.clear();
            }
            at += 1;
            continue;
        }
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        at += c.len_utf8();
        fold_char(c, &mut |f| {
            if is_token_char(f) {
                token.push(f);
            } else if !token.is_empty() {
                each(token);
                token.clear();
            }
        });
    }
    if !token.is_empty() {
        each(token);
        token.clear();
    }
}

/// Whether the character at byte `at` is a token character, and its length in bytes.
fn char_at(s: &str, at: usize) -> (bool, usize) {
    let b = s.as_bytes()[at];
    if b.is_ascii() {
        return (b.is_ascii_alphanumeric(), 1);
    }
    match s[at..].chars().next() {
        Some(c) => (is_token_char(c), c.len_utf8()),
        None => (false, 1),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn one_pass_tokens_equal_fold_then_tokenise_on_any_text(
            text in "[a-zA-Z0-9 ,.'`éÉœŒßﬁᵉʳ¹’«»\u{a0}\u{301}\u{2011}Ø日Ａ-]{0,40}|\\PC{0,40}"
        ) {
            let folded = fold(&text);
            prop_assert_eq!(folded.origin.len(), folded.text.len());
            let want: Vec<&str> = token_ranges(&folded.text).map(|r| &folded.text[r]).collect();
            let mut got: Vec<String> = Vec::new();
            for_each_token(&text, &mut String::new(), |t| got.push(t.to_owned()));
            prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn folds_table() {
        let cases = [
            ("Résolution", "resolution"),
            ("ÉTATS", "etats"),
            ("États-Unis", "etats-unis"),
            ("français", "francais"),
            ("Ça", "ca"),
            ("œuvre", "oeuvre"),
            ("Œuvre", "oeuvre"),
            ("Cæsar", "caesar"),
            ("Straße", "strasse"),
            ("ﬁnance", "finance"),
            ("l’ONU", "l'onu"),
            ("l‘ONU", "l'onu"),
            ("lʼONU", "l'onu"),
            ("l′ONU", "l'onu"),
            ("l`ONU", "l'onu"),
            ("l´ONU", "l'onu"),
            ("«\u{a0}paix\u{a0}»", "\" paix \""),
            ("“peace”", "\"peace\""),
            ("2000–2010", "2000-2010"),
            ("a — b", "a - b"),
            ("1ᵉʳ", "1er"),
            ("XXᵉ siècle", "xxe siecle"),
            ("horizon 2030¹", "horizon 2030 "),
            ("ＦＵＬＬ", "full"),
            ("e\u{301}te\u{301}", "ete"),
            ("Ærø", "aero"),
            ("日本語", "日本語"),
            ("Ελλάδα", "ελλαδα"),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(fold(input).text, want, "folding {input:?}");
        }
    }

    #[test]
    fn origin_has_one_entry_per_byte() {
        for input in [
            "Résolution",
            "œuvre l’ONU",
            "e\u{301}t\u{e9}",
            "日本 ＡＢ",
            "1ᵉʳ",
        ] {
            let f = fold(input);
            assert_eq!(f.origin.len(), f.text.len(), "{input:?}");
            for &o in &f.origin {
                assert!(input.is_char_boundary(o), "{input:?} origin {o}");
            }
        }
    }

    #[test]
    fn origin_maps_back_to_original_characters() {
        let text = "La Résolution de l’ŒUVRE";
        let f = fold(text);
        assert_eq!(f.text, "la resolution de l'oeuvre");
        let at = f.text.find("resolution").expect("folded word");
        let r = f
            .original_range(text, at..at + "resolution".len())
            .expect("range");
        assert_eq!(&text[r], "Résolution");
        // Half of a ligature maps to the whole ligature.
        let oe = f.text.find("oe").expect("ligature");
        let r = f.original_range(text, oe..oe + 1).expect("range");
        assert_eq!(&text[r], "Œ");
        let r = f
            .original_range(text, oe..oe + "oeuvre".len())
            .expect("range");
        assert_eq!(&text[r], "ŒUVRE");
        // The apostrophe.
        let ap = f.text.find('\'').expect("apostrophe");
        let r = f.original_range(text, ap..ap + 1).expect("range");
        assert_eq!(&text[r], "’");
    }

    #[test]
    fn original_range_keeps_decomposed_accents() {
        let text = "e\u{301}te\u{301}";
        let f = fold(text);
        let r = f.original_range(text, 0..1).expect("range");
        assert_eq!(&text[r], "e\u{301}");
        let r = f.original_range(text, 0..3).expect("range");
        assert_eq!(&text[r], text);
        assert_eq!(f.original_range(text, 2..2), None);
        assert_eq!(f.original_range(text, 2..9), None);
    }

    #[test]
    fn one_pass_tokens_equal_fold_then_tokenise() {
        let samples = [
            "L’Assemblée générale, 77/338. Secrétaire-Général 日本",
            "mise en Œuvre, 1ᵉʳ septembre, horizon 2030¹ ; ﬁn",
            "e\u{301}te\u{301} Straße ÆRØ «\u{a0}paix\u{a0}» l`ONU x",
            include_str!("../../seeds/000_44f8ddc2fe2e2702.txt"),
            include_str!("../../seeds/004_912be11ada29c0f5.txt"),
            "",
            "---",
        ];
        for text in samples {
            let folded = fold(text).text;
            let want: Vec<&str> = token_ranges(&folded).map(|r| &folded[r]).collect();
            let mut got: Vec<String> = Vec::new();
            for_each_token(text, &mut String::new(), |t| got.push(t.to_owned()));
            assert_eq!(got, want);
        }
    }

    #[test]
    fn tokens_are_runs_of_letters_and_digits() {
        let f = fold("L’Assemblée générale, 77/338. Secrétaire-Général 日本");
        let tokens: Vec<&str> = token_ranges(&f.text).map(|r| &f.text[r]).collect();
        assert_eq!(
            tokens,
            [
                "l",
                "assemblee",
                "generale",
                "77",
                "338",
                "secretaire",
                "general",
                "日本"
            ]
        );
        assert_eq!(token_ranges("").count(), 0);
        assert_eq!(token_ranges(" ,;- ").count(), 0);
    }
}
