"""Running the web app as `hornbill serve` does: ``run(create_app(db), sockets(host, port, workers))``.

The catalog of a large knowledge base takes a while to build and a lot of memory, and one
process answers one request at a time (every handler is quick, CPU-bound work in memory). So
the app is built once, in this process, and then forked into ``workers`` processes, each
listening on its own socket on the same port: each worker starts in a moment and shares the
catalog's memory with the others (the catalog is frozen for the garbage collector, so the
workers do not touch, and thus copy, its pages). Each worker then keeps its own snapshot fresh.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import shutil
import signal
import socket
import sys
import traceback
from types import FrameType

import uvicorn
from fastapi import FastAPI

MAX_DEFAULT_WORKERS = 4  # each reload of the knowledge base rebuilds the catalog once per worker


def is_loopback(host: str) -> bool:
    """Whether ``host`` (an address or a name) is reachable from this machine only."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        pass
    try:
        found = socket.getaddrinfo(host, None)
    except OSError:
        return False
    return bool(found) and all(ipaddress.ip_address(str(info[4][0]).split("%")[0]).is_loopback for info in found)


def exposure(db: str, host: str, port: int) -> str:
    """What listening on a non-loopback address gives away."""
    return (f"anyone who can reach {host}:{port} could read everything in {db}: every article's full text, "
            "every event, actor, quote and claim, through the pages and the JSON API (/api). "
            "The server has no login and no encryption (HTTPS).")


def default_workers() -> int:
    """One worker per CPU this process may run on, at most :data:`MAX_DEFAULT_WORKERS`."""
    return max(1, min(len(os.sched_getaffinity(0)), MAX_DEFAULT_WORKERS))


def sockets(host: str, port: int, workers: int) -> list[socket.socket]:
    """One bound socket per worker (each worker listens on its own); raises OSError when the address is taken.

    With several workers the sockets share the port (SO_REUSEPORT), so the kernel spreads new
    connections over the workers at random; on one shared socket, the first worker to wake
    accepted most of a burst of connections (35 of 50 in a trial) and kept them."""
    listeners = [bind(host, port, shared=workers > 1)]
    try:
        listeners += [bind(host, listeners[0].getsockname()[1], shared=True) for _ in range(workers - 1)]
    except OSError:
        for listener in listeners:
            listener.close()
        raise
    return listeners


def bind(host: str, port: int, shared: bool) -> socket.socket:
    listener = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if shared:
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        listener.bind((host, port))
    except OSError:
        listener.close()
        raise
    return listener


def run(app: FastAPI, listeners: list[socket.socket]) -> None:
    """Serve ``app`` until interrupted: in this process on one socket, else in one forked worker per socket."""
    config = uvicorn.Config(app, log_level="warning", access_log=False)
    try:
        if len(listeners) == 1:
            uvicorn.Server(config).run(sockets=listeners)
        else:
            supervise(config, listeners)
    finally:
        for listener in listeners:
            listener.close()
        shutil.rmtree(app.state.folder, ignore_errors=True)


def fork_worker(config: uvicorn.Config, listeners: list[socket.socket], mine: int) -> int:
    """The pid of a new worker process serving ``config.app`` on ``listeners[mine]`` (the child never returns)."""
    pid = os.fork()
    if pid:
        return pid
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_DFL)  # until uvicorn installs its own: never the parent's handler
    for i, listener in enumerate(listeners):
        if i != mine:
            listener.close()
    status = 0
    try:
        uvicorn.Server(config).run(sockets=[listeners[mine]])
    except SystemExit as exc:
        status = exc.code if isinstance(exc.code, int) else 1
    except BaseException:
        traceback.print_exc()
        status = 1
    os._exit(status)  # leave without running the parent's cleanup


def supervise(config: uvicorn.Config, listeners: list[socket.socket]) -> None:
    """Fork a worker per socket and wait for them; SIGINT or SIGTERM here is passed on to them as SIGTERM
    (they finish the requests in hand). A worker that dies leaves the others serving."""
    parent = os.getpid()
    running: set[int] = set()
    stopping = False

    def stop(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        if os.getpid() != parent:
            return  # a worker between its fork and its own handlers
        stopping = True
        for pid in running:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        for mine in range(len(listeners)):
            running.add(fork_worker(config, listeners, mine))
        for listener in listeners:
            listener.close()  # a worker's socket now lives and dies with that worker
        if stopping:
            stop(signal.SIGTERM, None)  # asked to stop while forking: the later workers too
        while running:
            pid, status = os.wait()
            running.discard(pid)
            code = os.waitstatus_to_exitcode(status)
            if not stopping and running:
                print(f"hornbill: worker {pid} exited with status {code}; {len(running)} left", file=sys.stderr)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if not stopping:
        sys.exit("hornbill: every worker has exited")
