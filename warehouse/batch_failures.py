"""A batch that failed as a whole: the rejection of each of its documents, with the id it would have had."""

from __future__ import annotations

from transforms.ids import rejection_id
from transforms.reasons import Reason, Stage
from transforms.records import Rejection
from warehouse.sources import DocumentRef, read_document


def failed_document(ref: DocumentRef, detail: str) -> Rejection:
    """The rejection of one document of a failed batch; local bytes are read again for its doc_id,
    a URL is not fetched again (its id then comes from the URL)."""
    if ref.kind != "url":
        try:
            read = read_document(ref)
        except Exception:  # noqa: BLE001 - reading may be what failed; the URL-style id will do
            read = None
        if isinstance(read, Rejection):
            return read
        if read is not None:
            return Rejection(
                doc_id=read.doc_id, source=read.source, stage=Stage.PROCESS, reason=Reason.BATCH_FAILED, detail=detail
            )
    return Rejection(
        doc_id=rejection_id(Stage.PROCESS, Reason.BATCH_FAILED, ref.source, ref.offset),
        source=ref.source,
        stage=Stage.PROCESS,
        reason=Reason.BATCH_FAILED,
        detail=detail,
    )
