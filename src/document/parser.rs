//! The parser: raw text as users have it (PDF copies, web pages, OCR) into a structured `Document`.

use super::model::Document;
use super::source::Source;

pub fn parse(source: &Source) -> Document {
    let _ = source;
    todo!("parser")
}
