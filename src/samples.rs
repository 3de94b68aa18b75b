//! The sample articles offered on first launch: the fixture corpus of
//! `tests/fixtures/`, whose expected events the test suite checks, so what
//! an analyst sees first is what the engine is known to read correctly.

/// File name and text of each sample article.
pub const ARTICLES: &[(&str, &str)] = &[
    ("seed_li_shoigu_moscow.txt", include_str!("../tests/fixtures/seed_li_shoigu_moscow.txt")),
    ("austin_dong_video_call.txt", include_str!("../tests/fixtures/austin_dong_video_call.txt")),
    ("australia_japan_reciprocal_access.txt", include_str!("../tests/fixtures/australia_japan_reciprocal_access.txt")),
    ("havana_naval_port_calls.txt", include_str!("../tests/fixtures/havana_naval_port_calls.txt")),
    ("india_us_2plus2_beca.txt", include_str!("../tests/fixtures/india_us_2plus2_beca.txt")),
    ("quad_tokyo_joint_air_patrol.txt", include_str!("../tests/fixtures/quad_tokyo_joint_air_patrol.txt")),
    ("shangri_la_austin_dong.txt", include_str!("../tests/fixtures/shangri_la_austin_dong.txt")),
    ("ufs_camp_david_yonhap.txt", include_str!("../tests/fixtures/ufs_camp_david_yonhap.txt")),
];

/// The text of every test article (`tests/corpus`, `tests/heldout`,
/// `tests/fixtures`), for tests that compare two ways of reading them.
#[cfg(test)]
pub(crate) fn test_articles() -> Vec<String> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests");
    let mut paths: Vec<std::path::PathBuf> = ["corpus", "heldout", "fixtures"]
        .iter()
        .flat_map(|d| std::fs::read_dir(format!("{root}/{d}")).expect("a test folder"))
        .map(|e| e.expect("a folder entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read_to_string(p).expect("a test article")).collect()
}

/// The test articles followed by `extra`, tricky strings of a test's own.
#[cfg(test)]
pub(crate) fn test_articles_and(extra: &[&str]) -> Vec<String> {
    let mut texts = test_articles();
    texts.extend(extra.iter().map(|s| s.to_string()));
    texts
}
