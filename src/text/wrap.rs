//! Greedy word wrap by terminal cells, between grapheme clusters.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::width::{char_width, grapheme_width, one_char_clusters, str_width};

/// One grapheme cluster as wrapping sees it.
#[derive(Clone, Copy)]
struct Cluster {
    at: usize,
    len: usize,
    width: usize,
    kind: Kind,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Newline,
    Space,
    Other,
}

impl Kind {
    fn of_char(c: char) -> Kind {
        match c {
            '\n' => Kind::Newline,
            c if c.is_whitespace() => Kind::Space,
            _ => Kind::Other,
        }
    }
}

/// Greedy word wrap: byte ranges of `text`, one per line, each at most `width` cells
/// (a word wider than the line is cut, between grapheme clusters). Always at least one line.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    if text.is_ascii() {
        // Every byte is a cluster of its own (documents hold no CR, so no CRLF pair).
        let clusters = text.bytes().enumerate().map(|(at, b)| Cluster {
            at,
            len: 1,
            width: usize::from(!b.is_ascii_control()),
            kind: Kind::of_char(char::from(b)),
        });
        wrap_clusters(text, clusters, width)
    } else if one_char_clusters(text) {
        let clusters = text.char_indices().map(|(at, c)| Cluster {
            at,
            len: c.len_utf8(),
            width: char_width(c),
            kind: Kind::of_char(c),
        });
        wrap_clusters(text, clusters, width)
    } else {
        let clusters = text.grapheme_indices(true).map(|(at, g)| Cluster {
            at,
            len: g.len(),
            width: grapheme_width(g),
            kind: if g == "\n" || g == "\r\n" {
                Kind::Newline
            } else if g.chars().all(char::is_whitespace) {
                Kind::Space
            } else {
                Kind::Other
            },
        });
        wrap_clusters(text, clusters, width)
    }
}

fn wrap_clusters(
    text: &str,
    clusters: impl Iterator<Item = Cluster>,
    width: usize,
) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut start = 0;
    let mut used = 0;
    // End of the last word before a space, and where the next word starts.
    let mut last_break: Option<(usize, usize)> = None;
    let mut prev_space = false;
    for Cluster {
        at: i,
        len,
        width: w,
        kind,
    } in clusters
    {
        if kind == Kind::Newline {
            lines.push(start..i);
            start = i + len;
            used = 0;
            last_break = None;
            prev_space = false;
            continue;
        }
        if kind == Kind::Space {
            if used == 0 {
                // No leading spaces on a line.
                start = i + len;
                continue;
            }
            if used + w > width {
                lines.push(start..i);
                start = i + len;
                used = 0;
                last_break = None;
                prev_space = false;
                continue;
            }
            last_break = match (prev_space, last_break) {
                (true, Some((end, _))) => Some((end, i + len)),
                _ => Some((i, i + len)),
            };
            prev_space = true;
            used += w;
            continue;
        }
        prev_space = false;
        if used + w > width && used > 0 {
            match last_break {
                Some((end, next)) if next > start => {
                    lines.push(start..end);
                    start = next;
                    used = str_width(&text[next..i]);
                }
                _ => {
                    lines.push(start..i);
                    start = i;
                    used = 0;
                }
            }
            last_break = None;
        }
        used += w;
    }
    if start < text.len() || lines.is_empty() {
        let end = text.trim_end().len().max(start);
        lines.push(start..end);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn wraps_by_words_and_cuts_long_words() {
        assert_eq!(
            lines("Décide de créer un groupe", 10),
            ["Décide de", "créer un", "groupe"]
        );
        assert_eq!(lines("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(lines("", 4), [""]);
        assert_eq!(lines("a  b", 1), ["a", "b"]);
        assert_eq!(lines("日本語の文", 4), ["日本", "語の", "文"]);
        for w in 1..30 {
            for r in wrap(
                "Rappelant sa résolution 70/1 du 25 septembre 2015¹, intitulée",
                w,
            ) {
                assert!(
                    str_width(&"Rappelant sa résolution 70/1 du 25 septembre 2015¹, intitulée"[r])
                        <= w
                );
            }
        }
    }

    /// How far ratatui's buffer advances drawing `s`: what the screen shows, independent of
    /// the width functions here.
    fn drawn_width(s: &str) -> usize {
        let mut buffer = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 200, 1));
        let (x, _) = buffer.set_stringn(0, 0, s, 200, ratatui::style::Style::default());
        x as usize
    }

    #[test]
    fn widths_are_those_ratatui_draws_cluster_by_cluster() {
        for s in [
            "plain text",
            "Décide de créer",
            // Family: woman ZWJ woman ZWJ girl, one cluster of two cells.
            "a \u{1f469}\u{200d}\u{1f469}\u{200d}\u{1f467} b",
            // Heart with VS16: emoji presentation, two cells.
            "I \u{2764}\u{fe0f} UN",
            // Flag (two regional indicators) and a combining accent on a plain e.
            "\u{1f1eb}\u{1f1f7} e\u{301}tat",
            "日本語の文",
            "ideographic\u{3000}space",
        ] {
            assert_eq!(str_width(s), drawn_width(s), "{s:?}");
        }
        assert_eq!(str_width("\u{1f469}\u{200d}\u{1f469}\u{200d}\u{1f467}"), 2);
        assert_eq!(str_width("\u{2764}\u{fe0f}"), 2);
    }

    /// The char-by-char shortcut holds only where segmenting agrees with it: every char it
    /// takes for a cluster stays apart from a letter on either side, and from itself.
    #[test]
    fn chars_taken_as_clusters_are_clusters() {
        let mut checked = 0;
        for c in (0..=0x9fff_u32).filter_map(char::from_u32) {
            let alone = c.to_string();
            if !one_char_clusters(&alone) || c == '\r' {
                continue;
            }
            for pair in [format!("a{c}"), format!("{c}a"), format!("{c}{c}")] {
                assert_eq!(pair.graphemes(true).count(), 2, "U+{:04X}", c as u32);
            }
            assert_eq!(char_width(c), grapheme_width(&alone), "U+{:04X}", c as u32);
            checked += 1;
        }
        assert!(checked > 22_000, "{checked}");
    }

    #[test]
    fn wrapping_never_splits_a_cluster_nor_overruns_the_line() {
        let family = "\u{1f469}\u{200d}\u{1f469}\u{200d}\u{1f467}";
        let text = format!("{family}{family}{family} x\u{2764}\u{fe0f}y e\u{301}e\u{301}e\u{301}");
        for width in 1..12 {
            for r in wrap(&text, width) {
                let line = &text[r.clone()];
                // Each cut falls between clusters: the line is whole clusters of the text.
                assert!(
                    text.grapheme_indices(true).any(|(i, _)| i == r.start) || r.start == text.len(),
                    "{width}: {line:?}"
                );
                assert!(drawn_width(line) <= width.max(2), "{width}: {line:?}");
            }
        }
        // Two family emoji fill four cells: a five-cell line takes two and the space.
        assert_eq!(lines(&format!("{family}{family} {family}"), 5).len(), 2);
    }
}
