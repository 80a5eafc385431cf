"""The one place configuration is read: flow parameters, NEWSETL_* environment, newsetl.toml, defaults.

In that order of precedence. Values are validated (pydantic-settings) into one frozen
`Settings`; its option objects (`pipeline` and the stage options inside it) are handed to
transforms, its paths to the warehouse. To add an option: add a field here (with a
description, shown by `newsetl config`), or a field to an options dataclass that a field
here holds; environment and newsetl.toml then set it with no other change.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import spacy.util
from pydantic import Field, NonNegativeFloat, PositiveInt, ValidationError, field_validator, model_validator
from pydantic_settings import (BaseSettings, NoDecode, PydanticBaseSettingsSource, SettingsConfigDict,
                               TomlConfigSettingsSource)

from transforms.pipeline import PipelineOptions

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


# Top-level settings that set one option of a stage: name -> (PipelineOptions field, option).
SHORTCUTS = {
    "ner_model": ("entities", "model"),
    "syntax": ("entities", "syntax"),
    "dedup_threshold": ("dedup", "threshold"),
    "boilerplate_min_stories": ("boilerplate", "min_stories"),
}


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
    schedule: str = Field("0 2 * * *", description="Cron schedule of the nightly deployment.")
    timezone: str = Field("UTC", description="Time zone of the nightly schedule (IANA name).")
    pipeline: PipelineOptions = Field(default_factory=PipelineOptions,
                                      description="Options of the text stages (extract, normalise, ...).")
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

    @model_validator(mode="after")
    def _apply_shortcuts(self) -> Settings:
        pipeline = self.pipeline
        for name, (stage, option) in SHORTCUTS.items():
            value = getattr(self, name)
            if value is not None:
                pipeline = replace(pipeline, **{stage: replace(getattr(pipeline, stage), **{option: value})})
        model = pipeline.entities.model
        if not (spacy.util.is_package(model) or Path(model).is_dir()):
            raise ValueError(f"ner_model={model!r}: not an installed spaCy pipeline package (or a model "
                             "folder): install it, or unset NEWSETL_NER_MODEL for the default")
        # The model is frozen; this runs once, while it is being built.
        object.__setattr__(self, "pipeline", pipeline)
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
                  lock_wait_seconds: float | None = None, **more: Any) -> Settings:
    """Parameters given (not None) win over NEWSETL_* environment, then newsetl.toml, then defaults."""
    given = {"sources": list(sources) if sources else None, "warehouse": warehouse, "batch_size": batch_size,
             "workers": workers, "lock_wait_seconds": lock_wait_seconds, **more}
    path = config_path()
    if os.environ.get(f"{ENV_PREFIX}CONFIG") and not path.is_file():
        raise SettingsError(f"{ENV_PREFIX}CONFIG={str(path)!r}: no such file")
    try:
        return Settings(**{key: value for key, value in given.items() if value is not None})
    except ValidationError as error:
        raise SettingsError(describe_error(error)) from None
    except ValueError as error:  # a newsetl.toml that is not TOML
        raise SettingsError(f"{path}: {error}") from None


def pipeline_options(env: Mapping[str, str]) -> PipelineOptions:
    """The stage options with the shortcut settings (NEWSETL_DEDUP_THRESHOLD, ...) found in `env`."""
    given = {name: env[key] for name in SHORTCUTS if (key := f"{ENV_PREFIX}{name.upper()}") in env and env[key]}
    try:
        return Settings(**given).pipeline
    except ValidationError as error:
        raise SettingsError(describe_error(error)) from None


def effective_settings(settings: Settings) -> dict[str, Any]:
    """Settings as plain values, for `newsetl config` and the run's artifact."""
    return settings.model_dump(mode="json")
