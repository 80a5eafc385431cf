"""Command-line options that several `newsetl` commands share, defined once."""

from __future__ import annotations

from typing import Annotated

import typer

WarehouseOption = Annotated[
    str | None, typer.Option("--warehouse", "-w", help="Warehouse folder (default: $NEWSETL_WAREHOUSE or ./data).")
]
