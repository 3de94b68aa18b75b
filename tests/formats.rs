use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::AtomicBool;

use detente::import::{Article, Settings, Summary, import_paths};
use detente::model::EventType;
use detente::store::{Filter, Store};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/formats")
}

/// One article as read: title, publication date, where that date was read,
/// address, and events as `type date actors`.
type Read = (String, Option<String>, String, Option<String>, Vec<String>);

/// What one file gives, article by article.
fn read(name: &str) -> Vec<Read> {
    Article::read(&dir().join(name))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .into_iter()
        .map(|a| {
            let x = a.extract().unwrap();
            let events = x
                .events
                .iter()
                .map(|e| {
                    let actors: Vec<&str> = e.actors.iter().map(|a| a.name.as_str()).collect();
                    format!("{} {} {}", e.kind.code(), e.date, actors.join(", "))
                })
                .collect();
            let (date, source) = x.published.map_or((None, String::new()), |p| (Some(p.date.to_string()), p.source));
            (x.title, date, source, a.url, events)
        })
        .collect()
}

fn has(events: &[String], wanted: &str) -> bool {
    events.iter().any(|e| e == wanted)
}

#[test]
fn markdown_is_read_as_text_with_its_byline_date() {
    let got = read("analyst_notes_austin_dong_call.md");
    let (title, date, _, _, events) = &got[0];
    assert_eq!(title, "Lloyd Austin and Dong Jun hold video call");
    assert_eq!(date.as_deref(), Some("2024-04-17"));
    assert!(has(events, "call 2024-04-16 Lloyd Austin, Dong Jun"), "{events:?}");
}

#[test]
fn an_e_mailed_newsletter_is_an_article_and_its_dateline_beats_the_date_header() {
    let got = read("kamikawa_teodoro_raa.eml");
    assert_eq!(got.len(), 1);
    let (title, date, source, _, events) = &got[0];
    assert_eq!(title, "Japan and the Philippines sign troop access pact");
    // The dateline says July 8; the message was sent on the 9th.
    assert_eq!(date.as_deref(), Some("2024-07-08"));
    assert!(source.starts_with("dateline"), "{source}");
    assert!(has(events, "agreement 2024-07-08 Yoko Kamikawa, Gilberto Teodoro"), "{events:?}");
}

#[test]
fn each_feed_item_is_an_article_with_its_link_and_date() {
    let rss = read("world_desk.rss");
    assert_eq!(rss.len(), 2);
    assert_eq!(rss[0].0, "Putin and Kim sign partnership treaty in Pyongyang");
    assert_eq!(rss[0].1.as_deref(), Some("2024-06-19"));
    assert_eq!(rss[0].2, "feed item date");
    assert_eq!(rss[0].3.as_deref(), Some("https://world-desk.example/2024/06/19/putin-kim-treaty"));
    assert!(has(&rss[0].4, "agreement 2024-06-19 Vladimir Putin, Kim Jong Un"), "{:?}", rss[0].4);
    assert!(has(&rss[1].4, "meeting 2024-04-26 Antony Blinken, Xi Jinping"), "{:?}", rss[1].4);

    let atom = read("naval_news.atom");
    assert_eq!(atom[0].1.as_deref(), Some("2024-10-08"));
    assert!(atom[0].4.iter().any(|e| e.starts_with("exercise 2024-10-08")), "{:?}", atom[0].4);
}

#[test]
fn corpus_rows_are_articles_with_their_date_and_url_columns() {
    let csv = read("corpus.csv");
    assert_eq!(csv.len(), 3, "every row, including one with no event");
    assert_eq!(csv[0].0, "Austin and Teodoro hold talks in Manila");
    assert_eq!(csv[0].3.as_deref(), Some("https://wire.example/1"));
    assert!(has(&csv[0].4, "meeting 2024-07-30 Lloyd Austin, Gilberto Teodoro"), "{:?}", csv[0].4);
    // "Jul 26, 2023" in the date column.
    assert_eq!(csv[1].1.as_deref(), Some("2023-07-26"));
    assert!(csv[1].4.iter().any(|e| e.starts_with("visit 2023-07-25 Sergei Shoigu")), "{:?}", csv[1].4);
    assert!(csv[2].4.is_empty());

    let jsonl = read("corpus.jsonl");
    assert_eq!(jsonl.len(), 2);
    assert!(has(&jsonl[0].4, "meeting 2024-06-20 Vladimir Putin, To Lam"), "{:?}", jsonl[0].4);
    assert_eq!(jsonl[1].1.as_deref(), Some("2023-04-20"));
    assert!(jsonl[1].4.iter().any(|e| e.starts_with("visit 2023-04-20 Jens Stoltenberg")), "{:?}", jsonl[1].4);
}

#[test]
fn word_and_pdf_files_give_their_text() {
    let docx = read("putin_to_lam_hanoi.docx");
    assert_eq!(docx[0].0, "Putin and To Lam meet in Hanoi");
    assert!(has(&docx[0].4, "meeting 2024-06-20 Vladimir Putin, To Lam"), "{:?}", docx[0].4);

    let pdf = read("stoltenberg_kyiv.pdf");
    assert_eq!(pdf[0].0, "NATO chief visits Kyiv");
    assert!(pdf[0].4.iter().any(|e| e.starts_with("visit 2023-04-20 Jens Stoltenberg")), "{:?}", pdf[0].4);

    let scan = Article::read(&dir().join("scanned_no_text.pdf")).unwrap_err();
    assert_eq!(scan, "not a PDF with a text layer (a scan needs OCR first)");
}

fn import(store: &Mutex<Store>, paths: &[PathBuf]) -> Summary {
    import_paths(store, paths, &Settings::default(), |_| {}, &AtomicBool::new(false)).unwrap()
}

#[test]
fn a_mixed_folder_imports_every_format_and_names_what_it_cannot_read() {
    let folder = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(dir()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, folder.path().join(path.file_name().unwrap())).unwrap();
    }
    let store = Mutex::new(Store::open_in_memory().unwrap());
    let summary = import(&store, &[folder.path().to_path_buf()]);
    // 1 page, 1 note, 1 e-mail, 2 + 1 feed items, 3 + 2 rows, 1 .docx, 1 PDF.
    assert_eq!(summary.imported.len(), 13, "{summary:#?}");
    let failed: Vec<String> =
        summary.failed.iter().map(|(p, r)| format!("{}: {r}", p.file_name().unwrap().to_string_lossy())).collect();
    assert_eq!(failed.len(), 2, "{failed:?}");
    assert!(failed.iter().any(|f| f.starts_with("make_binary_fixtures.py: unsupported file type (.py)")));
    assert!(failed.contains(&"scanned_no_text.pdf: not a PDF with a text layer (a scan needs OCR first)".into()));

    let store = store.lock().unwrap();
    let meetings = store.events(&Filter { types: vec![EventType::Meeting], ..Filter::default() }).unwrap();
    let blinken = meetings.iter().find(|e| e.event.actors.iter().any(|a| a.name == "Antony Blinken")).unwrap();
    let article = store.article(blinken.sources[0].article_id.unwrap()).unwrap().unwrap();
    assert!(
        article.file.ends_with("world_desk.rss#item https://world-desk.example/2024/04/26/blinken-xi"),
        "{}",
        article.file
    );
    assert_eq!(article.url.as_deref(), Some("https://world-desk.example/2024/04/26/blinken-xi"));
}

#[test]
fn a_changed_file_is_a_new_version_that_replaces_the_old_events() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("note.txt");
    let text = |day: &str| {
        format!(
            "Ministers meet\ndate 2024-03-{day}\nThe Japanese and Australian defence ministers met in Tokyo on Monday.\n"
        )
    };
    std::fs::write(&path, text("13")).unwrap();
    let store = Mutex::new(Store::open_in_memory().unwrap());
    assert_eq!(import(&store, std::slice::from_ref(&path)).imported.len(), 1);
    let date =
        |store: &Mutex<Store>| store.lock().unwrap().events(&Filter::default()).unwrap()[0].event.date.to_string();
    assert_eq!(date(&store), "2024-03-11");

    std::fs::write(&path, text("20")).unwrap();
    let again = import(&store, std::slice::from_ref(&path));
    assert_eq!((again.imported.len(), again.updated.len()), (0, 1), "{again:?}");
    assert_eq!(store.lock().unwrap().counts().unwrap(), (1, 1), "the old version's events are gone");
    assert_eq!(date(&store), "2024-03-18");
    assert_eq!(import(&store, &[path]).already_present.len(), 1, "unchanged: nothing to do");
}

#[test]
fn hostile_files_each_fail_with_their_reason_and_the_rest_imports() {
    use std::io::Write;
    let folder = tempfile::tempdir().unwrap();
    let f = |name: &str| folder.path().join(name);
    std::fs::copy(dir().join("shangri_la_austin_dong.html"), f("good.html")).unwrap();
    std::fs::write(
        f("scripted.html"),
        r#"<html><head><script>fetch("https://evil.example/x")</script></head><body onload="alert(1)">
        <p>The defence ministers of Japan and Australia met in Tokyo on Monday. <a href="javascript:alert(2)">More</a></p>
        <img src="https://evil.example/pixel.gif" onerror="alert(3)"></body></html>"#,
    )
    .unwrap();
    std::fs::write(f("one_line.txt"), "word ".repeat(40_000)).unwrap();
    std::fs::write(f("nested.html"), format!("<html><body>{}deep</body></html>", "<div>".repeat(20_000))).unwrap();
    std::fs::write(f("empty.txt"), b"").unwrap();
    std::fs::write(f("garbage.txt"), (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect::<Vec<u8>>()).unwrap();
    std::fs::write(f("not_a_zip.docx"), b"PK\x03\x04 this is not really a zip").unwrap();
    std::fs::write(f("big.txt"), "x\n".repeat(600_000)).unwrap();
    // A zip bomb renamed .docx: 12 MB of zeros in a few kilobytes.
    let mut bomb = zip::ZipWriter::new(std::fs::File::create(f("bomb.docx")).unwrap());
    bomb.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).unwrap();
    let zeros = vec![b'0'; 1024 * 1024];
    for _ in 0..12 {
        bomb.write_all(&zeros).unwrap();
    }
    bomb.finish().unwrap();
    assert!(std::fs::metadata(f("bomb.docx")).unwrap().len() < 100_000);
    // A FIFO would block a reader forever; a link loop would never end.
    assert!(std::process::Command::new("mkfifo").arg(f("pipe.txt")).status().unwrap().success());
    std::os::unix::fs::symlink(f("loop_b.txt"), f("loop_a.txt")).unwrap();
    std::os::unix::fs::symlink(f("loop_a.txt"), f("loop_b.txt")).unwrap();
    std::os::unix::fs::symlink(folder.path(), f("self")).unwrap();

    let store = Mutex::new(Store::open_in_memory().unwrap());
    let mut settings = Settings::default();
    settings.read.limits.max_file_bytes = 1024 * 1024;
    settings.read.limits.max_line_bytes = 100_000;
    let summary =
        import_paths(&store, &[folder.path().to_path_buf()], &settings, |_| {}, &AtomicBool::new(false)).unwrap();
    let imported: Vec<String> =
        summary.imported.iter().map(|(p, _)| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert_eq!(imported, ["good.html", "scripted.html"], "{summary:#?}");
    let reason = |name: &str| -> String {
        let found = summary.failed.iter().find(|(p, _)| p.file_name().unwrap() == name);
        found.map_or_else(|| panic!("{name} is not reported: {summary:#?}"), |(_, r)| r.clone())
    };
    assert_eq!(reason("empty.txt"), "file is 0 bytes");
    assert_eq!(reason("garbage.txt"), "binary data, not text");
    assert_eq!(reason("one_line.txt"), "a line of 200000 bytes: data, not article text");
    assert_eq!(reason("nested.html"), "HTML nested more than 1000 levels deep: not a saved article");
    assert_eq!(reason("not_a_zip.docx"), "not a Word .docx file (not a zip archive)");
    assert_eq!(reason("bomb.docx"), "the .docx expands to more than 8 MB: refused (a zip bomb?)");
    assert_eq!(reason("big.txt"), "file is 1200000 bytes, more than the 1 MB limit");
    assert_eq!(reason("pipe.txt"), "not a regular file (a pipe, socket or device)");
    assert!(reason("loop_a.txt").starts_with("a link that cannot be followed"), "{}", reason("loop_a.txt"));
    assert!(reason("loop_b.txt").starts_with("a link that cannot be followed"));
    assert_eq!(reason("self"), "a link to a folder: not followed");
    assert_eq!(summary.failed.len(), 11, "{summary:#?}");

    // The scripted page is text only: no markup, script or address survives.
    let store = store.lock().unwrap();
    let page = (1..=2).filter_map(|id| store.article(id).unwrap()).find(|a| a.file.ends_with("scripted.html")).unwrap();
    assert_eq!(page.text.trim(), "The defence ministers of Japan and Australia met in Tokyo on Monday. More");
}

#[test]
fn a_corpus_with_unusual_field_names_imports_once_its_columns_are_chosen() {
    use detente::formats::{ColumnChoice, column_names};
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("clips.csv");
    std::fs::write(
        &path,
        "ident;kop;verschenen;tekst\n7;Marles in Jakarta;2024-08-29;Australian Defence Minister Richard Marles signed a defence cooperation agreement with Indonesian Defence Minister Prabowo Subianto in Jakarta on Thursday.\n",
    )
    .unwrap();
    let store = Mutex::new(Store::open_in_memory().unwrap());
    let first = import(&store, std::slice::from_ref(&path));
    assert!(first.failed[0].1.starts_with("no text column (one of text, body"), "{first:?}");
    assert!(first.failed[0].1.ends_with("among: ident, kop, verschenen, tekst"));
    assert_eq!(column_names(&path, &Default::default()).unwrap(), ["ident", "kop", "verschenen", "tekst"]);

    let mut settings = Settings::default();
    settings.read.columns = ColumnChoice {
        text: Some("tekst".into()),
        title: Some("kop".into()),
        date: Some("verschenen".into()),
        url: None,
    };
    let again = import_paths(&store, &[path], &settings, |_| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!(again.imported.len(), 1, "{again:?}");
    let events = store.lock().unwrap().events(&Filter::default()).unwrap();
    let agreement = events.iter().find(|e| e.event.kind == EventType::Agreement).expect("the agreement");
    assert_eq!(agreement.event.date.to_string(), "2024-08-29");
    assert_eq!(agreement.sources[0].title, "Marles in Jakarta");
}

/// A one-page PDF: the page draws `page_content`; `extra` objects follow
/// (numbered from 5), given as dictionaries with optional stream bytes.
fn pdf_with(page_resources: &str, page_content: &[u8], extra: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources {page_resources} /Contents 4 0 R >>")
            .into_bytes(),
        [format!("<< /Length {} >>\nstream\n", page_content.len()).as_bytes(), page_content, b"\nendstream"].concat(),
    ];
    for (dict, stream) in extra {
        objects.push([dict.as_bytes(), b"\nstream\n", stream, b"\nendstream"].concat());
    }
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes(),
    );
    out
}

#[test]
fn pdfs_that_would_crash_or_exhaust_the_extractor_are_refused() {
    use detente::formats::{Format, ReadOptions, read_bytes};
    use std::io::Write;
    let options = ReadOptions::default();
    // A form that draws itself: the extractor would recurse until the stack overflows.
    let looping = pdf_with(
        "<< /XObject << /Fm0 5 0 R >> >>",
        b"/Fm0 Do",
        &[("<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Length 7 >>".into(), b"/Fm0 Do".to_vec())],
    );
    assert_eq!(
        read_bytes(&looping, Format::Pdf, &options).unwrap_err(),
        "the PDF's forms draw each other in a loop: refused"
    );
    // 70 MB of spaces in a 70 KB stream.
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let spaces = vec![b' '; 1 << 20];
    for _ in 0..70 {
        z.write_all(&spaces).unwrap();
    }
    let packed = z.finish().unwrap();
    let bomb = pdf_with("<< >>", b"BT ET", &[(format!("<< /Length {} /Filter /FlateDecode >>", packed.len()), packed)]);
    assert!(bomb.len() < 200_000);
    assert_eq!(
        read_bytes(&bomb, Format::Pdf, &options).unwrap_err(),
        "a stream in the PDF expands past 64 MB: refused (a decompression bomb?)"
    );
}

#[test]
fn a_feed_fetched_again_adds_its_new_items_and_loses_none() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("wire.rss");
    let item = |id: &str, place: &str, day: u32| {
        format!(
            "<item><title>Talks in {place}</title><guid>{id}</guid><pubDate>Tue, {day} Mar 2024 10:00:00 GMT</pubDate><description>The Japanese and Australian defence ministers met in {place} on Tuesday.</description></item>"
        )
    };
    let feed = |items: &[String]| {
        format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>{}</channel></rss>",
            items.concat()
        )
    };
    std::fs::write(&path, feed(&[item("a", "Tokyo", 5), item("b", "Canberra", 12)])).unwrap();
    let store = Mutex::new(Store::open_in_memory().unwrap());
    assert_eq!(import(&store, std::slice::from_ref(&path)).imported.len(), 2);
    // Fetched a week later: a new item on top, the older ones moved down.
    std::fs::write(&path, feed(&[item("c", "Manila", 19), item("a", "Tokyo", 5), item("b", "Canberra", 12)])).unwrap();
    let again = import(&store, std::slice::from_ref(&path));
    assert_eq!((again.imported.len(), again.updated.len(), again.already_present.len()), (1, 0, 2), "{again:?}");
    let events = store.lock().unwrap().events(&Filter::default()).unwrap();
    let places: Vec<&str> = events.iter().map(|e| e.event.location.as_str()).collect();
    assert_eq!(places, ["Tokyo", "Canberra", "Manila"]);
}

#[test]
fn a_bad_line_in_a_corpus_fails_alone() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("dump.jsonl");
    let good = |place: &str| {
        format!(
            "{{\"title\": \"Talks in {place}\", \"date\": \"2024-03-12\", \"text\": \"The Japanese and Australian defence ministers met in {place} on Monday.\"}}\n"
        )
    };
    // The export was cut off in the middle of its last line.
    std::fs::write(&path, [good("Tokyo"), good("Canberra"), "{\"title\": \"Talks in Man".to_string()].concat())
        .unwrap();
    let store = Mutex::new(Store::open_in_memory().unwrap());
    let summary = import(&store, &[path]);
    assert_eq!(summary.imported.len(), 2, "{summary:?}");
    assert_eq!(summary.failed.len(), 1);
    let (file, reason) = &summary.failed[0];
    assert!(file.to_string_lossy().ends_with("dump.jsonl#line 3"), "{file:?}");
    assert!(reason.starts_with("not JSON"), "{reason}");
}
