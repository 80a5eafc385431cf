-- Search filter: the entities with this canonical name (any label), case-insensitively. Parameter: the name.
SELECT entity_id FROM entities WHERE lower(name) = lower(?);
