"""The one place configuration is read: flow parameters, NEWSETL_* environment, newsetl.toml, defaults.

In that order of precedence. Values are validated (pydantic-settings) into one frozen
`Settings`; its option objects (`pipeline` and the stage options inside it) are handed to
transforms, its paths to the warehouse. To add an option: add a field here (with a
description, shown by `newsetl config`), or a field to an options dataclass that a field
here holds; environment and newsetl.toml then set it with no other change.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import spacy.util
from pydantic import Field, NonNegativeFloat, NonNegativeInt, PositiveFloat, PositiveInt, ValidationError, field_validator, model_validator
from pydantic_settings import (BaseSettings, NoDecode, PydanticBaseSettingsSource, SettingsConfigDict,
                               TomlConfigSettingsSource)

from transforms.pipeline import PipelineOptions
from warehouse.fetch import FetchOptions

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEEDS = PROJECT_ROOT / "seeds"
CONFIG_FILE = "newsetl.toml"
ENV_PREFIX = "NEWSETL_"

# Prefect reads these at import time, so they are set before any flow module loads it.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")


class SettingsError(ValueError):
    """A setting has a value we cannot use; the message names the key and the value."""


def config_path() -> Path:
    """newsetl.toml in the working folder, or the file NEWSETL_CONFIG names."""
    return Path(os.environ.get(f"{ENV_PREFIX}CONFIG") or CONFIG_FILE).expanduser()


def default_workers() -> int:
    return min(2, os.cpu_count() or 1)


# Top-level settings that set one nested option, with the short environment names people
# use (NEWSETL_NER_MODEL, NEWSETL_USER_AGENT, ...): name -> path of the option it sets.
SHORTCUTS = {
    "ner_model": ("pipeline", "entities", "model"),
    "syntax": ("pipeline", "entities", "syntax"),
    "dedup_threshold": ("pipeline", "dedup", "threshold"),
    "boilerplate_min_stories": ("pipeline", "boilerplate", "min_stories"),
    "user_agent": ("fetch", "user_agent"),
    "requests_per_second": ("fetch", "requests_per_second_per_host"),
    "host_concurrency": ("fetch", "concurrency_per_host"),
    "fetch_deadline": ("fetch", "deadline_seconds"),
    "max_body_bytes": ("fetch", "max_body_bytes"),
    "fetch_retries": ("fetch", "retries"),
    "allow_networks": ("fetch", "allowed_networks"),
}


def _with_option(options: Any, path: tuple[str, ...], value: Any) -> Any:
    """A copy of a frozen options object with the option at `path` set."""
    head, *rest = path
    return replace(options, **{head: _with_option(getattr(options, head), tuple(rest), value) if rest else value})


class Settings(BaseSettings):
    """Everything a run needs to know, validated; frozen so tasks can share it safely."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, env_nested_delimiter="__", frozen=True,
                                      extra="forbid", validate_default=True,
                                      env_ignore_empty=True)

    warehouse: Path = Field(Path("data"), description="Warehouse folder: Delta tables and the views database.")
    sources: Annotated[tuple[str, ...], NoDecode] = Field(
        (str(DEFAULT_SEEDS),), description="Files, folders or URLs to ingest (in the environment: comma-separated).")
    batch_size: PositiveInt = Field(200, description="Documents per batch; each batch is one commit.")
    workers: PositiveInt = Field(default_factory=default_workers,
                                 description="Worker processes for extraction and NER.")
    lock_wait_seconds: NonNegativeFloat = Field(
        0.0, description="Seconds to wait when another run holds the warehouse; 0 stops at once.")
    compact_min_files: PositiveInt = Field(
        64, description="After a run, tables with more files than this are compacted into few large files.")
    vacuum_retention_hours: NonNegativeInt = Field(
        168, description="Files replaced by compaction are deleted once older than this (readers of an old "
                         "views database keep working until then).")
    schedule: str = Field("0 2 * * *", description="Cron schedule of the nightly deployment.")
    timezone: str = Field("UTC", description="Time zone of the nightly schedule (IANA name).")
    pipeline: PipelineOptions = Field(default_factory=PipelineOptions,
                                      description="Options of the text stages (extract, normalise, ...).")
    fetch: FetchOptions = Field(default_factory=FetchOptions,
                                description="How URLs are fetched: politeness, timeouts, sizes, retries.")
    refresh: bool = Field(False, description="Fetch URLs again although their bytes are stored (conditionally).")
    # Short names for the stage options people change most (NEWSETL_NER_MODEL, ...); when set
    # they override the pipeline option SHORTCUTS names.
    ner_model: str | None = Field(None, description="spaCy pipeline package that finds entities "
                                                    "(overrides pipeline.entities.model).")
    syntax: bool | None = Field(None, description="Run the dependency parser to tie figures to entities; "
                                                  "0 skips it (overrides pipeline.entities.syntax).")
    dedup_threshold: float | None = Field(None, gt=0, le=1, description="Similarity above which two articles "
                                          "are near duplicates (overrides pipeline.dedup.threshold).")
    boilerplate_min_stories: PositiveInt | None = Field(
        None, description="A line in this many stories of a site is chrome "
                          "(overrides pipeline.boilerplate.min_stories).")
    user_agent: str | None = Field(None, description="User agent of fetches and robots.txt (overrides fetch.user_agent).")
    requests_per_second: PositiveFloat | None = Field(
        None, description="Request starts per second per host (overrides fetch.requests_per_second_per_host).")
    host_concurrency: PositiveInt | None = Field(
        None, description="Requests at once per host (overrides fetch.concurrency_per_host).")
    fetch_deadline: PositiveFloat | None = Field(
        None, description="Seconds for one fetch attempt, connect to last byte (overrides fetch.deadline_seconds).")
    max_body_bytes: PositiveInt | None = Field(
        None, description="Largest page body kept, after decoding (overrides fetch.max_body_bytes).")
    fetch_retries: PositiveInt | None = Field(None, description="Tries of a transient fetch failure "
                                                                "(overrides fetch.retries).")
    allow_networks: Annotated[tuple[str, ...] | None, NoDecode] = Field(
        None, description="Private networks that may be fetched, e.g. 10.0.0.0/8; comma-separated in the "
                          "environment (overrides fetch.allowed_networks).")

    @classmethod
    def settings_customise_sources(cls, settings_cls: type[BaseSettings], init_settings: PydanticBaseSettingsSource,
                                   env_settings: PydanticBaseSettingsSource,
                                   dotenv_settings: PydanticBaseSettingsSource,
                                   file_secret_settings: PydanticBaseSettingsSource,
                                   ) -> tuple[PydanticBaseSettingsSource, ...]:
        return init_settings, env_settings, TomlConfigSettingsSource(settings_cls, toml_file=config_path())

    @field_validator("syntax", mode="before")
    @classmethod
    def _yes_no(cls, value: Any) -> Any:
        if isinstance(value, str):
            word = value.strip().lower()
            if word in ("1", "true", "yes", "on"):
                return True
            if word in ("0", "false", "no", "off"):
                return False
            if word == "":
                return None
            raise ValueError("not a yes/no value (use 1 or 0)")
        return value

    @field_validator("allow_networks", mode="before")
    @classmethod
    def _networks(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = tuple(part.strip() for part in value.split(",") if part.strip())
        for network in value or ():
            try:
                ipaddress.ip_network(network, strict=False)
            except ValueError:
                raise ValueError(f"{network!r} is not an address or network") from None
        return value

    @model_validator(mode="after")
    def _apply_shortcuts(self) -> Settings:
        options = {"pipeline": self.pipeline, "fetch": self.fetch}
        for name, (section, *path) in SHORTCUTS.items():
            value = getattr(self, name)
            if value is not None:
                options[section] = _with_option(options[section], tuple(path), value)
        model = options["pipeline"].entities.model
        if not (spacy.util.is_package(model) or Path(model).is_dir()):
            raise ValueError(f"ner_model={model!r}: not an installed spaCy pipeline package (or a model "
                             "folder): install it, or unset NEWSETL_NER_MODEL for the default")
        # The model is frozen; this runs once, while it is being built.
        for section, value in options.items():
            object.__setattr__(self, section, value)
        return self

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

    @field_validator("schedule")
    @classmethod
    def _valid_cron(cls, value: str) -> str:
        from datetime import datetime

        from cronsim import CronSim, CronSimError

        try:
            CronSim(value, datetime(2000, 1, 1))
        except CronSimError as error:
            raise ValueError(f"not a cron schedule ({error}); e.g. '0 2 * * *' is every day at 02:00") from None
        return value

    @field_validator("timezone")
    @classmethod
    def _valid_timezone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError("not a known time zone; use an IANA name such as 'Europe/Berlin' or 'UTC'") from None
        return value


def describe_error(error: ValidationError) -> str:
    """One line per bad setting: its key, the value given and what is wrong with it."""
    lines = []
    for item in error.errors():
        key = ".".join(str(part) for part in item["loc"])
        message = item["msg"].removeprefix("Value error, ")
        if not key:  # a check across settings; its message names the key
            lines.append(message)
        elif item["type"] == "extra_forbidden":
            lines.append(f"{key}: unknown setting (see 'newsetl config' for the known ones)")
        else:
            env_name = ENV_PREFIX + "__".join(str(part) for part in item["loc"]).upper()
            lines.append(f"{key}={item['input']!r} ({env_name}): {message}")
    return "; ".join(lines) + f" (from a parameter, the environment or {config_path()})"


def load_settings(sources: list[str] | None = None, warehouse: str | None = None,
                  batch_size: int | None = None, workers: int | None = None,
                  lock_wait_seconds: float | None = None, fetch: FetchOptions | None = None,
                  refresh: bool | None = None, **more: Any) -> Settings:
    """Parameters given (not None) win over NEWSETL_* environment, then newsetl.toml, then defaults."""
    given = {"sources": list(sources) if sources else None, "warehouse": warehouse, "batch_size": batch_size,
             "workers": workers, "lock_wait_seconds": lock_wait_seconds, "fetch": fetch, "refresh": refresh,
             **more}
    path = config_path()
    if os.environ.get(f"{ENV_PREFIX}CONFIG") and not path.is_file():
        raise SettingsError(f"{ENV_PREFIX}CONFIG={str(path)!r}: no such file")
    try:
        return Settings(**{key: value for key, value in given.items() if value is not None})
    except ValidationError as error:
        raise SettingsError(describe_error(error)) from None
    except ValueError as error:  # a newsetl.toml that is not TOML
        raise SettingsError(f"{path}: {error}") from None


def settings_from_shortcuts(env: Mapping[str, str]) -> Settings:
    """Settings with the shortcut variables (NEWSETL_DEDUP_THRESHOLD, ...) found in `env`."""
    given = {name: env[key] for name in SHORTCUTS if (key := f"{ENV_PREFIX}{name.upper()}") in env and env[key]}
    try:
        return Settings(**given)
    except ValidationError as error:
        raise SettingsError(describe_error(error)) from None


def pipeline_options(env: Mapping[str, str]) -> PipelineOptions:
    return settings_from_shortcuts(env).pipeline


def fetch_options_from_env(env: Mapping[str, str]) -> FetchOptions:
    return settings_from_shortcuts(env).fetch


def effective_settings(settings: Settings) -> dict[str, Any]:
    """Settings as plain values, for `newsetl config` and the run's artifact."""
    return settings.model_dump(mode="json")
