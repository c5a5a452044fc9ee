"""articlekit on Dask: a conversion spread over a cluster, and articles as dask bags and dataframes.

Installed with ``pip install "articlekit[dask]"``; nothing here is imported by ``import articlekit``.

- [`read_articles`][articlekit.distributed.read_articles] turns paths, globs or fsspec URLs into a
  ``dask.bag`` of [`Article`][articlekit.model.Article]s: one partition per input file, read as
  a stream (a web archive's records one at a time), never whole.
- [`to_frames`][articlekit.distributed.to_frames] turns such a bag into three dask dataframes,
  articles, quotes and sources, with the columns of [`articlekit.tables`][articlekit.tables];
  [`write_tables`][articlekit.distributed.write_tables] writes them as the same Parquet files
  the command line's ``--to parquet`` writes.
- ``articlekit convert ... --dask ADDRESS`` (or ``--dask local:N``) runs the command line's
  conversion on a cluster: the workers parse, enrich and render each input; this process names,
  writes and reports the outputs in input order, exactly as a local run does, so the outputs are
  the same bytes whatever the cluster. A worker that dies has its inputs run again by Dask;
  nothing is written before its input's result has arrived here, so nothing is written twice.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs

from articlekit.api import parse_all
from articlekit.batch import STDIN, Failure, InputSet, Runner, _convert_one, _Job, _Outcome, _Task
from articlekit.errors import ArticlekitError
from articlekit.model import Article
from articlekit.tables import TABLES, Packet, ParquetTables, input_of, pack, schemas

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import distributed

__all__ = ["EXTRA", "cluster", "parse_address", "read_articles", "runner", "to_frames", "write_tables"]

EXTRA = "dask"
"""The optional dependencies' extra: ``pip install "articlekit[dask]"``."""

_log = logging.getLogger(__name__)

ErrorPolicy = Literal["raise", "skip"]


def _require() -> None:
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        raise ArticlekitError(
            f'running on Dask needs {exc.name or "dask"}, which is not installed: pip install "articlekit[{EXTRA}]"'
        ) from None


# -- the cluster ------------------------------------------------------------------------------


@attrs.frozen
class Address:
    """Where to run: a running scheduler's address, or a local cluster of ``workers`` processes."""

    scheduler: str | None
    """``tcp://host:8786`` (or any address ``distributed.Client`` takes); None for a local cluster."""
    workers: int = 0
    """Worker processes of a local cluster (each with one thread)."""


def parse_address(value: str) -> Address:
    """``local`` (one worker process per CPU), ``local:N`` (N worker processes) or a scheduler's
    address (``tcp://10.0.0.5:8786``, ``10.0.0.5:8786``).

    :raises ValueError: ``local:`` followed by something other than a positive number, or nothing.
    """
    text = value.strip()
    if text == "local" or text.startswith("local:"):
        count = text.partition(":")[2]
        if not count:
            return Address(None, os.cpu_count() or 1)
        if not count.isdigit() or int(count) < 1:
            raise ValueError(f"expected local, local:N (N worker processes) or a scheduler's address; got {value!r}")
        return Address(None, int(count))
    if not text:
        raise ValueError("expected local, local:N or a scheduler's address such as tcp://host:8786")
    return Address(text if "://" in text else f"tcp://{text}")


_LOCAL_CONFIG = {
    # no statistical profiler in the workers: its samples pile up for an hour, so a worker's
    # memory would grow with the run's length instead of staying flat (and sampling costs CPU)
    "distributed.worker.profile.enabled": False,
    # a local cluster's scheduler and nannies run in this process, on the cores the workers
    # need: their housekeeping (an event-loop tick every 20 ms in each, system and memory
    # monitors every 0.5 s and 0.1 s) took half of this process's CPU time in a conversion
    # (bench/run.py scale). Slower ticks change no result; a worker past its memory limit is
    # still stopped, within half a second instead of a tenth.
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "500ms",
}


@contextlib.contextmanager
def cluster(address: Address | str) -> Iterator[distributed.Client]:
    """A client connected to ``address``: a running scheduler, or a local cluster started for the
    block (worker processes, one thread each, no dashboard) and stopped after it."""
    _require()
    import dask
    import distributed

    where = parse_address(address) if isinstance(address, str) else address
    if where.scheduler is not None:
        try:
            client = distributed.Client(where.scheduler, timeout="20s")
        except OSError as exc:
            raise ArticlekitError(f"--dask {where.scheduler}: cannot reach the scheduler: {exc}") from None
        with client:
            yield client
        return
    with (
        dask.config.set(_LOCAL_CONFIG),
        distributed.LocalCluster(
            n_workers=where.workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        ) as local,
        distributed.Client(local) as client,
    ):
        yield client


def _is_local(client: distributed.Client) -> bool:
    """True when every worker runs on this machine (they can read this process's temporary files)."""
    import socket

    hosts = {"127.0.0.1", "localhost", "::1", socket.gethostname()}
    with contextlib.suppress(OSError):
        hosts.add(socket.gethostbyname(socket.gethostname()))
    workers = client.scheduler_info().get("workers", {})
    return bool(workers) and all(str(info.get("host", "")) in hosts for info in workers.values())


def _convert_remote(job: _Job, path: str, data: bytes | None) -> _Outcome:
    """One input, on a worker: the very function the local batch runs."""
    return _convert_one(job, path, data)


def runner(client: distributed.Client, *, window: int | None = None) -> Runner:
    """A [`Runner`][articlekit.batch.Runner] for ``convert_batch`` that converts on ``client``'s
    cluster, one task per input, at most ``window`` (default: four per worker thread) in flight,
    giving the outcomes back in input order.

    An input whose worker dies is run again by Dask (up to the scheduler's ``allowed-failures``);
    past that it counts as failed (``WorkerDied``), like an input whose worker dies locally.
    """
    from distributed import KilledWorker

    def run(job: _Job, tasks: Iterator[_Task]) -> Iterator[_Outcome]:
        threads = sum(int(w.get("nthreads", 1)) for w in client.scheduler_info().get("workers", {}).values())
        size = window or max(4, 4 * threads)
        if job.spool is not None and not _is_local(client):
            # a worker elsewhere cannot spill into this machine's folder: results travel whole
            job = attrs.evolve(job, spool=None)
        pending: deque[tuple[str, Any]] = deque()
        source = iter(tasks)
        number = 0
        try:
            while True:
                while len(pending) < size:
                    task = next(source, None)
                    if task is None:
                        break
                    number += 1
                    path, data = task
                    key = f"articlekit-{number}-{path}"
                    # the job travels in each task (it is small): a scattered copy could be lost with its workers
                    future = client.submit(_convert_remote, job, path, data, key=key, pure=False)
                    pending.append((path, future))
                if not pending:
                    return
                path, future = pending.popleft()
                try:
                    outcome: _Outcome = future.result()
                except KilledWorker:
                    reason = "the workers converting it died each time (a crash in a parser or library, or no memory)"
                    outcome = _Outcome(failure=Failure(path, reason, "WorkerDied", f"{path}: {reason}"))
                except Exception as exc:  # the task itself cannot fail (it reports errors as outcomes)
                    reason = f"the cluster could not run it: {type(exc).__name__}: {exc}"
                    outcome = _Outcome(failure=Failure(path, reason, "DaskError", f"{path}: {reason}"))
                future.release()
                yield outcome
        finally:
            for _path, future in pending:
                future.cancel()

    return run


# -- articles as a bag, and the bag as tables --------------------------------------------------


def _is_url(path: str) -> bool:
    return "://" in path and not path.startswith("file://")


def _sources(paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]]) -> list[str]:
    """Every input named by ``paths``: local files, folders (walked as the command line walks
    them) and globs, and fsspec URLs (``s3://bucket/*.warc.gz``), in order."""
    given = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    found: list[str] = []
    for entry in given:
        text = os.fspath(entry)
        if _is_url(text):
            import fsspec

            opened = fsspec.open_files(text, "rb")
            if not opened:
                raise ArticlekitError(f"{text}: no file matches this address")
            found.extend(f"{opened.fs.unstrip_protocol(o.path)}" for o in opened)
            continue
        text = text.removeprefix("file://")
        if text == STDIN:
            raise ArticlekitError("standard input cannot be read on a cluster; name the files")
        inputs = InputSet([text])
        missing = inputs.check()
        if missing:
            raise ArticlekitError(f"{missing[0][0]}: {missing[0][1]}")
        found.extend(item.path for item in inputs)
    return found


def _read(path: str, format: str | None, options: dict[str, Any], errors: ErrorPolicy) -> Iterator[Article]:
    """The articles of one input, as a stream."""
    try:
        if _is_url(path):
            import fsspec

            with fsspec.open(path, "rb") as stream:
                yield from parse_all(stream, format, name=path, **options)
        else:
            yield from parse_all(Path(path), format, name=path, **options)
    except (ArticlekitError, OSError) as exc:
        if errors == "raise":
            raise
        message = str(exc)
        _log.warning("%s", message if message.startswith(path) else f"{path}: {message}")


def _partition(paths: Iterable[str], format: str | None, options: dict[str, Any], errors: ErrorPolicy) -> list[Article]:
    """The articles of one partition's inputs (a list: partitions travel between processes; the
    input itself was read as a stream)."""
    return [article for path in paths for article in _read(path, format, options, errors)]


def read_articles(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    format: str | None = None,
    *,
    errors: ErrorPolicy = "raise",
    **options: Any,
) -> dask.bag.Bag:
    """A ``dask.bag`` of every article in ``paths``, one partition per input file.

    :param paths: a path, folder (walked recursively, in sorted order, as the command line walks
        it), glob, or fsspec URL (``s3://bucket/crawl/*.warc.gz``, with its filesystem's package
        installed), or a list of them.
    :param format: the input format, as for [`parse_all`][articlekit.parse_all]; detected when None.
    :param errors: ``raise`` (an input that cannot be read fails the computation) or ``skip``
        (it is logged as a warning on its worker, and the articles read before the error are kept).
    :param options: what [`parse_all`][articlekit.parse_all] takes: ``tz``, ``enrich``, ``max_bytes``
        and any option a plugin reads. Workers use the plugins installed where they run.
    :raises ArticlekitError: no input found, or dask is not installed.
    """
    _require()
    import dask.bag

    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
    found = _sources(paths)
    if not found:
        raise ArticlekitError(f"no input found in {paths!r}")
    bag = dask.bag.from_sequence(found, npartitions=len(found))
    return bag.map_partitions(_partition, format, dict(options), errors)


def _partition_tables(articles: Iterable[Article]) -> list[list[Packet]]:
    """The rows of one partition's articles as Arrow packets (in a one-item list: a bag
    partition is a sequence), built on the worker; positions count within each input, so a
    partition must hold whole inputs."""
    return [[packet for input, run in groupby(articles, input_of) for _count, packet in pack(run, input)]]


def _frame(part: list[list[Packet]], table: str) -> Any:
    import pandas as pd
    import pyarrow as pa

    index = TABLES.index(table)
    pieces = [packet.tables[index] for packet in part[0]]
    whole = pa.concat_tables(pieces) if pieces else schemas()[table].empty_table()
    return whole.to_pandas(types_mapper=pd.ArrowDtype)


def to_frames(bag: dask.bag.Bag) -> tuple[dask.dataframe.DataFrame, dask.dataframe.DataFrame, dask.dataframe.DataFrame]:
    """``(articles, quotes, sources)``: three dask dataframes of a bag of articles (one partition
    per bag partition), with the columns and types of [`articlekit.tables`][articlekit.tables].

    The three share their work: compute them together (``dask.compute(a, q, s)``, or
    [`write_tables`][articlekit.distributed.write_tables]) to parse each input once.
    """
    _require()
    import dask
    import dask.dataframe as dd
    import pandas as pd

    rows = bag.map_partitions(_partition_tables).to_delayed()
    empty = {name: schema.empty_table().to_pandas(types_mapper=pd.ArrowDtype) for name, schema in schemas().items()}
    frames = [
        dd.from_delayed([dask.delayed(_frame)(part, name) for part in rows], meta=empty[name], verify_meta=False)
        for name in TABLES
    ]
    return frames[0], frames[1], frames[2]


def _in_order(parts: Sequence[Any], window: int) -> Iterator[Any]:
    """Each delayed part computed, in order, at most ``window`` at once: on the current
    distributed client when there is one, else with dask's own scheduler."""
    import dask

    try:
        from distributed import default_client

        client = default_client()
    except (ImportError, ValueError):
        client = None
    if client is None:
        for start in range(0, len(parts), window):
            yield from dask.compute(*parts[start : start + window])
        return
    pending: deque[Any] = deque()
    index = 0
    while index < len(parts) or pending:
        while index < len(parts) and len(pending) < window:
            pending.append(client.compute(parts[index]))
            index += 1
        future = pending.popleft()
        yield future.result()
        future.release()


def write_tables(
    bag: dask.bag.Bag, folder: str | os.PathLike[str], *, force: bool = False, window: int = 16
) -> dict[str, int]:
    """Write ``articles.parquet``, ``quotes.parquet`` and ``sources.parquet`` in ``folder`` from a
    bag of articles: the workers build each partition's rows, this process writes them in order,
    so the files are the same bytes as the command line's ``--to parquet`` for the same inputs.
    Returns the rows written, by table.

    :param window: partitions in flight at once (bounds this process's memory).
    """
    _require()

    rows = bag.map_partitions(_partition_tables).to_delayed()
    with ParquetTables(Path(folder), force=force) as tables:
        for part in _in_order(rows, window):
            for packet in part[0]:
                tables.add_packet(packet)
    return {name: tables.counts[name] for name in TABLES}
