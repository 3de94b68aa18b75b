-- Actors as entities. A person the gazetteer lists (resources/people.tsv)
-- is 'known': stored under the canonical name, with the table's other
-- spellings as aliases and its terms of office. A person found only in the
-- text (a title before a name the gazetteer does not know) is 'learned',
-- stored under the name as written, with neither.
--
-- The alias and office rows are the gazetteer's, copied when an actor is
-- first stored. `gazetteer_sync` remembers which people.tsv they were copied
-- from: when the shipped table differs (and right after this migration, for
-- the actors stored before it), the store brings every actor up to date in
-- one transaction (store::sync_actors). Until then, existing actors count
-- as learned.
--
-- `folded` columns hold a name in lower case without diacritics, for
-- find-as-you-type ("shoygu", "erdogan").

ALTER TABLE actor ADD COLUMN kind TEXT NOT NULL DEFAULT 'learned' CHECK (kind IN ('known', 'learned'));
ALTER TABLE actor ADD COLUMN folded TEXT NOT NULL DEFAULT '';

CREATE TABLE actor_alias (
    actor_id INTEGER NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
    alias    TEXT    NOT NULL,
    folded   TEXT    NOT NULL,
    PRIMARY KEY (actor_id, alias)
) STRICT, WITHOUT ROWID;
CREATE INDEX actor_alias_by_alias ON actor_alias (alias);

CREATE TABLE actor_office (
    id        INTEGER PRIMARY KEY,
    actor_id  INTEGER NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
    country   TEXT    NOT NULL,                 -- ISO alpha-3 or organisation code
    title     TEXT    NOT NULL,
    date_from TEXT,                             -- YYYY-MM-DD; NULL: not recorded
    date_to   TEXT                              -- YYYY-MM-DD, the successor's first day; NULL: still running
) STRICT;
CREATE INDEX actor_office_by_actor ON actor_office (actor_id, date_from);

CREATE TABLE gazetteer_sync (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    people TEXT    NOT NULL                     -- fingerprint of the people.tsv the actors were filled from
) STRICT;
