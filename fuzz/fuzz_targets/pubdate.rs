//! The publication-date finder on arbitrary articles and file names.
#![no_main]

use detente::{pubdate, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, &str)| {
    let (article, name) = input;
    let layout = text::layout(article);
    if let Some(p) = pubdate::find(article, &layout, Some(name), None)
        && let Some((s, e)) = p.span
    {
        assert!(s <= e && e <= article.len());
    }
});
