//! Screen geometry and word wrapping, shared by drawing and by mouse and scroll handling so both agree.

use ratatui::buffer::CellWidth;
use ratatui::layout::Rect;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthChar;

/// Below this width only the focused pane is shown.
pub const WIDE: u16 = 80;

/// Where each part of the screen goes for a given terminal size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    /// The document list, with its border.
    pub list: Option<Rect>,
    /// The paragraph pane, with its border.
    pub pane: Option<Rect>,
    pub filter: Option<Rect>,
    pub status: Rect,
}

impl Areas {
    pub fn list_inner(&self) -> Option<Rect> {
        self.list.map(inner)
    }

    /// Title/symbol/date lines at the top of the paragraph pane.
    pub fn pane_header(&self) -> Option<Rect> {
        let inner = inner(self.pane?);
        let h = header_height(inner.height);
        Some(Rect { height: h, ..inner })
    }

    /// Where paragraphs go.
    pub fn pane_body(&self) -> Option<Rect> {
        let inner = inner(self.pane?);
        let h = header_height(inner.height);
        Some(Rect {
            y: inner.y + h,
            height: inner.height - h,
            ..inner
        })
    }
}

fn header_height(inner_height: u16) -> u16 {
    match inner_height {
        0..=2 => 0,
        3..=5 => 1,
        _ => 2,
    }
}

/// Inside a one-cell border; empty when there is no room.
pub fn inner(r: Rect) -> Rect {
    Rect {
        x: r.x.saturating_add(1),
        y: r.y.saturating_add(1),
        width: r.width.saturating_sub(2),
        height: r.height.saturating_sub(2),
    }
}

/// Splits the screen: list | pane on top, optional filter bar, status line at the bottom.
pub fn areas(size: Rect, list_focused: bool, filter_open: bool) -> Areas {
    let status = Rect {
        y: size.y + size.height.saturating_sub(1),
        height: size.height.min(1),
        ..size
    };
    let mut main_h = size.height.saturating_sub(1);
    let filter = if filter_open && main_h > 0 {
        main_h -= 1;
        Some(Rect {
            y: size.y + main_h,
            height: 1,
            ..size
        })
    } else {
        None
    };
    let main = Rect {
        height: main_h,
        ..size
    };
    if main.height == 0 || main.width == 0 {
        return Areas {
            list: None,
            pane: None,
            filter,
            status,
        };
    }
    if size.width < WIDE {
        let (list, pane) = if list_focused {
            (Some(main), None)
        } else {
            (None, Some(main))
        };
        return Areas {
            list,
            pane,
            filter,
            status,
        };
    }
    let list_w = (size.width * 2 / 5).clamp(30, 60);
    let list = Rect {
        width: list_w,
        ..main
    };
    let pane = Rect {
        x: main.x + list_w,
        width: main.width - list_w,
        ..main
    };
    Areas {
        list: Some(list),
        pane: Some(pane),
        filter,
        status,
    }
}

/// Cells one grapheme cluster takes, as ratatui draws it and a terminal advances: an emoji
/// sequence joined by ZWJ, or one made wide by VS16, is one cluster of two cells. A cluster
/// holding a control character takes none, as ratatui drops it.
pub fn grapheme_width(g: &str) -> usize {
    if g.contains(char::is_control) {
        0
    } else {
        usize::from(g.cell_width())
    }
}

/// Cells of a char that is a cluster of its own (see [`one_char_clusters`]), as
/// [`grapheme_width`] gives for it, without building the cluster.
fn char_width(c: char) -> usize {
    if c.is_control() {
        0
    } else {
        c.width().unwrap_or(0)
    }
}

/// Cells `s` takes on screen, cluster by cluster.
pub fn str_width(s: &str) -> usize {
    if s.is_ascii() {
        // One cell a byte, bar controls: the common case, without segmenting.
        s.bytes().filter(|b| !b.is_ascii_control()).count()
    } else if one_char_clusters(s) {
        s.chars().map(char_width).sum()
    } else {
        s.graphemes(true).map(grapheme_width).sum()
    }
}

/// Whether every char of `text` is a cluster of its own: none joins or extends another (no
/// combining mark, joiner, variation selector, emoji, jamo). True of Latin, Greek and Cyrillic
/// letters, CJK ideographs and the usual punctuation, where segmenting would be wasted work.
fn one_char_clusters(text: &str) -> bool {
    text.chars().all(|c| {
        matches!(c,
            '\0'..='\u{2ff}'
            | '\u{370}'..='\u{482}'
            | '\u{48a}'..='\u{52f}'
            | '\u{2010}'..='\u{2027}'
            | '\u{2030}'..='\u{205e}'
            | '\u{2070}'..='\u{20c0}'
            | '\u{4e00}'..='\u{9fff}')
    })
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

/// Wrapped line counts of paragraphs by (document, paragraph, width), for one corpus: every
/// keystroke and every frame asks for the heights of the same paragraphs again, and wrapping
/// was the larger part of the time from a key to its frame. Interior mutability, so that
/// drawing (which only reads the app) fills it too.
#[derive(Debug, Default)]
pub struct WrapCache {
    inner: std::cell::RefCell<WrapCacheInner>,
}

#[derive(Debug, Default)]
struct WrapCacheInner {
    /// The corpus the counts are for (its address); another one empties the cache.
    corpus: usize,
    lines: std::collections::HashMap<(usize, usize, usize), usize>,
}

/// Counts kept at most; past it the cache starts again (a few MB).
const WRAP_CACHE_MAX: usize = 200_000;

impl WrapCache {
    /// Lines of `text`, paragraph `para` of document `doc` of the corpus at `corpus`, wrapped to
    /// `width`.
    pub fn lines(&self, corpus: usize, doc: usize, para: usize, width: usize, text: &str) -> usize {
        let mut inner = self.inner.borrow_mut();
        if inner.corpus != corpus || inner.lines.len() >= WRAP_CACHE_MAX {
            inner.corpus = corpus;
            inner.lines.clear();
        }
        *inner
            .lines
            .entry((doc, para, width))
            .or_insert_with(|| wrap(text, width).len())
    }

    /// Forgets every count (the library was replaced: its documents may sit where others did).
    pub fn clear(&self) {
        self.inner.borrow_mut().lines.clear();
    }
}

/// Start line of `index` among entries of the given heights, and the new scroll offset that keeps it
/// in a window of `height` lines (showing as much of it as fits).
pub fn scroll_to_show(heights: &[usize], index: usize, scroll: usize, height: usize) -> usize {
    let start: usize = heights.iter().take(index).sum();
    let h = heights.get(index).copied().unwrap_or(1);
    let total: usize = heights.iter().sum();
    let height = height.max(1);
    let mut scroll = scroll.min(total.saturating_sub(1));
    if start < scroll {
        scroll = start;
    } else if start + h > scroll + height {
        scroll = (start + h).saturating_sub(height).min(start);
    }
    scroll
}

/// Text lines inside the help overlay for a screen of `size` (the overlay takes the height less
/// two rows, and its border two more). `ui::help` draws with the same numbers.
pub fn help_height(size: Rect) -> usize {
    (size.height.saturating_sub(2).max(3) as usize).saturating_sub(2)
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
        let mut buffer = ratatui::buffer::Buffer::empty(Rect::new(0, 0, 200, 1));
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

    #[test]
    fn wrap_counts_are_kept_per_corpus_and_width() {
        let cache = WrapCache::default();
        let text = "Décide de créer un groupe de travail";
        assert_eq!(cache.lines(1, 0, 0, 10, text), 4);
        assert_eq!(cache.lines(1, 0, 0, 40, text), 1);
        // Kept: the same paragraph is not wrapped again (its text is not even looked at).
        assert_eq!(cache.lines(1, 0, 0, 10, ""), 4);
        // Another corpus, or a cleared cache, counts afresh.
        assert_eq!(cache.lines(2, 0, 0, 10, "court"), 1);
        cache.clear();
        assert_eq!(cache.lines(2, 0, 0, 40, "x ".repeat(30).as_str()), 2);
    }

    #[test]
    fn small_screens_have_no_panes_but_a_status_line() {
        let a = areas(Rect::new(0, 0, 1, 1), true, true);
        assert_eq!(a.status.height, 1);
        assert!(a.list.is_none() && a.pane.is_none());
        let a = areas(Rect::new(0, 0, 120, 40), true, false);
        assert!(a.list.is_some() && a.pane.is_some());
        let a = areas(Rect::new(0, 0, 40, 12), false, false);
        assert!(a.list.is_none());
        assert_eq!(a.pane.map(|p| p.width), Some(40));
    }

    #[test]
    fn scrolls_just_enough() {
        let h = [2, 3, 4, 1];
        assert_eq!(scroll_to_show(&h, 0, 5, 4), 0);
        assert_eq!(scroll_to_show(&h, 2, 0, 4), 5);
        assert_eq!(scroll_to_show(&h, 2, 0, 2), 5);
        assert_eq!(scroll_to_show(&h, 1, 2, 4), 2);
    }
}
