//! The e-mail reader on arbitrary messages.
#![no_main]

use detente::formats::{Format, ReadOptions, read_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = read_bytes(data, Format::Eml, &ReadOptions::default());
});
