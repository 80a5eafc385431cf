-- Each figure once per story: the figures of the story's representative copy (story_copies), so
-- sums over stories ("troops by the country holding them") count a story carried twice once.
CREATE VIEW story_figures AS
-- As figures reads them (the rows of the article version the articles view shows: same article_id
-- and batch_id), joined by key to the representatives (_story_keys), no article text read.
SELECT k.story_id, f.* EXCLUDE (run_id, batch_id)
FROM _figures AS f
JOIN _story_keys AS k ON k.article_id = f.article_id AND k.batch_id = f.batch_id
WHERE k.representative;
