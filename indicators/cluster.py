"""Run partitions of work in this process or on a Dask cluster; the results come back in input order.

`--cluster local:N` starts a dask.distributed LocalCluster of N single-threaded worker processes on
this machine; `--cluster tcp://HOST:PORT` connects to a running scheduler (dask-scheduler and
dask-worker, Kubernetes, SLURM through dask-jobqueue …) whose workers have zhibiao installed.
Without a cluster the same work runs here, one partition after the other.

The client keeps a bounded number of partitions in flight (WINDOW_PER_THREAD per worker thread),
so neither it nor the scheduler ever holds the whole corpus.
"""

from __future__ import annotations

import logging
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

P = TypeVar("P")
R = TypeVar("R")

WINDOW_PER_THREAD = 2
_LOCAL = re.compile(r"local(?::(\d+))?")
_ADDRESS = re.compile(r"[a-z][a-z0-9+.-]*://\S+")


class ClusterSpecError(Exception):
    """The --cluster value is neither local[:N] nor a scheduler address."""

    def __init__(self, spec: str) -> None:
        super().__init__(
            f'"{spec}" is not local (a worker per core), local:N (N worker processes) '
            "or a scheduler's address, tcp://HOST:PORT."
        )


class ClusterUnreachable(Exception):
    """No Dask scheduler answered at the address."""


class WorkFailed(Exception):
    """A partition's task failed on the cluster (its worker died, or the task raised)."""

    def __init__(self, partition: Any, error: BaseException) -> None:
        super().__init__(f"{partition}: failed on the cluster: {error!r}")


def parse(spec: str) -> int | str:
    """local -> 0 (one worker per core), local:N -> N, an address -> itself; else ClusterSpecError."""
    if m := _LOCAL.fullmatch(spec):
        n = int(m.group(1) or 0)
        if m.group(1) is not None and n < 1:
            raise ClusterSpecError(spec)
        return n
    if _ADDRESS.fullmatch(spec):
        return spec
    raise ClusterSpecError(spec)


@contextmanager
def connect(spec: str) -> Iterator[Any]:
    """A dask.distributed Client for `spec` (a LocalCluster started here, or a running scheduler)."""
    target = parse(spec)
    from distributed import Client, LocalCluster

    if isinstance(target, int):
        # One thread per worker: extraction is pure Python, so only processes run it in parallel.
        # No dashboard, and the scheduler's own HTTP server (health checks) on a free port of
        # 127.0.0.1, not on 8787, which another user of the machine may hold.
        cluster = LocalCluster(
            n_workers=target or None,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
            silence_logs=logging.ERROR,
        )
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    try:
        client = Client(target)  # waits distributed.comm.timeouts.connect (Dask's config), 30 s by default
    except OSError as error:
        raise ClusterUnreachable(f"no Dask scheduler answered at {target}: {error}") from error
    with client:
        yield client


def run(
    items: Iterable[P | Exception],
    work: Callable[[P], R],
    cluster: str | None = None,
) -> Iterator[R | Exception]:
    """work(item) for every item, in order; an Exception item (a bad input) is passed through as it is,
    and a task that fails on the cluster comes back as WorkFailed naming its item."""
    if cluster is None:
        for item in items:
            yield item if isinstance(item, Exception) else work(item)
        return
    with connect(cluster) as client:
        window = WINDOW_PER_THREAD * max(1, sum(client.nthreads().values()))
        pending: deque[tuple[Any, Any]] = deque()
        for item in items:
            if isinstance(item, Exception):
                pending.append((item, None))
            else:
                # pure=False: two partitions with equal contents are still two tasks.
                pending.append((item, client.submit(work, item, pure=False)))
            while len(pending) > window:
                yield _result(*pending.popleft())
        while pending:
            yield _result(*pending.popleft())


def _result(item: Any, future: Any) -> Any:
    if future is None:
        return item
    try:
        return future.result()
    except Exception as error:  # the task raised, or its worker died (KilledWorker) once too often
        return WorkFailed(item, error)
    finally:
        future.release()
