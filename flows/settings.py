"""The one place configuration is read: environment and parameters become frozen options."""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import spacy.util

from transforms.entities import EntityOptions
from transforms.pipeline import PipelineOptions
from warehouse.fetch import FetchOptions

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEEDS = PROJECT_ROOT / "seeds"

# Prefect reads these at import time, so they are set before any flow module loads it.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")


class SettingsError(ValueError):
    """A setting has a value we cannot use; the message names the key and the value."""


@dataclass(frozen=True, slots=True)
class Settings:
    warehouse: Path
    sources: tuple[str, ...]
    batch_size: int = 200
    workers: int = 2
    pipeline: PipelineOptions = field(default_factory=PipelineOptions)
    fetch: FetchOptions = field(default_factory=FetchOptions)
    refresh: bool = False  # fetch URLs again (conditionally) although their bytes are stored


def _positive_int(key: str, raw: str | int | None, default: int) -> int:
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise SettingsError(f"{key}={raw!r} is not a whole number") from None
    if value < 1:
        raise SettingsError(f"{key}={raw!r} must be at least 1")
    return value


def _positive_float(key: str, raw: str | None, default: float) -> float:
    if raw is None or raw == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(f"{key}={raw!r} is not a number") from None
    if value <= 0:
        raise SettingsError(f"{key}={raw!r} must be more than 0")
    return value


def fetch_options_from_env(env: Mapping[str, str]) -> FetchOptions:
    """NEWSETL_USER_AGENT, NEWSETL_REQUESTS_PER_SECOND (per host), NEWSETL_HOST_CONCURRENCY,
    NEWSETL_FETCH_DEADLINE (seconds), NEWSETL_MAX_BODY_BYTES, NEWSETL_FETCH_RETRIES and
    NEWSETL_ALLOW_NETWORKS (comma-separated, e.g. 10.0.0.0/8: fetch these private addresses)."""
    defaults = FetchOptions()
    networks = tuple(n.strip() for n in env.get("NEWSETL_ALLOW_NETWORKS", "").split(",") if n.strip())
    for network in networks:
        try:
            ipaddress.ip_network(network, strict=False)
        except ValueError:
            raise SettingsError(f"NEWSETL_ALLOW_NETWORKS: {network!r} is not an address or network") from None
    retries = env.get("NEWSETL_FETCH_RETRIES")
    return FetchOptions(
        user_agent=env.get("NEWSETL_USER_AGENT") or defaults.user_agent,
        requests_per_second_per_host=_positive_float("NEWSETL_REQUESTS_PER_SECOND",
                                                     env.get("NEWSETL_REQUESTS_PER_SECOND"),
                                                     defaults.requests_per_second_per_host),
        concurrency_per_host=_positive_int("NEWSETL_HOST_CONCURRENCY", env.get("NEWSETL_HOST_CONCURRENCY"),
                                           defaults.concurrency_per_host),
        deadline_seconds=_positive_float("NEWSETL_FETCH_DEADLINE", env.get("NEWSETL_FETCH_DEADLINE"),
                                         defaults.deadline_seconds),
        max_body_bytes=_positive_int("NEWSETL_MAX_BODY_BYTES", env.get("NEWSETL_MAX_BODY_BYTES"),
                                     defaults.max_body_bytes),
        retries=defaults.retries if not retries else _positive_int("NEWSETL_FETCH_RETRIES", retries, 1),
        allowed_networks=networks,
    )


def _fraction(key: str, raw: str | None, default: float) -> float:
    if raw is None or raw == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(f"{key}={raw!r} is not a number") from None
    if not 0.0 < value <= 1.0:
        raise SettingsError(f"{key}={raw!r} must be above 0 and at most 1")
    return value


def pipeline_options(env: Mapping[str, str]) -> PipelineOptions:
    """Entity model, text-cleaning and duplicate thresholds (README, "Clean text, language and duplicates")."""
    defaults = PipelineOptions(entities=entity_options(env))
    dedup = replace(defaults.dedup, threshold=_fraction(
        "NEWSETL_DEDUP_THRESHOLD", env.get("NEWSETL_DEDUP_THRESHOLD"), defaults.dedup.threshold))
    boilerplate = replace(defaults.boilerplate, min_stories=_positive_int(
        "NEWSETL_BOILERPLATE_MIN_STORIES", env.get("NEWSETL_BOILERPLATE_MIN_STORIES"),
        defaults.boilerplate.min_stories))
    return replace(defaults, dedup=dedup, boilerplate=boilerplate)


def _flag(key: str, raw: str | None, default: bool) -> bool:
    if raw is None or raw == "":
        return default
    if raw.strip().lower() in ("1", "true", "yes", "on"):
        return True
    if raw.strip().lower() in ("0", "false", "no", "off"):
        return False
    raise SettingsError(f"{key}={raw!r} is not a yes/no value (use 1 or 0)")


def entity_options(env: dict[str, str]) -> EntityOptions:
    """NEWSETL_NER_MODEL names any installed spaCy pipeline; NEWSETL_SYNTAX=0 skips the parser."""
    default = EntityOptions()
    model = env.get("NEWSETL_NER_MODEL") or default.model
    if not (spacy.util.is_package(model) or Path(model).is_dir()):
        raise SettingsError(f"NEWSETL_NER_MODEL={model!r} is not an installed spaCy pipeline package "
                            "(or a model folder): install it, or unset NEWSETL_NER_MODEL for the default")
    return replace(default, model=model,
                   syntax=_flag("NEWSETL_SYNTAX", env.get("NEWSETL_SYNTAX"), default.syntax))


def load_settings(sources: list[str] | None = None, warehouse: str | None = None,
                  batch_size: int | None = None, workers: int | None = None,
                  fetch: FetchOptions | None = None, refresh: bool = False) -> Settings:
    """Parameters win over NEWSETL_* environment variables, which win over defaults."""
    env = os.environ
    warehouse_dir = warehouse or env.get("NEWSETL_WAREHOUSE") or "data"
    default_workers = min(2, os.cpu_count() or 1)
    return Settings(
        warehouse=Path(warehouse_dir).expanduser().resolve(),
        sources=tuple(sources) if sources else (str(DEFAULT_SEEDS),),
        batch_size=_positive_int("batch_size", batch_size if batch_size is not None
                                 else env.get("NEWSETL_BATCH_SIZE"), 200),
        workers=_positive_int("workers", workers if workers is not None
                              else env.get("NEWSETL_WORKERS"), default_workers),
        fetch=fetch or fetch_options_from_env(env),
        refresh=refresh,
        pipeline=pipeline_options(env),
    )
