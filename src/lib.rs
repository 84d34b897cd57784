//! plenary: a terminal reader for official documents.
#![forbid(unsafe_code)]

pub mod config;
pub mod document;
pub mod search;
