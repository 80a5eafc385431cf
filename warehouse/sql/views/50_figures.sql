-- Figures of the article versions the articles view shows.
CREATE VIEW figures AS
SELECT f.article_id, f.figure_id, f.surface, f.value, f.value_low, f.value_high, f.approximate,
       f.qualifier, f.unit, f.object, f.kind, f.char_start, f.char_end, f.sentence,
       f.entity_id, f.role
FROM _figures AS f
JOIN articles AS a ON a.article_id = f.article_id AND a.batch_id = f.batch_id;
