"""Start-up cost of the commands users type, as whole processes.

    .venv/bin/python benchmarks/bench_startup.py [--runs 7] [--imports]

Times, each as a fresh process (median of ``--runs`` after one unmeasured warm-up run):

- ``timeline --help``
- ``timeline --db EMPTY.db list``: a database with the schema and no events
- ``timeline dates ONE_LINE.txt --dct 2024-10-25``
- ``timeline extract ARTICLE.txt --published 2024-10-25``: a ~2 KB wire story

CPU seconds (user + system of the process) are the figure, wall seconds beside them, and
the CPU of the unmeasured first run (which may write bytecode caches);
``python -c pass`` is the floor no command can go below. ``--imports`` also lists, for
each command, the packages that cost the most to import (``python -X importtime``).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _proc import TIMELINE, machine, repeat, run, table, verdict  # noqa: E402

ONE_LINE = "Hamas negotiators will travel to Cairo on Sunday, two officials said on Oct. 24.\n"

ARTICLE = """\
Mediators press for truce as delegations return to Cairo

CAIRO (Wire) - A Hamas delegation arrived in Cairo on Thursday for talks with Egyptian \
mediators on a proposal for a ceasefire in Gaza and the release of hostages, two \
officials briefed on the negotiations said.

The delegation, led by Khalil al-Hayya, met Egypt's intelligence chief Hassan Mahmoud \
Rashad on Thursday evening and was expected to hand over the movement's response to the \
latest draft within days, the officials said.

Qatar's prime minister, Mohammed bin Abdulrahman Al Thani, held a phone call with U.S. \
envoy Steve Witkoff on Wednesday to discuss ways of narrowing the remaining gaps, the \
Qatari foreign ministry said in a statement.

Israel has not said whether it will send negotiators. An Israeli official said on \
Friday that the security cabinet would meet on Sunday to review the proposal, which \
provides for a six-week truce, an exchange of hostages for prisoners and an increase in \
aid deliveries.

Witkoff is expected to travel to the region next week, a U.S. official said, adding that \
Washington was "cautiously hopeful" that a deal could be reached before the end of the \
month.

Talks in Doha collapsed in early October after Israel rejected a demand for a permanent \
end to the war. Hamas has said any deal must include a full withdrawal of Israeli forces \
from the Gaza Strip.

The United Nations secretary-general urged both sides on Wednesday to seize the moment \
and agree to a ceasefire without delay, warning that the humanitarian situation in the \
enclave had reached a breaking point.

Egypt's foreign minister Badr Abdelatty said on Thursday that Cairo was working with \
Doha and Washington "around the clock" and that a new round of talks could open in the \
Egyptian capital as early as Saturday.

Families of the hostages rallied in Tel Aviv on Saturday night, calling on the government \
to accept the proposal.
"""

TARGETS = {"help": 0.3, "list": 0.5, "dates": 0.5, "extract": 0.8}


def commands(tmp: Path) -> list[tuple[str, list[str]]]:
    """(name, argv) of the timed commands, with their input files written to ``tmp``."""
    line = tmp / "one-line.txt"
    line.write_text(ONE_LINE, encoding="utf-8")
    article = tmp / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    db = tmp / "empty.db"
    return [
        ("help", [TIMELINE, "--help"]),
        ("list", [TIMELINE, "--db", str(db), "list"]),
        ("dates", [TIMELINE, "dates", str(line), "--dct", "2024-10-25"]),
        ("extract", [TIMELINE, "extract", str(article), "--published", "2024-10-25"]),
    ]


_IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|\s+(\S+)")


def top_imports(argv: list[str], n: int = 10) -> list[tuple[str, float]]:
    """Import time (ms) by top-level package in one run of ``argv``: the sum of the
    modules' own times, so ``sqlalchemy`` is charged for itself, whoever imports it."""
    script = Path(argv[0])
    head = script.read_text(encoding="utf-8", errors="replace").splitlines()[:1]
    if head and head[0].startswith("#!") and "python" in head[0]:
        # A console script: run its entry point under the same interpreter with -X importtime.
        argv = [sys.executable, "-X", "importtime", "-m", "timeline", *argv[1:]]
    else:
        argv = [sys.executable, "-X", "importtime", *argv]
    got = run(argv)
    totals: dict[str, float] = defaultdict(float)
    for m in _IMPORT_LINE.finditer(got.stderr):
        totals[m[3].split(".")[0]] += int(m[1]) / 1000
    return sorted(totals.items(), key=lambda kv: -kv[1])[:n]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7, help="measured runs per command")
    ap.add_argument("--imports", action="store_true",
                    help="also list the costliest imports of each command")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = ap.parse_args(argv)

    missed = False
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as d:
        tmp = Path(d)
        cmds = commands(tmp)
        floor = repeat([sys.executable, "-c", "pass"], args.runs)
        rows: list[list[object]] = [["python -c pass (floor)", f"{floor.cpu:.3f}",
                                     f"{floor.wall:.3f}", f"{floor.maxrss_mb:.0f}",
                                     f"{floor.warmups[0].cpu:.3f}", "", ""]]
        notes = []
        for name, cmd in cmds:
            s = repeat(cmd, args.runs)
            target = TARGETS[name]
            ok = s.ok and s.cpu <= target
            missed |= not ok
            shown = " ".join(Path(c).name if i == 0 else c for i, c in enumerate(cmd))
            shown = shown.replace(str(tmp) + "/", "")
            rows.append([shown, f"{s.cpu:.3f}", f"{s.wall:.3f}", f"{s.maxrss_mb:.0f}",
                         f"{s.warmups[0].cpu:.3f}", f"<= {target:g}",
                         verdict(s.cpu, target) if s.ok else "FAIL"])
            if not s.ok:
                notes.append(f"{shown}: {s.runs[-1].failure()}")
        print(f"whole-process start-up, median of {args.runs} runs (after 1 warm-up); "
              f"{machine()}")
        print(table(["command", "cpu s", "wall s", "max RSS MB", "1st run cpu s", "target cpu",
                     ""], rows))
        for note in notes:
            print("FAILED " + note)
        if args.imports:
            for name, cmd in cmds:
                print(f"\n{name}: import time by package (ms, own time of its modules, one run)")
                print(table(["module", "ms"], [[m, f"{ms:.0f}"] for m, ms in top_imports(cmd)]))
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
