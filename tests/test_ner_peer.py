"""The NER peer benchmark never downloads in quick mode (CI runs every benchmark quick)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import ner_peer
from benchmarks.common import Options

pytestmark = pytest.mark.slow


def test_quick_mode_without_the_peers_environment_makes_none_and_still_measures_ours(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "ner-peer" / "bin" / "python"
    monkeypatch.setattr(ner_peer, "peer_python", lambda: missing)

    def _no_install() -> Path:
        raise AssertionError("quick mode must not make the peer's environment")

    monkeypatch.setattr(ner_peer, "ensure_peer", _no_install)
    outcome = ner_peer.run(Options(quick=True, workdir=tmp_path, profile=False))
    assert not outcome.error
    (figure,) = outcome.figures
    assert figure.metric == "ours: throughput" and figure.value and figure.value > 0
    assert any("--only ner-peer" in note for note in outcome.notes)
    assert not missing.exists()
