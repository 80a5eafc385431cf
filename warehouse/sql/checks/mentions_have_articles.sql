-- Rows returned are violations: a mention whose offsets fall outside its article's text.
SELECT m.article_id, m.entity_id, m.char_start, m.char_end
FROM entity_mentions AS m JOIN articles AS a USING (article_id)
WHERE m.char_start < 0 OR m.char_end > length(a.text) OR substring(a.text, m.char_start + 1, m.char_end - m.char_start) <> m.surface;
