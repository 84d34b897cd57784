//! plenary: a terminal reader for official documents.
// One exception, allowed where it is: mapping the library cache file (`store::library::map`).
#![deny(unsafe_code)]

pub mod app;
pub mod cli;
pub mod document;
pub mod keymap;
pub mod search;
pub mod store;
pub mod terminal;
pub mod text;
pub mod tui;
pub mod ui;
