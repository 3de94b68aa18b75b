-- Articles, the events read from them, who took part, and the evidence.
-- Dates are ISO 8601 text; an event's span (date_start..date_end, inclusive)
-- is what window queries use, `date` keeps the spec's notation.

CREATE TABLE article (
    id               INTEGER PRIMARY KEY,
    content_hash     TEXT    NOT NULL UNIQUE,   -- SHA-256 of the stored text
    path             TEXT    NOT NULL,          -- where it was imported from
    title            TEXT    NOT NULL,
    published        TEXT,                      -- YYYY-MM-DD, NULL when unknown
    published_source TEXT    NOT NULL,          -- which rule found it
    text             TEXT    NOT NULL,
    diagnostics      TEXT    NOT NULL,          -- JSON array of {at, message}
    imported_at      TEXT    NOT NULL
) STRICT;

CREATE TABLE event (
    id            INTEGER PRIMARY KEY,
    type          TEXT    NOT NULL,
    date          TEXT    NOT NULL,
    date_start    TEXT    NOT NULL,
    date_end      TEXT    NOT NULL,
    precision     TEXT    NOT NULL,             -- day, month, year, range
    date_inferred INTEGER NOT NULL,
    status        TEXT    NOT NULL,             -- occurred, planned
    location      TEXT    NOT NULL,
    confidence    REAL    NOT NULL
) STRICT;
CREATE INDEX event_by_start ON event (date_start, date_end);
CREATE INDEX event_by_type ON event (type, date_start);

CREATE TABLE event_country (
    event_id INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    code     TEXT    NOT NULL,
    PRIMARY KEY (event_id, code)
) STRICT, WITHOUT ROWID;
CREATE INDEX event_country_by_code ON event_country (code, event_id);

CREATE TABLE actor (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE,
    country TEXT NOT NULL
) STRICT;

CREATE TABLE event_actor (
    event_id INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    actor_id INTEGER NOT NULL REFERENCES actor (id),
    position INTEGER NOT NULL,
    country  TEXT    NOT NULL,
    role     TEXT    NOT NULL,
    PRIMARY KEY (event_id, actor_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX event_actor_by_actor ON event_actor (actor_id, event_id);

CREATE TABLE evidence (
    id         INTEGER PRIMARY KEY,
    event_id   INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,                -- code points into article.text
    end        INTEGER NOT NULL,
    text       TEXT    NOT NULL
) STRICT;
CREATE INDEX evidence_by_event ON evidence (event_id);
CREATE INDEX evidence_by_article ON evidence (article_id);

-- Full-text search over evidence sentences and articles, kept in sync by triggers.
CREATE VIRTUAL TABLE evidence_fts USING fts5 (text, content = 'evidence', content_rowid = 'id');
CREATE TRIGGER evidence_fts_insert AFTER INSERT ON evidence BEGIN
    INSERT INTO evidence_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER evidence_fts_delete AFTER DELETE ON evidence BEGIN
    INSERT INTO evidence_fts (evidence_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER evidence_fts_update AFTER UPDATE ON evidence BEGIN
    INSERT INTO evidence_fts (evidence_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO evidence_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE VIRTUAL TABLE article_fts USING fts5 (title, text, content = 'article', content_rowid = 'id');
CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN
    INSERT INTO article_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
    INSERT INTO article_fts (article_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER article_fts_update AFTER UPDATE ON article BEGIN
    INSERT INTO article_fts (article_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO article_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
