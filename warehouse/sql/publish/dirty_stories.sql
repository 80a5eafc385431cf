-- After the dirty articles' versions are recomputed: the stories they are in now, too, and every
-- shown article of a dirty story (a story's representative and dates are computed over all its copies).
INSERT INTO dirty_stories
SELECT DISTINCT cluster_id FROM _article_versions SEMI JOIN dirty_articles USING (article_id)
EXCEPT SELECT story_id FROM dirty_stories;
CREATE TEMP TABLE story_articles AS
SELECT article_id FROM _article_versions WHERE cluster_id IN (SELECT story_id FROM dirty_stories);
