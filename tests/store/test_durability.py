import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from checkin.store.database import open_database
from checkin.store.models import CheckIn
from checkin.sync.demo import create_demo_event

WORKER = Path(__file__).with_name("checkin_worker.py")
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.parametrize("run", range(3))
def test_sigkill_mid_check_in_loses_nothing_and_counts_nothing_twice(db_url, run):
    database = open_database(db_url)
    with database.session() as session:
        create_demo_event(session, 400, seed=run)
    database.dispose()
    worker = subprocess.Popen([sys.executable, str(WORKER), db_url], stdout=subprocess.PIPE, text=True,
                              cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert worker.stdout.readline().strip() == "READY"
    confirmed: list[str] = []
    reader = threading.Thread(target=lambda: confirmed.extend(line.split()[1] for line in worker.stdout
                                                              if line.startswith("DONE")))
    reader.start()
    time.sleep(random.uniform(0.2, 1.2))
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=10)
    reader.join(timeout=10)
    worker.stdout.close()
    assert confirmed, "the worker confirmed no check-in before it was killed"

    database = open_database(db_url)
    with database.reader() as session:
        assert session.connection().exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        stored = set(session.scalars(select(CheckIn.nonce)))
        admitted_twice = session.execute(
            select(CheckIn.registration_id).where(CheckIn.outcome == "ok")
            .group_by(CheckIn.registration_id).having(func.count() > 1)
        ).all()
    assert set(confirmed) <= stored
    assert len(stored) - len(confirmed) <= 1  # at most the one in flight when the kill came
    assert admitted_twice == []
    database.dispose()
