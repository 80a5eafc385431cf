-- CROSS JOIN keeps `gen_probes` the outer loop (SQLite would scan the big tables otherwise): the wanted URLs, each in
-- the generations of `pages` whose filter may hold it (warehouse/generations.py). The newest committed fetch of each
-- wanted URL: where it is stored (file and row group) and the document its bytes are. A fetch in two generations is
-- the same row twice, either one taken.
SELECT url, batch_id, fetched_at, file, row_group, doc_id FROM (
    SELECT p.url, p.batch_id, p.fetched_at, f.file, f.row_group, p.doc_id,
           row_number() OVER (PARTITION BY p.url ORDER BY b.committed_at DESC, p.fetched_at DESC) AS newest
    FROM gen_probes AS w
    CROSS JOIN pages AS p ON p.gen = w.gen AND p.url = w.key
    CROSS JOIN page_files AS f ON f.batch_id = p.batch_id AND f.url = p.url AND f.fetched_at = p.fetched_at
    JOIN batches AS b ON b.batch_id = p.batch_id
) WHERE newest = 1;
