"""Run a command as a whole process and measure it: CPU seconds, wall seconds, peak memory.

CPU time (user + system of the child and the children it waited for) comes from
``os.wait4``, so it counts exactly that process tree and nothing else on this shared
machine; peak memory is the child's ``ru_maxrss``. A run longer than ``timeout`` seconds
is killed with its whole process group and reported as such (``Run.killed``), which is
how a benchmark records "killed after 600 s" as a figure instead of hanging.

A command that talks to a PostgreSQL server on this machine makes the server work too:
``run(..., server_pid=P)`` also measures the CPU seconds of the server whose postmaster
is P (``pg_server_pid``) over the run (``Run.server_cpu``), its backends included.
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
    server_cpu: float | None = None  # CPU seconds of the database server over the run

    @property
    def total_cpu(self) -> float:
        """The process's CPU and the database server's, where that was measured."""
        return self.cpu + (self.server_cpu or 0.0)

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
        stdin: Path | None = None, mem_limit_mb: float | None = None,
        server_pid: int | None = None) -> Run:
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
    server0 = server_cpu(server_pid) if server_pid else None
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
    server = None
    if server_pid and server0 is not None:
        time.sleep(0.05)  # the backend ends just after its client: let it be reaped
        after = server_cpu(server_pid)
        server = after - server0 if after is not None else None
    for f in (out_f, in_f):
        if hasattr(f, "close"):
            f.close()
    # Linux reports ru_maxrss in KiB.
    return Run(list(cmd), usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024,
               proc.returncode, killed.is_set(),
               chunks["out"].decode("utf-8", "replace"),
               chunks["err"].decode("utf-8", "replace"), mem_limit_mb, server)


_TICK = os.sysconf("SC_CLK_TCK")


def _stat(pid: int | str) -> list[str] | None:
    """Fields of /proc/PID/stat after the command name (state, ppid, ...)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            raw = f.read().decode("ascii", "replace")
    except OSError:
        return None
    return raw[raw.rindex(")") + 2:].split()


def server_cpu(postmaster: int) -> float | None:
    """CPU seconds so far of a server process tree: the postmaster, the backends it has
    reaped (its children times) and its live children. None if it cannot be read."""
    own = _stat(postmaster)
    if own is None:
        return None
    ticks = sum(int(own[i]) for i in (11, 12, 13, 14))  # utime stime cutime cstime
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            st = _stat(entry.name)
            if st is not None and st[1] == str(postmaster):
                ticks += sum(int(st[i]) for i in (11, 12, 13, 14))
    return ticks / _TICK


def pg_server_pid(conninfo: str) -> int | None:
    """The postmaster of a PostgreSQL server running on this machine, else None."""
    try:
        import psycopg

        with psycopg.connect(conninfo) as con:
            backend = con.execute("SELECT pg_backend_pid()").fetchone()[0]  # type: ignore[index]
    except Exception:  # no server, no figure
        return None
    st = _stat(backend)
    if st is None:  # a server on another machine
        return None
    parent = int(st[1])
    return parent if server_cpu(parent) is not None else None


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


def machine() -> str:
    """Cores and load: wall times on a shared machine mean little without them."""
    one, five, _ = os.getloadavg()
    return f"{os.cpu_count()} cores, load average {one:.1f} (1 min) {five:.1f} (5 min)"


def verdict(value: float, target: float) -> str:
    return "ok" if value <= target else "MISS"
