"""``checkin --self-test`` runs every check and names the one that fails."""
from __future__ import annotations

import io

from checkin.cli import main
from checkin.selftest import SelfTest, _run_checks


def test_self_test_passes_and_says_what_it_checked(qapp, capsys):
    assert main(["--self-test"]) == 0
    out = capsys.readouterr().out
    for check in ("resources", "database", "demo check-in", "badge", "qr", "translations"):
        assert f"ok     {check}:" in out
    assert out.rstrip().endswith("self-test passed")


def test_a_failing_check_is_named_and_ends_the_run(qapp, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    out = io.StringIO()
    # The database cannot be created inside a file: the check fails for real.
    assert _run_checks(SelfTest(blocker, qapp), out) == 1
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("ok     resources:")
    assert lines[1].startswith("FAILED database: Cannot create the database")
    assert len(lines) == 2
