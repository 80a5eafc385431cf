"""A worker loads its English model once: what the rules read of the model (the lemmatizer's noun index, for
`without_common_nouns_at_sentence_starts`) comes from the model `load_ner` loaded, not from a second load.
Counted in a fresh process, where nothing is loaded yet: the worker's start, then its first documents."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Counts every spaCy model load (spacy.load goes through spacy.util.load_model), starts a worker as the pool
# does and analyses the seeds' English articles, then prints the count and the size of the noun index the rules read.
_WORKER_RUN = """
import spacy.util
loads = []
real_load_model = spacy.util.load_model
def counted_load_model(name, *args, **kwargs):
    loads.append(str(name))
    return real_load_model(name, *args, **kwargs)
spacy.util.load_model = counted_load_model

from pathlib import Path
from flows import workers
from transforms.entities import english_common_nouns
from transforms.options import PipelineOptions
from transforms.pipeline import PreparedDocument, analyse_documents, prepare_document
from transforms.records import RawDocument

options = PipelineOptions()
workers._init_worker(options, workers.PIPELINE)
pages = sorted(Path("seeds").glob("*.html"))[:6]
raws = [RawDocument(doc_id=f"doc-{i}", source=str(p), url=None, content=p.read_bytes(), media_type="text/html")
        for i, p in enumerate(pages)]
prepared = [prepare_document(raw, options) for raw in raws]
to_analyse = [p for p in prepared if isinstance(p, PreparedDocument) and p.needs_nlp]
assert to_analyse
results = list(analyse_documents(to_analyse, workers._worker_nlp, options))
assert any(getattr(r, "mentions", None) for r in results)
print(len(loads), len(english_common_nouns(options.entities.model)))
"""


def test_a_worker_loads_the_english_model_once_and_reads_its_noun_index_from_it():
    result = subprocess.run(
        [sys.executable, "-c", _WORKER_RUN], cwd=ROOT, capture_output=True, text=True, timeout=300, check=True
    )
    loads, nouns = (int(field) for field in result.stdout.split())
    assert nouns > 10_000  # the index is there: the rule is on
    assert loads == 1
