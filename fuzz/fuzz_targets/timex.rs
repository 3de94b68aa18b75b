//! The temporal tagger and resolver on arbitrary text and reference dates:
//! no panic, offsets on character boundaries, ranges in order.
#![no_main]

use chrono::NaiveDate;
use detente::timex::Tagger;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, i32, u8)| {
    let (text, days, _) = input;
    let reference = NaiveDate::from_num_days_from_ce_opt(days.rem_euclid(800_000));
    for t in Tagger::shared().find(text) {
        assert!(t.start < t.end && t.end <= text.len());
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        if let Some(v) = t.value(reference) {
            let _ = v.timex3();
            if let Some(d) = v.date() {
                assert!(d.start() <= d.end());
            }
        }
    }
});
