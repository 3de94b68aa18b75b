//! Phrases of a fixed list (names, office titles, trigger phrases) found in
//! text where [`gazetteer::accept`](crate::gazetteer::accept) may take them:
//! at word starts, ASCII case ignored, the longest at each place.

use std::ops::Range;

use aho_corasick::Match;
#[cfg(test)]
use aho_corasick::MatchKind;

/// Phrases (leftmost-longest, ASCII case ignored) searched only where
/// `accept` may take a match: anchored, at word starts (no ASCII letter or
/// digit before) whose first two bytes can begin a pattern (a pattern
/// written with a capital matches only capitalised text).
///
/// A search of every byte, by an Aho-Corasick or a lazy DFA, follows one
/// transition after another, each waiting for the last, and runs through
/// the whole automaton, whose states for hundreds of phrases fall out of
/// the processor's caches. This tells words from the rest eight bytes at a
/// time (once for a text: [`WordBytes`]) and looks their first two bytes
/// up, then walks the automaton at
/// the few words left, over the paths of their bytes only: for the
/// gazetteer, the office titles and the trigger phrases alike it is the
/// quicker (in time, for about as many instructions). The automaton walked
/// is a [`Trie`], which takes two thirds of the instructions of an
/// Aho-Corasick NFA for each byte.
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
    /// The patterns in lower case, walked with the text's bytes lowered.
    trie: Trie,
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

/// Which bytes of a text are ASCII letters or digits (of a word), one bit
/// each, a `u64` for each [`BLOCK`] bytes. Read once for a text, they serve
/// every search of it: the gazetteer's, the office titles' and the trigger
/// phrases' of each sentence, which would each tell words from the rest
/// again.
pub struct WordBytes(Vec<u64>);

impl WordBytes {
    pub fn of(text: &str) -> WordBytes {
        let mut blocks = text.as_bytes().chunks_exact(BLOCK);
        let mut words: Vec<u64> = blocks.by_ref().map(word_bytes_in_block).collect();
        let rest = blocks.remainder();
        if !rest.is_empty() {
            // Padded with spaces, which are no word's.
            let mut padded = [b' '; BLOCK];
            padded[..rest.len()].copy_from_slice(rest);
            words.push(word_bytes_in_block(&padded));
        }
        WordBytes(words)
    }
}

/// Which of the [`BLOCK`] bytes of `block` are of a word, as bits.
fn word_bytes_in_block(block: &[u8]) -> u64 {
    let mut words = 0;
    for (k, eight) in block.chunks_exact(8).enumerate() {
        words |= word_bytes(eight) << (8 * k);
    }
    words
}

/// A text searched from `from` to the end of `bytes`, as if it were all
/// the text: no word goes on before `from`.
struct Search<'t> {
    bytes: &'t [u8],
    words: &'t WordBytes,
    from: usize,
}

/// Where a search is: the word starts still to walk in the block of
/// [`BLOCK`] bytes at `block` (a multiple of `BLOCK`), as bits, and where
/// the search goes on when they are walked.
struct Cursor {
    block: usize,
    starts: u64,
    next: usize,
}

impl AtWordStarts {
    /// The patterns as written; the trie holds them in lower case. Of
    /// identical ones the first is found.
    pub fn new<'p>(
        patterns: impl Iterator<Item = &'p str> + Clone,
    ) -> std::result::Result<AtWordStarts, TooManyStates> {
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
        let trie = Trie::new(patterns)?;
        Ok(AtWordStarts { trie, pairs, other_starts })
    }

    /// The matches in `hay`, left to right: at each word start tried, the
    /// longest pattern that `hay` in lower case begins with there.
    pub fn find_iter<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = Match> + 'h {
        let words = WordBytes::of(hay);
        let mut cursor = Cursor { block: 0, starts: 0, next: 0 };
        std::iter::from_fn(move || {
            self.next_match(&Search { bytes: hay.as_bytes(), words: &words, from: 0 }, &mut cursor)
        })
    }

    /// The matches that [`find_iter`](Self::find_iter) finds in
    /// `text[range]`, at the same offsets (from `range.start`), given the
    /// word bytes of the whole `text`.
    pub fn find_in<'t>(
        &'t self,
        text: &'t str,
        words: &'t WordBytes,
        range: Range<usize>,
    ) -> impl Iterator<Item = Match> + 't {
        let search = Search { bytes: &text.as_bytes()[..range.end], words, from: range.start };
        let mut cursor = Cursor { block: 0, starts: 0, next: range.start };
        std::iter::from_fn(move || self.next_match(&search, &mut cursor))
            .map(move |m| Match::must(m.pattern().as_usize(), m.start() - range.start..m.end() - range.start))
    }

    /// The next match from `cursor` on, walking its word starts in turn.
    #[inline(never)]
    fn next_match(&self, search: &Search, cursor: &mut Cursor) -> Option<Match> {
        loop {
            while cursor.starts == 0 {
                if cursor.next >= search.bytes.len() {
                    return None;
                }
                cursor.block = cursor.next - cursor.next % BLOCK;
                cursor.starts = self.starts_in(search, cursor.block) & u64::MAX << (cursor.next - cursor.block);
                cursor.next = cursor.block + BLOCK;
            }
            let start = cursor.block + cursor.starts.trailing_zeros() as usize;
            cursor.starts &= cursor.starts - 1;
            if let Some(m) = self.trie.longest_at(search.bytes, start) {
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

    /// The word starts of the search in the `BLOCK` bytes from `block`
    /// whose two bytes may begin a pattern, as bits. Pairs are looked up at
    /// word starts only, without a branch that each word start would
    /// mispredict.
    #[inline(never)]
    fn starts_in(&self, search: &Search, block: usize) -> u64 {
        let bytes = search.bytes;
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
        let k = block / BLOCK;
        let words = search.words.0[k];
        let mut after_word = words << 1;
        if block > search.from {
            after_word |= search.words.0[k - 1] >> 63;
        } else if search.from > block {
            after_word &= !(1 << (search.from - block));
        }
        // The bytes of the search: none past its end.
        let within = u64::MAX >> (BLOCK - (bytes.len() - block).min(BLOCK));
        let mut tried = !after_word & (words | self.other_starts) & within;
        let mut starts = 0;
        while tried != 0 {
            let i = tried.trailing_zeros() as usize;
            tried &= tried - 1;
            let pair = usize::from(window[i]) << 8 | usize::from(window[i + 1]);
            starts |= (self.pairs[pair >> 6] >> (pair & 63) & 1) << i;
        }
        starts
    }
}

/// The patterns in lower case as a trie laid out in a double array: a
/// state's child for a byte is the cell at the state's `base` plus the
/// byte's class, if that cell's `check` names the state. A step is then
/// two loads and a comparison, where an Aho-Corasick NFA tells its kinds
/// of states apart and searches a state's transitions; and a state takes
/// one cell of eight bytes (and the free cells left between them).
struct Trie {
    /// Each byte's class: the same for a letter in either case, 0 for the
    /// bytes no pattern holds (no state has a child of class 0).
    classes: [u8; 256],
    /// The states by number, the start first. Past the last one, free
    /// cells to the highest `base` plus the highest class, so that every
    /// child looked up is a cell.
    cells: Vec<Cell>,
    /// The pattern that ends at each state whose `base` has [`ENDS`] (of
    /// identical ones the first), by the state's number.
    patterns: Vec<u32>,
}

#[derive(Clone, Copy)]
struct Cell {
    /// Where the state's children are, and [`ENDS`] if a pattern ends here.
    base: u32,
    /// The number of the state whose child this is; [`FREE`] for no state's.
    check: u32,
}

/// The bit of a cell's `base` that tells that a pattern ends at its state.
const ENDS: u32 = 1 << 31;

/// The `check` of a cell that is no state.
const FREE: u32 = u32::MAX;

/// The error of a trie of more states than a [`Cell`] can number.
#[derive(Debug)]
pub struct TooManyStates;

impl std::fmt::Display for TooManyStates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("too many phrases: their trie has more than 2^31 states")
    }
}

impl Trie {
    /// The trie of the patterns in lower case.
    fn new<'p>(patterns: impl Iterator<Item = &'p str> + Clone) -> Result<Trie, TooManyStates> {
        let mut held = [false; 256];
        for b in patterns.clone().flat_map(str::bytes) {
            held[usize::from(b.to_ascii_lowercase())] = true;
        }
        let mut classes = [0u8; 256];
        let mut count = 0u8;
        for b in (0..=255u8).filter(|&b| held[usize::from(b)]) {
            count += 1;
            classes[usize::from(b)] = count;
        }
        for b in b'A'..=b'Z' {
            classes[usize::from(b)] = classes[usize::from(b.to_ascii_lowercase())];
        }
        // The trie as a tree first: each node's children by class, in
        // order, and the pattern ending there.
        let mut children: Vec<Vec<(u8, usize)>> = vec![Vec::new()];
        let mut ending: Vec<Option<u32>> = vec![None];
        for (index, p) in patterns.enumerate() {
            let mut node = 0;
            for b in p.bytes() {
                let class = classes[usize::from(b)];
                node = match children[node].binary_search_by_key(&class, |&(c, _)| c) {
                    Ok(i) => children[node][i].1,
                    Err(i) => {
                        let kid = children.len();
                        children.push(Vec::new());
                        ending.push(None);
                        children[node].insert(i, (class, kid));
                        kid
                    }
                };
            }
            if p.is_empty() {
                continue;
            }
            ending[node].get_or_insert(u32::try_from(index).map_err(|_| TooManyStates)?);
        }
        // Each node's children placed at the first base where their cells
        // are all free, breadth first from the start at cell 0. The first
        // child is tried at the free cells in turn, skipping those where it
        // failed `TRIES` times already: cells left free between others
        // would be tried by every node with many children (darts-clone
        // gives up on them so too).
        const TRIES: u8 = 8;
        let mut cells = vec![Cell { base: 0, check: FREE }];
        let mut patterns = vec![0];
        // Each cell's count of failed tries, and the next cell that may
        // be worth a try (itself if it is).
        let mut failed = vec![0u8];
        let mut skip = vec![1];
        let mut queue = std::collections::VecDeque::from([(0usize, 0usize)]);
        while let Some((node, cell)) = queue.pop_front() {
            let kids = &children[node];
            if let Some(&(first, _)) = kids.first() {
                let first = usize::from(first);
                let mut at = worth_a_try(&mut skip, first + 1);
                while !kids.iter().all(|&(c, _)| cells.get(at - first + usize::from(c)).is_none_or(|x| x.check == FREE))
                {
                    failed[at] += 1;
                    if failed[at] == TRIES {
                        skip[at] = at + 1;
                    }
                    at = worth_a_try(&mut skip, at + 1);
                }
                let base = at - first;
                let last = base + usize::from(kids[kids.len() - 1].0);
                if cells.len() <= last {
                    cells.resize(last + 1, Cell { base: 0, check: FREE });
                    patterns.resize(last + 1, 0);
                    failed.resize(last + 1, 0);
                    skip.extend(skip.len()..=last);
                }
                let parent = u32::try_from(cell).map_err(|_| TooManyStates)?;
                for &(c, kid) in kids {
                    let child = base + usize::from(c);
                    cells[child].check = parent;
                    skip[child] = child + 1;
                    queue.push_back((kid, child));
                }
                cells[cell].base = u32::try_from(base).ok().filter(|&b| b < ENDS).ok_or(TooManyStates)?;
            }
            if let Some(pattern) = ending[node] {
                cells[cell].base |= ENDS;
                patterns[cell] = pattern;
            }
        }
        let highest = cells.iter().map(|c| (c.base & !ENDS) as usize).max().unwrap_or(0) + usize::from(count);
        if cells.len() <= highest {
            cells.resize(highest + 1, Cell { base: 0, check: FREE });
        }
        Ok(Trie { classes, cells, patterns })
    }

    /// The longest pattern that `bytes[at..]` in lower case begins with (the
    /// match of an anchored leftmost-longest search), walking the trie
    /// until no pattern can continue.
    fn longest_at(&self, bytes: &[u8], at: usize) -> Option<Match> {
        // The state and its base, the one of the state last read as a
        // child; the last state where a pattern ends (none ends at the
        // start, 0) and where that is.
        let (mut state, mut base) = (0, self.cells[0].base);
        let (mut longest, mut longest_end) = (0, at);
        let mut end = at;
        for &b in &bytes[at..] {
            let next = (base & !ENDS) as usize + usize::from(self.classes[usize::from(b)]);
            let cell = self.cells[next];
            if cell.check as usize != state {
                break;
            }
            end += 1;
            (state, base) = (next, cell.base);
            if base & ENDS != 0 {
                (longest, longest_end) = (state, end);
            }
        }
        (longest != 0).then(|| Match::must(self.patterns[longest] as usize, at..longest_end))
    }
}

/// The first cell from `at` on that `skip` does not skip: past the cells,
/// `at` itself. Skips followed are shortened to half their length, so
/// that the cells given up are passed quickly next time.
fn worth_a_try(skip: &mut [usize], mut at: usize) -> usize {
    while let Some(&next) = skip.get(at).filter(|&&next| next != at) {
        let further = skip.get(next).copied().unwrap_or(next);
        skip[at] = further;
        at = further;
    }
    at
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

/// Checks that the walk of [`Trie`] finds, at every byte of `texts`,
/// what an anchored leftmost-longest Aho-Corasick search (ASCII case
/// ignored) finds there, and that it finds some; gives the count.
#[cfg(test)]
pub(crate) fn assert_trie_walks_as_anchored_search<'p>(
    patterns: impl Iterator<Item = &'p str> + Clone,
    texts: &[String],
) -> usize {
    use aho_corasick::{AhoCorasick, Anchored, Input, StartKind};
    let trie = Trie::new(patterns.clone()).unwrap();
    let reference = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .start_kind(StartKind::Anchored)
        .build(patterns)
        .unwrap();
    let mut found = 0;
    for text in texts {
        for at in 0..text.len() {
            let expected = reference.find(Input::new(text).span(at..text.len()).anchored(Anchored::Yes));
            assert_eq!(trie.longest_at(text.as_bytes(), at), expected, "at {at} of {text}");
            found += usize::from(expected.is_some());
        }
    }
    found
}

/// Checks that `find_in`, a search of a part of a text given the word
/// bytes of the whole text, finds in each sentence of `texts` and in each
/// whole text what it finds given the part's own word bytes (as if the
/// part were all the text, as searches before [`WordBytes`] read it); gives
/// the count of matches.
#[cfg(test)]
pub(crate) fn assert_shared_word_bytes_find_as_own(
    find_in: impl Fn(&str, &WordBytes, Range<usize>) -> Vec<Match>,
    texts: &[String],
) -> usize {
    let mut found = 0;
    for text in texts {
        let words = WordBytes::of(text);
        let sentences = crate::text::layout(text).sentences;
        for range in sentences.iter().map(|s| s.start..s.end).chain(std::iter::once(0..text.len())) {
            let part = &text[range.clone()];
            let expected = find_in(part, &WordBytes::of(part), 0..part.len());
            found += expected.len();
            assert_eq!(find_in(text, &words, range), expected, "{part}");
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The trigger phrases of each sentence of every test article are
    /// found alike given the word bytes of the whole article or of the
    /// sentence.
    #[test]
    fn trigger_phrases_are_found_alike_with_word_bytes_of_the_text() {
        let lexicon = crate::extract::Lexicon::shared();
        let found = assert_shared_word_bytes_find_as_own(
            |text, words, range| lexicon.find_in(text, words, range).collect(),
            &crate::samples::test_articles(),
        );
        assert!(found > 1000, "{found} phrases");
    }

    /// Prefixes of prefixes, identical patterns in other cases, bytes
    /// beyond ASCII and bytes no pattern holds.
    #[test]
    fn the_trie_walks_as_an_anchored_search() {
        let patterns = ["a", "ab", "abc", "Ab", "ABD", "b\u{2019}s", "x y", "\u{e9}t\u{e9}", "z-", "0"];
        let texts =
            ["abcd ABC aBd ab\u{0}c b\u{2019}s B\u{2019}S \u{c9}t\u{e9} \u{e9}t\u{e9} x y x  y z- z 00", "", "a"];
        let texts: Vec<String> = texts.iter().map(|t| t.to_string()).collect();
        let found = assert_trie_walks_as_anchored_search(patterns.iter().copied(), &texts);
        assert_eq!(found, 12);
    }

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
                // Searched as a part of a text that goes on before and
                // after it, with a word.
                let text = format!("{}{phrase}q", "q".repeat(at));
                let walk = AtWordStarts::new(patterns.iter().copied()).unwrap();
                let own: Vec<Match> = walk.find_iter(&text[at..at + phrase.len()]).collect();
                let shared: Vec<Match> = walk.find_in(&text, &WordBytes::of(&text), at..at + phrase.len()).collect();
                assert_eq!(shared, own, "{phrase} after {at} bytes");
                assert_eq!(own.len(), 1, "{phrase} after {at} bytes");
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
