//! plenary: a terminal reader for official documents.
#![forbid(unsafe_code)]

pub mod document;
pub mod search;
