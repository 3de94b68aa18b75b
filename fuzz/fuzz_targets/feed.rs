//! The RSS and Atom reader on arbitrary feeds.
#![no_main]

use detente::formats::{Format, ReadOptions, read_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = read_bytes(data, Format::Feed, &ReadOptions::default());
});
