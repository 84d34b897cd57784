//! plenary: a terminal reader for official documents.
#![forbid(unsafe_code)]

pub mod app;
pub mod bookmarks;
pub mod cli;
pub mod config;
pub mod document;
pub mod keymap;
pub mod search;
pub mod terminal;
pub mod tui;
pub mod ui;
