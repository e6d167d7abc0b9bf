"""The FastAPI application: ``create_app(db)`` opens the KB read-only and mounts the API, pages and assets."""

from __future__ import annotations

import gc
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from hornbill import __version__
from hornbill.store import open_kb
from hornbill.web import api, pages
from hornbill.web.catalog import Catalog

STATIC = Path(__file__).resolve().parent / "static"
DB_VARIABLE = "HORNBILL_SERVE_DB"


def create_app(db: str | Path) -> FastAPI:
    """The web app over the knowledge base at ``db`` (opened read-only, loaded once)."""
    kb = open_kb(db, read_only=True)
    catalog = Catalog.load(kb)
    # The catalog lives as long as the server and never changes: keep the collector from walking
    # its millions of objects again (a full collection of a 100k-event KB pauses every request).
    gc.collect()
    gc.freeze()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        kb.close()

    app = FastAPIOffline(title="hornbill", version=__version__, lifespan=lifespan,
                         description="PLOVER events with evidence: the JSON API of a hornbill knowledge base.")
    app.state.kb = kb
    app.state.catalog = catalog
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    return app


def app_from_env() -> FastAPI:
    """The app over ``$HORNBILL_SERVE_DB``: the factory each worker process calls when serving with workers."""
    return create_app(os.environ[DB_VARIABLE])


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
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
