//! UN document symbols (`A/RES/77/338`, `S/RES/242 (1967)`) and how to compare them.

use serde::{Serialize, Serializer};
use std::fmt;

use super::model::Language;

/// A UN document symbol in its canonical written form, e.g. `A/RES/77/338` or `S/RES/242 (1967)`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Symbol(String);

impl Symbol {
    /// Wraps an already canonical symbol.
    pub fn new(s: impl Into<String>) -> Self {
        Symbol(s.into())
    }

    /// Reads what a user or a catalog writes: `A/RES/77/338`, `77/338`, `s/res/242 (1967)`,
    /// `S/RES/242(1967)`, `S_RES_242_1967`. Returns None when it is not a symbol.
    pub fn parse(input: &str) -> Option<Symbol> {
        let s = input.trim();
        if s.is_empty() || s.len() > 80 {
            return None;
        }
        let upper = s.to_uppercase().replace('_', "/");
        // S/RES/242/1967 (from a file name) or S/RES/242(1967) or S/RES/242 (1967)
        if let Some(rest) = upper.strip_prefix("S/RES/") {
            let rest = rest.trim();
            let (num, year) = split_number_year(rest)?;
            return Some(match year {
                Some(y) => Symbol(format!("S/RES/{num} ({y})")),
                None => Symbol(format!("S/RES/{num}")),
            });
        }
        if let Some(rest) = upper.strip_prefix("A/RES/") {
            return valid_ga(rest).then(|| Symbol(format!("A/RES/{}", rest.trim())));
        }
        // Bare session/number: 77/338, S-30/1
        if valid_ga(&upper) {
            return Some(Symbol(format!("A/RES/{upper}")));
        }
        if upper.contains('/') && upper.starts_with(|c: char| c.is_ascii_uppercase()) {
            // Other symbols (A/77/L.107, A/AC.105/1137, A/58/874/Add.1, UNEP/EA.5/Res.14) are
            // kept as written; written all in lower case ("a/77/l.107"), they are upper-cased.
            if upper
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "/.-() ".contains(c))
            {
                let organ = s.split('/').next().unwrap_or("");
                let written = if organ.bytes().any(|b| b.is_ascii_lowercase()) {
                    upper
                } else {
                    s.replace('_', "/")
                };
                return Some(Symbol(
                    written.split_whitespace().collect::<Vec<_>>().join(" "),
                ));
            }
            return None;
        }
        None
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Comparison key: uppercase without spaces, so `S/RES/242(1967)` equals `S/RES/242 (1967)`.
    pub fn key(&self) -> String {
        self.0
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_uppercase)
            .collect()
    }

    /// Key without a Security Council year: `S/RES/242`.
    pub fn base_key(&self) -> String {
        let k = self.key();
        match k.find('(') {
            Some(i) if k.starts_with("S/RES/") => k[..i].to_string(),
            _ => k,
        }
    }

    /// The official link for this symbol.
    pub fn url(&self, language: Language) -> String {
        let compact: String = self.0.chars().filter(|c| !c.is_whitespace()).collect();
        format!("https://undocs.org/{}/{}", language.as_str(), compact)
    }

    /// A short lowercase id usable on a command line: `a-res-77-338`, `s-res-242-1967`.
    pub fn slug(&self) -> String {
        let mut out = String::new();
        for c in self.0.chars() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        }
        out.trim_end_matches('-').to_string()
    }
}

fn split_number_year(rest: &str) -> Option<(u32, Option<u32>)> {
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    let num: u32 = digits.parse().ok()?;
    let tail = rest[digits.len()..].trim();
    if tail.is_empty() {
        return Some((num, None));
    }
    let y: String = tail
        .trim_start_matches(['/', '('])
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    if y.len() == 4 {
        Some((num, y.parse().ok()))
    } else {
        None
    }
}

/// `77/338`, `S-30/1`, `ES-10/2`, `2453 A (XXIII)`, `3363(XXX)`.
fn valid_ga(s: &str) -> bool {
    let s = s.trim();
    if let Some((session, num)) = s.split_once('/') {
        let session = session.trim_start_matches("ES-").trim_start_matches("S-");
        return !session.is_empty()
            && session.len() <= 3
            && session.chars().all(|c| c.is_ascii_digit())
            && !num.is_empty()
            && num.len() <= 5
            && num.chars().all(|c| c.is_ascii_digit());
    }
    // Old numbering: 2453 A (XXIII)
    let Some(open) = s.find('(') else {
        return false;
    };
    let head = s[..open].trim();
    let roman = s[open..].trim_start_matches('(').trim_end_matches(')');
    let number = head.split_whitespace().next().unwrap_or("");
    !number.is_empty()
        && number.chars().all(|c| c.is_ascii_digit())
        && !roman.is_empty()
        && roman.chars().all(|c| "IVXL".contains(c))
}

impl fmt::Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Symbol {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_user_forms() {
        let cases = [
            ("A/RES/77/338", Some("A/RES/77/338")),
            ("77/338", Some("A/RES/77/338")),
            ("S-30/1", Some("A/RES/S-30/1")),
            ("s/res/242 (1967)", Some("S/RES/242 (1967)")),
            ("S/RES/242(1967)", Some("S/RES/242 (1967)")),
            ("S_RES_242_1967", Some("S/RES/242 (1967)")),
            ("S/RES/242", Some("S/RES/242")),
            ("2453 A (XXIII)", Some("A/RES/2453 A (XXIII)")),
            ("A/77/L.107", Some("A/77/L.107")),
            ("hello", None),
            ("", None),
            ("12", None),
        ];
        for (input, want) in cases {
            assert_eq!(
                Symbol::parse(input).map(|s| s.to_string()).as_deref(),
                want,
                "{input}"
            );
        }
    }

    #[test]
    fn keys_and_links() {
        let s = Symbol::parse("S/RES/242 (1967)").unwrap();
        assert_eq!(s.key(), "S/RES/242(1967)");
        assert_eq!(s.base_key(), "S/RES/242");
        assert_eq!(s.url(Language::En), "https://undocs.org/en/S/RES/242(1967)");
        assert_eq!(s.slug(), "s-res-242-1967");
        assert_eq!(Symbol::parse("77/338").unwrap().slug(), "a-res-77-338");
    }
}
