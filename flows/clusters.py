"""Near-duplicate clusters for one batch: earlier copies from the warehouse, then each article in turn."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from transforms.dedup import (
    DuplicateIndex,
    assign_clusters,
    band_keys,
    signature_bytes,
    signature_from_bytes,
    signature_scheme,
)
from transforms.options import DedupOptions
from transforms.pipeline import ProcessedDocument
from transforms.records import DuplicateLink, LshBand, MinhashSignature
from warehouse.lookups import committed_band_matches


@dataclass(frozen=True, slots=True)
class ClusteredBatch:
    processed: list[ProcessedDocument]  # articles with their cluster_id set
    signatures: list[MinhashSignature]
    bands: list[LshBand]
    links: list[DuplicateLink]


def cluster_batch(warehouse: Path, processed: list[ProcessedDocument], options: DedupOptions) -> ClusteredBatch:
    scheme = signature_scheme(options)
    index = DuplicateIndex(options)
    keys_of = [band_keys(p.signature, options) for p in processed]  # once: the lookup and the assignment use them
    wanted = {key for keys in keys_of for key in keys}
    # The DuplicateIndex keeps candidates_per_band + 1 per key (one may be the article itself).
    earlier = committed_band_matches(warehouse, wanted, scheme, per_key=options.candidates_per_band + 1)
    for article_id, cluster_id, signature, keys in earlier:
        index.add(article_id, cluster_id, signature_from_bytes(signature), keys)
    chosen = assign_clusters(index, [(p.article.article_id, p.signature) for p in processed], keys_of)
    clustered: list[ProcessedDocument] = []
    signatures: list[MinhashSignature] = []
    bands: list[LshBand] = []
    links: list[DuplicateLink] = []
    for document, (choice, keys) in zip(processed, chosen, strict=True):
        article_id = document.article.article_id
        clustered.append(replace(document, article=replace(document.article, cluster_id=choice.cluster_id)))
        signatures.append(
            MinhashSignature(
                article_id=article_id,
                cluster_id=choice.cluster_id,
                scheme=scheme,
                signature=signature_bytes(document.signature),
            )
        )
        bands.extend(LshBand(band_key=key, article_id=article_id) for key in keys)
        links.extend(
            DuplicateLink(article_id=article_id, duplicate_of=match.article_id, similarity=match.similarity)
            for match in choice.links
        )
    return ClusteredBatch(processed=clustered, signatures=signatures, bands=bands, links=links)
