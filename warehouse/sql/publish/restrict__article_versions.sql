-- The rows _article_versions and _hidden_articles are recomputed from (their SQL reads these names),
-- materialised before the stored rows they are built from are replaced: each dirty article's rows in
-- the new batches and its stored version (the shown row again, with the smallest cluster any version
-- took, which equals its own: reread_articles), or, for the articles the stored rows cannot stand
-- for, all their rows from the files; and the rejections of their documents in the new batches (an
-- earlier one is older than any new version, publish checks it; the stored version passed them all).
CREATE TEMP TABLE _articles AS
SELECT article_id, doc_id, batch_id, cluster_id, published_date, word_count, source, text_hash,
       url, canonical_url, sitename
FROM new_articles
SEMI JOIN dirty_articles USING (article_id)
ANTI JOIN reread_articles USING (article_id)
UNION ALL
-- site_of gives back a site passed as the site name.
SELECT article_id, doc_id, batch_id, own_cluster_id, published_date, word_count, source, text_hash,
       NULL, NULL, site
FROM dirty_versions
ANTI JOIN reread_articles USING (article_id)
UNION ALL
SELECT article_id, doc_id, batch_id, cluster_id, published_date, word_count, source, text_hash,
       url, canonical_url, sitename
FROM _articles__reread
SEMI JOIN reread_articles USING (article_id);
CREATE TEMP TABLE _rejections AS
SELECT * FROM new_rejections WHERE doc_id IN (SELECT doc_id FROM _articles)
UNION ALL
SELECT *
FROM _rejections__reread
ANTI JOIN new_batches USING (batch_id)
WHERE doc_id IN (SELECT doc_id FROM _articles SEMI JOIN reread_articles USING (article_id));
