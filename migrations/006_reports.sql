-- One event, many reports; and the analyst's corrections.
--
-- A report is an event as one source tells it: what extraction read from
-- one article (or what the analyst typed, or an imported export's row). A
-- record is an event as the analyst sees it: a group of reports that tell
-- of one occurrence, with the analyst's curation. The `event` row of a
-- record (same id) and its countries, actors and evidence rows are written
-- from the record's reports and curation by the store (store::reports::
-- materialize), deleted and inserted again whenever either changes, so the
-- timeline's tables, totals and triggers stay as they were: an event row
-- never changes once written. A deleted record has no `event` row.

CREATE TABLE record (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: an id the analyst saw stays theirs
    origin   TEXT    NOT NULL DEFAULT 'extracted' CHECK (origin IN ('extracted', 'manual', 'imported')),
    verified INTEGER NOT NULL DEFAULT 0,
    deleted  INTEGER NOT NULL DEFAULT 0,
    -- The fields the analyst set, as JSON {field: value}; they win over
    -- what the reports say, through every re-extraction.
    edits    TEXT    NOT NULL DEFAULT '{}',
    note     TEXT    NOT NULL DEFAULT '',
    -- The event as last read from the reports (JSON, the CLI's shape):
    -- what a verified or hand-made event keeps, and what an edited event
    -- whose sources are gone still shows.
    base     TEXT,
    -- Whether the reports disagree on date, place or status (the review queue's).
    disagree INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE record_tag (
    record_id INTEGER NOT NULL REFERENCES record (id) ON DELETE CASCADE,
    tag       TEXT    NOT NULL,
    PRIMARY KEY (record_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX record_tag_by_tag ON record_tag (tag);

CREATE TABLE report (
    id         INTEGER PRIMARY KEY,
    record_id  INTEGER NOT NULL REFERENCES record (id),
    -- The article it was read from; NULL for a source the analyst typed or
    -- an export brought, described by the four columns after `data`.
    article_id INTEGER REFERENCES article (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,                -- its place in the article's extraction
    data       TEXT    NOT NULL,                -- the event as read (JSON, the CLI's shape)
    -- Placed in its record by the analyst (a merge or a split): grouping
    -- never moves it again.
    pinned     INTEGER NOT NULL DEFAULT 0,
    title      TEXT,
    file       TEXT,
    url        TEXT,
    published  TEXT
) STRICT;
CREATE INDEX report_by_record ON report (record_id);
CREATE INDEX report_by_article ON report (article_id, seq);

ALTER TABLE evidence ADD COLUMN report_id INTEGER REFERENCES report (id) ON DELETE CASCADE;

-- What the analyst changed, from what, when. Values are JSON.
CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    at        TEXT    NOT NULL,                 -- UTC, RFC 3339
    record_id INTEGER NOT NULL,
    action    TEXT    NOT NULL,                 -- edit, revert, delete, restore, verify, unverify, create, merge, split, tags, note, reextract
    field     TEXT    NOT NULL DEFAULT '',
    old       TEXT,
    new       TEXT
) STRICT;
CREATE INDEX audit_by_record ON audit (record_id, id);

-- The analyst's own gazetteer layer, kept apart from the shipped files:
-- a person's country and office, and other spellings of their name. Read
-- at every import after it is written.
CREATE TABLE user_person (
    name    TEXT NOT NULL PRIMARY KEY,          -- the name events are stored under
    country TEXT NOT NULL DEFAULT '',
    office  TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE user_alias (
    alias TEXT NOT NULL PRIMARY KEY,            -- another spelling, read as `name`
    name  TEXT NOT NULL REFERENCES user_person (name) ON DELETE CASCADE ON UPDATE CASCADE
) STRICT;

-- Every event stored so far was read from one article: it becomes a record
-- of one report, under the same id.
INSERT INTO record (id, base) SELECT e.id, NULL FROM event e;
INSERT INTO report (id, record_id, article_id, seq, data)
SELECT e.id, e.id,
       (SELECT min(ev.article_id) FROM evidence ev WHERE ev.event_id = e.id),
       e.id,
       json_object(
           'type', e.type,
           'date', e.date,
           'date_inferred', json(CASE WHEN e.date_inferred THEN 'true' ELSE 'false' END),
           'status', e.status,
           'countries', json((SELECT json_group_array(code ORDER BY code) FROM event_country WHERE event_id = e.id)),
           'actors', json((SELECT json_group_array(json_object('name', a.name, 'country', x.country, 'role', x.role)
                                                   ORDER BY x.position)
                           FROM event_actor x JOIN actor a ON a.id = x.actor_id WHERE x.event_id = e.id)),
           'location', e.location,
           'evidence', json((SELECT json_group_array(json_object('start', start, 'end', end, 'text', text)
                                                     ORDER BY article_id, start)
                             FROM evidence WHERE event_id = e.id)),
           'confidence', e.confidence)
FROM event e;
UPDATE record SET base = (SELECT data FROM report WHERE report.record_id = record.id);
UPDATE evidence SET report_id = event_id;
