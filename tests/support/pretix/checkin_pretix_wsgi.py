"""pretix's WSGI app, plus the uploaded and static files a production pretix leaves to its web
server (badge backgrounds, the default badge PDF). Runs inside the pretix venv under gunicorn."""
import mimetypes
import os
from pathlib import Path

from pretix.wsgi import application as pretix_application


def _file(root: Path, relative: str) -> Path | None:
    path = (root / relative).resolve()
    return path if path.is_file() and root.resolve() in path.parents else None


def _found(environ):
    from django.conf import settings
    from django.contrib.staticfiles import finders

    path = environ.get("PATH_INFO", "")
    if path.startswith(settings.MEDIA_URL):
        return _file(Path(settings.MEDIA_ROOT), path[len(settings.MEDIA_URL):])
    if path.startswith(settings.STATIC_URL):
        found = finders.find(path[len(settings.STATIC_URL):])
        return Path(found) if found else None
    return None


def application(environ, start_response):
    path = _found(environ) if environ.get("REQUEST_METHOD") == "GET" else None
    if path is None:
        return pretix_application(environ, start_response)
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    start_response("200 OK", [("Content-Type", kind), ("Content-Length", str(os.path.getsize(path)))])
    return [path.read_bytes()]
