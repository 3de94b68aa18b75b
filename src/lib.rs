//! Détente's engine: dated diplomatic and military events from news
//! articles, and the SQLite store behind the timeline.
//!
//! It knows nothing of Tauri or of any user interface; see ARCHITECTURE.md.
#![forbid(unsafe_code)]

pub mod actors;
pub mod eval;
pub mod export;
pub mod extract;
pub mod formats;
pub mod gazetteer;
pub mod html;
pub mod import;
pub mod merge;
pub mod model;
pub mod phrases;
pub mod pubdate;
pub mod resources;
pub mod samples;
pub mod store;
pub mod text;
pub mod timex;
