//! How many terminal cells text takes, cluster by cluster, as ratatui draws it and a terminal
//! advances; and text cut to a width.

use ratatui::buffer::CellWidth;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthChar;

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
pub(super) fn char_width(c: char) -> usize {
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
pub(super) fn one_char_clusters(text: &str) -> bool {
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

/// `s` cut to `width` cells, with an ellipsis when cut.
pub fn truncate(s: &str, width: usize) -> String {
    if str_width(s) <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    // By cluster: cutting between an emoji and its joiner would draw a different width.
    for g in s.graphemes(true) {
        let w = grapheme_width(g);
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}
