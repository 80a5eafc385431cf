-- After the dirty articles' versions are recomputed (their rows now: `_article_versions__fresh`,
-- warehouse/views.py FRESH): the stories they are in now, too.
INSERT INTO dirty_stories
SELECT DISTINCT cluster_id FROM _article_versions__fresh
EXCEPT SELECT story_id FROM dirty_stories;
