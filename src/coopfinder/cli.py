"""The command line: parse, call one library function, map errors to exit codes. Nothing else.

Exit codes (../shared/DESIGN.md): route 0 found / 1 none / 2 bad usage / 3 invalid data;
validate 0 valid / 1 problems / 2 bad usage.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import typer

from . import __version__, vocab
from .vocab import FORMATS

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Find the legal routes for international cooperation in criminal matters.",
                  context_settings={"help_option_names": ["-h", "--help"]})

EXIT_FOUND, EXIT_NONE, EXIT_USAGE, EXIT_DATA = 0, 1, 2, 3
EXIT_IO = 74  # the output could not be written (full disk, read-only target): sysexits' EX_IOERR

DataOpt = typer.Option(None, "--data", envvar="COOPFINDER_DATA", metavar="DIR",
                       help="Dataset folder with states.yaml and instruments.yaml [default: the bundled data].")
DebugOpt = typer.Option(False, "--debug", help="Show a Python traceback on unexpected errors.")
OnOpt = typer.Option(None, "--on", metavar="YYYY-MM-DD", help="Date the question is asked for [default: today].")
CrimeOpt = typer.Option("any", "--crime", "-c", help=f"One of: {', '.join(vocab.CRIMES)}.")
MeasureOpt = typer.Option(..., "--measure", "-m", help=f"One of: {', '.join(vocab.MEASURES)}.")
SHORT_FORMATS = {"table": "a table for a person", "json": "JSON for scripts"}  # jit and show
ShortFormatOpt = typer.Option("table", "--format", "-f", help=f"{' or '.join(SHORT_FORMATS)}.")


class _State:
    debug = False


def _err(message: str) -> None:
    sys.stderr.write(f"coopfinder: {message}\n")


def _usage(message: str) -> typer.Exit:
    _err(message)
    return typer.Exit(EXIT_USAGE)


def _choice(value: str, choices: dict[str, str], what: str) -> str:
    import difflib

    v = value.strip().lower().replace("-", "_")
    if v in choices:
        return v
    close = difflib.get_close_matches(v, list(choices), n=1, cutoff=0.5)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise _usage(f"unknown {what} {value!r}{hint}; choose from: {', '.join(choices)}")


def _kind_of_path(path: Path) -> str:
    """"dir", "file" or "missing" — never an exception (a name too long, a loop of links)."""
    try:
        return "dir" if path.is_dir() else "file" if path.exists() else "missing"
    except OSError:
        return "missing"


def _load(data: Optional[Path]):
    from .load import DataError, load_dataset

    if data is not None and _kind_of_path(Path(data)) != "dir":
        raise _usage(f"--data: no such folder: {data}")
    try:
        return load_dataset(data)
    except DataError as exc:
        for issue in exc.issues:
            sys.stderr.write(issue.format() + "\n")
        _err(f"the dataset is invalid ({len(exc.issues)} error(s)); run `coopfinder validate` for the full report")
        raise typer.Exit(EXIT_DATA) from None


@app.callback(invoke_without_command=True)
def _main(
    version: bool = typer.Option(False, "--version", help="Show the version and exit.", is_eager=True),
) -> None:
    if version:
        typer.echo(f"coopfinder {__version__}")
        raise typer.Exit()


@app.command()
def route(
    from_state: str = typer.Argument(..., metavar="FROM", help="Requesting state: alpha-2, alpha-3 or name."),
    to_state: str = typer.Argument(..., metavar="TO", help="Requested state: alpha-2, alpha-3 or name."),
    measure: str = MeasureOpt,
    crime: str = CrimeOpt,
    on: Optional[str] = OnOpt,
    limit: Optional[int] = typer.Option(None, "--limit", "-n", min=1, help="Show at most N pathways."),
    fmt: str = typer.Option("table", "--format", "-f", help=f"Output format: {', '.join(FORMATS)}."),
    explain: bool = typer.Option(False, "--explain", help="Also list instruments not offered, and why."),
    start: Optional[str] = typer.Option(None, "--start", metavar="YYYY-MM-DD", help="Day the first step with deadlines begins (request sent, person arrested): its deadlines get dates."),
    nationality: Optional[str] = typer.Option(None, "--nationality", metavar="STATE",
                                              help="Nationality of the person sought: nationality bars become certain or moot."),
    data: Optional[Path] = DataOpt,
    debug: bool = DebugOpt,
) -> None:
    """Ranked legal routes for FROM to obtain a measure from TO.

    Example: coopfinder route US GB --measure evidence --crime cyber
    """
    from .lookup import UnknownState, resolve_state
    from .model import Query
    from .render import write_route
    from .route import QueryError, find_routes

    _State.debug = debug
    fmt = _choice(fmt, dict.fromkeys(FORMATS, ""), "format")
    measure = _choice(measure, vocab.MEASURES, "measure")
    crime = _choice(crime, vocab.CRIMES, "crime")
    ds = _load(data)
    try:
        query = Query(resolve_state(ds, from_state), resolve_state(ds, to_state), measure, crime, on or "",
                      resolve_state(ds, nationality) if nationality else None, start or "")
        result = find_routes(ds, query)
    except (UnknownState, QueryError) as exc:
        raise _usage(str(exc)) from None
    write_route(result, fmt, sys.stdout, explain=explain, limit=limit)
    raise typer.Exit(EXIT_FOUND if result.pathways else EXIT_NONE)


@app.command("why-not")
def why_not_command(
    from_state: str = typer.Argument(..., metavar="FROM", help="Requesting state."),
    to_state: str = typer.Argument(..., metavar="TO", help="Requested state."),
    instrument: str = typer.Argument(..., metavar="INSTRUMENT", help="Instrument id or name (e.g. eu-dir-2014-41)."),
    measure: str = MeasureOpt,
    crime: str = CrimeOpt,
    on: Optional[str] = OnOpt,
    data: Optional[Path] = DataOpt,
    debug: bool = DebugOpt,
) -> None:
    """Why an instrument is (not) offered between two states: exit 0 offered, 1 not offered."""
    from .explain import UnknownInstrument, resolve_instrument, why_not
    from .lookup import UnknownState, resolve_state
    from .model import Query
    from .route import QueryError

    _State.debug = debug
    measure = _choice(measure, vocab.MEASURES, "measure")
    crime = _choice(crime, vocab.CRIMES, "crime")
    ds = _load(data)
    try:
        query = Query(resolve_state(ds, from_state), resolve_state(ds, to_state), measure, crime, on or "")
        offered, lines = why_not(ds, query, resolve_instrument(ds, instrument))
    except (UnknownState, QueryError, UnknownInstrument) as exc:
        raise _usage(str(exc)) from None
    sys.stdout.write("\n".join(lines) + "\n")
    raise typer.Exit(EXIT_FOUND if offered else EXIT_NONE)


@app.command()
def jit(
    states: list[str] = typer.Argument(..., metavar="STATE ...", help="The partners of the joint investigation team."),
    crime: str = CrimeOpt,
    on: Optional[str] = OnOpt,
    fmt: str = ShortFormatOpt,
    data: Optional[Path] = DataOpt,
    debug: bool = DebugOpt,
) -> None:
    """Legal bases for a joint investigation team binding ALL partners, and who lacks each other one."""
    from . import dates
    from .explain import jit_bases, jit_support
    from .render import write_jit
    from .lookup import UnknownState, resolve_state
    from .route import QueryError

    _State.debug = debug
    fmt = _choice(fmt, SHORT_FORMATS, "format")
    crime = _choice(crime, vocab.CRIMES, "crime")
    ds = _load(data)
    try:
        partners = [resolve_state(ds, s) for s in states]
        day, bases = jit_bases(ds, partners, crime, on or "")
    except (UnknownState, QueryError) as exc:
        raise _usage(str(exc)) from None
    complete = [b for b in bases if not b.missing]
    support = jit_support(ds, partners, crime, dates.parse_day(day))
    write_jit({"states": partners, "crime": crime, "on": day}, bases, support, fmt, sys.stdout)
    raise typer.Exit(EXIT_FOUND if complete else EXIT_NONE)


@app.command()
def show(
    what: str = typer.Argument(..., metavar="STATE|INSTRUMENT", help="A state (code or name) or an instrument (id or name)."),
    on: Optional[str] = OnOpt,
    fmt: str = ShortFormatOpt,
    data: Optional[Path] = DataOpt,
    debug: bool = DebugOpt,
) -> None:
    """What the data records about a state or an instrument, with its sources, on a date."""
    from . import dates as dates_mod
    from .explain import UnknownInstrument, describe_instrument, describe_state, resolve_instrument
    from .render import write_record
    from .lookup import UnknownState, resolve_state

    _State.debug = debug
    fmt = _choice(fmt, SHORT_FORMATS, "format")
    ds = _load(data)
    try:
        day = dates_mod.day_or_today(on)
    except dates_mod.BadDate as exc:
        raise _usage(str(exc)) from None
    try:
        record = describe_state(ds, resolve_state(ds, what), day)
    except UnknownState as state_error:
        try:
            record = describe_instrument(ds, resolve_instrument(ds, what), day)
        except UnknownInstrument as inst_error:
            raise _usage(f"{state_error}; {inst_error}") from None
    record["gaps"] = _known_gaps(data, record.get("id") or record["code"])
    write_record(record, fmt, sys.stdout)


def _known_gaps(data: Optional[Path], name: str) -> list[dict]:
    """The data-gaps file's entries about a state or an instrument (none when the dataset has no such file)."""
    from .gaps import gaps_about, read_gaps
    from .load import resolve_data_dir

    path = resolve_data_dir(data) / "GAPS.md"
    if not path.is_file():
        return []
    return [{"topic": g.topic, "key": g.key, "text": g.text} for g in gaps_about(read_gaps(path), name)]


@app.command()
def validate(
    paths: Optional[list[Path]] = typer.Argument(None, metavar="[PATH ...]",
                                                 help="Dataset folders (or a file inside one) [default: the active dataset]."),
    fmt: str = typer.Option("text", "--format", "-f", help="text, json or github (workflow annotations)."),
    stats: bool = typer.Option(False, "--stats", help="Also print counts and the share of facts with a source."),
    data: Optional[Path] = DataOpt,
    debug: bool = DebugOpt,
) -> None:
    """Check the data files and report every problem at once (exit 0 valid, 1 problems)."""
    import json

    from .load import kind_of, resolve_data_dir, validate_dataset

    _State.debug = debug
    fmt = _choice(fmt, {"text": "", "json": "", "github": ""}, "format")
    runs: list[tuple[Path, dict | None]] = []
    for path in paths or []:
        if str(path) == "-":  # one data file on stdin, checked against the active dataset's other file
            raw = sys.stdin.buffer.read()
            if not raw.strip():
                raise _usage("empty input on stdin: pipe a states.yaml or instruments.yaml into `validate -`")
            try:
                raw.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise _usage(f"stdin is not UTF-8 text (byte {raw[exc.start]:#04x} at offset {exc.start})") from None
            name = kind_of(raw)
            if name is None:
                raise _usage("stdin is not a coopfinder data file (no top-level `instruments` or `states` key)")
            runs.append((resolve_data_dir(data), {name: ("<stdin>", raw)}))
        elif (kind := _kind_of_path(path)) == "missing":
            raise _usage(f"no such file or folder: {path}")
        else:
            runs.append((path if kind == "dir" else path.parent, None))
    if not runs:
        runs = [(resolve_data_dir(data), None)]
    reports = [validate_dataset(folder, given=given) for folder, given in runs]
    valid = all(r.valid for r in reports)
    for report in reports:
        if fmt == "json":
            sys.stdout.write(json.dumps(report.as_dict(), indent=2, ensure_ascii=False) + "\n")
            continue
        for issue in report.issues:
            if fmt == "github":
                level = "error" if issue.severity == "error" else "warning"
                loc = f"file={issue.file}" + (f",line={issue.line}" if issue.line else "")
                sys.stdout.write(f"::{level} {loc},title={issue.code}::{issue.path}: {issue.message}\n")
            else:
                sys.stdout.write(issue.format() + "\n")
        if fmt == "text":
            if stats and report.stats:
                for key, value in report.stats.items():
                    if key == "gaps_by_topic":  # the gaps list, largest topics first
                        sys.stdout.write("gaps by topic (see the gaps file for each entry):\n")
                        for topic, count in value.items():
                            sys.stdout.write(f"  {count:4}  {topic}\n")
                    else:
                        sys.stdout.write(f"{key}: {value}\n")
            sys.stdout.write(report.summary() + "\n")
    raise typer.Exit(0 if valid else 1)


@app.command()
def schema(
    out: Optional[Path] = typer.Option(None, "--out", "-o", metavar="DIR", help="Write the two schema files into DIR."),
) -> None:
    """Print (or write) the JSON Schema of states.yaml and instruments.yaml, generated from the model."""
    import json

    from .schema import schemas

    generated = schemas()
    if out is None:
        sys.stdout.write(json.dumps(generated, indent=2, ensure_ascii=False) + "\n")
        return
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name, body in generated.items():
            (out / name).write_text(json.dumps(body, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise _usage(f"cannot write the schema to {out}: {exc.strerror or exc}") from None


def main() -> None:
    """Entry point: run the app, end quietly on a closed pipe, never show a traceback unless --debug."""
    try:
        app(standalone_mode=True)
    except SystemExit as exc:
        _flush_quietly()
        raise exc
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        _quiet_pipe()
    except OSError as exc:  # writing the answer failed (a full disk, a closed descriptor)
        if _State.debug or "--debug" in sys.argv:
            raise
        _err(f"cannot write the output: {exc.strerror or exc}")
        os._exit(EXIT_IO)
    except Exception as exc:  # the last line of defence: a bug, reported as one
        if _State.debug or "--debug" in sys.argv:
            raise
        _err(f"internal error: {type(exc).__name__}: {exc} (run again with --debug for a traceback)")
        sys.exit(70)


def _flush_quietly() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_pipe()
    except OSError as exc:  # a full disk or a closed descriptor: say so, do not trace back
        _err(f"cannot write the output: {exc.strerror or exc}")
        os._exit(EXIT_IO)


def _quiet_pipe() -> None:
    """`coopfinder … | head -1`: the reader left; stop without a word."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(0)
