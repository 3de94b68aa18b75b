//! Phrases of a fixed list (names, office titles, trigger phrases) found in
//! text where [`gazetteer::accept`](crate::gazetteer::accept) may take them:
//! at word starts, ASCII case ignored, the longest at each place.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous;
use aho_corasick::{Anchored, Match, MatchKind};

/// An Aho-Corasick automaton (leftmost-longest, ASCII case ignored)
/// searched only where `accept` may take a match: anchored, at word starts
/// (no ASCII letter or digit before) whose first two bytes can begin a
/// pattern (a pattern written with a capital matches only capitalised text).
///
/// A search of every byte, by an Aho-Corasick or a lazy DFA, follows one
/// transition after another, each waiting for the last, and runs through
/// the whole automaton, whose states for hundreds of phrases fall out of
/// the processor's caches. This tells words from the rest and looks their
/// first two bytes up eight bytes at a time, then walks the automaton at
/// the few words left, over the paths of their bytes only: for the
/// gazetteer, the office titles and the trigger phrases alike it is the
/// quicker (in time, for about as many instructions).
///
/// Its matches are those of a leftmost-longest search of every byte that
/// `accept` takes, but for the matches that such a search finds and
/// `accept` refuses, which hide those that start inside them. As there, a
/// match found here and refused hides those that start inside it; but a
/// match inside a word ("held talks" in "upheld talks") is not found, nor
/// one of a capitalised pattern at a word start in lower case that no
/// pattern in lower case begins like ("Zapad" in "zapad"), so they hide
/// nothing.
pub struct AtWordStarts {
    automaton: contiguous::NFA,
    /// The state an anchored search starts in.
    start: StateID,
    /// Whether a pattern may begin with two bytes `a` and `b`, as the bit
    /// `a << 8 | b` (a pattern of one byte, `a` and any byte): most words
    /// are not walked at all.
    pairs: Box<[u64; 1024]>,
    /// All ones where a pattern begins with a byte that is not an ASCII
    /// letter or digit: then every byte after one that is not is tried,
    /// not only word starts.
    other_starts: u64,
}

/// The bytes whose word starts are found at a time, one bit each.
const BLOCK: usize = 64;

/// Where a search is: the word starts still to walk in the block of
/// [`BLOCK`] bytes at `block`, as bits, and where the next block starts.
struct Cursor {
    block: usize,
    starts: u64,
    next: usize,
}

impl AtWordStarts {
    /// The patterns as written; the automaton holds them in lower case,
    /// for text in lower case. Of identical ones the first is found.
    pub fn new<'p>(
        patterns: impl Iterator<Item = &'p str> + Clone,
    ) -> std::result::Result<AtWordStarts, aho_corasick::BuildError> {
        let mut pairs: Box<[u64; 1024]> = vec![0; 1024].into_boxed_slice().try_into().expect("1024 words");
        let mut other_starts = 0;
        for p in patterns.clone() {
            let (first, second) = match *p.as_bytes() {
                [] => continue,
                [a] => (a, None),
                [a, b, ..] => (a, Some(b)),
            };
            if !first.is_ascii_alphanumeric() {
                other_starts = u64::MAX;
            }
            let firsts = if p.starts_with(char::is_uppercase) {
                [first, first]
            } else {
                [first.to_ascii_lowercase(), first.to_ascii_uppercase()]
            };
            let seconds = match second {
                Some(b) => vec![b.to_ascii_lowercase(), b.to_ascii_uppercase()],
                None => (0..=255).collect(),
            };
            for a in firsts {
                for &b in &seconds {
                    let pair = usize::from(a) << 8 | usize::from(b);
                    pairs[pair >> 6] |= 1 << (pair & 63);
                }
            }
        }
        // Compact, so that the little of it a text needs stays cached (a
        // DFA of the trigger phrases is twelve times the size, and slower).
        // Its states are walked here, lowering the text's bytes as they
        // are read: `AhoCorasick` would need a copy of the text in lower
        // case and set up a search at each word start.
        let automaton = contiguous::NFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            // Searches are anchored, where a prefilter has no use.
            .prefilter(false)
            .build(patterns.map(str::to_ascii_lowercase))?;
        let start = automaton.start_state(Anchored::Yes).expect("an NFA supports anchored searches");
        Ok(AtWordStarts { automaton, start, pairs, other_starts })
    }

    /// The matches in `hay`, left to right: at each word start tried, the
    /// longest pattern that `hay` in lower case begins with there.
    pub fn find_iter<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = Match> + 'h {
        let mut cursor = Cursor { block: 0, starts: 0, next: 0 };
        std::iter::from_fn(move || self.next_match(hay.as_bytes(), &mut cursor))
    }

    /// The next match from `cursor` on, walking its word starts in turn.
    #[inline(never)]
    fn next_match(&self, bytes: &[u8], cursor: &mut Cursor) -> Option<Match> {
        loop {
            while cursor.starts == 0 {
                if cursor.next >= bytes.len() {
                    return None;
                }
                cursor.block = cursor.next;
                cursor.starts = self.starts_in(bytes, cursor.block);
                cursor.next = cursor.block + BLOCK;
            }
            let start = cursor.block + cursor.starts.trailing_zeros() as usize;
            cursor.starts &= cursor.starts - 1;
            if let Some(m) = self.longest_at(bytes, start) {
                // Those that start inside the match are hidden.
                if m.end() < cursor.next {
                    cursor.starts &= u64::MAX << (m.end() - cursor.block);
                } else {
                    (cursor.starts, cursor.next) = (0, m.end());
                }
                return Some(m);
            }
        }
    }

    /// The word starts in the `BLOCK` bytes from `block` whose two bytes
    /// may begin a pattern, as bits. Words are told from the rest eight
    /// bytes at a time, and pairs looked up at word starts only, without a
    /// branch that each word start would mispredict.
    #[inline(never)]
    fn starts_in(&self, bytes: &[u8], block: usize) -> u64 {
        let before = block.checked_sub(1).is_some_and(|i| bytes[i].is_ascii_alphanumeric());
        // A whole block and the byte after it, so that the loop's length
        // is known; at the end, padded with zeros, which follow a pattern's
        // first byte only if it is a whole pattern.
        let mut padded = [0; BLOCK + 1];
        let window: &[u8; BLOCK + 1] = match bytes.get(block..block + BLOCK + 1) {
            Some(whole) => whole.try_into().expect("a slice of BLOCK + 1 bytes"),
            None => {
                padded[..bytes.len() - block].copy_from_slice(&bytes[block..]);
                &padded
            }
        };
        let mut words = 0;
        for (k, eight) in window.chunks_exact(8).enumerate() {
            words |= word_bytes(eight) << (8 * k);
        }
        let after_word = words << 1 | u64::from(before);
        let mut tried = !after_word & (words | self.other_starts);
        let mut starts = 0;
        while tried != 0 {
            let i = tried.trailing_zeros() as usize;
            tried &= tried - 1;
            let pair = usize::from(window[i]) << 8 | usize::from(window[i + 1]);
            starts |= (self.pairs[pair >> 6] >> (pair & 63) & 1) << i;
        }
        starts
    }

    /// The longest pattern that `bytes[at..]` in lower case begins with (the
    /// match of an anchored leftmost-longest search), walking the automaton
    /// until no pattern can continue.
    fn longest_at(&self, bytes: &[u8], at: usize) -> Option<Match> {
        let automaton = &self.automaton;
        let mut sid = self.start;
        let mut longest = None;
        let mut end = at;
        while let Some(&b) = bytes.get(end) {
            sid = automaton.next_state(Anchored::Yes, sid, LOWER[b as usize]);
            end += 1;
            if automaton.is_special(sid) {
                if automaton.is_dead(sid) {
                    break;
                }
                longest = self.match_at(sid, at, end).or(longest);
            }
        }
        longest
    }

    /// The match from `at` to `end` that a special state reached there
    /// stands for, if any. A match state also holds the patterns that end
    /// here but begin after `at` (for unanchored searches); like
    /// `AhoCorasick`, take its first only if it begins at `at`.
    #[inline(never)]
    fn match_at(&self, sid: StateID, at: usize, end: usize) -> Option<Match> {
        let automaton = &self.automaton;
        if !automaton.is_match(sid) {
            return None;
        }
        let pattern = automaton.match_pattern(sid, 0);
        (automaton.pattern_len(pattern) == end - at).then(|| Match::new(pattern, at..end))
    }
}

/// Which of eight bytes are ASCII letters or digits, as bits (of a word,
/// after which no word starts).
fn word_bytes(eight: &[u8]) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x80 * ONES;
    let x = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
    // Each byte's top bit, for bytes below 0x80 (no carry crosses bytes):
    // whether it is from `lo` to `hi`.
    let within = |v: u64, lo: u8, hi: u8| (v + (0x80 - u64::from(lo)) * ONES) & !(v + (0x7f - u64::from(hi)) * ONES);
    let ascii = x & !HIGH;
    let word = (within(ascii | (0x20 * ONES), b'a', b'z') | within(ascii, b'0', b'9')) & !x & HIGH;
    // Each byte's bit gathered into the top byte, then the low one.
    (word >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// Each byte in ASCII lower case, as a table: one load per byte walked
/// instead of a comparison and shifts.
const LOWER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).to_ascii_lowercase();
        i += 1;
    }
    t
};

/// What [`AtWordStarts`] is measured against: a leftmost-longest search of
/// every byte, ASCII case ignored (as the lazy DFAs that found office
/// titles and trigger phrases before it searched).
#[cfg(test)]
pub(crate) struct EveryByte {
    automaton: aho_corasick::AhoCorasick,
    patterns: Vec<String>,
}

#[cfg(test)]
impl EveryByte {
    pub(crate) fn new<'p>(patterns: impl Iterator<Item = &'p str>) -> EveryByte {
        let patterns: Vec<String> = patterns.map(str::to_string).collect();
        let automaton = aho_corasick::AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&patterns)
            .unwrap();
        EveryByte { automaton, patterns }
    }

    /// The matches in `text[from..to]` that `accept` takes (it reads the
    /// whole text around them), as start, end and pattern index.
    pub(crate) fn accepted(&self, text: &str, from: usize, to: usize) -> Vec<(usize, usize, usize)> {
        self.automaton
            .find_iter(&text[from..to])
            .map(|m| (from + m.start(), from + m.end(), m.pattern().as_usize()))
            .filter(|&(start, end, p)| crate::gazetteer::accept(text, start, end, &self.patterns[p]))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepted(patterns: &[&str], text: &str) -> Vec<(usize, usize, usize)> {
        let walk = AtWordStarts::new(patterns.iter().copied()).unwrap();
        walk.find_iter(text)
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .filter(|&(start, end, p)| crate::gazetteer::accept(text, start, end, patterns[p]))
            .collect()
    }

    #[test]
    fn word_bytes_are_the_ascii_letters_and_digits() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut eight = [b' '; 8];
                eight[at] = b;
                let expected = if b.is_ascii_alphanumeric() { 1 << at } else { 0 };
                assert_eq!(word_bytes(&eight), expected, "{b:#x} at {at}");
            }
        }
        assert_eq!(word_bytes(b"Ab9 \xff-z_"), 0b100_0111);
    }

    #[test]
    fn the_longest_phrase_at_a_word_start_is_found_in_any_case() {
        let patterns = ["talks", "held talks", "vice president", "president", "Zapad", "zone"];
        let every_byte = EveryByte::new(patterns.iter().copied());
        for text in ["They HELD TALKS; the Vice President and the president.", "Zapad-2021 drills", "talks"] {
            assert_eq!(accepted(&patterns, text), every_byte.accepted(text, 0, text.len()), "{text}");
        }
        assert_eq!(accepted(&patterns, "held talks"), [(0, 10, 1)]);
    }

    /// Phrases across the ends of the blocks whose word starts are found
    /// at a time, and at the end of the text.
    #[test]
    fn phrases_are_found_wherever_they_start() {
        let patterns = ["talks", "held talks", "a", "ab", "x y", "Zapad"];
        let every_byte = EveryByte::new(patterns.iter().copied());
        for phrase in ["held talks", "talks", "a", "ab", "x y", "Zapad", "A.", "(ab)"] {
            for at in 0..2 * BLOCK + 3 {
                for text in [format!("{}{phrase}", "-".repeat(at)), format!("{}{phrase} x", "q ".repeat(at / 2))] {
                    assert_eq!(accepted(&patterns, &text), every_byte.accepted(&text, 0, text.len()), "{text}");
                }
            }
        }
    }

    /// Where the walk and a search of every byte differ: matches inside
    /// words, and capitalised patterns in lower case where no other pattern
    /// may start, which `accept` refuses, hide nothing from the walk.
    #[test]
    fn refused_matches_inside_words_hide_nothing() {
        let patterns = ["talks", "held talks", "vice president", "president", "Zapad games", "games"];
        let every_byte = EveryByte::new(patterns.iter().copied());
        for (text, walked) in
            [("upheld talks", "talks"), ("the service president", "president"), ("zapad games", "games")]
        {
            assert_eq!(every_byte.accepted(text, 0, text.len()), [], "{text}");
            let found: Vec<&str> = accepted(&patterns, text).iter().map(|&(start, end, _)| &text[start..end]).collect();
            assert_eq!(found, [walked], "{text}");
        }
    }
}
