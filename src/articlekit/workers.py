"""Worker processes for a batch, with a time limit that holds whatever the work does.

Each worker is a process of its own, sent a few tasks at a time; it answers each task as soon
as it is done, so the pool always knows which task a worker has in hand and since when. A
worker that runs past the time limit (stuck in a C library, reading a device that never
ends) is killed and replaced, and one that dies (a crash, the out-of-memory killer) is
replaced: either way only the task in hand is lost, and the tasks queued behind it go to
the new worker. Results come back in the order the tasks were given.

Workers ignore Ctrl-C (the terminal sends it to the whole process group: the main process
decides), die with the main process (Linux), and [`WorkerPool.close`][articlekit.workers.WorkerPool.close]
stops them within a bounded time, whatever they are doing.
"""

from __future__ import annotations

import contextlib
import ctypes
import itertools
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, Literal, TypeVar

from articlekit.output import STOPS, stops_held

__all__ = ["GRACE", "Lost", "WorkerPool"]

Task = TypeVar("Task")
Result = TypeVar("Result")
Key = TypeVar("Key")

Lost = Literal["timeout", "died", "unsendable"]
"""Why a task has no result: it ran past the time limit, its worker died, or its result
could not be sent back (it cannot be pickled)."""

GRACE = 1.0
"""Seconds a worker is given beyond the time limit before it is killed: work written in
Python stops at the limit by itself (the worker's own alarm); this is for work that cannot."""

_START_RETRIES = (0.1, 0.5, 2.0)
"""Pauses (seconds) between attempts to start a worker process that the system refused."""

_STOP_WAIT = 2.0
"""Seconds a worker asked to stop (SIGTERM) is waited for before it is killed."""


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this process when its parent dies, so that a worker is never orphaned.

    ``parent`` is the pid of the process that started this one: if it died before the request
    was made (the worker is already an orphan), the worker leaves at once."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:
        os._exit(1)


def _unblock_stops() -> None:
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPS)


def _serve(conn: Connection, work: Callable[[Any, Any], Any], context: Any, parent: int) -> None:
    """A worker's life: receive a list of tasks, answer each, until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the main process's handler, inherited by fork
    _unblock_stops()  # blocked by the main process until now (see _Worker): a SIGTERM waiting ends it here
    _die_with_parent(parent)
    while True:
        try:
            tasks = conn.recv()
        except (EOFError, OSError):
            return
        if tasks is None:
            return
        for task in tasks:
            try:
                answer: tuple[str, Any] = ("done", work(context, task))
            except KeyboardInterrupt:  # raised by the work itself: the main process stops too
                with contextlib.suppress(OSError):
                    conn.send(("interrupt", None))
                return
            try:
                conn.send(answer)
            except (OSError, EOFError):
                return
            except Exception as exc:  # the result cannot be pickled
                conn.send(("unsendable", f"{type(exc).__name__}: {exc}"))


class _Worker:
    def __init__(self, context: Any, work: Callable[[Any, Any], Any], job: Any) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_serve, args=(child, work, job, os.getpid()), daemon=True, name="articlekit-worker"
        )
        # a SIGINT or SIGTERM that reached the worker before _serve replaced the main process's
        # handlers (inherited by fork) would run them there, and print a traceback for a stop
        # that is no error (a pool closed at once, Ctrl-C): they wait, blocked, until then
        with stops_held():
            self.process.start()
        child.close()
        self.hand: deque[int] = deque()
        """The tasks sent and not yet answered, in order; the first is the one being worked on."""
        self.since = 0.0
        """When the worker began the task in hand."""

    def send(self, tasks: list[tuple[int, Any]]) -> None:
        self.conn.send([task for _seq, task in tasks])
        if not self.hand:
            self.since = time.monotonic()
        self.hand.extend(seq for seq, _task in tasks)

    def stop(self, *, kill: bool = False) -> None:
        """Stop the worker, whatever it is doing: SIGTERM, then SIGKILL if it does not go (at
        once with ``kill``: a worker past its time limit is stuck by definition)."""
        if self.process.is_alive():
            if kill:
                self.process.kill()
            else:
                self.process.terminate()
                self.process.join(_STOP_WAIT)
                if self.process.is_alive():
                    self.process.kill()
        self.process.join()
        self.conn.close()


class WorkerPool(Generic[Task, Result]):
    """``jobs`` worker processes running ``work(context, task)``.

    ``lost(task, why)`` gives the result of a task that has none of its own (see
    [`Lost`][articlekit.workers.Lost]); ``timeout`` (seconds, 0 for none) is how long one task
    may take before its worker is killed, plus [`GRACE`][articlekit.workers.GRACE]. A task whose
    work raises KeyboardInterrupt stops the whole pool with KeyboardInterrupt.
    """

    def __init__(
        self,
        jobs: int,
        work: Callable[[Any, Task], Result],
        context: Any,
        lost: Callable[[Task, Lost, str], Result],
        *,
        timeout: float = 0.0,
        chunk: int = 8,
    ) -> None:
        self._mp = multiprocessing.get_context()
        self._work = work
        self._context = context
        self._lost = lost
        self.limit = timeout + GRACE if timeout > 0 else 0.0
        self.chunk = max(1, chunk)
        self.jobs = max(1, jobs)
        self._workers: list[_Worker] = []
        self._tasks: dict[int, Task] = {}
        self._done: dict[int, Result | None] = {}
        self._unsent: deque[int] = deque()

    def _start(self) -> _Worker:
        """A new worker; starting a process can fail for a moment (EAGAIN, ENOMEM while the
        machine is busy): it is tried again a few times before the error is given up to."""
        for pause in _START_RETRIES:
            try:
                return _Worker(self._mp, self._work, self._context)
            except OSError:
                time.sleep(pause)
        return _Worker(self._mp, self._work, self._context)

    def map(self, entries: Iterable[tuple[Key, Task | None]]) -> Iterator[tuple[Key, Result | None]]:
        """``(key, result)`` for each ``(key, task)``, in order; a task None is not run (its
        result is None). At most a few chunks per worker are read ahead of the results."""
        if not self._workers:
            self._workers = [self._start() for _ in range(self.jobs)]
        window = self.jobs * self.chunk * 2
        source = iter(entries)
        order: deque[tuple[int, Key]] = deque()
        counter = itertools.count()
        exhausted = False
        while True:
            while not exhausted and len(order) < window:
                try:
                    key, task = next(source)
                except StopIteration:
                    exhausted = True
                    break
                seq = next(counter)
                order.append((seq, key))
                if task is None:
                    self._done[seq] = None
                else:
                    self._tasks[seq] = task
                    self._unsent.append(seq)
            self._dispatch()  # before yielding: workers convert while the caller writes
            if order and order[0][0] in self._done:
                seq, key = order.popleft()
                yield key, self._done.pop(seq)
                continue
            if not order:
                return
            self._wait()

    def _dispatch(self) -> None:
        for index, worker in enumerate(self._workers):
            if not self._unsent:
                return
            if not worker.hand:
                count = min(self.chunk, len(self._unsent))
                seqs = [self._unsent.popleft() for _ in range(count)]
                try:
                    worker.send([(seq, self._tasks[seq]) for seq in seqs])
                except OSError:  # it died between two tasks: its successor takes them
                    self._unsent.extendleft(reversed(seqs))
                    worker.stop()
                    self._workers[index] = self._start()

    def _wait(self) -> None:
        busy = [worker for worker in self._workers if worker.hand]
        if not busy:
            return
        timeout = None
        if self.limit:
            timeout = max(0.0, min(worker.since for worker in busy) + self.limit - time.monotonic())
        ready = set(wait([worker.conn for worker in busy], timeout))
        for worker in busy:
            if worker.conn in ready:
                self._receive(worker)
        if self.limit:
            now = time.monotonic()
            for index, worker in enumerate(self._workers):
                if worker.hand and now - worker.since >= self.limit:
                    self._replace(index, "timeout", "")

    def _receive(self, worker: _Worker) -> None:
        try:
            kind, value = worker.conn.recv()
        except (EOFError, OSError):
            self._replace(self._workers.index(worker), "died", "")
            return
        if kind == "interrupt":
            raise KeyboardInterrupt
        seq = worker.hand.popleft()
        worker.since = time.monotonic()
        task = self._tasks.pop(seq)
        self._done[seq] = self._lost(task, "unsendable", value) if kind == "unsendable" else value

    def _replace(self, index: int, why: Lost, detail: str) -> None:
        """The task in hand of worker ``index`` is lost: give it its result, stop the worker,
        send the tasks queued behind it to a new one."""
        worker = self._workers[index]
        seq = worker.hand.popleft()
        self._done[seq] = self._lost(self._tasks.pop(seq), why, detail)
        self._unsent.extendleft(reversed(worker.hand))
        worker.hand.clear()
        worker.stop(kill=True)
        self._workers[index] = self._start()

    def close(self) -> None:
        """Stop every worker (within a few seconds, whatever it is doing) and forget the tasks."""
        workers, self._workers = self._workers, []
        for worker in workers:
            with contextlib.suppress(OSError):
                worker.process.terminate()
        for worker in workers:
            worker.stop()
        self._tasks.clear()
        self._done.clear()
        self._unsent.clear()
