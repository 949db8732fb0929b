"""A real pretix server for the sync tests, started once per session on 127.0.0.1."""
from __future__ import annotations

import pytest

from tests.conftest import skip_or_fail
from tests.support.pretix.harness import HarnessError, PretixServer


@pytest.fixture(scope="session")
def pretix_server(tmp_path_factory: pytest.TempPathFactory) -> PretixServer:
    server = PretixServer(tmp_path_factory.mktemp("pretix"), orders=300)
    try:
        server.start()
    except HarnessError as error:
        server.stop()
        skip_or_fail(f"pretix test server unavailable: {error}")
    yield server
    server.stop()
