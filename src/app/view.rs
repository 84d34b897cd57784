//! Screen geometry and word wrapping, shared by drawing and by mouse and scroll handling so both agree.

use ratatui::layout::Rect;
use std::ops::Range;
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

/// Display width of one char as wrapping counts it: whitespace is one cell, controls none.
pub fn char_width(c: char) -> usize {
    if c.is_whitespace() {
        1
    } else if c.is_control() {
        0
    } else {
        c.width().unwrap_or(0)
    }
}

pub fn str_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
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

/// Greedy word wrap: byte ranges of `text`, one per line, each at most `width` cells
/// (a word wider than the line is cut). Always at least one line.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut start = 0;
    let mut used = 0;
    // End of the last word before a space, and where the next word starts.
    let mut last_break: Option<(usize, usize)> = None;
    let mut prev_space = false;
    for (i, c) in text.char_indices() {
        let len = c.len_utf8();
        if c == '\n' {
            lines.push(start..i);
            start = i + len;
            used = 0;
            last_break = None;
            prev_space = false;
            continue;
        }
        let w = char_width(c);
        if c.is_whitespace() {
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
