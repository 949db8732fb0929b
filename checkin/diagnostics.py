"""Help → Copy diagnostics: what a helper needs to see, with personal data masked."""
from __future__ import annotations

import platform

from sqlalchemy.engine import make_url

from checkin.about import library_rows, version_line
from checkin.logs import last_lines, log_file, mask

LOG_LINES = 200


def database_kind(url: str) -> str:
    """The backend and where it is, without a password (and the home folder as ``~``)."""
    parsed = make_url(url)
    where = parsed.database if parsed.get_backend_name() == "sqlite" else parsed.render_as_string(hide_password=True)
    return mask(f"{parsed.get_backend_name()} ({where or 'in memory'})")


def diagnostics(database_url: str) -> str:
    libraries = ", ".join(f"{name} {version}" for name, version, _licence in library_rows())
    lines = [version_line(), f"Machine: {platform.machine()}, {platform.system()} {platform.release()}",
             f"Database: {database_kind(database_url)}", f"Libraries: {libraries}",
             f"Log file: {mask(str(log_file()))}", f"Last {LOG_LINES} log lines:", *last_lines(LOG_LINES)]
    return "\n".join(lines) + "\n"
