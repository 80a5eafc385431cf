-- The shown versions of every article of a dirty story (a story's representative and dates are
-- computed over all its copies), found by the stories' numbers (`numbers`: every dirty story is
-- numbered by now, warehouse/views.py _update_stored), read once for the restrictions that follow.
CREATE TEMP TABLE story_versions AS
SELECT *
FROM _article_versions
WHERE story_no IN (SELECT n.no FROM numbers AS n SEMI JOIN dirty_stories AS d ON d.story_id = n.key);
