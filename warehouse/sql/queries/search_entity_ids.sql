-- Search filter: the entities with this canonical name (any label), case-insensitively, that some shown
-- article mentions (as the entities view lists them, without counting every mention: the stored
-- _article_entities). Parameter: the name.
SELECT n.entity_id
FROM _entity_names AS n
WHERE lower(n.name) = lower(?) AND n.entity_id IN (SELECT entity_id FROM _article_entities);
