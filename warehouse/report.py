"""What a run did, read back from the views: its rejections and its top entities and figures."""

from __future__ import annotations

from pathlib import Path

from warehouse.views import query


def rejection_reasons(warehouse: Path, run_id: str) -> list[tuple[str, str, int]]:
    _, rows = query(warehouse, "SELECT stage, reason, count(*) FROM rejections WHERE run_id = ? "
                               "GROUP BY ALL ORDER BY 3 DESC, 1, 2", [run_id])
    return rows


def top_entities(warehouse: Path, run_id: str, limit: int = 10) -> list[tuple[str, str, int]]:
    _, rows = query(warehouse, """
        SELECT e.name, e.label, count(*) AS mentions
        FROM entity_mentions m JOIN articles a USING (article_id) JOIN entities e USING (entity_id)
        WHERE a.run_id = ? GROUP BY ALL ORDER BY mentions DESC, e.name LIMIT ?""", [run_id, limit])
    return rows


def top_figures(warehouse: Path, run_id: str, limit: int = 10) -> list[tuple[str, str | None, str]]:
    _, rows = query(warehouse, """
        SELECT f.surface, f.object, f.kind
        FROM figures f JOIN articles a USING (article_id)
        WHERE a.run_id = ? ORDER BY coalesce(f.value, f.value_high) DESC NULLS LAST, f.surface
        LIMIT ?""", [run_id, limit])
    return rows


def entity_count(warehouse: Path, run_id: str) -> int:
    """Distinct canonical entities mentioned in the articles this run committed."""
    _, rows = query(warehouse, "SELECT count(DISTINCT m.entity_id) FROM entity_mentions m "
                               "JOIN articles a USING (article_id) WHERE a.run_id = ?", [run_id])
    return int(rows[0][0])
