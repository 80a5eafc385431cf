"""The one place configuration is read: flow parameters, NEWSETL_* environment, newsetl.toml, defaults.

In that order of precedence. Values are validated (pydantic-settings) into one frozen
`Settings`; its option objects (`pipeline` and the stage options inside it) are handed to
transforms, its paths to the warehouse. Nested options have one name each: `[pipeline.dedup]
threshold = 0.8` in newsetl.toml is NEWSETL_PIPELINE__DEDUP__THRESHOLD in the environment.
To add an option: add a field here (with a description), or a field to an options
dataclass that a field here holds (transforms/options.py, warehouse/options.py, with its
range as `Annotated` metadata); environment and newsetl.toml then set it with no other change.

Light on purpose: `newsetl sql` and `newsetl config` read settings, so nothing here may import
spaCy, trafilatura or the fetcher. Whether the NER model is installed is checked where NER
starts (transforms.entities.check_model), not here.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo

import pydantic_settings
from pydantic import Field, NonNegativeFloat, NonNegativeInt, PositiveInt, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from transforms.options import PipelineOptions
from warehouse.options import COMPACT_MIN_FILES, VACUUM_RETENTION_HOURS, FetchOptions

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEEDS = PROJECT_ROOT / "seeds"
CONFIG_FILE = "newsetl.toml"
ENV_PREFIX = "NEWSETL_"

# Prefect reads these at import time, so they are set before any flow module loads it; an
# operator's own environment wins.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
# Without PREFECT_API_URL a run starts Prefect's temporary server, which must answer within this
# many seconds (Prefect's default 20). On a fresh Prefect home it first creates and migrates its
# database: 11-23 s measured under CPU load, so 20 s failed runs at random. A slow start costs
# only the wait; the limit is for a server that never comes up.
PREFECT_STARTUP_TIMEOUT_ENV = "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"
os.environ.setdefault(PREFECT_STARTUP_TIMEOUT_ENV, "180")


# A scheduler's address (tcp://host:8786, tls://..., host:8786), or `local` / `local:N` for a LocalCluster.
LOCAL_CLUSTER = re.compile(r"local(:[1-9][0-9]*)?")
DASK_SCHEDULER = re.compile(r"((tcp|tls|ws|wss|ucx)://)?(\[[0-9a-fA-F:]+\]|[^\s/:\[\]]+):[0-9]{1,5}")


class SettingsError(ValueError):
    """A setting has a value we cannot use; the message names the key and the value."""


def config_path() -> Path:
    """newsetl.toml in the working folder, or the file NEWSETL_CONFIG names."""
    return Path(os.environ.get(f"{ENV_PREFIX}CONFIG") or CONFIG_FILE).expanduser()


def default_workers() -> int:
    return min(2, os.cpu_count() or 1)


class Settings(BaseSettings):
    """Everything a run needs to know, validated; frozen so tasks can share it safely."""

    # revalidate_instances: an options object given as a parameter (the flow's `fetch`) is range-checked too.
    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        env_nested_delimiter="__",
        frozen=True,
        extra="forbid",
        validate_default=True,
        revalidate_instances="always",
        env_ignore_empty=True,
    )

    warehouse: Path = Field(Path("data"), description="Warehouse folder: Delta tables and the views database.")
    sources: Annotated[tuple[str, ...], NoDecode] = Field(
        (str(DEFAULT_SEEDS),), description="Files, folders or URLs to ingest (in the environment: comma-separated)."
    )
    batch_size: PositiveInt = Field(200, description="Documents per batch; each batch is one commit.")
    workers: PositiveInt = Field(
        default_factory=default_workers, description="Worker processes for extraction and NER."
    )
    time_limit_seconds: NonNegativeFloat = Field(
        60.0,
        description="Seconds that extraction and NLP of one document may take; past them it is rejected "
        "(process/timeout) and its worker process replaced. 0: no limit.",
    )
    worker_documents: NonNegativeInt = Field(
        1000,
        description="Documents a worker process extracts before a fresh one replaces it (spaCy's vocabulary "
        "grows with every new word a process sees), so memory stays flat however long the run. 0: never.",
    )
    dask_address: str | None = Field(
        None,
        description="Run the NLP of batches on a Dask cluster: its scheduler's address (tcp://host:8786), "
        "or local / local:N for a LocalCluster of `workers` / N worker processes here. Unset: the local "
        "worker pool. Committing stays in the run's process.",
    )
    lock_wait_seconds: NonNegativeFloat = Field(
        0.0, description="Seconds to wait when another run holds the warehouse; 0 stops at once."
    )
    compact_min_files: PositiveInt = Field(
        COMPACT_MIN_FILES,
        description="After a batch, a table with more small files (under 8 MB) than this has them merged "
        "into files of up to 16 MB; larger files are left alone.",
    )
    vacuum_retention_hours: NonNegativeInt = Field(
        VACUUM_RETENTION_HOURS,
        description="Files replaced by compaction are deleted once older than this (readers of an old "
        "views database keep working until then).",
    )
    publish_every_seconds: NonNegativeFloat = Field(
        60.0,
        description="During a run the views are republished after a batch at most this often (and after "
        "compaction, and after the last batch); 0 publishes after every batch.",
    )
    schedule: str = Field("0 2 * * *", description="Cron schedule of the nightly deployment.")
    timezone: ZoneInfo = Field(ZoneInfo("UTC"), description="Time zone of the nightly schedule (IANA name).")
    pipeline: PipelineOptions = Field(
        default_factory=PipelineOptions, description="Options of the text stages (extract, normalise, ...)."
    )
    fetch: FetchOptions = Field(
        default_factory=FetchOptions, description="How URLs are fetched: politeness, timeouts, sizes, retries."
    )
    refresh: bool = Field(False, description="Fetch URLs again although their bytes are stored (conditionally).")
    report_after_run: bool = Field(
        False, description="Write <warehouse>/report.html at the end of each run (`newsetl report` writes it any time)."
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return init_settings, env_settings, TomlConfigSettingsSource(settings_cls, toml_file=config_path())

    @field_validator("warehouse")
    @classmethod
    def _absolute(cls, value: Path) -> Path:
        return value.expanduser().resolve()

    @field_validator("sources", mode="before")
    @classmethod
    def _split_sources(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        if not value:
            return (str(DEFAULT_SEEDS),)
        return value

    @field_validator("dask_address")
    @classmethod
    def _dask_address(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        value = value.strip()
        local = value.split(":")[0] == "local"
        if not (LOCAL_CLUSTER if local else DASK_SCHEDULER).fullmatch(value):
            raise ValueError(
                "not a Dask scheduler address; use tcp://host:8786 (the address `dask scheduler` prints), "
                "or local / local:N for a LocalCluster of N worker processes on this machine"
            )
        return value

    @field_validator("schedule")
    @classmethod
    def _valid_cron(cls, value: str) -> str:
        from datetime import UTC, datetime

        from cronsim import CronSim, CronSimError

        try:
            CronSim(value, datetime(2000, 1, 1, tzinfo=UTC))
        except CronSimError as error:
            raise ValueError(f"not a cron schedule ({error}); e.g. '0 2 * * *' is every day at 02:00") from None
        return value


# pydantic's own checks, in words that say what to write instead.
PLAIN_MESSAGES = {
    "bool_parsing": "not a yes/no value (use 1 or 0)",
    "zoneinfo_str": "not a known time zone; use an IANA name such as 'Europe/Berlin' or 'UTC'",
}


def describe_error(error: ValidationError) -> str:
    """One line per bad setting: its key, the value given and what is wrong with it."""
    lines = []
    for item in error.errors():
        key = ".".join(str(part) for part in item["loc"])
        message = PLAIN_MESSAGES.get(item["type"]) or item["msg"].removeprefix("Value error, ")
        if not key:  # a check across settings; its message names the key
            lines.append(message)
        elif item["type"] == "extra_forbidden":
            lines.append(f"{key}: unknown setting (see 'newsetl config' for the known ones)")
        else:
            names = [part for part in item["loc"] if isinstance(part, str)]  # not a list item's index
            env_name = ENV_PREFIX + "__".join(names).upper()
            lines.append(f"{key}={item['input']!r} ({env_name}): {message}")
    return "; ".join(lines) + f" (from a parameter, the environment or {config_path()})"


def load_settings(
    sources: list[str] | None = None,
    warehouse: str | None = None,
    batch_size: int | None = None,
    workers: int | None = None,
    lock_wait_seconds: float | None = None,
    fetch: FetchOptions | None = None,
    refresh: bool | None = None,
    **more: Any,
) -> Settings:
    """Parameters given (not None) win over NEWSETL_* environment, then newsetl.toml, then defaults."""
    given = {
        "sources": list(sources) if sources else None,
        "warehouse": warehouse,
        "batch_size": batch_size,
        "workers": workers,
        "lock_wait_seconds": lock_wait_seconds,
        "fetch": fetch,
        "refresh": refresh,
        **more,
    }
    path = config_path()
    if os.environ.get(f"{ENV_PREFIX}CONFIG") and not path.is_file():
        raise SettingsError(f"{ENV_PREFIX}CONFIG={str(path)!r}: no such file")
    try:
        return Settings(**{key: value for key, value in given.items() if value is not None})
    except ValidationError as error:
        raise SettingsError(describe_error(error)) from None
    except pydantic_settings.SettingsError as error:  # e.g. NEWSETL_PIPELINE=x: a section given as one value
        raise SettingsError(f"{error}: set its options one by one, e.g. {ENV_PREFIX}PIPELINE__MIN_WORDS=40") from None
    except ValueError as error:  # a newsetl.toml that is not TOML
        raise SettingsError(f"{path}: {error}") from None


def settings_toml(settings: Settings) -> str:
    """The settings as a newsetl.toml that load_settings reads back: nested options as [sections]."""
    return "\n".join(_toml_table(settings.model_dump(mode="json"), ()))


def _toml_table(values: dict[str, Any], path: tuple[str, ...]) -> list[str]:
    lines = [f"[{'.'.join(path)}]"] if path else []
    tables = {key: value for key, value in values.items() if isinstance(value, dict)}
    for key, value in values.items():
        if value is None:
            lines.append(f"# {key} = (unset)")
        elif key not in tables:
            lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")  # JSON scalars and lists are TOML
    for key, table in tables.items():
        lines += ["", *_toml_table(table, (*path, key))]
    return lines
