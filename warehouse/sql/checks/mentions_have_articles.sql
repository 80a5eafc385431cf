-- Rows returned are violations: a mention whose offsets fall outside its article's text. Each mention
-- the checked batches (`check_batches`) wrote is read against the text of the article row its batch
-- wrote: the views show each article's newest version with that version's mentions, and reading only
-- these batches' texts keeps a run's check from reading every text of the archive.
SELECT m.article_id, m.entity_id, m.char_start, m.char_end
FROM checked_entity_mentions AS m
JOIN checked_articles AS a ON a.article_id = m.article_id AND a.batch_id = m.batch_id
WHERE m.batch_id IN (SELECT batch_id FROM check_batches)
    AND a.batch_id IN (SELECT batch_id FROM check_batches)
    AND (m.char_start < 0 OR m.char_end > length(a.text)
         OR substring(a.text, m.char_start + 1, m.char_end - m.char_start) <> m.surface);
