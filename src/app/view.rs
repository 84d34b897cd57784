//! Screen geometry and the wrapped heights of paragraphs, shared by drawing and by mouse and
//! scroll handling so both agree.

pub use crate::text::{clean, grapheme_width, str_width, wrap};

use ratatui::layout::Rect;

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
