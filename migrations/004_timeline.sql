-- The timeline's two questions, fast at a million events: which events lie
-- in a window of time (with the filters), and how many fall in each bin of
-- a range (the density drawn where marks would overlap, and the overview).
--
-- Days are numbers, days since 1970-01-01, so that a bin is an integer
-- division. What a mark shows and what lanes group by (its countries, its
-- actors, the first article's title) is copied onto the event row, so that
-- a window is read from one index range without joins. The store keeps the
-- copies true: they are written with the event, and `actors` is rewritten
-- for the events of an actor merged into another (store::sync_actors).
--
-- An event overlaps a window if it starts before the window ends and ends
-- after it starts. Events are read by start, so the search must begin the
-- longest span earlier; a few events dated only to a year would make every
-- window read a year of events. So each event has a span class (up to 31
-- days, up to 366, longer), and a window reads each class from its own
-- longest span before the window.
ALTER TABLE event ADD COLUMN day_start  INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event ADD COLUMN day_end    INTEGER NOT NULL DEFAULT 0; -- inclusive
ALTER TABLE event ADD COLUMN span_class INTEGER NOT NULL DEFAULT 0; -- 0: <= 31 days, 1: <= 366, 2: longer
ALTER TABLE event ADD COLUMN countries TEXT    NOT NULL DEFAULT ''; -- codes, sorted, space-separated
ALTER TABLE event ADD COLUMN actors    TEXT    NOT NULL DEFAULT ''; -- names in order, one per line
ALTER TABLE event ADD COLUMN title     TEXT    NOT NULL DEFAULT ''; -- the first source article's title

UPDATE event SET
    day_start = CAST(julianday(date_start) - 2440587.5 AS INTEGER),
    day_end   = CAST(julianday(date_end) - 2440587.5 AS INTEGER),
    span_class = CASE WHEN julianday(date_end) - julianday(date_start) < 31 THEN 0
                      WHEN julianday(date_end) - julianday(date_start) < 366 THEN 1 ELSE 2 END,
    countries = coalesce((SELECT group_concat(code, ' ' ORDER BY code) FROM event_country WHERE event_id = event.id), ''),
    actors    = coalesce((SELECT group_concat(a.name, char(10) ORDER BY ea.position)
                          FROM event_actor ea JOIN actor a ON a.id = ea.actor_id WHERE ea.event_id = event.id), ''),
    title     = coalesce((SELECT a.title FROM evidence ev JOIN article a ON a.id = ev.article_id
                          WHERE ev.event_id = event.id ORDER BY ev.article_id, ev.start LIMIT 1), '');

-- A window: for each span class, events starting from its longest span
-- before the window to the window's end, that end within or after it. The
-- index holds every column a mark shows, in the order they are listed (by
-- first day, then id), so the first events of a window are read from it
-- alone without sorting; the longest span of a class is its own index's last.
CREATE INDEX event_window ON event (span_class, day_start, id, type, status, confidence, day_end, date,
                                   date_inferred, countries, actors, location, title);
CREATE INDEX event_by_span ON event (span_class, day_end - day_start);

-- The countries and actors of an event with the event's day, class, type
-- and status, so that the events of some countries or actors in a window,
-- or their bins, are ranges of these indexes alone.
ALTER TABLE event_country ADD COLUMN day_start  INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_country ADD COLUMN span_class INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_country ADD COLUMN type       TEXT    NOT NULL DEFAULT '';
ALTER TABLE event_country ADD COLUMN status     TEXT    NOT NULL DEFAULT '';
UPDATE event_country SET (day_start, span_class, type, status) =
    (SELECT day_start, span_class, type, status FROM event WHERE event.id = event_country.event_id);
CREATE INDEX event_country_by_day ON event_country (code, span_class, day_start, type, status);
ALTER TABLE event_actor ADD COLUMN day_start  INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_actor ADD COLUMN span_class INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_actor ADD COLUMN type       TEXT    NOT NULL DEFAULT '';
ALTER TABLE event_actor ADD COLUMN status     TEXT    NOT NULL DEFAULT '';
UPDATE event_actor SET (day_start, span_class, type, status) =
    (SELECT day_start, span_class, type, status FROM event WHERE event.id = event_actor.event_id);
CREATE INDEX event_actor_by_day ON event_actor (actor_id, span_class, day_start, type, status);

-- Events per day and per week, by type and status, overall and for each
-- country: bins over any range without reading the events, when the filter
-- asks only for types, status, dates and at most one country. A week is
-- `(day + 700000) / 7` (the offset keeps days before 1970 in the right
-- week); bins whose width is a whole number of weeks, over whole weeks, are
-- read from the weekly totals. Kept by triggers; an
-- event's day, type, status and countries never change once written (a
-- re-read article's events are deleted and written again).
CREATE TABLE event_day (
    day    INTEGER NOT NULL,
    type   TEXT    NOT NULL,
    status TEXT    NOT NULL,
    n      INTEGER NOT NULL,
    PRIMARY KEY (day, type, status)
) STRICT, WITHOUT ROWID;
CREATE TABLE event_week (
    week   INTEGER NOT NULL,
    type   TEXT    NOT NULL,
    status TEXT    NOT NULL,
    n      INTEGER NOT NULL,
    PRIMARY KEY (week, type, status)
) STRICT, WITHOUT ROWID;
CREATE TABLE country_day (
    code   TEXT    NOT NULL,
    day    INTEGER NOT NULL,
    type   TEXT    NOT NULL,
    status TEXT    NOT NULL,
    n      INTEGER NOT NULL,
    PRIMARY KEY (code, day, type, status)
) STRICT, WITHOUT ROWID;
CREATE TABLE country_week (
    code   TEXT    NOT NULL,
    week   INTEGER NOT NULL,
    type   TEXT    NOT NULL,
    status TEXT    NOT NULL,
    n      INTEGER NOT NULL,
    PRIMARY KEY (code, week, type, status)
) STRICT, WITHOUT ROWID;
INSERT INTO event_day (day, type, status, n)
    SELECT day_start, type, status, count(*) FROM event GROUP BY 1, 2, 3;
INSERT INTO event_week (week, type, status, n)
    SELECT (day_start + 700000) / 7, type, status, count(*) FROM event GROUP BY 1, 2, 3;
INSERT INTO country_day (code, day, type, status, n)
    SELECT code, day_start, type, status, count(*) FROM event_country GROUP BY 1, 2, 3, 4;
INSERT INTO country_week (code, week, type, status, n)
    SELECT code, (day_start + 700000) / 7, type, status, count(*) FROM event_country GROUP BY 1, 2, 3, 4;

CREATE TRIGGER event_totals_insert AFTER INSERT ON event BEGIN
    INSERT INTO event_day (day, type, status, n) VALUES (new.day_start, new.type, new.status, 1)
        ON CONFLICT (day, type, status) DO UPDATE SET n = n + 1;
    INSERT INTO event_week (week, type, status, n) VALUES ((new.day_start + 700000) / 7, new.type, new.status, 1)
        ON CONFLICT (week, type, status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER event_totals_delete AFTER DELETE ON event BEGIN
    UPDATE event_day SET n = n - 1 WHERE day = old.day_start AND type = old.type AND status = old.status;
    DELETE FROM event_day WHERE day = old.day_start AND type = old.type AND status = old.status AND n <= 0;
    UPDATE event_week SET n = n - 1 WHERE week = (old.day_start + 700000) / 7 AND type = old.type AND status = old.status;
    DELETE FROM event_week WHERE week = (old.day_start + 700000) / 7 AND type = old.type AND status = old.status AND n <= 0;
END;
CREATE TRIGGER country_totals_insert AFTER INSERT ON event_country BEGIN
    INSERT INTO country_day (code, day, type, status, n) VALUES (new.code, new.day_start, new.type, new.status, 1)
        ON CONFLICT (code, day, type, status) DO UPDATE SET n = n + 1;
    INSERT INTO country_week (code, week, type, status, n) VALUES (new.code, (new.day_start + 700000) / 7, new.type, new.status, 1)
        ON CONFLICT (code, week, type, status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER country_totals_delete AFTER DELETE ON event_country BEGIN
    UPDATE country_day SET n = n - 1
        WHERE code = old.code AND day = old.day_start AND type = old.type AND status = old.status;
    DELETE FROM country_day
        WHERE code = old.code AND day = old.day_start AND type = old.type AND status = old.status AND n <= 0;
    UPDATE country_week SET n = n - 1
        WHERE code = old.code AND week = (old.day_start + 700000) / 7 AND type = old.type AND status = old.status;
    DELETE FROM country_week
        WHERE code = old.code AND week = (old.day_start + 700000) / 7 AND type = old.type AND status = old.status AND n <= 0;
END;
