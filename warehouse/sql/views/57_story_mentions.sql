-- Each mention once per story: the mentions of the story's representative copy (story_copies),
-- so a story carried by several sites or saved twice counts once.
CREATE VIEW story_mentions AS
-- As entity_mentions reads them (the rows of the article version the articles view shows: same
-- article_id and batch_id), joined by key to the representatives (_story_keys), no article text read.
SELECT k.story_id, m.* EXCLUDE (run_id, batch_id)
FROM _entity_mentions AS m
JOIN _story_keys AS k ON k.article_id = m.article_id AND k.batch_id = m.batch_id
WHERE k.representative;
