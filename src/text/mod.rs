//! Text safe for a terminal and for the files plenary writes: the one sanitiser every input
//! and output goes through; and the measures of text every layer shares: folding for matching,
//! cells on screen, wrapping and excerpts. The bottom layer: it knows nothing of documents.

pub mod fold;
mod width;
mod wrap;

pub use fold::{Folded, fold};
pub use width::{grapheme_width, str_width, truncate};
pub use wrap::wrap;

use std::borrow::Cow;
use std::str::Chars;

/// Makes text safe to put on a terminal. A document must never be able to drive the terminal.
///
/// - Whole escape sequences are removed, not just their ESC: CSI (`ESC [` … final byte), string
///   sequences (OSC `ESC ]`, DCS `ESC P`, SOS, PM, APC … up to BEL, ST or the end of the line,
///   so an unterminated one cannot swallow the document) and two-byte `ESC x`.
/// - CRLF and lone CR become LF.
/// - Tab becomes one space: the UI never gets raw tabs, whose width the terminal decides.
/// - `\f` is kept: it is the page-break signal of `pdftotext` output that the parser uses.
/// - The line and paragraph separators U+2028 and U+2029 become LF: a terminal does not advance
///   on them as the layout would.
/// - Other C0 controls, DEL, C1 controls (U+0080–U+009F), bidi overrides/isolates
///   (U+202A–U+202E, U+2066–U+2069) and marks (LRM, RLM, ALM), and the invisible zero-width
///   characters (U+200B, U+2060, U+FEFF) are removed. The joiners ZWJ and ZWNJ stay only between
///   two characters outside ASCII, where a script or an emoji sequence needs them. C1 introducers (U+009B CSI, U+009D OSC) are
///   removed alone, their parameters stay as visible text: without the introducer they are inert,
///   and the usual source of C1 characters is a stray Windows-1252 byte (0x90, 0x9D), where
///   swallowing the rest of the line would lose real text.
///
/// Returns the input borrowed when there is nothing to change (the common case), after a single
/// byte scan.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    let Some(first) = first_unclean(text) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    let mut chars = text[first..].chars();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\x0c' => out.push(c),
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\u{200c}' | '\u{200d}' => {
                let before = out.chars().next_back().is_some_and(|b| !b.is_ascii());
                let after = peek(&chars).is_some_and(|a| !a.is_ascii());
                if before && after {
                    out.push(c);
                }
            }
            '\t' => out.push(' '),
            '\r' => {
                if peek(&chars) == Some('\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\x1b' => skip_escape(&mut chars),
            c if is_unclean(c) => {}
            c => out.push(c),
        }
    }
    // A joiner kept where a script needs it is flagged by the byte scan but left as it was.
    if out == text {
        return Cow::Borrowed(text);
    }
    Cow::Owned(out)
}

/// A name (a file's) as one visible line: every character [`sanitize`] would remove or turn into
/// a break (controls, escapes, bidi and invisible marks, separators, joiners) becomes `?`, as
/// `ls` shows them. Removing them instead would leave a name made of escape sequences looking
/// like its folder.
pub fn visible_name(name: &str) -> Cow<'_, str> {
    if first_unclean(name).is_none() && !name.contains(['\n', '\x0c']) {
        return Cow::Borrowed(name);
    }
    name.chars()
        .map(|c| {
            let hidden = is_unclean(c)
                || matches!(
                    c,
                    '\n' | '\x0c' | '\u{2028}' | '\u{2029}' | '\u{200c}' | '\u{200d}'
                );
            if hidden { '?' } else { c }
        })
        .collect()
}

/// A path as [`visible_name`] shows it.
pub fn visible_name_of_path(path: &std::path::Path) -> String {
    visible_name(&path.to_string_lossy()).into_owned()
}

fn is_unclean(c: char) -> bool {
    (c < ' ' && c != '\n' && c != '\x0c')
        || ('\u{7f}'..='\u{9f}').contains(&c)
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
        || matches!(
            c,
            '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{2060}' | '\u{feff}'
        )
}

/// Byte offset of the first character `sanitize` may change. Works on bytes: in valid UTF-8,
/// 0xC2, 0xD8, 0xE2 and 0xEF are always lead bytes, so C1 controls (C2 80–9F), ALM, the bidi,
/// separator and zero-width characters are recognised without decoding.
fn first_unclean(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    for (i, &x) in b.iter().enumerate() {
        let hit = match x {
            b'\n' | 0x0c => false,
            0x00..=0x1f | 0x7f => true,
            0xc2 => matches!(b.get(i + 1), Some(0x80..=0x9f)),
            // ALM, U+061C.
            0xd8 => b.get(i + 1) == Some(&0x9c),
            // U+200B–U+200F, U+2028–U+202E, U+2060, U+2066–U+2069.
            0xe2 => matches!(
                (b.get(i + 1), b.get(i + 2)),
                (Some(0x80), Some(0x8b..=0x8f | 0xa8..=0xae))
                    | (Some(0x81), Some(0xa0 | 0xa6..=0xa9))
            ),
            // U+FEFF.
            0xef => matches!((b.get(i + 1), b.get(i + 2)), (Some(0xbb), Some(0xbf))),
            _ => false,
        };
        if hit {
            return Some(i);
        }
    }
    None
}

fn peek(chars: &Chars<'_>) -> Option<char> {
    chars.clone().next()
}

/// After ESC. Anything that is not a recognisable sequence leaves the following text alone.
fn skip_escape(chars: &mut Chars<'_>) {
    match peek(chars) {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string(chars);
        }
        // Intermediate bytes then a final byte: ESC ( B, ESC # 8…
        Some(' '..='/') => {
            while matches!(peek(chars), Some(' '..='/')) {
                chars.next();
            }
            if matches!(peek(chars), Some('0'..='~')) {
                chars.next();
            }
        }
        // Two-character sequences: ESC c, ESC 7, ESC =…
        Some('0'..='~') => {
            chars.next();
        }
        _ => {}
    }
}

/// After CSI: parameter and intermediate bytes, then one final byte. Stops without consuming at
/// anything else (a newline, a letter outside ASCII), which then stays text.
fn skip_csi(chars: &mut Chars<'_>) {
    while matches!(peek(chars), Some(' '..='?')) {
        chars.next();
    }
    if matches!(peek(chars), Some('@'..='~')) {
        chars.next();
    }
}

/// After OSC/DCS/SOS/PM/APC: up to and including BEL or ST (ESC \ or U+009C). A line end ends it
/// too (not consumed), and another ESC ends it without being consumed so the main loop removes
/// that sequence as well, without recursion.
fn skip_string(chars: &mut Chars<'_>) {
    while let Some(c) = peek(chars) {
        match c {
            '\x07' | '\u{9c}' => {
                chars.next();
                return;
            }
            '\n' | '\r' => return,
            '\x1b' => {
                let mut ahead = chars.clone();
                ahead.next();
                if ahead.next() == Some('\\') {
                    *chars = ahead;
                }
                return;
            }
            _ => {
                chars.next();
            }
        }
    }
}

/// One line of text safe anywhere plenary writes it (a terminal, Markdown, JSON): sanitised,
/// every line break and page break a space, spaces at the ends trimmed.
pub fn clean_line(text: &str) -> String {
    let clean = sanitize(text);
    if !clean.contains(['\n', '\x0c']) {
        return clean.trim().to_string();
    }
    clean.replace(['\n', '\x0c'], " ").trim().to_string()
}

/// Text of several lines safe anywhere plenary writes it: sanitised, page breaks as line breaks.
pub fn clean_lines(text: &str) -> String {
    sanitize(text).replace('\x0c', "\n")
}

/// Text safe to put on screen: whitespace becomes a space, other control characters are dropped.
/// The loader already sanitises documents; this is defence in depth against escape sequences.
pub fn clean(s: &str) -> String {
    s.chars()
        .filter_map(|c| {
            if c.is_whitespace() {
                Some(' ')
            } else if c.is_control() {
                None
            } else {
                Some(c)
            }
        })
        .collect()
}

/// The first `max` characters of `text` on one line (safe on screen), cut at a word boundary
/// when there is one in the second half, with "…" if cut: for a bookmark's or a citation
/// target's excerpt.
pub fn excerpt(text: &str, max: usize) -> String {
    let flat = clean(text).split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > max / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_cut_at_a_word_and_say_so() {
        assert_eq!(
            excerpt("Recalls  its\nresolution", 80),
            "Recalls its resolution"
        );
        // 20 characters: "Recalls its resoluti" cut back to the last whole word.
        assert_eq!(
            excerpt("Recalls its resolution 242, and", 20),
            "Recalls its…"
        );
        assert_eq!(excerpt("Affirms, further", 9), "Affirms…");
        // No space in the second half: cut mid-word rather than lose most of the room.
        assert_eq!(excerpt("Internationalisation", 10), "Internatio…");
        assert_eq!(excerpt("a\x1b[31mb", 10), "a[31mb");
    }

    #[test]
    fn terminal_controls_go() {
        // OSC 0 (window title), CSI 6n (cursor report), BEL, BS, a C1 CSI and a bidi override.
        let hostile = "a\x1b]0;pwned\x07b\x1b[6nc\x07d\x08e\u{9b}31mf\u{202e}g";
        assert_eq!(sanitize(hostile), "abcde31mfg");
        assert_eq!(
            clean_line("  one\r\ntwo\x0cthree\u{2028}four "),
            "one two three four"
        );
    }

    #[test]
    fn names_show_each_hidden_character_as_a_question_mark() {
        assert_eq!(visible_name("résolution 242.txt"), "résolution 242.txt");
        assert_eq!(visible_name("dir/\x1b[2J"), "dir/?[2J");
        assert_eq!(visible_name("x\ny\x0cz\u{2028}.txt"), "x?y?z?.txt");
        assert_eq!(visible_name("a\u{9b}b\u{202e}c\u{200f}d\u{7}"), "a?b?c?d?");
    }

    #[test]
    fn invisible_marks_go_and_joiners_stay_where_needed() {
        assert_eq!(sanitize("71/23\u{200d}\u{2029}du"), "71/23\ndu");
        assert_eq!(
            sanitize("a\u{200e}b\u{200f}c\u{061c}d\u{200b}e\u{2060}f\u{feff}g"),
            "abcdefg"
        );
        // Persian needs ZWNJ ("می‌خواهم"), an emoji family needs ZWJ.
        assert_eq!(sanitize("می\u{200c}خواهم"), "می\u{200c}خواهم");
        assert_eq!(sanitize("👩\u{200d}👧"), "👩\u{200d}👧");
        assert_eq!(sanitize("ab\u{200d}cd"), "abcd");
    }
}

/// A character a terminal may act on, or that reorders what it shows, which serde_json leaves
/// as it is: C1 controls, bidi controls and marks, zero-width characters, line and paragraph
/// separators.
fn risky_in_json(c: char) -> bool {
    ('\u{80}'..='\u{9f}').contains(&c)
        || ('\u{200b}'..='\u{200f}').contains(&c)
        || ('\u{2028}'..='\u{202e}').contains(&c)
        || ('\u{2060}'..='\u{2069}').contains(&c)
        || matches!(c, '\u{061c}' | '\u{feff}')
}

/// serde_json's pretty formatter, writing the characters of [`risky_in_json`] as `\uXXXX`
/// escapes as it goes (serde_json escapes only C0 controls): the JSON stays equal, only its
/// bytes change. For output serialised straight to a writer.
#[derive(Default)]
pub struct SafeJson(serde_json::ser::PrettyFormatter<'static>);

impl serde_json::ser::Formatter for SafeJson {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if risky_in_json(c) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                write!(writer, "\\u{:04x}", c as u32)?;
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// JSON text with the characters of [`risky_in_json`] written as `\uXXXX` escapes, for JSON
/// made as a whole (see [`SafeJson`] for JSON written as it is serialised).
pub fn escape_json_controls(json: &str) -> std::borrow::Cow<'_, str> {
    let risky = risky_in_json;
    if !json.chars().any(risky) {
        return std::borrow::Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if risky(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod json_tests {
    use super::*;

    #[test]
    fn json_escapes_keep_the_value() {
        let value = serde_json::json!({"note": "a\u{9b}31m\u{202e}b\u{2028}c"});
        let text = serde_json::to_string(&value).expect("json");
        let escaped = escape_json_controls(&text);
        assert!(escaped.is_ascii(), "{escaped}");
        assert!(escaped.contains("\\u009b") && escaped.contains("\\u202e"));
        let back: serde_json::Value = serde_json::from_str(&escaped).expect("still JSON");
        assert_eq!(back, value);
    }

    #[test]
    fn json_written_as_it_is_serialised_is_the_pretty_json_escaped() {
        use serde::Serialize;
        let value = serde_json::json!({
            "note": "a\u{9b}31m\u{202e}b\u{2028}c",
            "list": ["plain", "\u{200f}mark", "é\u{1b}[2J", {"deep": "\u{85}"}],
            "empty": [],
            "n": 3,
        });
        let mut streamed = Vec::new();
        let mut serializer =
            serde_json::Serializer::with_formatter(&mut streamed, SafeJson::default());
        value.serialize(&mut serializer).expect("serialises");
        let whole = serde_json::to_string_pretty(&value).expect("json");
        assert_eq!(
            String::from_utf8(streamed).expect("UTF-8"),
            escape_json_controls(&whole)
        );
    }
}
