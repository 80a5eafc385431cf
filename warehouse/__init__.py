"""All storage I/O: reading sources, Delta table commits, DuckDB views."""

import os

# Arrow allocates from the C heap (glibc's malloc) rather than from its bundled mimalloc. mimalloc keeps the pages a
# thread frees for that thread's next allocations (the writer thread's appends, Arrow's own reader threads), out of
# reach of warehouse/heap.py's malloc_trim, and the flow process's RSS grew with the run: in a real 2,000-page run its
# peak went 531 -> 612 MB from the first batch to the last, 500 -> 559 MB with the C heap, the flow's CPU no higher
# (docs/benchmarks.md, round 14). Arrow reads this once, when pyarrow loads: so here, before any module of this
# package imports it (transforms/ never does). `setdefault`: an operator's own choice of pool wins.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
