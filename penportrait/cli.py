"""The command line (DESIGN.md, "Command line").

Exit status: 0 done, 1 the data or input is bad (each problem named on stderr), 2 the command
line is wrong. No traceback reaches a user: expected failures are messages, and anything
unexpected is one line asking for a report (set PENPORTRAIT_DEBUG=1 to see the traceback).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import sys
import traceback
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import NoReturn, TypeAlias

from penportrait import __version__
from penportrait.core import folder, leftovers
from penportrait.core.access import folder_problem
from penportrait.core.model import SEND_STATUS_LABELS, Pupil, SendStatus
from penportrait.core.paths import DATA_ENV, data_folder
from penportrait.core.reviews import due_pupils, is_due
from penportrait.core.school import SchoolSettings, load_school, logo_problem
from penportrait.core.startup import starting_up
from penportrait.core.store import HISTORY_KEPT, FolderScan, Store

from .core import clock

EXIT_OK, EXIT_BAD_DATA, EXIT_USAGE = 0, 1, 2
# Who a merge of sync conflict copies from the command line is signed by (never the OS login).
SYNC_MERGE = "sync merge"
# Who a restore from history is signed by, unless --by names a person.
HISTORY_RESTORE = "history restore"


class UserError(Exception):
    """A problem with the user's data or input, reported as a message with exit status 1."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="penportrait",
        description="One-page pupil pen portraits for SEND, offline. "
        "With no command, opens the app.",
        epilog=f"The data folder is --data DIR, else ${DATA_ENV}, else {data_folder(None)}.",
    )
    parser.add_argument("--version", action="version", version=f"PenPortrait {__version__}")
    parser.add_argument("--data", metavar="DIR", help="the data folder to use")
    parser.add_argument(
        "--demo", action="store_true", help="open the sample school, in a temporary copy"
    )
    # For checks of a build (.ci/run): open the window, then quit after SECONDS, exit status 0.
    parser.add_argument("--quit-after", type=_seconds, metavar="SECONDS", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    _folder_commands(commands)
    _output_commands(commands)
    _import_commands(commands)
    return parser


Commands: TypeAlias = "argparse._SubParsersAction[_Parser]"


def _command(
    commands: Commands, name: str, handler: Callable[[argparse.Namespace], int], text: str
) -> _Parser:
    sub = commands.add_parser(name, help=text, description=text)
    sub.set_defaults(handler=handler)
    return sub


def _folder_commands(commands: Commands) -> None:
    """The commands that read or check the data folder: demo, list, check, conflicts."""
    demo = _command(commands, "demo", _demo, "write the sample school into DIR")
    demo.add_argument("dir", metavar="DIR", help="an empty or new folder")

    listing = _command(commands, "list", _list, "list the pupils")
    _data_option(listing)
    listing.add_argument("--group", metavar="G", help="only pupils in group G")
    listing.add_argument(
        "--due", action="store_true", help="only reviews overdue or due within 14 days"
    )
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")

    check = _command(commands, "check", _check, "validate every file; exit 1 if any is bad")
    _data_option(check)
    check.add_argument("--json", action="store_true", help="print the result as JSON")
    check.add_argument(
        "--remove-unused-photos",
        action="store_true",
        help="first remove the photos no pupil, trashed pupil or kept revision has named for 30 "
        "days (make sure no one has a new, unsaved pupil open)",
    )

    conflicts = _command(
        commands,
        "conflicts",
        _conflicts,
        "list sync conflict copies; --merge merges every one without a clash "
        "(exit 1 while any needs a person)",
    )
    _data_option(conflicts)
    conflicts.add_argument(
        "--merge", action="store_true", help="merge every copy that has no clash; leave the rest"
    )
    conflicts.add_argument("--json", action="store_true", help="print the result as JSON")

    history = _command(
        commands,
        "history",
        _history,
        "list a pupil's earlier revisions and kept versions; show one, or restore it",
    )
    _data_option(history)
    history.add_argument("pupil", metavar="PUPIL", help='an id or a unique "First Last"')
    which = history.add_mutually_exclusive_group()
    which.add_argument("--show", metavar="N", type=_revision, help="print revision N")
    which.add_argument(
        "--restore",
        metavar="N",
        type=_revision,
        help="save revision N back as the newest (the version it replaces is kept)",
    )
    history.add_argument(
        "--by", metavar="NAME", default=HISTORY_RESTORE, help="who the restore is signed by"
    )
    history.add_argument("--json", action="store_true", help="print the list as JSON")


def _output_commands(commands: Commands) -> None:
    """The commands that write portraits: export, pack."""
    export = _command(
        commands, "export", _export, "write portraits to one PDF or Word file, a page each"
    )
    _data_option(export)
    export.add_argument("pupils", metavar="PUPIL", nargs="+", help='an id or a unique "First Last"')
    _output_options(export, default_audience="staff")

    pack = _command(
        commands, "pack", _pack, "a pack for cover staff: a class overview, then portraits"
    )
    _data_option(pack)
    pack.add_argument("groups", metavar="GROUP", nargs="+", help="a class or set, e.g. 8R")
    _output_options(pack, default_audience="cover")
    pack.add_argument(
        "--copies",
        metavar="N",
        type=_copies,
        default=1,
        help='N numbered copies, each page saying "Copy n of N"',
    )
    pack.add_argument("--no-overview", action="store_true", help="leave out the class overview")


def _import_commands(commands: Commands) -> None:
    """Importing from the school's MIS, and undoing it."""
    importer = _command(
        commands, "import", _import, "import pupils from the school's MIS (a CSV export)"
    )
    _data_option(importer)
    importer.add_argument("file", metavar="FILE.csv", type=Path, help="the CSV export")
    importer.add_argument(
        "--dry-run", action="store_true", help="show what would happen; save nothing"
    )

    undo_import = _command(
        commands,
        "undo-import",
        _undo_import,
        "undo the last import (pupils changed since it are left as they are, and named)",
    )
    _data_option(undo_import)


def _output_options(sub: argparse.ArgumentParser, *, default_audience: str) -> None:
    """-o OUT.pdf|OUT.docx and --audience, as export and pack both take them."""
    sub.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        required=True,
        type=_output_file,
        help="OUT.pdf or OUT.docx",
    )
    sub.add_argument(
        "--audience",
        choices=["cover", "staff"],
        default=default_audience,
        help=f"staff: the full portraits; cover: for supply staff (default: {default_audience})",
    )


def _output_file(value: str) -> Path:
    path = Path(value).expanduser()
    if path.suffix.lower() not in (".pdf", ".docx"):
        raise argparse.ArgumentTypeError(f"{value!r} must end in .pdf or .docx")
    return path


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds <= 86400:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds")
    return seconds


def _revision(value: str) -> int:
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a revision number")
    return int(value)


def _copies(value: str) -> int:
    try:
        copies = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of copies") from None
    if not 1 <= copies <= 99:
        raise argparse.ArgumentTypeError("copies must be from 1 to 99")
    return copies


def _data_option(sub: argparse.ArgumentParser) -> None:
    # SUPPRESS: `penportrait --data X list` and `penportrait list --data X` both work.
    sub.add_argument("--data", metavar="DIR", default=argparse.SUPPRESS, help="the data folder")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = getattr(args, "handler", _open_app)
    try:
        return handler(args)
    except UserError as error:
        print(f"penportrait: {error}", file=sys.stderr)
        return EXIT_BAD_DATA
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `penportrait list | head`: the reader went away; that is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        print(f"penportrait: {error.strerror or error}{where}", file=sys.stderr)
        return EXIT_BAD_DATA
    except Exception as error:  # a bug: one line for the user, the details for a report
        if os.environ.get("PENPORTRAIT_DEBUG"):
            traceback.print_exc()
        print(
            f"penportrait: something went wrong that should not have ({type(error).__name__}: "
            f"{error}). Your files were not changed. Set PENPORTRAIT_DEBUG=1 for details.",
            file=sys.stderr,
        )
        return EXIT_BAD_DATA


def _store(args: argparse.Namespace) -> Store:
    root = data_folder(getattr(args, "data", None))
    if root.exists() and not root.is_dir():
        raise UserError(f"{root} is a file, not a data folder")
    if not root.exists():
        raise UserError(
            f"there is no data folder at {root}; open the app to start one, "
            f"or write the sample school with: penportrait demo {root}"
        )
    return Store(root)


# -- demo -------------------------------------------------------------------------------------


def _demo(args: argparse.Namespace) -> int:
    from penportrait.core.demo import FolderNotEmptyError, write_sample_school

    root = Path(args.dir).expanduser()
    if root.exists() and not root.is_dir():
        raise UserError(f"{root} is a file, not a folder")
    try:
        pupils = write_sample_school(root)
    except FolderNotEmptyError as error:
        raise UserError(f"{error}; nothing was written") from None
    print(f"Wrote the sample school ({len(pupils)} pupils) to {root}")
    return EXIT_OK


# -- list -------------------------------------------------------------------------------------


def _list(args: argparse.Namespace) -> int:
    store = _store(args)
    scan = _load(store)
    today = clock.today()
    pupils = sorted(
        scan.pupils, key=lambda p: (p.pupil.last_name.casefold(), p.pupil.first_name.casefold())
    )
    if args.group:
        groups = {g.casefold(): g for p in scan.pupils for g in p.pupil.groups}
        wanted = args.group.casefold()
        if wanted not in groups:
            known = ", ".join(sorted(groups.values(), key=str.casefold)) or "none yet"
            raise UserError(f"no group called {args.group!r}; the groups are: {known}")
        pupils = [p for p in pupils if wanted in {g.casefold() for g in p.pupil.groups}]
    if args.due:
        pupils = due_pupils(pupils, today)
    if args.json:
        print(json.dumps([_list_entry(p, today) for p in pupils], ensure_ascii=False, indent=2))
    else:
        _print_table(pupils, today)
    _warn_bad_files(scan)
    return EXIT_OK


def _list_entry(pupil: Pupil, today: dt.date) -> dict[str, object]:
    return {
        "id": pupil.id,
        "first_name": pupil.pupil.first_name,
        "last_name": pupil.pupil.last_name,
        "preferred_name": pupil.pupil.preferred_name,
        "year_group": pupil.pupil.year_group,
        "groups": pupil.pupil.groups,
        "status": pupil.send.status,
        "primary_need": pupil.send.primary_need,
        "next_review": pupil.review.next_review,
        "review_due": is_due(pupil, today),
    }


def _print_table(pupils: list[Pupil], today: dt.date) -> None:
    if not pupils:
        print("No pupils.")
        return
    rows = [
        (
            pupil.display_name,
            ", ".join(pupil.pupil.groups),
            SEND_STATUS_LABELS[SendStatus(pupil.send.status)],
            (pupil.review.next_review or "-") + ("  due" if is_due(pupil, today) else ""),
        )
        for pupil in pupils
    ]
    header = ("Name", "Groups", "SEND", "Next review")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(3)]
    for row in [header, *rows]:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
            + "  "
            + row[3]
        )
    print(f"\n{len(pupils)} pupil{'s' if len(pupils) != 1 else ''}")


def _warn_bad_files(scan: FolderScan) -> None:
    bad = scan.bad_files
    if bad:
        print(
            f"penportrait: warning: {len(bad)} file{'s' if len(bad) != 1 else ''} could not be "
            "read and are not listed; run 'penportrait check' for details",
            file=sys.stderr,
        )


# -- check ------------------------------------------------------------------------------------


def _load(store: Store) -> FolderScan:
    """The folder's pupils: a command's one load, frozen as its start-up (core.startup)."""
    with starting_up():
        return store.scan()


def _check(args: argparse.Namespace) -> int:
    store = _store(args)
    if args.remove_unused_photos:
        removed = leftovers.remove_unused_photos(store)
        print(f"Removed {removed} unused photo{'' if removed == 1 else 's'}.", file=sys.stderr)
    from penportrait.core.operations import check_folder

    check = check_folder(store, _load(store))
    problems = check.problems
    has_school_files = sum((store.root / name).exists() for name in folder.SCHOOL_WIDE_FILES)
    checked = check.files + has_school_files
    bad_files = sorted({p.file for p in problems})
    if args.json:
        print(
            json.dumps(
                {
                    "data_folder": str(store.root),
                    "files_checked": checked,
                    "ok": not problems,
                    "bad_files": bad_files,
                    "problems": [
                        {"file": p.file, "field": p.field, "reason": p.reason} for p in problems
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    elif not problems:
        print(f"All {checked} files in {store.root} are good.")
    if not args.json:
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print(
                f"{len(bad_files)} of {checked} files have problems. They were left exactly as "
                "they are; fix them (a conflict copy: as it says), then check again.",
                file=sys.stderr,
            )
    return EXIT_BAD_DATA if problems else EXIT_OK


# -- conflicts --------------------------------------------------------------------------------


def _conflicts(args: argparse.Namespace) -> int:
    from penportrait.core.conflicts import merge_all, report_all

    store = _store(args)
    if args.merge:
        summary = merge_all(store, by=SYNC_MERGE)
        merged, remaining = summary.merged, summary.need_person
    else:
        merged, remaining = [], report_all(store)
    if args.json:
        print(
            json.dumps(
                {
                    "data_folder": str(store.root),
                    "merged": [r.as_json() for r in merged],
                    "remaining": [r.as_json() for r in remaining],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for report in merged:
            print(f"merged: {report.describe()}")
        for report in remaining:
            print(report.describe())
        need = sum(r.needs_person for r in remaining)
        if not merged and not remaining:
            print(f"No conflict copies in {store.root}.")
        elif args.merge:
            print(f"\n{len(merged)} merged; {need} need a person (open the app to choose).")
        else:
            print(
                f"\n{len(remaining)} conflict cop{'y' if len(remaining) == 1 else 'ies'}; "
                f"{len(remaining) - need} can be merged with --merge, {need} need a person."
            )
    return EXIT_BAD_DATA if remaining else EXIT_OK


# -- history ----------------------------------------------------------------------------------


def _history(args: argparse.Namespace) -> int:
    from penportrait.core.access import plain_reason
    from penportrait.core.store import NotFoundError, PupilFileError, SaveConflict

    store = _store(args)
    pupil_id, name = _history_pupil(store, args.pupil)
    if args.show is not None or args.restore is not None:
        revision = args.show if args.show is not None else args.restore
        try:
            if args.show is not None:
                print(store.load_revision(pupil_id, revision).to_json(), end="")
                return EXIT_OK
            # Signed by someone, never left in the restored version's author's name.
            by = args.by.strip() or HISTORY_RESTORE
            restored = store.restore_revision(pupil_id, revision, by=by)
        except NotFoundError:
            raise UserError(
                f"{name} has no revision {revision} in history; "
                f"'penportrait history {pupil_id}' lists them"
            ) from None
        except PupilFileError as error:
            done = "it cannot be shown" if args.show is not None else "nothing was restored"
            raise UserError(f"{name}: {done}: {error}") from None
        except SaveConflict:
            raise UserError(
                f"{name} was saved elsewhere just now; nothing was restored: run it again"
            ) from None
        except OSError as error:
            raise UserError(
                f"{name} could not be restored: {plain_reason(error)}; nothing was changed"
            ) from None
        print(
            f"Restored revision {revision} of {name} as revision {restored.revision}; the "
            "version it replaced is kept in the history."
        )
        return EXIT_OK
    return _print_history(store, pupil_id, name, as_json=args.json)


def _history_pupil(store: Store, wanted: str) -> tuple[str, str]:
    """The id and name of the pupil ``wanted`` names: in pupils/, else in the trash, else an id
    that has a history folder (a pupil deleted for good, whose kept versions remain)."""
    from penportrait.core.model import is_valid_id

    try:
        found = find_pupil(_load(store).pupils, wanted)
    except UserError:
        try:
            found = find_pupil(store.scan_trash().pupils, wanted)
        except UserError:
            if is_valid_id(wanted) and (store.history_dir / wanted).is_dir():
                return wanted, f"pupil {wanted}"
            raise
    return found.id, found.display_name


def _print_history(store: Store, pupil_id: str, name: str, *, as_json: bool) -> int:
    from penportrait.core.store import NotFoundError, PupilFileError

    rows: list[dict[str, object]] = []
    bad = 0
    for entry in store.history_entries(pupil_id):
        row: dict[str, object] = {
            "revision": entry.revision,
            "kept": entry.kept,
            "file": store.relative(entry.path),
        }
        try:
            pupil = store.read_history_file(entry.path)
        except (PupilFileError, OSError, ValueError) as error:
            bad += 1
            row["problem"] = str(error)
            print(f"penportrait: {row['file']} could not be read: {error}", file=sys.stderr)
        else:
            row.update(updated_at=pupil.updated_at, updated_by=pupil.updated_by)
        rows.append(row)
    if as_json:
        print(json.dumps({"pupil_id": pupil_id, "versions": rows}, ensure_ascii=False, indent=2))
        return EXIT_BAD_DATA if bad else EXIT_OK
    if not rows:
        print(f"No earlier versions of {name} in history.")
        return EXIT_OK
    now = ""  # (not said when the pupil is deleted, or its file does not load)
    with contextlib.suppress(NotFoundError, PupilFileError, OSError, ValueError):
        current = store.load(pupil_id)
        now = f"; the file is at revision {current.revision}, saved {_when(current.updated_at)}"
        now += f" by {current.updated_by}" if current.updated_by else ""
    print(f"History of {name}{now}. Newest first:\n")
    table = [("Revision", "Saved", "By", "")] + [
        (
            f"{row['revision']}" + (" kept" if row["kept"] else ""),
            _when(str(row.get("updated_at", ""))),
            str(row.get("updated_by", "")),
            "could not be read" if "problem" in row else "",
        )
        for row in rows
    ]
    widths = [max(len(r[i]) for r in table) for i in range(3)]
    for r in table:
        print("  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=False)) + "  " + r[3])
    kept = sum(bool(row["kept"]) for row in rows)
    print(
        f"\n{len(rows) - kept} earlier revision{'s' if len(rows) - kept != 1 else ''} (the "
        f"last {HISTORY_KEPT} are kept); {kept} kept version{'s' if kept != 1 else ''} (one "
        "chosen against in a conflict, replaced by a restore, or deleted), never removed.\n"
        "--show N prints revision N; --restore N saves it back as the newest revision."
    )
    return EXIT_BAD_DATA if bad else EXIT_OK


def _when(stamp: str) -> str:
    """An ISO time as 'YYYY-MM-DD HH:MM UTC' (as it is when it is not one)."""
    try:
        return dt.datetime.fromisoformat(stamp).astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    except ValueError:
        return stamp


# -- export -----------------------------------------------------------------------------------


def find_pupil(pupils: Sequence[Pupil], wanted: str) -> Pupil:
    """The pupil ``wanted`` names: an id, or a unique "First Last" (any case, preferred or
    legal first name). UserError when there is none or more than one."""
    by_id = [p for p in pupils if p.id == wanted]
    if by_id:
        return by_id[0]
    key = " ".join(wanted.casefold().split())
    legal = [p for p in pupils if p.full_name.casefold() == key]
    matches = legal or [p for p in pupils if p.display_name.casefold() == key]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise UserError(f"no pupil called {wanted!r}; 'penportrait list' shows the names and ids")
    listed = "; ".join(
        f"{p.full_name} ({', '.join(p.pupil.groups) or 'no group'}) id {p.id}" for p in matches
    )
    raise UserError(f"{wanted!r} matches {len(matches)} pupils: {listed}. Give the id instead.")


def _export(args: argparse.Namespace) -> int:
    out: Path = args.output
    store = _store(args)
    scan = _load(store)
    chosen = [find_pupil(scan.pupils, wanted) for wanted in args.pupils]
    settings = _settings_with_warnings(store)

    from penportrait.core.views import Audience
    from penportrait.render.export import fit_portraits, overflows, write_pages
    from penportrait.render.output import RenderError

    if not out.parent.is_dir():
        raise UserError(f"cannot write {out}: the folder {out.parent} does not exist")
    pages = fit_portraits(store, chosen, settings, Audience(args.audience))
    try:
        write_pages(pages, out)
    except RenderError as error:
        raise UserError(str(error)) from None
    for overflow in overflows(pages):
        print(
            f"penportrait: warning: {overflow}. Nothing was cut: it runs onto a second page.",
            file=sys.stderr,
        )
    count = len(pages)
    print(f"Wrote {count} portrait{'s' if count != 1 else ''} ({args.audience}) to {out}")
    return EXIT_OK


def _pack(args: argparse.Namespace) -> int:
    out: Path = args.output
    store = _store(args)
    scan = _load(store)

    from penportrait.core.views import Audience
    from penportrait.render.output import RenderError
    from penportrait.render.pack import (
        PackRequest,
        build_pack,
        group_counts,
        match_groups,
        write_pack,
    )

    groups, missing = match_groups(scan.pupils, args.groups)
    if missing:
        counts = group_counts(scan.pupils)
        known = ", ".join(f"{g} ({n})" for g, n in counts.items()) or "none yet"
        names = ", ".join(repr(m) for m in missing)
        raise UserError(f"no group called {names}; the groups are: {known}")
    if not out.parent.is_dir():
        raise UserError(f"cannot write {out}: the folder {out.parent} does not exist")
    settings = _settings_with_warnings(store)
    request = PackRequest(
        tuple(groups), Audience(args.audience), args.copies, overview=not args.no_overview
    )
    pack = build_pack(store, scan.pupils, settings, request)
    try:
        write_pack(pack, out)
    except RenderError as error:
        raise UserError(str(error)) from None
    _warn_bad_files(scan)
    for warning in pack.warnings:
        print(f"penportrait: warning: {warning}.", file=sys.stderr)
    copies = f", {args.copies} numbered copies" if args.copies > 1 else ""
    print(
        f"Wrote a {args.audience} pack for {', '.join(groups)}: {pack.pupils} portraits"
        f"{copies}, {pack.page_count} pages, to {out}"
    )
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from penportrait.core.importers.csv import (
        ImportFileError,
        plan_import,
        read_table,
        run_import,
        unreadable_pupils,
    )

    root = data_folder(getattr(args, "data", None))
    if root.exists() and not root.is_dir():
        raise UserError(f"{root} is a file, not a data folder")
    store = Store(root)
    try:
        table = read_table(args.file)
        scan = _load(store)
        plan = plan_import(table, scan.pupils, unreadable=unreadable_pupils(store, scan.problems))
    except ImportFileError as error:
        raise UserError(str(error)) from None
    print(
        f"Read {args.file.name}: {len(table.rows)} rows, {table.encoding}, "
        f"separated by {table.delimiter_name}."
    )
    # One line per row: a rejected row only on stderr (it is a problem), the rest on stdout.
    for row in plan.rows:
        if row not in plan.rejected:
            print(row)
    for row in plan.rejected:
        print(f"penportrait: {row}", file=sys.stderr)
    if args.dry_run:
        print(f"Dry run: {plan.summary()}. Nothing was saved.")
        return EXIT_BAD_DATA if plan.rejected else EXIT_OK
    if plan.to_save:
        problem = folder_problem(store.root)
        if problem is not None:
            raise UserError(f"{problem} Nothing was imported.")
    result = run_import(plan, store, by="MIS import", source=args.file.name)
    for failure in result.failed:
        print(f"penportrait: {failure}", file=sys.stderr)
    saved = len(result.touched)
    if result.failed:
        print(
            f"Imported {saved} of {len(plan.to_save)} pupils to {store.root}; "
            f"{len(result.failed)} could not be saved (named above)."
        )
        return EXIT_BAD_DATA
    saved_words = f"{saved} pupil{'' if saved == 1 else 's'}"
    print(f"Imported: {plan.summary()}. Saved {saved_words} to {store.root}.")
    return EXIT_BAD_DATA if plan.rejected else EXIT_OK


def _undo_import(args: argparse.Namespace) -> int:
    from penportrait.core.importers.record import last_import, undo

    store = _store(args)
    record = last_import(store)
    if record is None:
        raise UserError(f"no import to undo in {store.root}")
    if record.damaged:
        raise UserError(
            f"the last import's record is damaged ({record.damaged}); nothing was undone"
        )
    report = undo(record, store, by="undo import")
    for name in report.undone:
        print(f"Put back: {name}")
    for reason in report.left:
        print(f"penportrait: left as it is: {reason}", file=sys.stderr)
    print(
        f"Undid the import of {record.source or 'a file'} ({record.started}): "
        f"{len(report.undone)} pupils put back, {len(report.left)} left as they are."
    )
    return EXIT_BAD_DATA if report.left else EXIT_OK


def _settings_with_warnings(store: Store) -> SchoolSettings:
    settings, problems = load_school(store.root)
    for problem in problems:
        print(f"penportrait: warning: {problem} (using the default settings)", file=sys.stderr)
    logo = logo_problem(store.root, settings)
    if logo is not None:
        print(f"penportrait: warning: {logo}", file=sys.stderr)
    return settings


# -- the app ----------------------------------------------------------------------------------


def _open_app(args: argparse.Namespace) -> int:
    missing = no_display()
    if missing:
        print(missing, file=sys.stderr)
        return EXIT_BAD_DATA
    from penportrait.gui.app import run_app

    return run_app(data_folder(args.data), demo=args.demo, quit_after=args.quit_after)


def no_display(environ: Mapping[str, str] | None = None, platform: str | None = None) -> str:
    """Why the window cannot open here (no X11 or Wayland display), or "" when it can.

    Without a display Qt aborts the process (exit 134) with a message about libxcb-cursor0
    that sends people looking for a library they already have.
    """
    env = os.environ if environ is None else environ
    platform = platform or sys.platform
    if platform in ("win32", "darwin", "cygwin"):
        return ""
    if env.get("QT_QPA_PLATFORM", "").split(":")[0] not in ("", "xcb", "wayland"):
        return ""  # offscreen, vnc, eglfs…: the user chose where the window goes
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return ""
    return (
        "penportrait: no display was found (neither DISPLAY nor WAYLAND_DISPLAY is set), so "
        "the window cannot open here.\n"
        "Open it from a desktop session, or use the command line, which needs no display:\n"
        "  penportrait list | check | export | pack | import   (penportrait --help says more)"
    )
