//! The integration tests, as one crate: one link instead of one per file, and the parsed
//! bundled library and other fixtures shared by every module in the process. A module per
//! area; `cargo test --test suite MODULE::` runs one.

mod common;
/// The deterministic corpus generator of the benches.
#[path = "../../benches/common/mod.rs"]
mod generator;

mod bookmarks;
mod cache;
mod cli;
mod corpus;
mod e2e;
mod gen_corpus;
mod golden;
mod goto;
mod layers;
mod library_cache;
mod robustness;
mod screens;
mod seeds;
mod source;
mod startup;
mod tui;
mod tui_bundled;
