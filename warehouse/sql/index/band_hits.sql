-- Committed (article, band key) pairs for the wanted band keys (as band_value stores them), from the levels of
-- the band keys that hold rows (bands_0 .. bands_3, warehouse/index.py): per key only the ?1 articles with the
-- smallest ids over all levels. A story's copies share most keys, and fetching every member would make a
-- batch's cost grow with the archive's clusters. Each level stops at its own ?1 smallest (band_hits_level.sql):
-- the ?1 smallest over all levels are among the at most 4 x ?1 found, and the ranking keeps them. UNION drops
-- a pair found in two levels. Placeholder: levels, the parts of the levels that hold rows joined by UNION.
SELECT article_id, key FROM (
    SELECT key, article_id, row_number() OVER (PARTITION BY key ORDER BY article_id) AS rank
    FROM ({levels})
)
WHERE rank <= ?1;
