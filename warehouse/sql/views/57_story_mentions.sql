-- Each mention once per story: the mentions of the story's representative copy (story_copies),
-- so a story carried by several sites or saved twice counts once.
CREATE VIEW story_mentions AS
SELECT c.story_id, m.*
FROM entity_mentions AS m
JOIN story_copies AS c ON c.article_id = m.article_id AND c.representative;
