"""The data-gaps file (`GAPS.md`): what is known to be missing or unverified, by topic.

Its shape: `## topic` headings, then one `- **key**: text` line per gap, where the key names an
instrument id, a state code (or several, comma-separated) or a helper's batch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_ENTRY = re.compile(r"^- \*\*(?P<key>[^*]+)\*\*:?\s*(?P<text>.*)$")
_TOKENS = re.compile(r"[\s,/]+")


@dataclass(frozen=True)
class Gap:
    topic: str  # the `##` heading it sits under
    key: str  # the bold key ("un-cat-1984", "KE", "BD, BN, BT"), or "" for a free-form line
    text: str


def read_gaps(path: Path) -> list[Gap]:
    """Every `- ` line of the gaps file under its heading (lines before the first heading are prose)."""
    out: list[Gap] = []
    topic = ""
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("## "):
            topic = line[3:].strip()
        elif line.startswith("- ") and topic:
            m = _ENTRY.match(line)
            out.append(Gap(topic, m["key"].strip(), m["text"].strip()) if m else Gap(topic, "", line[2:].strip()))
    return out


def gaps_about(gaps: list[Gap], name: str) -> list[Gap]:
    """The gaps filed under `name` (an instrument id or a state code): by heading or by key, whole tokens
    only, so "KE" never matches "ke-us-ext-1931" and "un-untoc" never matches "un-untoc-firearms"."""
    return [g for g in gaps if name in _TOKENS.split(g.topic) or name in _TOKENS.split(g.key)]


def topic_counts(gaps: list[Gap]) -> dict[str, int]:
    """How many gaps under each heading, largest first (for `validate --stats`)."""
    counts: dict[str, int] = {}
    for g in gaps:
        counts[g.topic] = counts.get(g.topic, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
