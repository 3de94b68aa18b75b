-- Where an article came from beyond its file: the address it was published
-- at (a page's canonical URL, a feed item's link, a corpus's URL column).
-- Articles are looked up by path: a changed file with the same path is a
-- new version of the same article.
ALTER TABLE article ADD COLUMN url TEXT;
CREATE INDEX article_by_path ON article (path);
