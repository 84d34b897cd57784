//! Stage 6: inline markup and footnote calls.

use std::borrow::Cow;
use std::collections::BTreeSet;

use super::SUPERSCRIPT_DIGITS;
use super::calls;
use super::footnotes::superscript_value;
use crate::document::model::Markup;

pub(super) struct Inline {
    pub(super) text: String,
    pub(super) markup: Vec<Markup>,
    pub(super) footnotes: Vec<String>,
    /// Marked as a heading by the source itself (Markdown `#`).
    pub(super) heading: bool,
    /// A blank line came before it in the source.
    pub(super) blank_before: bool,
}

/// `## Heading` → `Heading`.
pub(super) fn markdown_heading(text: &str) -> Option<&str> {
    let hashes = text.bytes().take_while(|&b| b == b'#').count();
    let rest = text.get(hashes..)?;
    ((1..=6).contains(&hashes) && rest.starts_with(' ') && !rest.contains('\n'))
        .then(|| rest.trim())
}

/// Decides which bare numbers in the text are footnote calls: only defined markers, the first
/// call of each in numeric order, in a context where a number would not otherwise stand.
pub(super) struct CallTracker {
    pub(super) markers: BTreeSet<u32>,
    pub(super) called: BTreeSet<u32>,
    /// Every marker below this one is called (`called` only grows): the search for the first
    /// uncalled marker starts here instead of at the first marker.
    pub(super) floor: u32,
}

impl CallTracker {
    pub(super) fn new(markers: BTreeSet<u32>) -> Self {
        CallTracker {
            markers,
            called: BTreeSet::new(),
            floor: 0,
        }
    }

    /// Whether a new call of `n` comes in order: calls are made in increasing order of their
    /// markers, and a marker may be passed over only for the one or two after it (a body printed
    /// with the text but called elsewhere, as the yearbooks have).
    fn in_order(&mut self, n: u32) -> bool {
        if !self.markers.contains(&n) {
            return false;
        }
        if self.called.contains(&n) {
            return true;
        }
        let above = self.called.iter().next_back().copied().unwrap_or(0);
        if self.floor < above {
            self.floor = above;
        }
        self.markers
            .range(self.floor.saturating_add(u32::from(self.floor > 0))..)
            .take(3)
            .any(|&m| m == n)
    }

    /// A call glued to the word, punctuation or year before it: only a known marker, in order.
    fn accept_glued(&mut self, n: u32) -> bool {
        let ok = self.in_order(n);
        if ok {
            self.called.insert(n);
        }
        ok
    }

    /// A call standing alone after `prev_word`: a known marker, in order, where a number would
    /// not otherwise stand.
    fn accept(&mut self, n: u32, prev_word: &str, rest: &str) -> bool {
        if !self.in_order(n) || !calls::detached_call(prev_word, rest) {
            return false;
        }
        self.called.insert(n);
        true
    }
}

pub(super) fn inline(text: &str, calls: &mut CallTracker) -> Inline {
    // Pass 1: detached calls (" 2", " 1/") become superscript digits glued to the previous word.
    let text = glue_detached_calls(text, calls);
    let text = text.as_ref();
    // Pass 2: markup and superscript runs, on byte offsets that are always char boundaries.
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut markup = Vec::new();
    let mut footnotes: Vec<String> = Vec::new();
    let mut emphasis_start: Option<usize> = None;
    // An opening asterisk needs another one after it.
    let last_star = memchr::memrchr(b'*', bytes);
    // Markup starts with `*`, `^`, or a superscript digit (U+00B2, U+00B3, U+00B9,
    // U+2070..U+2079: lead byte 0xC2 or 0xE2). The next of each kind is kept and searched again
    // only once passed, so the text is scanned once; everything in between is copied as a run.
    let len = bytes.len();
    let find =
        |from: usize, a: u8, b: u8| memchr::memchr2(a, b, &bytes[from..]).map_or(len, |p| from + p);
    let mut next_ascii = find(0, b'*', b'^');
    let mut next_lead = find(0, 0xC2, 0xE2);
    let mut i = 0;
    while i < len {
        if next_ascii < i {
            next_ascii = find(i, b'*', b'^');
        }
        if next_lead < i {
            next_lead = find(i, 0xC2, 0xE2);
        }
        let next = next_ascii.min(next_lead);
        out.push_str(&text[i..next]);
        i = next;
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if c == '*' {
            // `**strong**` (Markdown) is one delimiter, styled like `*emphasis*`.
            let width = if text[i + 1..].starts_with('*') { 2 } else { 1 };
            let opens = emphasis_start.is_none()
                && text[i + width..]
                    .chars()
                    .next()
                    .is_some_and(|n| !n.is_whitespace() && n != '*')
                && last_star.is_some_and(|l| l >= i + width);
            if opens {
                emphasis_start = Some(out.len());
                i += width;
                continue;
            }
            if let Some(start) = emphasis_start.take() {
                if out.len() > start {
                    markup.push(Markup::Emphasis {
                        start,
                        end: out.len(),
                    });
                }
                i += width;
                continue;
            }
            out.push(c);
            i += 1;
            continue;
        }
        if c == '^' {
            // ^{er} or ^e; `consumed` counts bytes from the caret.
            let after = &text[i + 1..];
            let (sup, consumed): (&str, usize) = if let Some(inner) = after.strip_prefix('{') {
                // The closing brace within the next nine characters.
                match inner.char_indices().take(9).find(|&(_, c)| c == '}') {
                    Some((close, _)) => (&inner[..close], close + 3),
                    None => ("", 0),
                }
            } else {
                match after.chars().next() {
                    Some(n) if n.is_alphanumeric() => (&after[..n.len_utf8()], 1 + n.len_utf8()),
                    _ => ("", 0),
                }
            };
            if consumed > 0 {
                let start = out.len();
                match to_superscript(sup) {
                    Some(s) => out.push_str(&s),
                    None => {
                        out.push_str(sup);
                        markup.push(Markup::Superscript {
                            start,
                            end: out.len(),
                        });
                    }
                }
                i += consumed;
                continue;
            }
            i += 1;
            continue;
        }
        if SUPERSCRIPT_DIGITS.contains(&c) {
            let start = out.len();
            let mut marker = String::new();
            while let Some(d) = text[i..]
                .chars()
                .next()
                .filter(|d| SUPERSCRIPT_DIGITS.contains(d))
            {
                out.push(d);
                marker.push(superscript_value(d));
                i += d.len_utf8();
            }
            markup.push(Markup::FootnoteRef {
                start,
                end: out.len(),
                marker: marker.clone(),
            });
            if !footnotes.contains(&marker) {
                footnotes.push(marker);
            }
            continue;
        }
        out.push(c);
        i += c.len_utf8();
    }
    // An unmatched opening asterisk: the text is kept and the marker dropped.
    Inline {
        text: out,
        markup,
        footnotes,
        heading: false,
        blank_before: false,
    }
}

/// Footnote calls written as plain digits become superscript digits glued to the word before
/// (the form the rest of the pipeline reads): " 2" after a word, ",2", "Agenda.2",
/// "recommandations19", "20242", and Markdown's `[^2]` (and `[2]` for a known marker).
pub(super) fn glue_detached_calls<'t>(text: &'t str, calls: &mut CallTracker) -> Cow<'t, str> {
    // Bracketed calls are certain; they count as made once the plain ones before them are
    // read, so that the order of calls is kept.
    let (text, bracketed): (Cow<'t, str>, Vec<u32>) = if text.contains('[') {
        let (t, b) = bracketed_calls(text, calls);
        (Cow::Owned(t), b)
    } else {
        (Cow::Borrowed(text), Vec::new())
    };
    let glued = if calls.markers.is_empty() {
        None
    } else {
        glue_plain_calls(&text, calls)
    };
    calls.called.extend(bracketed);
    match glued {
        Some(glued) => Cow::Owned(glued),
        None => text,
    }
}

/// `[^6]` (Markdown) and `[6]` where 6 is a known marker, as superscript digits, and the
/// markers so called.
fn bracketed_calls(text: &str, calls: &CallTracker) -> (String, Vec<u32>) {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut called = Vec::new();
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let (caret, inner) = match after.strip_prefix('^') {
            Some(i) => (true, i),
            None => (false, after),
        };
        let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
        let n: Option<u32> = inner[..digits].parse().ok();
        let closed = digits > 0 && digits <= 3 && inner[digits..].starts_with(']');
        let known = n.is_some_and(|n| calls.markers.contains(&n));
        if closed && (caret || known) && !inner[digits + 1..].starts_with(':') {
            if let Some(n) = n {
                called.push(n);
            }
            out.extend(
                inner[..digits]
                    .bytes()
                    .map(|d| SUPERSCRIPT_DIGITS[usize::from(d - b'0')]),
            );
            rest = &inner[digits + 1..];
        } else {
            out.push('[');
            rest = after;
        }
    }
    out.push_str(rest);
    (out, called)
}

fn superscript(digits: &str) -> impl Iterator<Item = char> + '_ {
    digits
        .bytes()
        .map(|d| SUPERSCRIPT_DIGITS[usize::from(d - b'0')])
}

/// The text with its plain-digit calls glued and raised, or None when it has none.
fn glue_plain_calls(text: &str, calls: &mut CallTracker) -> Option<String> {
    // Words are split at single spaces. Only words holding an ASCII digit can be calls, so those
    // are visited in order and the text between them is copied untouched: the output is the
    // words joined by spaces, as before, with a call's word rewritten (and a detached call's
    // space dropped).
    let bytes = text.as_bytes();
    let len = bytes.len();
    let word_start = |end: usize| memchr::memrchr(b' ', &bytes[..end]).map_or(0, |s| s + 1);
    let word_end = |start: usize| memchr::memchr(b' ', &bytes[start..]).map_or(len, |e| start + e);
    let mut out = String::new();
    let mut copied = 0; // text[..copied] is in `out`
    let mut from = 0;
    while let Some(p) = bytes[from..].iter().position(u8::is_ascii_digit) {
        let start = word_start(from + p);
        let end = word_end(from + p);
        from = end;
        let w = &text[start..end];
        let (digits, slash) = match w.strip_suffix('/') {
            Some(d) => (d, true),
            None => (w, false),
        };
        let trailing = digits.trim_end_matches([',', ';', '.']);
        let punct = &digits[trailing.len()..];
        let is_num = !trailing.is_empty()
            && trailing.len() <= 3
            && trailing.bytes().all(|b| b.is_ascii_digit());
        // A call alone: not the first word, a space before it.
        if start > 0 && is_num {
            let n: u32 = trailing.parse().unwrap_or(0);
            let prev = &text[word_start(start - 1)..start - 1];
            let rest = text[end..].split('\n').next().unwrap_or("");
            if !prev.is_empty() && (slash || calls.accept(n, prev, rest)) {
                if slash {
                    calls.called.insert(n);
                }
                out.push_str(&text[copied..start - 1]);
                out.extend(superscript(trailing));
                out.push_str(punct);
                copied = end;
                continue;
            }
        }
        // A call glued to what comes before it: the word's last run of digits, with only
        // punctuation after it.
        let tail = w.trim_end_matches([',', ';', '.', ':', ')']);
        let run_len = tail.bytes().rev().take_while(u8::is_ascii_digit).count();
        // A word of digits only is a number, unless a year leads it ("20242").
        if run_len == 0 || (run_len == tail.len() && run_len < 5) {
            continue;
        }
        let run_start = start + tail.len() - run_len;
        let run = &text[run_start..run_start + run_len];
        // The call itself, or the digits after a year glued to it ("20242": 2024, then 2).
        let candidate = match run_len {
            1..=3 => Some((run_start, run)),
            5..=7 if matches!(&run[..2], "19" | "20") => Some((run_start + 4, &run[4..])),
            _ => None,
        };
        let Some((call_start, marker)) = candidate else {
            continue;
        };
        if calls::shape_at(text, call_start, marker).is_some()
            && calls.accept_glued(marker.parse().unwrap_or(0))
        {
            out.push_str(&text[copied..call_start]);
            out.extend(superscript(marker));
            copied = call_start + marker.len();
        }
    }
    if copied == 0 {
        return None;
    }
    out.push_str(&text[copied..]);
    Some(out)
}

pub(super) fn to_superscript(s: &str) -> Option<String> {
    s.chars()
        .map(|c| {
            Some(match c {
                'e' => 'ᵉ',
                'r' => 'ʳ',
                's' => 'ˢ',
                'o' => 'ᵒ',
                'm' => 'ᵐ',
                'n' => 'ⁿ',
                'd' => 'ᵈ',
                't' => 'ᵗ',
                'h' => 'ʰ',
                'a' => 'ᵃ',
                'i' => 'ⁱ',
                'l' => 'ˡ',
                '0'..='9' => SUPERSCRIPT_DIGITS[(c as u8 - b'0') as usize],
                _ => return None,
            })
        })
        .collect()
}

#[cfg(test)]
#[path = "tests/inline.rs"]
mod tests;
