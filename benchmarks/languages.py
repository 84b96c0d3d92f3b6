"""Korean and Russian parse throughput beside English, with the cost of their analysers.

The single reports of the development set (``tests/devset/{en,ko,ru}``) are parsed in a
fresh process per language, repeated to a corpus of :data:`REPORTS` reports each (every
copy's text made unique, so no per-text memo is reused). Reported alongside: the first-use
load of Kiwi (Korean), pymorphy3 (Russian) and lingua (detection), the detection time per
report, and the installed size of each analyser with its data package.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from benchmarks.common import Figure, Options, Outcome, mb, run_python

TITLE = "Korean and Russian parsing beside English (devset reports, one process each)"
#: Reports parsed per language (the devset's reports, repeated with a unique tail).
REPORTS = 300
QUICK_REPORTS = 20
LANGUAGES = ("en", "ko", "ru")
#: Packages whose installed size is reported, by what they do.
PACKAGES = {
    "Kiwi (kiwipiepy + kiwipiepy-model + its binary)": ("kiwipiepy", "kiwipiepy_model"),
    "pymorphy3 (+ pymorphy3-dicts-ru, dawg)": ("pymorphy3", "pymorphy3_dicts_ru", "dawg_python"),
    "lingua (lingua-language-detector)": ("lingua",),
}

CHILD = """
import json, time
from dataclasses import replace
from routes.evaluate.devset import load_devset
from routes.read.gazetteer import load_gazetteer
from routes.read.geoparse import parse

language, count = {language!r}, {count}
base = [c.report for c in load_devset().reports if c.report.language == language]
reports = [
    replace(r, id=f"{{r.id}}-{{i}}", text=f"{{r.text}}\\n({{i}})")
    for i, r in zip(range(count), base * (count // len(base) + 1))
]
gazetteer = load_gazetteer()
gazetteer.candidates("Vladivostok")
result = {{"reports": len(reports), "bytes": sum(len(r.text.encode()) for r in reports)}}
started = time.perf_counter()
if language == "ko":
    from routes.read import morph
    morph.korean_tokens("평양에서 출발했다.")
elif language == "ru":
    from routes.read import morph
    morph.russian_lemma("прибыл")
result["analyser_load"] = time.perf_counter() - started
from routes.read.language import detect_language
started = time.perf_counter()
detect_language(base[0].text)
result["detector_load"] = time.perf_counter() - started
started = time.perf_counter()
for r in reports[:50]:
    detect_language(r.text)
result["detect_each"] = (time.perf_counter() - started) / min(50, len(reports))
started = time.perf_counter()
parsed = parse(reports[:1], gazetteer)
result["first_report"] = time.perf_counter() - started
started = time.perf_counter()
parsed = parse(reports[1:], gazetteer)
result["parse"] = time.perf_counter() - started
result["mentions"] = sum(len(p.mentions) for p in parsed.places)
print(json.dumps(result))
"""


def run(options: Options) -> Outcome:
    """Parse each language's reports in a fresh process; report throughput and load costs."""
    outcome = Outcome(name="languages", title=TITLE)
    count = QUICK_REPORTS if options.quick else REPORTS
    english = None
    for language in LANGUAGES:
        r = run_python(CHILD.format(language=language, count=count))
        size = r["bytes"] * (r["reports"] - 1) / r["reports"]
        rate = (r["reports"] - 1) / r["parse"]
        english = english or rate
        outcome.add(
            Figure(f"{language}: reports per second", rate, "reports/s"),
            Figure(f"{language}: throughput", mb(size) / r["parse"], "MB/s"),
            Figure(f"{language}: speed beside English", rate / english, "ratio", better="higher"),
            Figure(f"{language}: first report (analyser warm-up)", r["first_report"], "s"),
            Figure(f"{language}: analyser load", r["analyser_load"], "s"),
            Figure(f"{language}: detection per report", r["detect_each"] * 1000, "ms"),
        )
        if language == "ko":  # the first text with Hangul builds the detector
            outcome.add(Figure("lingua detector build (first detection)", r["detector_load"], "s"))
    for label, packages in PACKAGES.items():
        outcome.add(Figure(f"installed size: {label}", _installed_mib(packages), "MiB"))
    outcome.notes.append(
        f"{count} reports per language: the development set's single reports of that "
        "language, repeated, each copy's text made unique; the first report is timed alone "
        "(it loads the analyser's model on first use), the rest as one `parse` call. "
        "English detection returns without the detector (no Hangul or Cyrillic letter)."
    )
    return outcome


def _installed_mib(packages: tuple[str, ...]) -> float | None:
    """MiB on disk of the given importable packages (their folders and sibling binaries)."""
    total = 0
    for name in packages:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.origin:
            return None
        folder = Path(spec.origin).parent
        total += sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
        total += sum(f.stat().st_size for f in folder.parent.glob(f"_{name}*.so"))
    return total / 2**20
