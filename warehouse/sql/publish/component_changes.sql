-- The rows of `_link_components` a publish changed: every member of a component new links joined
-- (each took the component's new root, merge_components.sql). The views file gets these rows, and
-- only these (warehouse/views.py `_apply_to_file`).
CREATE TEMP TABLE _link_components__fresh AS
SELECT * FROM _link_components WHERE root IN (SELECT new_root FROM root_moves);
