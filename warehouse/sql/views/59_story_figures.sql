-- Each figure once per story: the figures of the story's representative copy (story_copies), so
-- sums over stories ("troops by the country holding them") count a story carried twice once.
CREATE VIEW story_figures AS
SELECT c.story_id, f.*
FROM figures AS f
JOIN story_copies AS c ON c.article_id = f.article_id AND c.representative;
