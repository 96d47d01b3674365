"""Validation issues and the report that collects them (never an exception per issue)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Issue:
    """One problem in a data file, located as precisely as the file allows."""

    file: str
    line: int | None
    code: str  # kebab-case, stable: unknown-state, bad-date, yaml-syntax …
    path: str  # instruments[coe-ets-185].parties[41].state, or "" for the whole file
    message: str
    severity: Severity = "error"

    def format(self) -> str:
        """`file:line: severity[code] path: message`, the form editors and CI link to."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        path = f" {self.path}:" if self.path else ""
        return f"{where}: {self.severity}[{self.code}]{path} {self.message}"

    def as_dict(self) -> dict:
        return {"code": self.code, "severity": self.severity, "file": self.file,
                "line": self.line, "path": self.path, "message": self.message}


@dataclass
class Report:
    """Everything `validate` found, with counts for `--stats`."""

    issues: list[Issue] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    stats: dict = field(default_factory=dict)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]

    @property
    def valid(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        e, w, f = len(self.errors), len(self.warnings), len(self.files)
        return f"{e} error{'s' * (e != 1)}, {w} warning{'s' * (w != 1)} in {f} file{'s' * (f != 1)}"

    def as_dict(self) -> dict:
        return {"valid": self.valid, "stats": self.stats,
                "errors": [i.as_dict() for i in sorted(self.issues, key=_order)]}


def _order(issue: Issue) -> tuple:
    return (issue.file, issue.line or 0, issue.code, issue.path)


def sort_issues(issues: list[Issue]) -> list[Issue]:
    """File order, then line: the order a maintainer fixes them in."""
    return sorted(issues, key=_order)
