-- One row per run: its latest state (a run writes a row when it starts and when it ends).
-- articles_without_ner: articles of the run in a language with no configured NER model,
-- stored without entities or figures (articles.ner_model IS NULL).
-- seconds_<stage>: where the run's time went, summed over its batches; seconds_extract_clean and
-- seconds_nlp are worker time summed over documents and workers, not wall time.
CREATE VIEW runs AS
SELECT r.*,
       (SELECT count(*) FROM articles AS a WHERE a.run_id = r.run_id AND a.ner_model IS NULL)
           AS articles_without_ner
FROM _runs AS r
QUALIFY row_number() OVER (PARTITION BY r.run_id ORDER BY r.finished_at DESC NULLS LAST) = 1;
