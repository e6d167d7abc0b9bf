"""The FastAPI application: ``create_app(db)`` serves a snapshot of the KB and mounts the API, pages and assets.

Concurrency (DuckDB allows one writer and, while it writes, no other process on the file):
the server never keeps the user's KB file open. It copies the file under a brief shared lock
(no writer can be mid-transaction then) and serves that private snapshot. Every
``HORNBILL_RELOAD_SECONDS`` (default 5) it checks whether the file changed; if it did and no
writer holds it, it takes a new snapshot, loads it in a thread and swaps it in, so requests
are always answered from a complete, committed state while `hornbill add` writes.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import shutil
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException as StarletteHTTPException

from hornbill import __version__
from hornbill.errors import StoreError
from hornbill.store import KnowledgeBase, index_texts, open_kb
from hornbill.web import api, pages
from hornbill.web.catalog import Catalog

STATIC = Path(__file__).resolve().parent / "static"
RELOAD_VARIABLE = "HORNBILL_RELOAD_SECONDS"


def file_state(db: Path) -> tuple[float, ...]:
    """What changes when a writer commits: the modification times and sizes of the file and its WAL."""
    state: list[float] = []
    for path in (db, db.with_name(db.name + ".wal")):
        with contextlib.suppress(OSError):
            info = path.stat()
            state += [info.st_mtime, info.st_size]
    return tuple(state)


def take_snapshot(db: Path, folder: Path) -> tuple[Path, tuple[float, ...]]:
    """Copy the KB (and its WAL) while holding a shared lock, so the copy is a committed state."""
    holder = open_kb(db, read_only=True)  # fails while a writer holds the file: try again later
    try:
        state = file_state(db)
        target = Path(tempfile.mkdtemp(dir=folder)) / db.name
        shutil.copyfile(db, target)
        wal = db.with_name(db.name + ".wal")
        if wal.exists():
            shutil.copyfile(wal, target.with_name(target.name + ".wal"))
        return target, state
    finally:
        holder.close()


RETIRE_AFTER = 30.0  # seconds a replaced snapshot stays open for requests that are still using it


def load_catalog(db: Path, folder: Path) -> tuple[Catalog, tuple[float, ...], Path]:
    """The catalog of a fresh snapshot of ``db`` (the snapshot's connection is closed again), its file state, its path.

    The garbage collector is off while the catalog is built and the catalog is frozen after:
    it never changes once loaded, and a full collection walking its millions of objects would
    pause every request (and, in forked workers, copy every page it touches)."""
    snapshot, state = take_snapshot(db, folder)
    index_texts(snapshot)  # the snapshot is private: its full-text index costs the user's file nothing
    kb = open_kb(snapshot, read_only=True)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        catalog = Catalog.load(kb)
        gc.freeze()
    finally:
        kb.close()
        if was_enabled:
            gc.enable()
    return catalog, state, snapshot


def retire(kb: KnowledgeBase, snapshot: Path) -> None:
    kb.close()
    shutil.rmtree(snapshot.parent, ignore_errors=True)


def create_app(db: str | Path) -> FastAPI:
    """The web app over a snapshot of the knowledge base at ``db``, refreshed when the file changes.

    The catalog is loaded here; the snapshot's connection (for article texts) is opened when the
    app starts serving, in the process that serves, so the app may be built once and then forked
    into workers (DuckDB's threads do not survive a fork)."""
    db = Path(db)
    folder = Path(tempfile.mkdtemp(prefix="hornbill-serve-"))
    try:
        catalog, state, snapshot = load_catalog(db, folder)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    served = Served(db, folder, os.getpid(), state, snapshot, float(os.environ.get(RELOAD_VARIABLE, "5")))
    app = FastAPIOffline(title="hornbill", version=__version__, lifespan=served.lifespan,
                         description="PLOVER events with evidence: the JSON API of a hornbill knowledge base.")
    app.state.catalog = catalog
    app.state.folder = folder
    app.include_router(api.router)
    app.include_router(pages.router)
    app.middleware("http")(pages.remember_page)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_exception_handler(StarletteHTTPException, http_error)  # also the router's 404 for unknown paths
    app.add_exception_handler(RequestValidationError, validation_error)
    return app


@dataclass
class Served:
    """The snapshot an app serves, and how it is kept fresh: ``state`` is the KB file's state the
    snapshot was taken at; the process ``owner`` made ``folder`` and removes it."""

    db: Path
    folder: Path
    owner: int
    state: tuple[float, ...]
    snapshot: Path
    interval: float  # seconds between looks at the KB file

    @asynccontextmanager
    async def lifespan(self, app: FastAPI) -> AsyncIterator[None]:
        app.state.kb = open_kb(self.snapshot, read_only=True)
        task = asyncio.create_task(self.keep_fresh(app))
        yield
        task.cancel()
        app.state.kb.close()
        if os.getpid() == self.owner:  # forked workers leave the folder to the process that made it
            shutil.rmtree(self.folder, ignore_errors=True)

    async def keep_fresh(self, app: FastAPI) -> None:
        """Every ``interval`` seconds, take a new snapshot if the KB file changed; retire the old one later."""
        while True:
            await asyncio.sleep(self.interval)
            if file_state(self.db) == self.state:
                continue
            try:
                new_catalog, new_state, new_snapshot = await asyncio.to_thread(load_catalog, self.db, self.folder)
                new_kb = await asyncio.to_thread(open_kb, new_snapshot, True)
            except (StoreError, OSError):
                continue  # a writer holds the file: keep serving the last snapshot, look again later
            old_kb, old_snapshot = app.state.kb, self.snapshot
            app.state.kb, app.state.catalog, self.state, self.snapshot = new_kb, new_catalog, new_state, new_snapshot
            asyncio.get_running_loop().call_later(RETIRE_AFTER, retire, old_kb, old_snapshot)


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


async def http_error(request: Request, exc: Exception) -> Response:
    """An error as JSON under /api, else as an HTML page (an unknown page is a 404 page, not JSON)."""
    assert isinstance(exc, StarletteHTTPException)
    if wants_json(request):
        return JSONResponse({"error": exc.detail}, status_code=exc.status_code)
    return pages.error_page(request, exc.status_code, str(exc.detail))


async def validation_error(request: Request, exc: Exception) -> Response:
    """Parameter errors are the client's: 400 with one readable line per problem."""
    assert isinstance(exc, RequestValidationError)
    problems = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path"))
        problems.append(f"{where}: {err.get('msg', 'invalid')}")
    message = "; ".join(problems) or "invalid request"
    if wants_json(request):
        return JSONResponse({"error": message}, status_code=400)
    return pages.error_page(request, 400, message)
