"""Run a command as a whole process and measure it: CPU seconds, wall seconds, peak memory.

CPU time (user + system of the child and the children it waited for) comes from
``os.wait4``, so it counts exactly that process tree and nothing else on this shared
machine; peak memory is the child's ``ru_maxrss``. A run longer than ``timeout`` seconds
is killed with its whole process group and reported as such (``Run.killed``), which is
how a benchmark records "killed after 600 s" as a figure instead of hanging.
"""

from __future__ import annotations

import contextlib
import os
import re
import resource
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
TIMELINE = str(BIN / "timeline") if (BIN / "timeline").exists() else "timeline"


_EXCEPTION = re.compile(r"([\w.]+(Error|Exception|Exit)|Error|Killed)\b:?")


@dataclass(slots=True)
class Run:
    cmd: list[str]
    cpu: float  # user + system seconds of the process tree
    wall: float
    maxrss_mb: float
    returncode: int
    killed: bool  # ran past the timeout and was killed
    stdout: str  # as text, unless it went to a file
    stderr: str
    mem_limit_mb: float | None = None

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.killed

    def failure(self) -> str:
        """A short description of what went wrong, for a table cell and a note."""
        if self.killed:
            return f"killed after {self.wall:.0f} s"
        lines = self.stderr.strip().splitlines() or [""]
        # A traceback may end in a link or SQL; the line naming the exception says more.
        last = next((ln for ln in reversed(lines) if _EXCEPTION.match(ln)), lines[-1]).strip()
        if self.mem_limit_mb and ("MemoryError" in last or "out of memory" in last.lower()):
            return (f"out of memory at the {self.mem_limit_mb:.0f} MB cap after "
                    f"{self.wall:.0f} s ({last[:80]})")
        return f"exit {self.returncode}: {last[:300]}"


def run(cmd: Sequence[str], *, timeout: float | None = None, stdout: Path | None = None,
        env: Mapping[str, str] | None = None, cwd: Path | None = None,
        stdin: Path | None = None, mem_limit_mb: float | None = None) -> Run:
    """Run ``cmd`` to the end (or until ``timeout``) and measure it.

    ``stdout`` is a file to write the output to (for large outputs); otherwise it is
    captured and returned as text. ``mem_limit_mb`` caps the address space of the
    process, so a runaway command fails with MemoryError instead of taking the machine's
    memory from everyone else.
    """
    full_env = {**os.environ, "COLUMNS": "160", "NO_COLOR": "1", **(env or {})}
    out_f = open(stdout, "wb") if stdout else subprocess.PIPE  # noqa: SIM115
    in_f = open(stdin, "rb") if stdin else subprocess.DEVNULL  # noqa: SIM115
    killed = threading.Event()
    t0 = time.perf_counter()
    limit = None
    if mem_limit_mb:
        cap = int(mem_limit_mb * 2**20)

        def limit() -> None:
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    proc = subprocess.Popen(list(cmd), stdout=out_f, stderr=subprocess.PIPE, stdin=in_f,
                            env=full_env, cwd=cwd, start_new_session=True,
                            preexec_fn=limit)
    timer = None
    if timeout:
        def kill() -> None:
            killed.set()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
        timer = threading.Timer(timeout, kill)
        timer.start()
    # Read the pipes on threads so a chatty child never blocks on a full pipe.
    chunks: dict[str, bytes] = {"out": b"", "err": b""}

    def drain(name: str, pipe: object) -> None:
        chunks[name] = pipe.read()  # type: ignore[attr-defined]

    readers = [threading.Thread(target=drain, args=("err", proc.stderr))]
    if proc.stdout is not None:
        readers.append(threading.Thread(target=drain, args=("out", proc.stdout)))
    for r in readers:
        r.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    if timer:
        timer.cancel()
    # A grandchild left running would keep the pipes open: end the group first.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    for r in readers:
        r.join()
    for f in (out_f, in_f):
        if hasattr(f, "close"):
            f.close()
    # Linux reports ru_maxrss in KiB.
    return Run(list(cmd), usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024,
               proc.returncode, killed.is_set(),
               chunks["out"].decode("utf-8", "replace"),
               chunks["err"].decode("utf-8", "replace"), mem_limit_mb)


@dataclass(slots=True)
class Summary:
    cpu: float  # medians over the runs
    wall: float
    maxrss_mb: float
    runs: list[Run]
    warmups: list[Run]

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.runs)


def repeat(cmd: Sequence[str], n: int, *, warmup: int = 1, **kwargs: object) -> Summary:
    """Median CPU, wall and peak memory of ``n`` runs after ``warmup`` unmeasured ones
    (which fill the page cache and write the bytecode caches)."""
    warmups = [run(cmd, **kwargs) for _ in range(warmup)]  # type: ignore[arg-type]
    runs = [run(cmd, **kwargs) for _ in range(n)]  # type: ignore[arg-type]
    return Summary(statistics.median(r.cpu for r in runs),
                   statistics.median(r.wall for r in runs),
                   statistics.median(r.maxrss_mb for r in runs), runs, warmups)


def table(header: Sequence[str], rows: Sequence[Sequence[object]], left: int = 1) -> str:
    """A plain-text table: the first ``left`` columns left-aligned, the others right."""
    cells = [[str(c) for c in header]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = []
    for k, row in enumerate(cells):
        parts = [c.ljust(widths[i]) if i < left else c.rjust(widths[i]) for i, c in enumerate(row)]
        lines.append("  ".join(parts).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths).rstrip())
    return "\n".join(lines)


def verdict(value: float, target: float) -> str:
    return "ok" if value <= target else "MISS"
