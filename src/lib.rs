//! plenary: a terminal reader for official documents.
#![forbid(unsafe_code)]

pub mod bookmarks;
pub mod cli;
pub mod config;
pub mod document;
pub mod search;
