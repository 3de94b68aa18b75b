//! The PDF reader on arbitrary bytes (starting as a PDF does, so the
//! parser is reached): an error or a document, never a panic or a hang.
#![no_main]

use detente::formats::{Format, ReadOptions, read_bytes};
use libfuzzer_sys::fuzz_target;

/// A panic the reader catches is handled (the file fails alone), so it is
/// not a crash: the hook libFuzzer installs to abort on any panic is
/// replaced by a silent one.
fn quiet_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| std::panic::set_hook(Box::new(|_| {})));
}

fuzz_target!(|data: &[u8]| {
    quiet_panics();
    let mut bytes = b"%PDF-1.4\n".to_vec();
    bytes.extend_from_slice(data);
    let _ = read_bytes(&bytes, Format::Pdf, &ReadOptions::default());
});
