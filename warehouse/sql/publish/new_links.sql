-- The new batches' duplicate links (read from the files added since the last publish), each end with
-- the root of the component it is in so far (NULL for an article no earlier link named).
SELECT l.article_id, a.root, l.duplicate_of, b.root
FROM _duplicate_links__new AS l
SEMI JOIN new_batches USING (batch_id)
LEFT JOIN _link_components AS a ON a.article_id = l.article_id
LEFT JOIN _link_components AS b ON b.article_id = l.duplicate_of;
