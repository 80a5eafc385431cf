-- Every key the stored tables hold, numbered (warehouse/views.py KEY_NUMBERS): one integer per text,
-- never reused, with the text's hash (md5_number_lower: fixed by MD5, not by a DuckDB version) by
-- which a publish finds a key's number without reading every stored key. Written with the publish
-- state after a rebuild; a publish numbers the keys it adds (number_keys.sql).
CREATE TABLE newsetl_publish.key_numbers AS
SELECT md5_number_lower(key) AS key_hash, key, CAST(row_number() OVER (ORDER BY key) AS INTEGER) AS no
FROM (
    -- The rows of _article_versions a rebuild computed (warehouse/views.py COMPUTED_VERSIONS): every
    -- story id is the cluster_id of its copies.
    SELECT article_id FROM _article_versions__computed
    UNION SELECT cluster_id FROM _article_versions__computed
    UNION SELECT doc_id FROM _article_versions__computed
) AS keys(key)
WHERE key IS NOT NULL;
