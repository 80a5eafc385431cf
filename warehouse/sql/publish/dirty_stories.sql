-- After the dirty articles' versions are recomputed (their rows now: `_article_versions__fresh`,
-- warehouse/views.py FRESH): the stories they are in now, too, and the shown versions of every
-- article of a dirty story (a story's representative and dates are computed over all its copies),
-- read once for the restrictions that follow.
INSERT INTO dirty_stories
SELECT DISTINCT cluster_id FROM _article_versions__fresh
EXCEPT SELECT story_id FROM dirty_stories;
CREATE TEMP TABLE story_versions AS
SELECT * FROM _article_versions WHERE cluster_id IN (SELECT story_id FROM dirty_stories);
