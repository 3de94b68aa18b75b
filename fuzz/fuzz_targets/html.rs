//! The saved-page reader on arbitrary markup: no panic, and what it gives
//! is plain text an article can be read from.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(html) = std::str::from_utf8(data) else { return };
    if let Some(page) = detente::html::read(html) {
        let text = detente::html::article_text(&page);
        assert!(!text.trim().is_empty());
        let _ = detente::extract::extract(&text, &detente::extract::Options::default());
    }
});
