"""Offline gazetteer: build, look up and resolve place names (no server, no network)."""

from strife.gazetteer.index import Candidate, Gazetteer, default_index_path, ensure_index, get_gazetteer
from strife.gazetteer.model import PRECISIONS, Place, PlaceMention
from strife.gazetteer.names import base_key, normalise, skeleton
from strife.gazetteer.resolve import Resolver, haversine_km, resolve_places

__all__ = ["Candidate", "Gazetteer", "Place", "PlaceMention", "PRECISIONS", "Resolver", "base_key",
           "default_index_path", "ensure_index", "get_gazetteer", "haversine_km", "normalise",
           "resolve_places", "skeleton"]
