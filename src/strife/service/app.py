"""The FastAPI app: the API routes, the map page and its static files, the error handlers."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional, Union

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from strife import __version__
from strife.service.access import StoreAccess
from strife.service.middleware import BodySizeLimit, SecurityHeaders
from strife.service.routes import Extractor, build_router
from strife.service.settings import ServiceSettings
from strife.store.db import StoreError, StoreLockedError

STATIC_DIR = Path(__file__).parent / "static"
DESCRIPTION = (
    "A read-only API over a strife events store, and a map page at `/`. Every record follows RECORD.md; "
    "every span is an offset into the article text that `GET /events/{event_id}` returns. "
    "`POST /ingest` works only when the service was started with a token."
)


def create_app(
    db_path: Union[str, os.PathLike, None] = None,
    token: Optional[str] = None,
    *,
    settings: Optional[ServiceSettings] = None,
    extractor: Optional[Extractor] = None,
) -> FastAPI:
    """The app over the store at ``db_path`` (or ``settings.db_path``).

    ``token`` enables ``POST /ingest`` (Bearer auth). ``extractor`` replaces strife's
    pipeline in ``/extract`` and ``/ingest`` (tests use a fast stand-in).
    """
    if settings is None:
        if db_path is None:
            from strife.store.db import default_db_path

            db_path = default_db_path()
        settings = ServiceSettings(db_path=Path(db_path), token=token)
    elif db_path is not None or token is not None:
        raise ValueError("give either settings, or db_path/token, not both")

    app = FastAPI(title="strife", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    access = StoreAccess(settings)
    app.state.settings = settings
    app.include_router(build_router(access, extractor))

    @app.exception_handler(StoreLockedError)
    async def _locked(request: Request, exc: StoreLockedError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503, headers={"Retry-After": "5"})

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": f"the store is not available: {exc}"}, status_code=503)

    @app.exception_handler(ValueError)
    async def _value(request: Request, exc: ValueError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for err in exc.errors()[:5]:
            loc = ".".join(str(x) for x in err.get("loc", ())) or "request"
            parts.append(f"{loc}: {err.get('msg', 'invalid')}")
        return JSONResponse({"detail": "; ".join(parts) or "invalid request"}, status_code=422)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", headers={"Cache-Control": "no-cache"})

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC_DIR / "docs.html", headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET", "POST"], allow_headers=["Authorization", "Content-Type"])
    app.add_middleware(GZipMiddleware, minimum_size=2048, compresslevel=4)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    return app
