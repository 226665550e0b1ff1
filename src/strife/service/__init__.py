"""The web service: a read-only JSON API over the events store, and the map page.

Public entry points::

    from strife.service import create_app, ServiceSettings

``strife serve`` (see :mod:`strife.service.cli_commands`) runs it with uvicorn.
"""

from strife.service.app import create_app
from strife.service.settings import ServiceSettings

__all__ = ["ServiceSettings", "create_app"]
