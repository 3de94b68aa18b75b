-- Views the analyst names and reopens: the filter, the range shown and the
-- lanes, as the interface writes them (JSON the store does not read). Kept
-- in the database so that they travel with it.
CREATE TABLE saved_view (
    name  TEXT NOT NULL PRIMARY KEY,
    state TEXT NOT NULL,
    saved TEXT NOT NULL -- UTC, RFC 3339
) STRICT;
