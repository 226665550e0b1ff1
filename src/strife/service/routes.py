"""The API's routes: /events, /events/{id}, /points, /clusters/{id}, /stats, /extract, /ingest."""

# no `from __future__ import annotations`: FastAPI reads these annotations, some closing over settings

import hmac
import math
import threading
from datetime import date
from typing import Annotated, Callable, Optional

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import ValidationError

from strife.article import Article
from strife.records import Event
from strife.service import reads
from strife.service.access import StoreAccess
from strife.service.schemas import (
    EXPORT_MEDIA_TYPES, ID_PATTERN, ArticleIn, ClusterOut, ErrorOut, EventDetail, EventFormat, EventsPage,
    ExtractOut, IngestFailure, IngestIn, IngestOut, PointsOut, StatsOut,
)
from strife.store.query import EventFilter

Extractor = Callable[[Article], list[Event]]
_TEXT = r"^[^\x00-\x1f\x7f]*$"  # query strings: no control characters
_ERRORS = {400: {"model": ErrorOut}, 404: {"model": ErrorOut}, 503: {"model": ErrorOut}}


def _bbox(value: Optional[str]) -> Optional[tuple[float, float, float, float]]:
    if value is None:
        return None
    try:
        parts = tuple(float(x) for x in value.split(","))
    except ValueError:
        raise HTTPException(400, "bbox: expected MIN_LON,MIN_LAT,MAX_LON,MAX_LAT (four numbers)") from None
    if len(parts) != 4 or not all(math.isfinite(p) for p in parts):
        raise HTTPException(400, "bbox: expected four finite numbers MIN_LON,MIN_LAT,MAX_LON,MAX_LAT")
    min_lon, min_lat, max_lon, max_lat = parts
    if min_lon > max_lon or min_lat > max_lat:
        raise HTTPException(400, "bbox: min must not exceed max (MIN_LON,MIN_LAT,MAX_LON,MAX_LAT)")
    return parts  # type: ignore[return-value]


def event_filter(
    date_from: Annotated[Optional[date], Query(description="records whose dates end on or after this day")] = None,
    date_to: Annotated[Optional[date], Query(description="records whose dates start on or before this day")] = None,
    country: Annotated[Optional[str], Query(pattern=r"^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3")] = None,
    admin1: Annotated[Optional[str], Query(max_length=200, pattern=_TEXT)] = None,
    bbox: Annotated[Optional[str], Query(max_length=200, description="MIN_LON,MIN_LAT,MAX_LON,MAX_LAT")] = None,
    plover_type: Annotated[Optional[str], Query(max_length=64, pattern=_TEXT, description="e.g. ASSAULT")] = None,
    cameo_prefix: Annotated[Optional[str], Query(pattern=r"^[0-9]{1,4}$")] = None,
    acled_type: Annotated[Optional[str], Query(max_length=200, pattern=_TEXT)] = None,
    acled_sub_type: Annotated[Optional[str], Query(max_length=200, pattern=_TEXT)] = None,
    actor: Annotated[Optional[str], Query(max_length=200, pattern=_TEXT, description="substring of an actor")] = None,
    min_fatalities: Annotated[Optional[int], Query(ge=0, le=10_000_000)] = None,
    text: Annotated[Optional[str], Query(max_length=200, pattern=_TEXT, description="substring of the evidence")] = None,
    cluster_id: Annotated[Optional[str], Query(pattern=ID_PATTERN)] = None,
    include_background: bool = True,
) -> EventFilter:
    if date_from and date_to and date_from > date_to:
        raise HTTPException(400, f"date_from {date_from} is after date_to {date_to}")
    return EventFilter(
        date_from=date_from, date_to=date_to, country=country, admin1=admin1 or None, bbox=_bbox(bbox),
        plover_type=plover_type or None, cameo_prefix=cameo_prefix, acled_type=acled_type or None,
        acled_sub_type=acled_sub_type or None, actor=actor or None, min_fatalities=min_fatalities,
        text=text or None, cluster_id=cluster_id, include_background=include_background,
    )


Filter = Annotated[EventFilter, Depends(event_filter)]
_bearer = HTTPBearer(auto_error=False, description="the token the service was started with (--token-env)")


def build_router(access: StoreAccess, extractor: Optional[Extractor]) -> APIRouter:
    settings = access.settings
    router = APIRouter(responses=_ERRORS)
    extract_lock = threading.Lock()  # the spaCy pipeline is not shared between threads
    state: dict[str, Extractor] = {}

    def extract(article: Article) -> list[Event]:
        with extract_lock:
            if "fn" not in state:
                if extractor is not None:
                    state["fn"] = extractor
                else:
                    from strife.pipeline import extract_article

                    state["fn"] = extract_article
            return state["fn"](article)

    @router.get("/events", response_model=EventsPage, tags=["events"],
                responses={200: {"content": {m: {} for m in set(EXPORT_MEDIA_TYPES.values())}}})
    def list_events(
        f: Filter,
        limit: Annotated[int, Query(ge=1, le=settings.max_page)] = 100,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
        format: EventFormat = "json",
    ):
        """Records matching the filters, by date; `format=json` pages them with the total count."""
        with access.read() as con:
            if format == "json":
                return Response(reads.events_page_json(con, f, limit, offset), media_type="application/json")
            body = reads.events_export(con, f, format, limit, offset)
        return Response(body, media_type=EXPORT_MEDIA_TYPES[format])

    points_cache: dict[tuple, bytes] = {}

    def _store_version() -> tuple:
        """Changes whenever an ingest writes (the database file or its write-ahead log)."""
        out = []
        for p in (settings.db_path, settings.db_path.with_name(settings.db_path.name + ".wal")):
            try:
                st = p.stat()
                out.append((st.st_mtime_ns, st.st_size))
            except OSError:
                out.append(None)
        return tuple(out)

    @router.get("/points", response_model=PointsOut, tags=["events"])
    def map_points(f: Filter):
        """Compact map and timeline data: one row per located record, and records per day.
        Cached until the store changes (the page asks for it on every load)."""
        key = (repr(f), _store_version())
        body = points_cache.get(key)
        if body is None:
            with access.read() as con:
                body = reads.points_json(con, f, settings.max_points)
            if len(points_cache) > 32:
                points_cache.clear()
            points_cache[key] = body
        return Response(body, media_type="application/json")

    @router.get("/events/{event_id}", response_model=EventDetail, tags=["events"])
    def get_event(event_id: Annotated[str, Path(pattern=ID_PATTERN)]) -> EventDetail:
        """One record with the article text its spans point into, and its cluster."""
        with access.read() as con:
            detail = reads.event_detail(con, event_id)
        if detail is None:
            raise HTTPException(404, f"no event {event_id!r} in the store")
        return detail

    @router.get("/clusters/{cluster_id}", response_model=ClusterOut, tags=["events"])
    def get_cluster(cluster_id: Annotated[str, Path(pattern=ID_PATTERN)]) -> ClusterOut:
        """The merged view of one cluster and the articles that reported it."""
        with access.read() as con:
            out = reads.cluster(con, cluster_id)
        if out is None:
            raise HTTPException(404, f"no cluster {cluster_id!r} in the store")
        return out

    @router.get("/stats", response_model=StatsOut, tags=["store"])
    def get_stats() -> StatsOut:
        """Counts of articles, events and clusters; the date range; countries and types with counts."""
        with access.read() as con:
            return reads.stats(con, ingest_enabled=settings.ingest_enabled)

    @router.post(
        "/extract", response_model=ExtractOut, tags=["extract"],
        responses={413: {"model": ErrorOut}, 415: {"model": ErrorOut}, 422: {"model": ErrorOut}},
        openapi_extra={"requestBody": {"required": True, "content": {
            "application/json": {"schema": ArticleIn.model_json_schema()},
            "text/plain": {"schema": {"type": "string", "minLength": 1}},
        }}},
    )
    async def post_extract(
        request: Request,
        published: Annotated[Optional[date], Query(description="publication date for a text/plain body")] = None,
    ) -> ExtractOut:
        """Records of one article (JSON `ArticleIn`, or the bare text as text/plain); nothing is stored."""
        article = await _article_from_request(request, published)
        from starlette.concurrency import run_in_threadpool

        events = await run_in_threadpool(extract, article)
        return ExtractOut(events=events)

    @router.post("/ingest", response_model=IngestOut, tags=["store"],
                 responses={401: {"model": ErrorOut}, 403: {"model": ErrorOut}, 413: {"model": ErrorOut}})
    def post_ingest(
        body: IngestIn,
        credentials: Annotated[Optional[HTTPAuthorizationCredentials], Depends(_bearer)] = None,
    ) -> IngestOut:
        """Extract and store articles. Enabled only when the service was started with a token."""
        if settings.token is None:
            raise HTTPException(403, "ingest is disabled: this service is read-only (start it with --token-env VAR)")
        if credentials is None or not hmac.compare_digest(credentials.credentials.encode(), settings.token.encode()):
            raise HTTPException(401, "a valid 'Authorization: Bearer TOKEN' header is required",
                                headers={"WWW-Authenticate": "Bearer"})
        items = []
        for a in body.articles:
            art = _article(a)
            try:
                items.append((art, extract(art)))
            except Exception as exc:  # one article's extraction error is reported, the rest go on
                items.append((art, exc))
        report = access.ingest(items)
        return IngestOut(
            read=report.read, stored=report.stored, skipped_duplicates=report.skipped_duplicates,
            failed=[IngestFailure(article=f.article, reason=f.reason) for f in report.failed],
            events_added=report.events_added, clusters_created=report.clusters_created,
            clusters_grown=report.clusters_grown,
        )

    return router


def _article(a: ArticleIn) -> Article:
    art = Article(text=a.text, id=a.id, title=a.title, published=a.published, url=a.url, source=a.source)
    if not art.text:
        raise HTTPException(422, "text: the article has no text once whitespace and control characters are removed")
    return art


async def _article_from_request(request: Request, published: Optional[date]) -> Article:
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    raw = await request.body()
    if ctype == "text/plain":
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise HTTPException(400, f"the body is not UTF-8 text: {exc.reason} at byte {exc.start}") from None
        try:
            a = ArticleIn(text=text, published=published)
        except ValidationError as exc:
            raise HTTPException(422, _message(exc)) from None
        return _article(a)
    if ctype in ("application/json", ""):
        try:
            a = ArticleIn.model_validate_json(raw or b"null")
        except ValidationError as exc:
            raise HTTPException(422, _message(exc)) from None
        if published is not None and a.published is None:
            a = a.model_copy(update={"published": published})
        return _article(a)
    raise HTTPException(415, f"unsupported content type {ctype!r}: send application/json or text/plain")


def _message(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        loc = ".".join(str(x) for x in err.get("loc", ())) or "body"
        parts.append(f"{loc}: {err.get('msg', 'invalid')}")
    return "; ".join(parts)
