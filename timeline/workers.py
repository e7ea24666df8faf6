"""Extraction in worker processes, for ``ingest --workers N``.

The workers are forked as soon as the command starts: each loads the extraction engine
(imports, patterns, gazetteer) while this process imports the database layer and opens the
store, so neither waits for the other. Articles then go to them a few at a time, each chunk
to the worker with the least work waiting, and their events come back in input order.
This module imports neither the database layer nor the extraction engine itself.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from timeline.errors import SourceError, TimelineError

if TYPE_CHECKING:
    from timeline.models import EventCreate
    from timeline.sources import Article

__all__ = ["CHUNK", "Workers", "extract_or_error"]

CHUNK = 5  # articles per message to a worker and back
Results = list["list[EventCreate] | Exception"]


class Workers:
    """``count`` extraction processes, started at once; close them (or use ``with``)."""

    def __init__(self, count: int) -> None:
        self._lanes: list[_Lane] = []
        try:
            for _ in range(count):
                self._lanes.append(_Lane(self._lanes))
        except BaseException:
            self.close()
            raise

    def __len__(self) -> int:
        return len(self._lanes)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def extracted(self, articles: Iterator[tuple[Article, datetime]], window: int
                  ) -> Iterator[tuple[list[tuple[Article, datetime]], Results, bool]]:
        """Each chunk of the articles with the events of each (or the error extracting
        them), in input order, and whether more chunks are still to be handed out. At most
        ``window`` articles are with the workers at once: they go on while the caller
        stores what came back."""
        pending: deque[tuple[list[tuple[Article, datetime]], _Lane]] = deque()
        for chunk in _chunked(articles, CHUNK):
            lane = min(self._lanes, key=_Lane.waiting)
            lane.send(chunk)
            pending.append((chunk, lane))
            if len(pending) * CHUNK >= window:
                done, lane = pending.popleft()
                yield done, lane.receive(), True
        while pending:
            done, lane = pending.popleft()
            yield done, lane.receive(), False

    def close(self) -> None:
        for lane in self._lanes:
            lane.close()
        self._lanes = []


def _chunked(items: Iterator[tuple[Article, datetime]], size: int
             ) -> Iterator[list[tuple[Article, datetime]]]:
    chunk: list[tuple[Article, datetime]] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _Lane:
    """A worker process and the pipes to it: chunks of articles go in, their events come
    back in the same order, read by the caller's thread alone (a thread reading them would
    contend for the interpreter with the storing)."""

    def __init__(self, others: Sequence[_Lane] = ()) -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        tasks, self._tasks = context.Pipe(duplex=False)
        self._results, results = context.Pipe(duplex=False)
        _widen(self._tasks)
        _widen(results)
        # the worker closes its copies of this process's ends of every pipe, so that
        # each worker sees the end of its tasks when this process closes them
        ends = [self._tasks, self._results, *(c for o in others for c in o.ends())]
        self.process = context.Process(target=_serve, args=(tasks, results, ends),
                                       daemon=True)
        self.process.start()
        self._sent = 0
        self._done: deque[Results] = deque()
        tasks.close()  # the worker's ends: a worker that dies is then seen as the end of
        results.close()  # its results instead of a wait for ever

    def ends(self) -> tuple[Any, Any]:
        return self._tasks, self._results

    def send(self, chunk: list[tuple[Article, datetime]]) -> None:
        self._tasks.send(chunk)
        self._sent += 1

    def waiting(self) -> int:
        """Chunks sent that this worker has not finished."""
        while self._sent > len(self._done) and self._results.poll():
            self._done.append(self._receive())
        return self._sent - len(self._done)

    def receive(self) -> Results:
        """The results of the oldest chunk not received yet."""
        self._sent -= 1
        return self._done.popleft() if self._done else self._receive()

    def _receive(self) -> Results:
        try:
            results: Results = self._results.recv()
        except EOFError:
            self.process.join(timeout=5)
            code = self.process.exitcode
            how = f"killed by signal {-code}" if code and code < 0 else f"exit code {code}"
            raise TimelineError(f"an extraction worker stopped ({how}); the documents stored "
                                f"before are kept: ingest again for the rest") from None
        return results

    def close(self) -> None:
        self._tasks.close()  # the worker sees the end of its tasks and exits
        self._results.close()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def _widen(conn: Any) -> None:
    """A pipe that holds the results of several chunks (1 MB where the system allows), so
    that a worker goes on while this process stores a batch instead of waiting for it."""
    import contextlib

    with contextlib.suppress(ImportError, AttributeError, OSError):
        import fcntl

        fcntl.fcntl(conn.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)


def _serve(tasks: Any, results: Any, parent_ends: list[Any]) -> None:
    import gc
    import signal

    for end in parent_ends:
        end.close()
    # Ctrl-C is for the parent: it stops sending, and each worker ends with its tasks
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _yield_to_storing()
    warm_up()
    # what the engine built stays out of the collector's sight: it lives as long as we do
    gc.freeze()
    try:
        while True:
            chunk = tasks.recv()
            results.send([extract_or_error(article, when) for article, when in chunk])
    except (EOFError, BrokenPipeError):  # the parent has closed its ends: no more work
        return


def _yield_to_storing() -> None:
    """Workers give way to the process that stores: it is the one all wait for (it does a
    third of the work alone), so it runs whenever it can and the workers fill the rest."""
    import contextlib
    import os

    with contextlib.suppress(OSError):  # not allowed here: the same priority, then
        os.nice(5)


# Read by each worker when it starts, before the first article reaches it: what the engine
# builds on first use (patterns, the gazetteer, the place index) is then ready.
_WARM_UP = (
    "CAIRO, March 4 (Wire) - Egypt's foreign minister met a Hamas delegation in Cairo on "
    "Monday and will travel to Doha next week, officials said on Tuesday. Talks resumed "
    "on 12 February 2024 after a pause of three days, and a second round is expected in "
    "the coming days or by the end of the month. Qatar said on Sunday that the proposal, "
    "first made in early January, was accepted last week; a ceasefire took effect at "
    "midnight on Feb. 27-28. Envoys from Russia and Ukraine held talks in Istanbul from "
    "May 16 to 18, 2025, and agreed to meet again in June. The United States urged both "
    "sides on Thursday night to sign the deal, two years after the 2022 talks collapsed."
)


def warm_up() -> None:
    from timeline.extract import extract_events
    from timeline.temporal.lazy import compile_all

    extract_events(_WARM_UP, date(2025, 5, 20))
    compile_all()


def extract_or_error(article: Article, when: datetime) -> list[EventCreate] | Exception:
    """The article's events, or the error extracting them as a document's skip reason."""
    try:
        return extract(article, when)
    except Exception as err:  # a failure on one article skips it alone, not the batch
        detail = str(err) if isinstance(err, TimelineError) else f"{type(err).__name__}: {err}"
        return SourceError(f"{article.name}: cannot read its events ({' '.join(detail.split())})")


def extract(article: Article, when: datetime) -> list[EventCreate]:
    from timeline.extract import extract_events

    return extract_events(article.text, when, title=article.title, url=article.url,
                          outlet=article.outlet)
