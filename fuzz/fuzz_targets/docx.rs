//! The .docx reader on arbitrary bytes, and on a real archive whose
//! document.xml is arbitrary.
#![no_main]

use std::io::Write;

use detente::formats::{Format, ReadOptions, read_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (bool, &[u8])| {
    let (wrap, data) = input;
    let bytes = if wrap {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(data).unwrap();
        zip.finish().unwrap().into_inner()
    } else {
        data.to_vec()
    };
    let _ = read_bytes(&bytes, Format::Docx, &ReadOptions::default());
});
