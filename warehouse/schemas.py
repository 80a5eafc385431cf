"""Arrow schemas and table names derived from the record types, never inferred from data."""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from dataclasses import dataclass
from datetime import date, datetime

import pyarrow as pa

from transforms import records
from transforms.records import SCHEMA_VERSION

# The one type map: each Python type a record field may have, its Arrow type (the Delta
# tables) and its DuckDB type as DESCRIBE names it (the typed views of a table with no files yet).
COLUMN_TYPES: tuple[tuple[type, pa.DataType, str], ...] = (
    (str, pa.string(), "VARCHAR"),
    (int, pa.int64(), "BIGINT"),
    (float, pa.float64(), "DOUBLE"),
    (bool, pa.bool_(), "BOOLEAN"),
    (bytes, pa.binary(), "BLOB"),
    (date, pa.date32(), "DATE"),
    (datetime, pa.timestamp("us", tz="UTC"), "TIMESTAMP WITH TIME ZONE"),
)
_ARROW_TYPES: dict[type, pa.DataType] = {python: arrow for python, arrow, _ in COLUMN_TYPES}
_DUCKDB_TYPES: dict[pa.DataType, str] = {arrow: duckdb for _, arrow, duckdb in COLUMN_TYPES}


def duckdb_type(arrow_type: pa.DataType) -> str:
    """The DuckDB type that reads back a column of this Arrow type."""
    return _DUCKDB_TYPES[arrow_type]


# Lineage columns the warehouse adds to every row of a batch-scoped table.
LINEAGE_FIELDS = (pa.field("run_id", pa.string(), nullable=False), pa.field("batch_id", pa.string(), nullable=False))


def arrow_field(name: str, hint: object) -> pa.Field:
    nullable = False
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        members = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        nullable = len(members) < len(typing.get_args(hint))
        if len(members) != 1:
            raise TypeError(f"{name}: only 'T | None' unions map to a column, got {hint}")
        hint = members[0]
    if hint not in _ARROW_TYPES:
        raise TypeError(f"{name}: no column type for {hint}")
    return pa.field(name, _ARROW_TYPES[hint], nullable=nullable)


def record_schema(record: type) -> pa.Schema:
    hints = typing.get_type_hints(record)
    return pa.schema([arrow_field(f.name, hints[f.name]) for f in dataclasses.fields(record)])


Compression = typing.Literal["SNAPPY", "ZSTD"]


UNDATED = "undated"  # the month partition of rows without a date


def month_of(day: date | None) -> str:
    """The month partition of a date: 'YYYY-MM', or 'undated'."""
    return f"{day.year:04d}-{day.month:02d}" if day is not None else UNDATED


@dataclass(frozen=True, slots=True)
class MonthPartition:
    """A table partitioned by the month of one of its date columns, in a column the warehouse derives.

    Queries that filter on the month read only that month's files (Delta writes one folder per value)."""

    column: str  # the derived partition column, e.g. published_month
    source: str  # the record's date field it is derived from


@dataclass(frozen=True, slots=True)
class TableSpec:
    name: str
    record: type
    batch_scoped: bool  # rows carry run_id and batch_id and are visible once their batch commits
    compression: Compression = "SNAPPY"  # Parquet codec; ZSTD where bytes are big and read rarely
    partition: MonthPartition | None = None  # tables created since schema 7; older ones stay unpartitioned

    @property
    def arrow(self) -> pa.Schema:
        return _table_schema(self)

    @property
    def partition_by(self) -> list[str] | None:
        return [self.partition.column] if self.partition is not None else None


@functools.cache
def _table_schema(spec: TableSpec) -> pa.Schema:
    """A table's Arrow schema, derived from its record's type hints once per process: every append asks for it,
    and a schema is immutable, so all share one."""
    schema = record_schema(spec.record)
    if spec.batch_scoped:
        for extra in LINEAGE_FIELDS:
            if extra.name not in schema.names:
                schema = schema.append(extra)
    if spec.partition is not None:
        schema = schema.append(pa.field(spec.partition.column, pa.string(), nullable=False))
    return schema.with_metadata({"newsetl.schema_version": str(SCHEMA_VERSION)})


# Articles by publication month: what analysts filter on, and what a month's report reads.
ARTICLES = TableSpec(
    "articles", records.Article, batch_scoped=True, partition=MonthPartition("published_month", "published_date")
)
ENTITY_MENTIONS = TableSpec("entity_mentions", records.EntityMention, batch_scoped=True)
ENTITIES = TableSpec("entities", records.Entity, batch_scoped=True)
FIGURES = TableSpec("figures", records.Figure, batch_scoped=True)
REJECTIONS = TableSpec("rejections", records.Rejection, batch_scoped=True)
BATCHES = TableSpec("batches", records.BatchCommit, batch_scoped=True)
RUNS = TableSpec("runs", records.RunSummary, batch_scoped=False)
MINHASH_SIGNATURES = TableSpec("minhash_signatures", records.MinhashSignature, batch_scoped=True)
LSH_BANDS = TableSpec("lsh_bands", records.LshBand, batch_scoped=True)
DUPLICATE_LINKS = TableSpec("duplicate_links", records.DuplicateLink, batch_scoped=True)
SITE_LINES = TableSpec("site_lines", records.SiteLine, batch_scoped=True)
RAW_PAGES = TableSpec("raw_pages", records.RawPage, batch_scoped=True, compression="ZSTD")

ALL_TABLES = (
    ARTICLES,
    ENTITY_MENTIONS,
    ENTITIES,
    FIGURES,
    REJECTIONS,
    BATCHES,
    RUNS,
    MINHASH_SIGNATURES,
    LSH_BANDS,
    DUPLICATE_LINKS,
    SITE_LINES,
    RAW_PAGES,
)
BATCH_CONTENT_TABLES = (
    ARTICLES,
    ENTITY_MENTIONS,
    ENTITIES,
    FIGURES,
    REJECTIONS,
    MINHASH_SIGNATURES,
    LSH_BANDS,
    DUPLICATE_LINKS,
    SITE_LINES,
    RAW_PAGES,
)
