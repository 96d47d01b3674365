"""Turn what a user types ("de", "DEU", "germany", "United States", "UK") into a state code."""

from __future__ import annotations

import difflib
import unicodedata

from .model import Dataset


class UnknownState(ValueError):
    """Input that names no state in the data; the message carries a "did you mean"."""


def _fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form: "Türkiye" == "turkiye"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join("".join(c if c.isalnum() else " " for c in kept).split())


def _names(ds: Dataset) -> dict[str, str]:
    """Folded name -> code, from the data's names and aliases."""
    out: dict[str, str] = {}
    for code, state in ds.states.items():
        for name in (state.name, *state.aliases):
            out.setdefault(_fold(name), code)
    return out


def _iso_names(ds: Dataset, folded: str) -> str | None:
    """alpha-3 codes and ISO names, through pycountry (imported only when needed)."""
    import pycountry

    hit = None
    if len(folded) == 3 and folded.isalpha():
        hit = pycountry.countries.get(alpha_3=folded.upper())
    if hit is None:
        for country in pycountry.countries:
            names = {getattr(country, k, None) for k in ("name", "official_name", "common_name")}
            if folded in {_fold(n) for n in names if n}:
                hit = country
                break
    return hit.alpha_2 if hit is not None and hit.alpha_2 in ds.states else None


def resolve_state(ds: Dataset, text: str) -> str:
    """The code of the state `text` names, or UnknownState with the closest matches."""
    raw = text.strip()
    if raw.upper() in ds.states and len(raw) == 2:
        return raw.upper()
    folded = _fold(raw)
    names = _names(ds)
    if folded in names:
        return names[folded]
    if folded:
        code = _iso_names(ds, folded)
        if code:
            return code
        # a word that several names contain ("Korea", "Guinea-" prefixes): ask, never guess
        words = {c for name, c in names.items() if f" {folded} " in f" {name} "}
        if len(words) > 1:
            listed = " or ".join(f"{c} {ds.states[c].name}" for c in sorted(words))
            raise UnknownState(f"ambiguous state {text.strip()!r}: {listed}?")
        if len(words) == 1:
            return words.pop()
    candidates = list(names) + [c.lower() for c in ds.states]
    close = difflib.get_close_matches(folded, candidates, n=3, cutoff=0.6)
    suggestions = list(dict.fromkeys(names.get(c, c.upper()) for c in close))
    hint = ""
    if suggestions:
        hint = " (did you mean " + " or ".join(f"{c} {ds.states[c].name}" for c in suggestions if c in ds.states) + "?)"
    shown = text if text.isprintable() else repr(text)
    raise UnknownState(f"unknown state {shown!r}{hint}")
