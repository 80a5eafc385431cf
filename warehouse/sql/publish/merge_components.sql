-- Components joined by new links take the smallest root among them (root_moves: every old root and
-- every newly linked article of a merged component, with the component's root), as the recursion in
-- _link_components would give them: a component's root is its smallest article_id.
UPDATE _link_components SET root = m.new_root
FROM root_moves AS m
WHERE _link_components.root = m.old_root AND m.old_root <> m.new_root;
INSERT INTO _link_components
SELECT m.old_root AS article_id, m.new_root AS root
FROM root_moves AS m
ANTI JOIN _link_components AS c ON c.article_id = m.old_root;
