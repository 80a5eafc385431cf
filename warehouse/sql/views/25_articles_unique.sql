-- One row per distinct normalised text (text_hash): the article it first came from (earliest
-- committed batch, then source), and how many articles carry exactly this text.
CREATE VIEW articles_unique AS
SELECT a.*, count(*) OVER (PARTITION BY a.text_hash) AS exact_copies
FROM articles AS a
JOIN batches AS b USING (batch_id)
QUALIFY row_number() OVER (PARTITION BY a.text_hash ORDER BY b.committed_at, a.source, a.article_id) = 1;
