"""Writers: a rich table for a person; json, jsonl, csv, tsv and markdown for tools.

Machine formats never go through rich (no wrapping, no markup, no row cap). Every writer
takes the result and a text stream; none of them decides anything.
"""

from __future__ import annotations

import csv
import json
from typing import TextIO

from . import vocab
from .model import Pathway, RouteResult

FORMATS = vocab.FORMATS
REMINDER = "Confirm the route with the requested state's central authority before relying on it."
TABLE_ROW_CAP = 25  # a person reads the top; machines get everything
PIPE_WIDTH = 120  # rich would wrap at 80 columns when stdout is not a terminal


def write_route(result: RouteResult, fmt: str, out: TextIO, *, explain: bool = False, limit: int | None = None) -> None:
    """Write `result` to `out` in `fmt` (one of FORMATS)."""
    writers = {"table": write_table, "json": write_json, "jsonl": write_jsonl, "csv": write_csv,
               "tsv": write_tsv, "markdown": write_markdown}
    if limit is not None:
        result = _limited(result, limit)
    if fmt == "table":
        write_table(result, out, explain=explain)
    else:
        writers[fmt](result, out)  # type: ignore[operator]


def _limited(result: RouteResult, limit: int) -> RouteResult:
    from dataclasses import replace

    return replace(result, pathways=result.pathways[:limit])


def write_json(result: RouteResult, out: TextIO) -> None:
    json.dump(result.as_dict(), out, indent=2, ensure_ascii=False)
    out.write("\n")


def write_jsonl(result: RouteResult, out: TextIO) -> None:
    """One pathway per line, each carrying its query, for `jq -c` and line tools."""
    query = result.query.as_dict()
    for p in result.pathways:
        out.write(json.dumps({"query": query, **p.as_dict()}, ensure_ascii=False) + "\n")


_COLUMNS = ["rank", "score", "strength", "instruments", "route", "channels", "articles", "typical_days", "warnings", "sources"]


def _row(p: Pathway) -> list[str]:
    return [
        str(p.rank), f"{p.score:.3f}", p.strength,
        " > ".join("+".join([s.instrument.id, *(i.id for i, _ in s.supplemented_by)]) for s in p.steps),
        route_label(p),
        " > ".join(s.channel for s in p.steps),
        _articles(p),
        "" if p.typical_days is None else str(p.typical_days),
        " ".join(sorted({w.code for w in p.warnings})),
        " ".join(p.sources),
    ]


def write_csv(result: RouteResult, out: TextIO, delimiter: str = ",") -> None:
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(_COLUMNS)
    for p in result.pathways:
        writer.writerow(_row(p))


def write_tsv(result: RouteResult, out: TextIO) -> None:
    write_csv(result, out, delimiter="\t")


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def write_markdown(result: RouteResult, out: TextIO) -> None:
    q = result.query
    out.write(f"### {q.requesting} → {q.requested}: {q.measure} ({q.crime}) on {q.on}\n\n")
    out.write("| # | Route | Channel | Legal basis | Time | Warnings |\n|---|---|---|---|---|---|\n")
    for p in result.pathways:
        out.write("| " + " | ".join(_md(c) for c in (
            str(p.rank), route_label(p), _channels(p), _articles(p), _days(p),
            "; ".join(w.message for w in p.warnings))) + " |\n")
    for w in result.warnings:
        out.write(f"\n- **{w.code}**: {_md(w.message)}")
    out.write(f"\n\nData as of {result.as_of}. {REMINDER}\n")


def _groups(p: Pathway) -> list[list]:
    """Consecutive steps under the same instrument(s), shown once (EIO: preservation → request)."""
    groups: list[list] = []
    for s in p.steps:
        if groups and groups[-1][0].label == s.label:
            groups[-1].append(s)
        else:
            groups.append([s])
    return groups


def route_label(p: Pathway) -> str:
    """"INTERPOL → European Convention on Extradition (provisional arrest → request)"."""
    out = []
    for g in _groups(p):
        roles = " → ".join(s.role.replace("_", " ") for s in g)
        out.append(f"{g[0].label} ({roles})" if len(g) > 1 else g[0].label)
    return " → ".join(out)


def _channels(p: Pathway) -> str:
    return " → ".join(dict.fromkeys(vocab.CHANNELS[s.channel] for s in p.steps))


def _articles(p: Pathway) -> str:
    parts = []
    for g in _groups(p):
        s = g[-1]
        articles = tuple(dict.fromkeys(a for step in g for a in step.articles))  # stages share articles
        for inst, arts in ((s.instrument, articles), *s.supplemented_by):
            parts.append(f"{inst.citation or ''} {', '.join(arts)}".strip())
    return "; ".join(part for part in parts if part)


def _days(p: Pathway) -> str:
    return "not recorded" if p.typical_days is None else f"~{p.typical_days} days"


def write_table(result: RouteResult, out: TextIO, *, explain: bool = False) -> None:
    """A rich table for a person (rank, route, channel, legal basis, time, warning codes), then
    each pathway's warnings in full, the answer's own warnings, and the footer."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    interactive = hasattr(out, "isatty") and out.isatty()
    console = Console(file=out, highlight=False, soft_wrap=False, width=None if interactive else PIPE_WIDTH)
    q = result.query
    shown = result.pathways[:TABLE_ROW_CAP]
    table = Table(title=escape(f"{q.requesting} → {q.requested}: {vocab.MEASURES[q.measure]}; crime: {q.crime}; on {q.on}"),
                  title_justify="left", show_lines=False)
    for name, style in (("#", "bold"), ("Route", "bold cyan"), ("Channel", ""), ("Legal basis", ""),
                        ("Time", ""), ("Warnings", "yellow")):
        table.add_column(name, style=style or None, overflow="fold")
    for p in shown:
        codes = ", ".join(dict.fromkeys(w.code for w in p.warnings))
        table.add_row(str(p.rank), escape(route_label(p)), escape(_channels(p)),
                      escape(_articles(p)), _days(p), escape(codes))
    if shown:
        console.print(table)
        for p in shown:
            details = []
            for n, s in enumerate(p.steps, start=1):
                if len(p.steps) > 1:
                    details.append(f"   step {n}: {s.role.replace('_', ' ')} — {s.label}" + (f" ({s.note})" if s.note else ""))
                indent = "      " if len(p.steps) > 1 else "   "
                for i, d in enumerate(s.deadlines):  # under the step whose deadline it is
                    when = f" — by {s.due[i]}" if i < len(s.due) else ""
                    details.append(f"{indent}deadline: {d.what}: {d.span}" + (f" ({d.article})" if d.article else "") + when)
            details += [f"   [{w.code}] {w.message}" for w in p.warnings]
            if details:
                console.print(escape(f"{p.rank}. {p.main.label}"), style="bold")
                for line in details:
                    console.print(escape(line))
    else:
        console.print(escape(f"No pathway: {q.requesting} → {q.requested}, {vocab.MEASURES[q.measure]}, crime {q.crime}, on {q.on}."))
    if len(result.pathways) > TABLE_ROW_CAP:
        console.print(f"… {len(result.pathways) - TABLE_ROW_CAP} more: use --format json for all")
    for w in result.warnings:
        console.print(escape(f"! [{w.code}] {w.message}"), style="yellow")
    if explain and result.absent:
        console.print("Not offered:", style="bold")
        for a in result.absent:
            console.print(escape(f"  - {a.name} ({a.instrument}): {a.reason}"))
    console.print(escape(f"Data as of {result.as_of}. {REMINDER}"), style="dim")


def write_jit(query: dict, bases: list, support: list, fmt: str, out: TextIO) -> None:
    """`coopfinder jit`: the bases binding every partner, the others with who lacks them, support."""
    if fmt == "json":
        json.dump({"query": query, "bases": [b.as_dict() for b in bases],
                   "support": [{"id": i.id, "name": i.label} for i in support]}, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return
    out.write(f"Joint investigation team {' + '.join(query['states'])}, crime: {query['crime']}, on {query['on']}\n")
    for b in bases:
        arts = f" ({', '.join(b.articles)})" if b.articles else ""
        name = b.instrument.label
        if not b.missing:
            out.write(f"  binds all: {name}{arts}" + (f" — {b.note}" if b.note else "") + "\n")
        else:
            out.write(f"  not all:   {name}{arts} — " + "; ".join(f"{s}: {r}" for s, r in b.missing) + "\n")
    if not any(not b.missing for b in bases):
        out.write("  no legal basis in the data binds every partner\n")
    for inst in support:
        out.write(f"  support:   {inst.label} (binds every partner)\n")


def write_record(record: dict, fmt: str, out: TextIO) -> None:
    """`coopfinder show`: a state's or an instrument's record, as text or JSON."""
    if fmt == "json":
        json.dump(record, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return
    if "parties" in record:
        in_force = record["in_force"] or ("not yet" if record["pending"] else "not recorded")
        out.write(f"{record['short_name'] or record['name']} ({record['id']}) — {record['name']}\n")
        out.write(f"  {record['citation'] or ''}  adopted {record['adopted'] or 'not recorded'}, in force {in_force}\n")
        out.write(f"  source: {record['source']}\n")
        for m in record["measures"]:
            out.write(f"  provides {m['measure']} ({', '.join(m['articles']) or 'articles not recorded'}) via {m['channel']}\n")
        out.write(f"  on {record['on']}:\n")
        for p in record["parties"]:
            out.write(f"    {p['state']}  {p['status']:9}  {p['reason']}\n")
        _write_gaps(record, out)
        return
    out.write(f"{record['name']} ({record['code']}) on {record['on']}\n")
    for key, value in record["facts"].items():
        if isinstance(value, dict):
            shown = value.get("value") or value.get("name")
            extra = value.get("condition") or value.get("law") or value.get("citation") or ""
            out.write(f"  {key}: {shown}{' — ' + extra if extra else ''}  [{value.get('source', 'no source')}]\n")
        else:
            out.write(f"  {key}: {value}\n")
    out.write(f"  member of: {', '.join(record['member_of']) or 'none recorded'}\n")
    out.write(f"  bound by: {', '.join(record['bound_by']) or 'none recorded'}\n")
    if record.get("status_not_recorded"):
        out.write(f"  status not recorded (a party record without the date it became bound): "
                  f"{', '.join(record['status_not_recorded'])}\n")
    _write_gaps(record, out)


def _write_gaps(record: dict, out: TextIO, width: int = 160) -> None:
    """The known gaps about the record, one line each (cut at `width`: the file has the whole entry)."""
    gaps = record.get("gaps") or []
    if not gaps:
        return
    out.write(f"  known gaps ({len(gaps)}, see the data's GAPS.md):\n")
    for g in gaps:
        # the key says which state an instrument's entry is about; it adds nothing when it repeats the heading
        key = f"{g['key']}: " if g.get("key") and g["key"] != g["topic"] else ""
        line = f"[{g['topic']}] {key}{g['text']}"
        out.write(f"    {line if len(line) <= width else line[:width - 1] + '…'}\n")
