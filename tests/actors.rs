use std::path::Path;

use detente::extract::Options;
use detente::import::add_text;
use detente::store::{ActorKind, ActorOffice, Filter, Store};
use rusqlite::{Connection, params};
use rusqlite_migration::{M, Migrations};

use crate::fixtures;

/// Two people the gazetteer does not list (made up, so that no addition
/// to people.tsv ever makes them known).
const LEARNED: &str = "Kenya and Somalia hold defence talks\n\
NAIROBI, March 4, 2024 (Reuters) - Kenyan Defence Cabinet Secretary Amani Wekesa met Somali Defence Minister \
Faduma Hirsi Warsame in Nairobi on Monday to discuss border security.\n";

fn import_fixture(store: &mut Store, name: &str) {
    let text = std::fs::read_to_string(fixtures::dir().join(format!("{name}.txt"))).unwrap();
    let options = Options { file_name: Some(format!("{name}.txt")), ..Options::default() };
    add_text(store, name, &text, &options).unwrap();
}

fn office(country: &str, title: &str, from: Option<&str>, to: Option<&str>) -> ActorOffice {
    ActorOffice { country: country.into(), title: title.into(), from: from.map(Into::into), to: to.map(Into::into) }
}

#[test]
fn a_known_actor_has_the_gazetteers_aliases_and_offices_by_date() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("detente.db")).unwrap();
    import_fixture(&mut store, "seed_li_shoigu_moscow");

    let shoigu = store.actor("Sergei Shoigu").unwrap().expect("stored");
    assert_eq!(shoigu.kind, ActorKind::Known);
    assert_eq!(shoigu.country, "RUS");
    for alias in ["Sergey Shoigu", "Sergei Shoygu", "Sergey Shoygu", "Sergei K. Shoigu"] {
        assert!(shoigu.aliases.iter().any(|a| a == alias), "{alias} in {:?}", shoigu.aliases);
    }
    assert!(!shoigu.aliases.iter().any(|a| a == "Sergei Shoigu"), "the canonical name is not an alias");
    let mut sorted = shoigu.aliases.clone();
    sorted.sort();
    assert_eq!(shoigu.aliases, sorted);
    let defence = office("RUS", "Defense Minister", Some("2012-11-06"), Some("2024-05-12"));
    let security = office("RUS", "Secretary of the Security Council", Some("2024-05-12"), None);
    let at = |o: &ActorOffice| shoigu.offices.iter().position(|x| x == o);
    assert!(at(&defence).unwrap() < at(&security).expect("the running term"), "{:?}", shoigu.offices);
    let froms: Vec<&str> = shoigu.offices.iter().filter_map(|o| o.from.as_deref()).collect();
    assert!(froms.is_sorted(), "offices by date: {froms:?}");
    assert!(shoigu.events >= 1);
    assert!(shoigu.roles.iter().any(|r| r.title == "Defense Minister" && r.country == "RUS"), "{:?}", shoigu.roles);

    // Any spelling finds the same entity; an unknown name finds nothing.
    assert_eq!(store.actor("Sergey Shoygu").unwrap().map(|a| a.id), Some(shoigu.id));
    assert_eq!(store.actor("Nobody Atall").unwrap(), None);
}

#[test]
fn a_person_found_only_in_the_text_is_learned_without_aliases_or_offices() {
    let mut store = Store::open_in_memory().unwrap();
    add_text(&mut store, "learned.txt", LEARNED, &Options::default()).unwrap();
    let wekesa = store.actor("Amani Wekesa").unwrap().expect("stored");
    assert_eq!(wekesa.kind, ActorKind::Learned);
    assert_eq!(wekesa.country, "KEN");
    assert!(wekesa.aliases.is_empty() && wekesa.offices.is_empty());
    assert_eq!(wekesa.roles.len(), 1);
    assert_eq!(wekesa.roles[0].title, "Defence Cabinet Secretary");

    let facets = store.facets(&Filter::default()).unwrap();
    let kind = |name: &str| facets.actors.iter().find(|a| a.value == name).map(|a| a.kind.as_str());
    assert_eq!(kind("Amani Wekesa"), Some("learned"));
    assert_eq!(kind("Faduma Hirsi Warsame"), Some("learned"));
}

#[test]
fn the_actor_facet_lists_canonical_names_and_finding_one_matches_aliases() {
    let mut store = Store::open_in_memory().unwrap();
    import_fixture(&mut store, "seed_li_shoigu_moscow");
    import_fixture(&mut store, "havana_naval_port_calls");
    add_text(&mut store, "learned.txt", LEARNED, &Options::default()).unwrap();

    let facets = store.facets(&Filter::default()).unwrap();
    let shoigu = facets.actors.iter().find(|a| a.value == "Sergei Shoigu").expect("listed by canonical name");
    assert_eq!((shoigu.country.as_str(), shoigu.kind.as_str()), ("RUS", "known"));
    assert!(facets.countries.iter().chain(&facets.types).all(|f| f.kind.is_empty()));

    // Find-as-you-type: an alias, any case, with or without diacritics.
    assert_eq!(store.search_actors("Shoygu").unwrap(), ["Sergei Shoigu"]);
    assert_eq!(store.search_actors("sergey sho").unwrap(), ["Sergei Shoigu"]);
    assert_eq!(store.search_actors("WEKESA").unwrap(), ["Amani Wekesa"]);
    assert!(store.search_actors("  ").unwrap().is_empty());
    assert!(store.search_actors("zzzz").unwrap().is_empty());

    // The filter takes any spelling of the same person.
    let by_alias = store.events(&Filter { actors: vec!["Sergey Shoygu".into()], ..Filter::default() }).unwrap();
    let by_name = store.events(&Filter { actors: vec!["Sergei Shoigu".into()], ..Filter::default() }).unwrap();
    assert!(!by_name.is_empty());
    assert_eq!(by_alias.iter().map(|e| e.id).collect::<Vec<_>>(), by_name.iter().map(|e| e.id).collect::<Vec<_>>());
}

#[test]
fn diacritics_and_case_are_ignored_when_finding_an_actor() {
    assert_eq!(detente::store::fold_name("Recep Tayyip Erdoğan"), "recep tayyip erdogan");
    assert_eq!(detente::store::fold_name("Jens STØLTENBERG"), "jens stoltenberg");
    let mut store = Store::open_in_memory().unwrap();
    let text = "Turkey and Greece hold talks\nANKARA, March 4, 2024 (Reuters) - Turkish President Recep Tayyip \
                Erdoğan met Greek Prime Minister Kyriakos Mitsotakis in Ankara on Monday.\n";
    add_text(&mut store, "erdogan.txt", text, &Options::default()).unwrap();
    let found = store.search_actors("erdogan").unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("Recep Tayyip Erdo"), "{found:?}");
    assert_eq!(store.search_actors("ERDOĞAN").unwrap(), found);
    assert_eq!(store.search_actors("tayyip erdog").unwrap(), found);
}

/// A database as the version before actor entities left it: migrations
/// 001 and 002 only.
fn old_database(path: &Path) -> Connection {
    let mut conn = Connection::open(path).unwrap();
    Migrations::new(vec![
        M::up(include_str!("../migrations/001_initial.sql")),
        M::up(include_str!("../migrations/002_article_source.sql")),
    ])
    .to_latest(&mut conn)
    .unwrap();
    conn
}

#[test]
fn a_database_from_before_actor_entities_migrates_with_its_actors_filled_in() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let conn = old_database(&path);
        conn.execute_batch(
            "INSERT INTO article (id, content_hash, path, title, published, published_source, text, diagnostics, imported_at)
               VALUES (1, 'h', 'a.txt', 'Talks', '2023-04-18', 'dateline', 'Li met Shoigu.', '[]', '2024-01-01');
             INSERT INTO event (id, type, date, date_start, date_end, precision, date_inferred, status, location, confidence)
               VALUES (1, 'meeting', '2023-04-18', '2023-04-18', '2023-04-18', 'day', 0, 'occurred', 'Moscow', 0.9),
                      (2, 'call', '2023-05-02', '2023-05-02', '2023-05-02', 'day', 0, 'occurred', '', 0.8);
             INSERT INTO evidence (event_id, article_id, start, end, text)
               VALUES (1, 1, 0, 14, 'Li met Shoigu.'), (2, 1, 0, 14, 'Li met Shoigu.');
             -- a known person, another spelling of them (as a learned name),
             -- and someone the gazetteer does not know
             INSERT INTO actor (id, name, country) VALUES (1, 'Sergei Shoigu', 'RUS'), (2, 'Sergey Shoygu', 'RUS'),
                                                          (3, 'Amani Wekesa', 'KEN');
             INSERT INTO event_actor (event_id, actor_id, position, country, role)
               VALUES (1, 1, 0, 'RUS', 'Defense Minister'), (1, 2, 1, 'RUS', ''),
                      (2, 2, 0, 'RUS', 'Defense Minister'), (2, 3, 1, 'KEN', 'Defence Cabinet Secretary');",
        )
        .unwrap();
    }

    let store = Store::open(&path).unwrap();
    assert_eq!(store.counts().unwrap(), (1, 2), "nothing lost");
    let shoigu = store.actor("Sergei Shoigu").unwrap().expect("kept");
    assert_eq!(shoigu.kind, ActorKind::Known);
    assert!(shoigu.aliases.iter().any(|a| a == "Sergey Shoygu"));
    assert!(shoigu.offices.iter().any(|o| o.title == "Defense Minister" && o.from.as_deref() == Some("2012-11-06")));
    assert_eq!(shoigu.events, 2, "the other spelling's events are merged in, each once");
    assert_eq!(store.actor("Sergey Shoygu").unwrap().map(|a| a.id), Some(shoigu.id), "now an alias");
    let wekesa = store.actor("Amani Wekesa").unwrap().expect("kept");
    assert_eq!((wekesa.kind, wekesa.country.as_str()), (ActorKind::Learned, "KEN"));

    let facets = store.facets(&Filter::default()).unwrap();
    let names: Vec<(&str, i64, &str)> =
        facets.actors.iter().map(|a| (a.value.as_str(), a.count, a.kind.as_str())).collect();
    assert_eq!(names, [("Sergei Shoigu", 2, "known"), ("Amani Wekesa", 1, "learned")]);
    let meeting = store.event(1).unwrap().unwrap();
    assert_eq!(meeting.event.actors.len(), 1, "one person, listed once: {:?}", meeting.event.actors);
    assert_eq!(meeting.event.actors[0].role, "Defense Minister", "the event keeps its own role");
    assert_eq!(store.search_actors("shoygu").unwrap(), ["Sergei Shoigu"]);
    drop(store);

    // Opened again, nothing changes; new articles' actors are filled as they come.
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.actor("Sergei Shoigu").unwrap().unwrap(), shoigu);
    import_fixture(&mut store, "austin_dong_video_call");
    let austin = store.actor("Lloyd Austin").unwrap().expect("imported");
    assert_eq!(austin.kind, ActorKind::Known);
    assert!(!austin.offices.is_empty());
}

#[test]
fn a_changed_gazetteer_brings_the_stored_actors_up_to_date_on_opening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("detente.db");
    let mut store = Store::open(&path).unwrap();
    import_fixture(&mut store, "seed_li_shoigu_moscow");
    let before = store.actor("Sergei Shoigu").unwrap().unwrap();
    drop(store);
    {
        // As if filled from an older people.tsv: no aliases, one office, learned.
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "DELETE FROM actor_alias; DELETE FROM actor_office WHERE title <> 'Defense Minister';
             UPDATE actor SET kind = 'learned'; UPDATE gazetteer_sync SET people = 'older';",
        )
        .unwrap();
        let n: i64 = conn.query_row("SELECT count(*) FROM actor_office", params![], |r| r.get(0)).unwrap();
        assert!(n > 0);
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.actor("Sergei Shoigu").unwrap().unwrap(), before);
}
