"""All storage I/O: reading sources, Delta table commits, DuckDB views."""
