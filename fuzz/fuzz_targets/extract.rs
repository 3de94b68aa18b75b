//! The whole extractor on arbitrary text: no panic, evidence inside the text.
#![no_main]

use detente::extract::{Options, extract};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let chars = text.chars().count();
    for e in extract(text, &Options::default()).events {
        for ev in &e.evidence {
            assert!(ev.start <= ev.end && ev.end <= chars);
        }
    }
});
