//! The JSON-lines and CSV corpus readers on arbitrary files.
#![no_main]

use detente::formats::{Format, ReadOptions, read_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (bool, &[u8])| {
    let (csv, data) = input;
    let format = if csv { Format::Csv } else { Format::Jsonl };
    if let Ok(docs) = read_bytes(data, format, &ReadOptions::default()) {
        for d in docs {
            let _ = detente::extract::extract(&d.text, &Default::default());
        }
    }
});
