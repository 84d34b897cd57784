//! plenary: a terminal reader for official documents.
#![forbid(unsafe_code)]

pub mod cli;
pub mod document;
pub mod search;
