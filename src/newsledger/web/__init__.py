"""The web UI (``newsledger serve``): the analyst's view of a store, on top of :mod:`newsledger.query`.

FastAPI with Jinja2 templates rendered on the server, readable without JavaScript; every page has a
JSON twin under ``/api/`` (``/openapi.json`` lists them). Modules: :mod:`.app` (the application, the
read-only store per thread, security headers, the one error shape), :mod:`.pages` (the views),
:mod:`.tables` (paging, sorting, CSV and JSON downloads), :mod:`.marks` (an article's records marked
in its text, one layer at a time), :mod:`.worldmap` (the offline world outline and clustered places,
drawn as SVG on the server). ``templates/`` and ``static/`` (the stylesheet and the bundled Natural
Earth outline with its licence) ship in the package. Nothing is fetched at run time.

FastAPI, Jinja2 and uvicorn are the ``web`` extra: ``pip install 'newsledger[web]'``.
"""

from .app import create_app

__all__ = ["create_app"]
