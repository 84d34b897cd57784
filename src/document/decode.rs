//! Bytes of a text file into a `String`: UTF-8 (with or without BOM), UTF-16 (with a BOM, or
//! plainly UTF-16 without one), otherwise Windows-1252; NUL bytes mean a binary file.

/// Why bytes could not be read as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DecodeProblem {
    #[error("binary file (contains NUL bytes), not a text document")]
    Binary,
    #[error("starts with a UTF-16 byte-order mark but is not valid UTF-16")]
    MalformedUtf16,
}

/// Bytes of a text file into a `String`. Copies the input; `decode_vec` avoids that.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeProblem> {
    decode_vec(bytes.to_vec())
}

/// Bytes of a text file into a `String`, reusing the buffer when it is already UTF-8.
///
/// - UTF-16 LE/BE with a byte-order mark: decoded; malformed → `MalformedUtf16`. Without one,
///   decoded when the file is plainly UTF-16 (see `bomless_utf16`).
/// - A NUL byte anywhere → `Binary`. The whole file is scanned (memchr: milliseconds for 100 MB)
///   rather than the first 8 KiB, so a file that is text at the top and binary further down is
///   not shown as garbage; real text documents never contain NUL.
/// - UTF-8 (a leading BOM is removed).
/// - Otherwise mostly-UTF-8 text with a few stray legacy bytes keeps its UTF-8 and has only the
///   stray bytes read as Windows-1252; anything else is read entirely as Windows-1252 (a superset
///   of Latin-1 for printable text, so Latin-1 files keep their accents). Windows-1252 maps every
///   byte, so decoding never gives up on files without NUL.
pub fn decode_vec(mut bytes: Vec<u8>) -> Result<String, DecodeProblem> {
    let utf16 = if bytes.starts_with(&[0xFF, 0xFE]) {
        Some(encoding_rs::UTF_16LE)
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    };
    if let Some(encoding) = utf16 {
        let text = encoding
            .decode_without_bom_handling_and_without_replacement(&bytes[2..])
            .ok_or(DecodeProblem::MalformedUtf16)?;
        if text.contains('\0') {
            return Err(DecodeProblem::Binary);
        }
        return Ok(text.into_owned());
    }
    if memchr::memchr(0, &bytes).is_some() {
        // NUL bytes: binary, unless the file is plainly UTF-16 saved without a byte-order mark.
        return bomless_utf16(&bytes).ok_or(DecodeProblem::Binary);
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => Ok(decode_legacy(&e.into_bytes())),
    }
}

/// The text of a file that is plainly UTF-16 without a byte-order mark: an even length, NUL as
/// the high byte of at least a third of its code units (spaces, digits and Latin letters) and
/// almost never as the low one, decoding without error to text with no NUL and next to no
/// other control characters. A binary file seldom passes all of that; text mostly in another
/// script is not plainly UTF-16 and is left alone.
fn bomless_utf16(bytes: &[u8]) -> Option<String> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let units = bytes.len() / 2;
    let (mut first, mut second) = (0usize, 0usize);
    for pair in bytes.chunks_exact(2) {
        first += usize::from(pair[0] == 0);
        second += usize::from(pair[1] == 0);
    }
    // A low byte of 0 is a character like U+0100 or U+4E00: rare, but not impossible.
    let encoding = if second * 3 >= units && first * 100 <= units {
        encoding_rs::UTF_16LE
    } else if first * 3 >= units && second * 100 <= units {
        encoding_rs::UTF_16BE
    } else {
        return None;
    };
    let text = encoding.decode_without_bom_handling_and_without_replacement(bytes)?;
    let chars = text.chars().count();
    let controls = text
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c'))
        .count();
    (!text.contains('\0') && controls * 100 <= chars).then(|| text.into_owned())
}

/// Invalid UTF-8: decides between "UTF-8 with stray bytes" and "a legacy 8-bit file".
fn decode_legacy(bytes: &[u8]) -> String {
    let mut valid_multibyte = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    if valid_multibyte > invalid {
        let mut out = String::with_capacity(bytes.len() + invalid);
        for chunk in bytes.utf8_chunks() {
            out.push_str(chunk.valid());
            out.push_str(
                &encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(chunk.invalid())
                    .0,
            );
        }
        out
    } else {
        encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned()
    }
}
