"""The validated dataset, pickled on disk and keyed by the data's bytes, so warm runs skip
YAML parsing and validation.

Never a source of truth and never a source of failure: a missing, corrupt, foreign or
unwritable cache is ignored and the data is read from the YAML again. Writes are atomic
(temporary file + rename), so concurrent processes never see half a file.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

from . import __version__

MAGIC = b"coopfinder-cache-1\n"


def cache_dir() -> Path | None:
    """`$COOPFINDER_CACHE` ("" or "0" turns caching off), else the XDG cache folder."""
    explicit = os.environ.get("COOPFINDER_CACHE")
    if explicit is not None:
        return Path(explicit) if explicit not in ("", "0") else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "coopfinder"


def key_for(*blobs: bytes) -> str:
    """Hash of the data files' bytes and the code version: any change makes a new key."""
    digest = hashlib.sha256(__version__.encode())
    for blob in blobs:
        digest.update(len(blob).to_bytes(8, "big"))
        digest.update(blob)
    return digest.hexdigest()[:32]


def read(key: str) -> Any | None:
    """The cached object for `key`, or None for any reason at all."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        raw = (folder / f"{key}.pickle").read_bytes()
        if not raw.startswith(MAGIC):
            return None
        # only files this code wrote under its own key are read; anything else is ignored
        return pickle.loads(raw[len(MAGIC):])
    except Exception:  # a corrupt or foreign cache must never stop an answer
        return None


def write(key: str, value: Any) -> None:
    """Store `value` under `key` atomically; silently do nothing where that is impossible."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(MAGIC + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, folder / f"{key}.pickle")
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, pickle.PicklingError):  # read-only home, full disk: answer without caching
        return
