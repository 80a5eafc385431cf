"""Pure domain logic: records in, records out (no I/O, no orchestration)."""
