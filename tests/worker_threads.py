"""A stand-in extraction step that reports the threads of the worker process running it. In a module of
its own that imports only transforms/: a spawned worker imports the module a step comes from, and a test
module's imports (Prefect, pyarrow) would start threads of their own in it."""

from __future__ import annotations

import gc
import os
from collections.abc import Collection

from transforms.options import PipelineOptions
from transforms.reasons import Reason, Stage
from transforms.records import RawDocument, Rejection


def threads_reporting_prepare(raw: RawDocument, options: PipelineOptions, chrome: Collection[str]) -> Rejection:
    """In place of extraction, in a worker that has loaded its model: a rejection whose detail is the number
    of threads of the process running it."""
    threads = len(os.listdir("/proc/self/task"))
    return Rejection(raw.doc_id, raw.source, Stage.PROCESS, Reason.INTERNAL_ERROR, f"threads={threads}")


def frozen_reporting_prepare(raw: RawDocument, options: PipelineOptions, chrome: Collection[str]) -> Rejection:
    """In place of extraction: a rejection whose detail is how many objects the garbage collector leaves out of
    its walks in the process running it (`gc.freeze`)."""
    return Rejection(raw.doc_id, raw.source, Stage.PROCESS, Reason.INTERNAL_ERROR, f"frozen={gc.get_freeze_count()}")
