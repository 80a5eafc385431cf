-- CROSS JOIN keeps `gen_probes` the outer loop (SQLite would scan the big table otherwise): the wanted URLs, each in
-- the generations of `pages` whose filter may hold it (warehouse/generations.py). The newest committed fetch of each
-- wanted URL and the document its bytes are, without where it is stored: a batch asks where (latest_pages.sql) only
-- for the URLs whose document is not committed (warehouse/lookups.py, stored_pages), most of a rerun's are.
-- The same fetch as latest_pages.sql chooses: every row of `pages` has its row in `page_files` (written together; a
-- compaction replaces the latter).
SELECT url, doc_id FROM (
    SELECT p.url, p.doc_id,
           row_number() OVER (PARTITION BY p.url ORDER BY b.committed_at DESC, p.fetched_at DESC) AS newest
    FROM gen_probes AS w
    CROSS JOIN pages AS p ON p.gen = w.gen AND p.url = w.key
    JOIN batches AS b ON b.batch_id = p.batch_id
) WHERE newest = 1;
