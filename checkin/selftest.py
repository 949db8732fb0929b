"""``checkin --self-test``: proves an installation (a wheel, a frozen build) works end to end.

Each check exercises a part a broken package loses first: the Alembic migrations, the
demo data and the desk service, ReportLab with the bundled fonts, the QR code on a badge
(rendered through QtPdf and decoded with zxing-cpp), the compiled translations and the
resource folders. Everything happens in a temporary folder; the user's data stays untouched.
"""
from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import zxingcpp
from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from checkin import __version__
from checkin.badges.batch import Batch, BatchChoice
from checkin.badges.batch_process import render_in_child
from checkin.badges.library import find_layout
from checkin.badges.render import BadgeRenderer
from checkin.badges.stock import get_stock
from checkin.resources import resource_path, resource_root
from checkin.store.badge_log import badge_guest
from checkin.store.database import Database, open_database
from checkin.store.desk import DeskService
from checkin.store.migrate import current_revision, head_revision
from checkin.store.models import Registration
from checkin.sync.demo import create_demo_event
from checkin.ui.i18n import Translations

RESOURCE_FOLDERS = ("fonts", "icons", "layouts", "sounds", "translations")
RENDER_DPI = 300


class CheckFailed(Exception):
    """A check found something wrong; the message says what."""


@dataclass
class SelfTest:
    """What the checks hand on to each other, in the order they run."""

    folder: Path
    app: QCoreApplication
    database: Database | None = None
    code: str = ""
    registration_id: int = 0
    pdf: Path | None = None
    results: list[tuple[str, str]] = field(default_factory=list)

    def check_resources(self) -> str:
        missing = [name for name in RESOURCE_FOLDERS if not resource_path(name).is_dir()]
        if missing:
            raise CheckFailed(f"missing in {resource_root()}: {', '.join(missing)}")
        return f"{', '.join(RESOURCE_FOLDERS)} in {resource_root()}"

    def check_database(self) -> str:
        self.database = open_database(f"sqlite:///{self.folder / 'self-test.sqlite3'}")
        revision, head = current_revision(self.database.engine), head_revision()
        if revision != head:
            raise CheckFailed(f"schema at revision {revision}, expected {head}")
        return f"fresh SQLite database migrated to revision {revision}"

    def check_demo_check_in(self) -> str:
        with self.database.session() as session:
            demo = create_demo_event(session, 3)
            registration = session.scalars(select(Registration).where(Registration.event_id == demo.event_id)).first()
            self.code, self.registration_id = registration.code, registration.id
        result = DeskService(self.database, "self-test", "Self-test").scan(demo.event_id, demo.list_ids[0], self.code)
        if not result.decision.accepted or result.check_in_id is None:
            raise CheckFailed(f"the demo guest was refused: {result.decision.message}")
        return f"demo guest checked in (check-in {result.check_in_id})"

    def check_badge(self) -> str:
        with self.database.reader() as session:
            guest = badge_guest(session, self.registration_id)
        self.pdf = self.folder / "badge.pdf"
        result = BadgeRenderer(find_layout("classic"), get_stock("durable-1445")).render([guest], self.pdf)
        if result.pages != 1 or self.pdf.stat().st_size < 1000:
            raise CheckFailed(f"the badge PDF has {result.pages} pages, {self.pdf.stat().st_size} bytes")
        # The batch window renders in a child process: a frozen build must be able to start one.
        batch = Batch(BatchChoice("durable-1445", "classic"), get_stock("durable-1445"), [guest])
        pages = render_in_child(batch, str(self.folder / "batch.pdf"), lambda _done, _total: None, lambda: None)
        if pages != 1:
            raise CheckFailed(f"the badge batch rendered in a child process has {pages} pages")
        return f"badge PDF rendered ({self.pdf.stat().st_size} bytes), also in a child process"

    def check_qr(self) -> str:
        found = [barcode.text for barcode in zxingcpp.read_barcodes(rasterise(self.pdf),
                                                                     formats=zxingcpp.BarcodeFormat.QRCode)]
        if found != [self.code]:
            raise CheckFailed(f"the badge's QR code read {found}, expected [{self.code!r}]")
        return "the badge's QR code decodes to the guest's code"

    def check_translations(self) -> str:
        translations = Translations(self.app)
        german = translations.apply("de") and QCoreApplication.translate("Answer", "Welcome!")
        translations.remove()
        if german != "Willkommen!":
            raise CheckFailed("the German translation (checkin_de.qm) did not load")
        return "German translation loaded"

    def checks(self) -> list[tuple[str, Callable[[], str]]]:
        return [("resources", self.check_resources), ("database", self.check_database),
                ("demo check-in", self.check_demo_check_in), ("badge", self.check_badge),
                ("qr", self.check_qr), ("translations", self.check_translations)]


def rasterise(pdf: Path) -> QImage:
    """The first page of ``pdf`` as a grey image at :data:`RENDER_DPI` (through QtPdf)."""
    document = QPdfDocument()
    document.load(str(pdf))
    points = document.pagePointSize(0)
    size = QSize(round(points.width() * RENDER_DPI / 72), round(points.height() * RENDER_DPI / 72))
    page = document.render(0, size)
    document.close()
    image = QImage(size, QImage.Format.Format_Grayscale8)
    image.fill(Qt.GlobalColor.white)  # the page comes transparent: unpainted paper would read as black
    painter = QPainter(image)
    painter.drawImage(0, 0, page)
    painter.end()
    return image


def run_self_test(out: TextIO | None = None) -> int:
    """Run every check in order, printing each; 0 when all pass, 1 naming the first failure."""
    out = out or sys.stdout
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a headless build server has no screen
    app = QApplication.instance() or QApplication(sys.argv[:1])
    print(f"Check-in Desk {__version__} self-test", file=out)
    with tempfile.TemporaryDirectory(prefix="checkin-self-test-") as folder:
        test = SelfTest(Path(folder), app)
        try:
            return _run_checks(test, out)
        finally:
            if test.database is not None:
                test.database.dispose()


def _run_checks(test: SelfTest, out: TextIO) -> int:
    for name, check in test.checks():
        try:
            detail = check()
        except Exception as error:  # noqa: BLE001 - any failure is reported by the check's name
            print(f"FAILED {name}: {error}", file=out)
            return 1
        print(f"ok     {name}: {detail}", file=out)
    print("self-test passed", file=out)
    return 0
