-- One row per run: its latest state (a run writes a row when it starts and when it ends).
-- articles_without_ner: articles of the run in a language with no configured NER model,
-- stored without entities or figures (articles.ner_model IS NULL).
-- seconds_<stage>: where the run's time went, summed over its batches; seconds_extract_clean and
-- seconds_nlp are worker time summed over documents and workers, not wall time.
CREATE VIEW runs AS
-- Counted once for all runs (a grouped join), not by a subquery per run.
WITH without_ner AS (
    SELECT a.run_id, count(*) AS articles
    FROM _articles AS a
    JOIN _article_versions AS v ON v.article_id = a.article_id AND v.batch_id = a.batch_id AND v.doc_id = a.doc_id
    WHERE a.ner_model IS NULL
    GROUP BY a.run_id
)
SELECT r.*, coalesce(w.articles, 0) AS articles_without_ner
FROM _runs AS r
LEFT JOIN without_ner AS w ON w.run_id = r.run_id
QUALIFY row_number() OVER (PARTITION BY r.run_id ORDER BY r.finished_at DESC NULLS LAST) = 1;
