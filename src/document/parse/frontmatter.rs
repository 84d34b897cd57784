//! Stage 0: YAML front matter (`---` … `---` at the top of a file) read as metadata and taken
//! out of the text.
//!
//! Pipelines that convert UN documents write it ("symbol: A/RES/80/5", "title: \"…\"",
//! "date: \"2025-11-04\"", "language: EN"). Only flat `key: value` lines are read, which is all
//! such files hold; anything else in the block is ignored, and the block never reaches the body.

/// What the front matter says of the document.
#[derive(Debug, Default, Clone, PartialEq)]
pub(super) struct FrontMatter {
    pub(super) symbol: Option<String>,
    pub(super) title: Option<String>,
    /// A date the pipeline recorded: for UN documents most often the issue date, so it only
    /// stands in when the text states no adoption date.
    pub(super) date: Option<String>,
    pub(super) language: Option<String>,
}

/// The front matter of `text` and the text after it; `text` whole when it has none.
pub(super) fn split(text: &str) -> (FrontMatter, &str) {
    let none = (FrontMatter::default(), text);
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(rest) = body
        .strip_prefix("---\n")
        .or_else(|| body.strip_prefix("---\r\n"))
    else {
        return none;
    };
    // The closing fence: a line that is exactly "---" (or "..."), within a few kilobytes.
    let mut at = 0;
    let mut end = None;
    for line in rest.split_inclusive('\n') {
        if matches!(line.trim_end(), "---" | "...") {
            end = Some((at, at + line.len()));
            break;
        }
        at += line.len();
        if at > 16 * 1024 {
            break;
        }
    }
    let Some((block_end, after)) = end else {
        return none;
    };
    let mut meta = FrontMatter::default();
    for line in rest[..block_end].lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        if key.starts_with([' ', '\t', '-', '#']) {
            continue;
        }
        let value = unquote(value.trim());
        if value.is_empty() {
            continue;
        }
        match key.trim().to_ascii_lowercase().as_str() {
            "symbol" => meta.symbol = Some(value),
            "title" => meta.title = Some(clean_title(&value)),
            "date" => meta.date = iso_date(&value),
            "language" | "lang" => meta.language = Some(value.to_ascii_lowercase()),
            _ => {}
        }
    }
    (meta, &rest[after..])
}

/// `"Doha \"Political\" Declaration :"` → `Doha "Political" Declaration :`.
fn unquote(v: &str) -> String {
    if let Some(inner) = v.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
        let mut out = String::with_capacity(inner.len());
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') => out.push(' '),
                    Some('t') => out.push(' '),
                    Some(other) => out.push(other),
                    None => {}
                }
            } else {
                out.push(c);
            }
        }
        return out;
    }
    if let Some(inner) = v.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')) {
        return inner.replace("''", "'");
    }
    v.to_string()
}

/// The UN Digital Library's titles end with " :" where a subtitle would follow.
fn clean_title(t: &str) -> String {
    t.trim().trim_end_matches([':', ' ']).trim().to_string()
}

/// "2025-11-04" as it is; anything else is not a date here.
fn iso_date(v: &str) -> Option<String> {
    let b = v.as_bytes();
    let ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    ok.then(|| v.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The front matter of ../shared/corpus/unga80/raw/A_RES_80_5.txt, as the pipeline wrote it.
    const REAL: &str = "---\nsymbol: A/RES/80/5\nrecord_id: \"4093123\"\ntitle: \"Doha Political Declaration of the \\\"World Social Summit\\\" under the title \\\"the Second World Summit for Social Development\\\" :\"\ndate: \"2025-11-04\"\nlanguage: EN\nsource_pdf: https://digitallibrary.un.org/record/4093123/files/A_RES_80_5-EN.pdf\nextract_version: \"1.0.0\"\n---\n\nUnited Nations \nA/RES/80/5\n";

    #[test]
    fn real_front_matter() {
        let (meta, body) = split(REAL);
        assert_eq!(meta.symbol.as_deref(), Some("A/RES/80/5"));
        assert_eq!(
            meta.title.as_deref(),
            Some(
                "Doha Political Declaration of the \"World Social Summit\" under the title \"the Second World Summit for Social Development\""
            )
        );
        assert_eq!(meta.date.as_deref(), Some("2025-11-04"));
        assert_eq!(meta.language.as_deref(), Some("en"));
        assert_eq!(body, "\nUnited Nations \nA/RES/80/5\n");
    }

    #[test]
    fn no_front_matter_or_an_unclosed_one_leaves_the_text_alone() {
        let text = "The General Assembly,\n---\nRecalling";
        assert_eq!(split(text), (FrontMatter::default(), text));
        let unclosed = "---\nsymbol: A/RES/1/1\nThe General Assembly,";
        assert_eq!(split(unclosed).1, unclosed);
        // A horizontal rule further down is not front matter.
        let rule = "Text\n\n---\n\n[^1]: Resolution S-10/2.";
        assert_eq!(split(rule).1, rule);
    }
}
