//! The timeline's events held in memory, in columns: what a filter tests
//! (days, type, status, confidence, countries, actors) and what a mark
//! shows (date, place, title), about 90 bytes an event with the names,
//! places and titles stored once each. Any filter, window, bin count, span or facet count
//! is then one pass over arrays instead of joins over a million rows: the
//! SQL indexes answer a single country or type quickly, but two countries,
//! a confidence, a text or the facets of a filtered set take hundreds of
//! milliseconds to seconds there.
//!
//! The index is read from the database and is a cache of it: it is used
//! only while the database is as it was read (see [`Stamp`]); the store
//! answers from SQL until it is loaded again. Evidence and article text
//! stay in the database. (Reading a window's rows back from SQL by id
//! cost 6 µs a row, 30 ms for the 5,000 marks of a full window.)

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rusqlite::{Connection, params_from_iter};

use super::{
    Bin, BinGroup, EventRow, FacetCount, Facets, Filter, Result, actor_ids, day_number, day_of_number, fts_query,
};
use crate::model::{DateValue, EventType, Status};

/// What the database was when the index was read: another connection's
/// commit changes `data_version`, this connection's own writes change its
/// `total_changes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Stamp {
    data_version: i64,
    changes: u64,
}

impl Stamp {
    pub(super) fn of(conn: &Connection) -> Result<Stamp> {
        let data_version = conn.query_row("PRAGMA data_version", [], |r| r.get(0))?;
        Ok(Stamp { data_version, changes: conn.total_changes() })
    }
}

/// Event types by their index in [`EventType::ALL`].
fn type_index(t: EventType) -> u8 {
    EventType::ALL.iter().position(|x| *x == t).expect("a type of ALL") as u8
}

/// A set of event positions, one bit each.
struct Bits(Vec<u64>);

impl Bits {
    fn new(n: usize) -> Bits {
        Bits(vec![0; n.div_ceil(64)])
    }
    fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    fn has(&self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
}

/// Texts searched lately and the events they match: the view asks for
/// windows and bins of the same text many times while the analyst pans.
const TEXT_CACHE: usize = 16;

pub(super) struct TimelineIndex {
    pub(super) stamp: Stamp,
    /// Events by span class, then first day, then id (the order of the
    /// `event_window` index). Class `c` is `classes[c]..classes[c + 1]`.
    id: Vec<i64>,
    start: Vec<i32>,
    end: Vec<i32>,
    kind: Vec<u8>,
    planned: Vec<bool>,
    confidence: Vec<f64>,
    date: Vec<DateValue>,
    inferred: Vec<bool>,
    /// Indexes into `places` and `titles`.
    place: Vec<u32>,
    places: Vec<String>,
    title: Vec<u32>,
    titles: Vec<String>,
    classes: [usize; 4],
    /// The longest span (last day less first) of each class.
    longest: [i32; 3],
    /// Event `i`'s countries are `country[country_at[i]..country_at[i + 1]]`,
    /// indexes into `codes`; actors likewise into `names`.
    country_at: Vec<u32>,
    country: Vec<u16>,
    codes: Vec<String>,
    actor_at: Vec<u32>,
    actor: Vec<u32>,
    names: Vec<String>,
    /// Each name's country and kind (the actor facet shows them).
    name_info: Vec<(String, String)>,
    /// Each event id's position.
    by_id: Dense,
    /// The position of the event each evidence sentence (by id) is for,
    /// and the positions of each article's events: a text search finds
    /// sentences and article titles, and is turned into events here rather
    /// than by a lookup per match in SQL.
    by_evidence: Dense,
    article_of: Dense,
    article_at: Vec<u32>,
    article_events: Vec<u32>,
    texts: Mutex<Vec<(String, Arc<Bits>)>>,
}

/// Column `i` of a row as text, without copying it.
fn text<'r>(r: &'r rusqlite::Row<'_>, i: usize) -> Result<&'r str> {
    r.get_ref(i)?.as_str().map_err(|e| super::StoreError::Corrupt(format!("column {i}: {e}")))
}

/// A map from ids (rowids: dense, from 1 up) to small numbers, as an array.
#[derive(Default)]
struct Dense {
    first: i64,
    at: Vec<u32>,
}

impl Dense {
    fn of(pairs: impl Iterator<Item = (i64, u32)> + Clone) -> Dense {
        let (lo, hi) = pairs.clone().fold((i64::MAX, i64::MIN), |(lo, hi), (k, _)| (lo.min(k), hi.max(k)));
        let mut d = Dense { first: lo, at: vec![u32::MAX; if lo > hi { 0 } else { (hi - lo + 1) as usize }] };
        for (k, v) in pairs {
            d.at[(k - lo) as usize] = v;
        }
        d
    }

    fn get(&self, k: i64) -> Option<u32> {
        let v = *self.at.get(usize::try_from(k.checked_sub(self.first)?).ok()?)?;
        (v != u32::MAX).then_some(v)
    }
}

/// Intern table: a string's index, adding it when new.
fn intern(map: &mut HashMap<String, u32>, list: &mut Vec<String>, s: &str) -> u32 {
    if let Some(&i) = map.get(s) {
        return i;
    }
    let i = list.len() as u32;
    list.push(s.to_string());
    map.insert(s.to_string(), i);
    i
}

impl TimelineIndex {
    /// Reads every event's filter columns: one pass over the `event_window`
    /// index, which holds them all.
    pub(super) fn load(conn: &Connection, stamp: Stamp) -> Result<TimelineIndex> {
        let n: i64 = conn.query_row("SELECT count(*) FROM event", [], |r| r.get(0))?;
        let n = n as usize;
        let mut ix = TimelineIndex {
            stamp,
            id: Vec::with_capacity(n),
            start: Vec::with_capacity(n),
            end: Vec::with_capacity(n),
            kind: Vec::with_capacity(n),
            planned: Vec::with_capacity(n),
            confidence: Vec::with_capacity(n),
            date: Vec::with_capacity(n),
            inferred: Vec::with_capacity(n),
            place: Vec::with_capacity(n),
            places: Vec::new(),
            title: Vec::with_capacity(n),
            titles: Vec::new(),
            classes: [0; 4],
            longest: [0; 3],
            country_at: Vec::with_capacity(n + 1),
            country: Vec::with_capacity(n * 2),
            codes: Vec::new(),
            actor_at: Vec::with_capacity(n + 1),
            actor: Vec::with_capacity(n * 2),
            names: Vec::new(),
            name_info: Vec::new(),
            by_id: Dense::default(),
            by_evidence: Dense::default(),
            article_of: Dense::default(),
            article_at: Vec::new(),
            article_events: Vec::new(),
            texts: Mutex::new(Vec::new()),
        };
        let mut code_ix = HashMap::new();
        let mut name_ix = HashMap::new();
        let mut place_ix = HashMap::new();
        let mut title_ix = HashMap::new();
        ix.country_at.push(0);
        ix.actor_at.push(0);
        let mut stmt = conn.prepare(
            "SELECT span_class, day_start, id, type, status, confidence, day_end, countries, actors,
                    date, date_inferred, location, title
             FROM event ORDER BY span_class, day_start, id",
        )?;
        let mut rows = stmt.query([])?;
        let mut classes = [usize::MAX; 4];
        while let Some(r) = rows.next()? {
            let class = r.get::<_, i64>(0)?.clamp(0, 2) as usize;
            if classes[class] == usize::MAX {
                classes[class] = ix.id.len();
            }
            let start = r.get::<_, i64>(1)? as i32;
            let end = r.get::<_, i64>(6)? as i32;
            ix.longest[class] = ix.longest[class].max(end - start);
            ix.id.push(r.get(2)?);
            ix.start.push(start);
            ix.end.push(end);
            let kind = text(r, 3)?;
            let kind =
                EventType::from_code(kind).ok_or_else(|| super::StoreError::Corrupt(format!("type `{kind}`")))?;
            let kind = type_index(kind);
            ix.kind.push(kind);
            ix.planned.push(text(r, 4)? == Status::Planned.code());
            ix.confidence.push(r.get(5)?);
            for code in text(r, 7)?.split_whitespace() {
                ix.country.push(intern(&mut code_ix, &mut ix.codes, code) as u16);
            }
            ix.country_at.push(ix.country.len() as u32);
            for name in text(r, 8)?.lines().filter(|a| !a.is_empty()) {
                ix.actor.push(intern(&mut name_ix, &mut ix.names, name));
            }
            ix.actor_at.push(ix.actor.len() as u32);
            let date = text(r, 9)?;
            ix.date.push(DateValue::parse(date).ok_or_else(|| super::StoreError::Corrupt(format!("date `{date}`")))?);
            ix.inferred.push(r.get(10)?);
            ix.place.push(intern(&mut place_ix, &mut ix.places, text(r, 11)?));
            ix.title.push(intern(&mut title_ix, &mut ix.titles, text(r, 12)?));
        }
        // A class without events starts where the next one does.
        classes[3] = ix.id.len();
        for c in (0..3).rev() {
            if classes[c] == usize::MAX {
                classes[c] = classes[c + 1];
            }
        }
        ix.classes = classes;
        ix.name_info = vec![(String::new(), String::new()); ix.names.len()];
        let mut stmt = conn.prepare("SELECT name, country, kind FROM actor ORDER BY id DESC")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            if let Some(&i) = name_ix.get(text(r, 0)?) {
                ix.name_info[i as usize] = (r.get(1)?, r.get(2)?);
            }
        }
        ix.by_id = Dense::of(ix.id.iter().copied().zip(0..));
        // Both scans read an index of the evidence alone, not its text.
        let pairs = |sql: &str| -> Result<Vec<(i64, i64)>> {
            let mut stmt = conn.prepare(sql)?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        let evidence = pairs("SELECT id, event_id FROM evidence INDEXED BY evidence_by_event")?;
        ix.by_evidence = Dense::of(evidence.iter().filter_map(|&(ev, e)| Some((ev, ix.by_id.get(e)?))));
        let mut articles: Vec<i64> = Vec::new();
        for (article, ev) in
            pairs("SELECT article_id, id FROM evidence INDEXED BY evidence_by_article ORDER BY article_id")?
        {
            if articles.last() != Some(&article) {
                articles.push(article);
                ix.article_at.push(ix.article_events.len() as u32);
            }
            if let Some(p) = ix.by_evidence.get(ev) {
                ix.article_events.push(p);
            }
        }
        ix.article_at.push(ix.article_events.len() as u32);
        ix.article_of = Dense::of(articles.into_iter().zip(0..));
        Ok(ix)
    }

    pub(super) fn len(&self) -> usize {
        self.id.len()
    }

    fn countries_of(&self, i: usize) -> &[u16] {
        &self.country[self.country_at[i] as usize..self.country_at[i + 1] as usize]
    }

    fn actors_of(&self, i: usize) -> &[u32] {
        &self.actor[self.actor_at[i] as usize..self.actor_at[i + 1] as usize]
    }

    /// The events the text matches (in evidence or article titles, as the
    /// SQL filter reads it), from the cache or from the full-text index.
    fn text_bits(&self, conn: &Connection, q: &str) -> Result<Arc<Bits>> {
        {
            let mut cache = self.texts.lock().expect("cache lock");
            if let Some(at) = cache.iter().position(|(t, _)| t == q) {
                let hit = cache.remove(at);
                cache.push(hit.clone()); // the most recent last
                return Ok(hit.1);
            }
        }
        let mut bits = Bits::new(self.len());
        let mut stmt = conn.prepare_cached("SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ?1")?;
        for ev in stmt.query_map([q], |r| r.get::<_, i64>(0))? {
            if let Some(p) = self.by_evidence.get(ev?) {
                bits.set(p as usize);
            }
        }
        let mut stmt = conn.prepare_cached("SELECT rowid FROM article_fts WHERE article_fts MATCH ?1")?;
        for article in stmt.query_map([format!("title : ({q})")], |r| r.get::<_, i64>(0))? {
            if let Some(k) = self.article_of.get(article?) {
                let k = k as usize;
                for &p in &self.article_events[self.article_at[k] as usize..self.article_at[k + 1] as usize] {
                    bits.set(p as usize);
                }
            }
        }
        let bits = Arc::new(bits);
        let mut cache = self.texts.lock().expect("cache lock");
        if cache.len() >= TEXT_CACHE {
            cache.remove(0);
        }
        cache.push((q.to_string(), bits.clone()));
        Ok(bits)
    }

    /// Event `i` as a mark and a table row.
    fn row(&self, i: usize) -> EventRow {
        EventRow {
            id: self.id[i],
            kind: EventType::ALL[usize::from(self.kind[i])],
            date: self.date[i],
            date_inferred: self.inferred[i],
            status: if self.planned[i] { Status::Planned } else { Status::Occurred },
            countries: self.countries_of(i).iter().map(|&c| self.codes[c as usize].clone()).collect(),
            actors: self.actors_of(i).iter().map(|&a| self.names[a as usize].clone()).collect(),
            location: self.places[self.place[i] as usize].clone(),
            title: self.titles[self.title[i] as usize].clone(),
            confidence: self.confidence[i],
        }
    }

    /// A filter as tests on this index's columns.
    fn select(&self, conn: &Connection, f: &Filter) -> Result<Selection> {
        let countries = (!f.countries.is_empty()).then(|| {
            let wanted: Vec<String> = f.countries.iter().map(|c| c.to_uppercase()).collect();
            self.codes.iter().map(|c| wanted.contains(c)).collect()
        });
        let actors = if f.actors.is_empty() {
            None
        } else {
            let mut args = Vec::new();
            let sql = format!("SELECT name FROM actor WHERE id IN ({})", actor_ids(&f.actors, &mut args));
            let mut stmt = conn.prepare(&sql)?;
            let wanted = stmt.query_map(params_from_iter(args), |r| r.get::<_, String>(0))?;
            let mut set = vec![false; self.names.len()];
            for name in wanted {
                if let Some(i) = self.names.iter().position(|n| *n == name.as_ref().map_or("", |s| s.as_str())) {
                    set[i] = true;
                }
            }
            Some(set)
        };
        let text = match f.text.as_deref().and_then(fts_query) {
            Some(q) => Some(self.text_bits(conn, &q)?),
            None => None,
        };
        Ok(Selection {
            types: f.types.iter().fold(0u16, |m, t| m | 1 << type_index(*t)),
            planned: f.status.map(|s| s == Status::Planned),
            min_confidence: f.min_confidence,
            from: f.from.map(|d| day_number(d) as i32),
            to: f.to.map(|d| day_number(d) as i32),
            countries,
            actors,
            text,
        })
    }

    /// Positions of class `c` whose first day is within `lo..=hi`.
    fn starting(&self, c: usize, lo: i64, hi: i64) -> std::ops::Range<usize> {
        let (a, b) = (self.classes[c], self.classes[c + 1]);
        let s = &self.start[a..b];
        let lo = lo.clamp(i32::MIN as i64, i32::MAX as i64) as i32;
        let hi = hi.clamp(i32::MIN as i64, i32::MAX as i64) as i32;
        a + s.partition_point(|&d| d < lo)..a + s.partition_point(|&d| d <= hi)
    }

    /// The events of the filter overlapping the days `from..=to`, by first
    /// day then id; at most `limit + 1` when `limit` is given.
    pub(super) fn window(
        &self,
        conn: &Connection,
        f: &Filter,
        from: i64,
        to: i64,
        limit: Option<usize>,
    ) -> Result<Vec<EventRow>> {
        let sel = self.select(conn, f)?;
        let mut found: Vec<(i32, i64, usize)> = Vec::new();
        for c in 0..3 {
            let mut taken = 0;
            for i in self.starting(c, from - i64::from(self.longest[c]), to) {
                if i64::from(self.end[i]) >= from && sel.holds(self, i) {
                    found.push((self.start[i], self.id[i], i));
                    taken += 1;
                    if limit.is_some_and(|l| taken > l) {
                        break;
                    }
                }
            }
        }
        found.sort_unstable();
        if let Some(l) = limit {
            found.truncate(l + 1);
        }
        Ok(found.into_iter().map(|(_, _, i)| self.row(i)).collect())
    }

    /// The events of the filter overlapping `from..=to` in a table's order,
    /// a page of them, and how many there are.
    pub(super) fn rows(
        &self,
        conn: &Connection,
        f: &Filter,
        (from, to): (i64, i64),
        sort: super::RowOrder,
        desc: bool,
        page: std::ops::Range<usize>,
    ) -> Result<(Vec<EventRow>, usize)> {
        let sel = self.select(conn, f)?;
        let mut found: Vec<usize> = Vec::new();
        for c in 0..3 {
            for i in self.starting(c, from - i64::from(self.longest[c]), to) {
                if i64::from(self.end[i]) >= from && sel.holds(self, i) {
                    found.push(i);
                }
            }
        }
        let by_date = |&i: &usize| (self.start[i], self.id[i]);
        match sort {
            super::RowOrder::Date => found.sort_unstable_by_key(by_date),
            super::RowOrder::Type => {
                found.sort_unstable_by_key(|&i| (EventType::ALL[usize::from(self.kind[i])].code(), by_date(&i)))
            }
            // Events without a country last, whichever the direction.
            super::RowOrder::Country => found.sort_unstable_by_key(|&i| {
                let first = self.countries_of(i).iter().map(|&c| self.codes[c as usize].as_str()).min();
                (first.is_none(), first, by_date(&i))
            }),
        }
        if desc {
            if sort == super::RowOrder::Country {
                let none = found.iter().position(|&i| self.countries_of(i).is_empty()).unwrap_or(found.len());
                found[..none].reverse();
            } else {
                found.reverse();
            }
        }
        let total = found.len();
        let page = page.start.min(total)..page.end.min(total);
        Ok((found[page].iter().map(|&i| self.row(i)).collect(), total))
    }

    /// See [`super::Store::bins`]; `from..=to` already within the filter's dates.
    pub(super) fn bins(
        &self,
        conn: &Connection,
        f: &Filter,
        (from, to): (i64, i64),
        width: i64,
        group: BinGroup,
    ) -> Result<Vec<Bin>> {
        let sel = self.select(conn, &Filter { from: None, to: None, ..f.clone() })?;
        let lanes = match group {
            BinGroup::None => 1,
            BinGroup::Type => EventType::ALL.len(),
            // The last lane holds events without a country (or actor).
            BinGroup::Country => self.codes.len() + 1,
            BinGroup::Actor => self.names.len() + 1,
        };
        let nbins = ((to - from) / width + 1) as usize;
        let mut dense = (nbins.saturating_mul(lanes) <= 1 << 22).then(|| vec![0i64; nbins * lanes]);
        let mut sparse: HashMap<(usize, usize), i64> = HashMap::new();
        let mut add = |b: usize, lane: usize| match dense.as_mut() {
            Some(d) => d[b * lanes + lane] += 1,
            None => *sparse.entry((b, lane)).or_default() += 1,
        };
        for c in 0..3 {
            for i in self.starting(c, from, to) {
                if !sel.holds(self, i) {
                    continue;
                }
                let b = ((i64::from(self.start[i]) - from) / width) as usize;
                match group {
                    BinGroup::None => add(b, 0),
                    BinGroup::Type => add(b, self.kind[i] as usize),
                    BinGroup::Country => match self.countries_of(i) {
                        [] => add(b, lanes - 1),
                        cs => cs.iter().for_each(|&c| add(b, c as usize)),
                    },
                    BinGroup::Actor => match self.actors_of(i) {
                        [] => add(b, lanes - 1),
                        xs => xs.iter().for_each(|&a| add(b, a as usize)),
                    },
                }
            }
        }
        let lane_name = |lane: usize| -> String {
            match group {
                BinGroup::None => String::new(),
                BinGroup::Type => EventType::ALL[lane].code().to_string(),
                BinGroup::Country => self.codes.get(lane).cloned().unwrap_or_default(),
                BinGroup::Actor => self.names.get(lane).cloned().unwrap_or_default(),
            }
        };
        let counts: Vec<((usize, usize), i64)> = match dense {
            Some(d) => {
                d.into_iter().enumerate().filter(|(_, n)| *n > 0).map(|(k, n)| ((k / lanes, k % lanes), n)).collect()
            }
            None => sparse.into_iter().collect(),
        };
        let mut out: Vec<Bin> = counts
            .into_iter()
            .map(|((b, lane), count)| Bin {
                start: day_of_number(from + b as i64 * width),
                lane: lane_name(lane),
                count,
            })
            .collect();
        out.sort_by(|a, b| (a.start, &a.lane).cmp(&(b.start, &b.lane)));
        Ok(out)
    }

    /// The first and last days of the filter's events.
    pub(super) fn span(&self, conn: &Connection, f: &Filter) -> Result<Option<(i64, i64)>> {
        let sel = self.select(conn, f)?;
        let mut out: Option<(i32, i32)> = None;
        for i in 0..self.len() {
            if sel.holds(self, i) {
                let (a, b) = out.unwrap_or((self.start[i], self.end[i]));
                out = Some((a.min(self.start[i]), b.max(self.end[i])));
            }
        }
        Ok(out.map(|(a, b)| (i64::from(a), i64::from(b))))
    }

    /// Counts per type, country and actor, each with the other filters
    /// applied but not its own (see [`Facets`]).
    pub(super) fn facets(&self, conn: &Connection, f: &Filter) -> Result<Facets> {
        let sel = self.select(conn, f)?;
        let mut types = [0i64; EventType::ALL.len()];
        let mut countries = vec![0i64; self.codes.len()];
        let mut actors = vec![0i64; self.names.len()];
        for i in 0..self.len() {
            if !sel.holds_except_facets(self, i) {
                continue;
            }
            let (t, c, a) = (sel.type_holds(self, i), sel.countries_hold(self, i), sel.actors_hold(self, i));
            if c && a {
                types[self.kind[i] as usize] += 1;
            }
            if t && a {
                self.countries_of(i).iter().for_each(|&x| countries[x as usize] += 1);
            }
            if t && c {
                self.actors_of(i).iter().for_each(|&x| actors[x as usize] += 1);
            }
        }
        let list = |counts: Vec<i64>, value: &dyn Fn(usize) -> FacetCount| {
            let mut out: Vec<FacetCount> = counts
                .into_iter()
                .enumerate()
                .filter(|(_, n)| *n > 0)
                .map(|(i, n)| FacetCount { count: n, ..value(i) })
                .collect();
            out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
            out
        };
        let plain = |value: String| FacetCount { value, country: String::new(), kind: String::new(), count: 0 };
        Ok(Facets {
            types: list(types.to_vec(), &|i| plain(EventType::ALL[i].code().to_string())),
            countries: list(countries, &|i| plain(self.codes[i].clone())),
            actors: list(actors, &|i| FacetCount {
                value: self.names[i].clone(),
                country: self.name_info[i].0.clone(),
                kind: self.name_info[i].1.clone(),
                count: 0,
            }),
        })
    }
}

/// A filter compiled against one index.
struct Selection {
    /// Bit `i` for `EventType::ALL[i]`; 0 for any type.
    types: u16,
    planned: Option<bool>,
    min_confidence: Option<f64>,
    from: Option<i32>,
    to: Option<i32>,
    /// By code index; `None` for any country.
    countries: Option<Vec<bool>>,
    actors: Option<Vec<bool>>,
    text: Option<Arc<Bits>>,
}

impl Selection {
    fn type_holds(&self, ix: &TimelineIndex, i: usize) -> bool {
        self.types == 0 || self.types & (1 << ix.kind[i]) != 0
    }

    fn countries_hold(&self, ix: &TimelineIndex, i: usize) -> bool {
        self.countries.as_ref().is_none_or(|set| ix.countries_of(i).iter().any(|&c| set[c as usize]))
    }

    fn actors_hold(&self, ix: &TimelineIndex, i: usize) -> bool {
        self.actors.as_ref().is_none_or(|set| ix.actors_of(i).iter().any(|&a| set[a as usize]))
    }

    /// Everything but types, countries and actors.
    fn holds_except_facets(&self, ix: &TimelineIndex, i: usize) -> bool {
        self.planned.is_none_or(|p| ix.planned[i] == p)
            && self.min_confidence.is_none_or(|c| ix.confidence[i] >= c)
            && self.from.is_none_or(|d| ix.end[i] >= d)
            && self.to.is_none_or(|d| ix.start[i] <= d)
            && self.text.as_ref().is_none_or(|t| t.has(i))
    }

    fn holds(&self, ix: &TimelineIndex, i: usize) -> bool {
        self.holds_except_facets(ix, i)
            && self.type_holds(ix, i)
            && self.countries_hold(ix, i)
            && self.actors_hold(ix, i)
    }
}

/// Where a store keeps its index, shared with the thread that loads it.
#[derive(Default)]
pub(super) struct Slot {
    pub(super) ready: Option<Arc<TimelineIndex>>,
    pub(super) loading: bool,
    /// Load again in the background whenever the database changed.
    pub(super) keep_warm: bool,
    /// The database as last seen, and since when: while an import writes,
    /// every load would be stale before it ends, so a load waits until the
    /// database has been still for [`SETTLE`].
    pub(super) seen: Option<(Stamp, std::time::Instant)>,
}

pub(super) const SETTLE: std::time::Duration = std::time::Duration::from_secs(1);

pub(super) type SharedSlot = Arc<Mutex<Slot>>;

/// Loads the index from a connection of its own, off the caller's thread,
/// and puts it in the slot (the stamp says whether it is still current
/// when used).
pub(super) fn load_in_background(path: std::path::PathBuf, stamp: Stamp, slot: SharedSlot) {
    std::thread::spawn(move || {
        let loaded = Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(super::StoreError::from)
            .and_then(|conn| {
                conn.busy_timeout(std::time::Duration::from_secs(10))?;
                TimelineIndex::load(&conn, stamp)
            });
        let mut s = slot.lock().expect("index slot");
        s.loading = false;
        if let Ok(ix) = loaded {
            s.ready = Some(Arc::new(ix));
        }
    });
}
