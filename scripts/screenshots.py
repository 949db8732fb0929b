"""Regenerate the desk window screenshots in docs/screenshots/ (1366x768, German and English).

    python scripts/screenshots.py            # starts its own Xvfb, needs no display
    python scripts/screenshots.py --out DIR  # somewhere else
    python scripts/screenshots.py --display :83 --openbox --scenes settings-desk  # one scene, a WM

The window is the real one on a real X server (xcb under Xvfb), on a throw-away demo
database with a morning of arrivals, so the pictures show what a volunteer sees.
"""
from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SIZE = (1366, 768)
SETTINGS_SCENES = ("settings-desk", "settings-scanner", "settings-badges", "settings-pretix", "settings-look")
SCENES = ("ok", "refused", "duplicate", "search", "dashboard", "connect", "camera", "exit-mode", "undo",
          *SETTINGS_SCENES, "reconcile-offline", "import-types", "import-warnings", "import-summary", "badge-batch",
          "guest-badge", "card-badge", "badge-editor", "venue-offline", "venue-merged")
#: Scenes shot as the whole screen: a question over the window, as the volunteer sees both.
WHOLE_SCREEN = ("undo",)
#: What pretix's device setup QR code holds (the connect dialog's first page, pasted).
EXAMPLE_HANDSHAKE = '{"handshake_version": 1, "url": "https://pretix.eu", "token": "kpp4jn8g2ynzonp6"}'


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--languages", default="en,de", help="comma-separated, default: en,de")
    parser.add_argument("--scenes", default=",".join(SCENES), help="comma-separated, default: all")
    parser.add_argument("--display", help="the Xvfb display to start, e.g. :83 (default: the first free from :90)")
    parser.add_argument("--openbox", action="store_true", help="run openbox as the window manager")
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    languages = tuple(args.languages.split(","))
    scenes = tuple(args.scenes.split(","))
    if args.inside:
        return take_all(args.out, languages, scenes)
    return run_under_xvfb([sys.executable, str(Path(__file__).resolve()), "--inside", "--out", str(args.out),
                           "--languages", args.languages, "--scenes", args.scenes], args.display, args.openbox)


def run_under_xvfb(command: list[str], display: str | None = None, openbox: bool = False) -> int:
    display = display or f":{next(n for n in range(90, 200) if not Path(f'/tmp/.X{n}-lock').exists())}"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", f"{SIZE[0]}x{SIZE[1]}x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{display[1:]}").exists():
            if xvfb.poll() is not None or time.monotonic() > deadline:
                print("Xvfb did not start", file=sys.stderr)
                return 1
            time.sleep(0.05)
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        manager = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) \
            if openbox else None
        try:
            return subprocess.run(command, env=env, check=False).returncode
        finally:
            if manager is not None:
                manager.terminate()
                manager.wait(timeout=10)
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)


def take_all(out: Path, languages: tuple[str, ...], scenes: tuple[str, ...] = SCENES) -> int:
    from PySide6.QtWidgets import QApplication

    with tempfile.TemporaryDirectory(prefix="checkin-shots-") as folder:
        os.environ["CHECKIN_CONFIG_DIR"] = folder
        app = QApplication.instance() or QApplication([sys.argv[0]])
        database, codes = demo_database(Path(folder) / "desk.sqlite3")
        for language in languages:
            for scene in scenes:
                path = out / f"{scene}-{language}.png"
                shoot(app, database, codes, language, scene, path)
                print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
        database.dispose()
    return 0


def demo_database(path: Path):  # noqa: ANN201 - (Database, dict of codes)
    from sqlalchemy import select

    from checkin.store.database import open_database
    from checkin.store.models import Registration
    from checkin.sync.demo import create_demo_event

    database = open_database(f"sqlite:///{path}")
    with database.session() as session:
        demo = create_demo_event(session, 500, seed=2026)
    with database.reader() as session:
        rows = session.execute(select(Registration.code, Registration.status, Registration.attention,
                                      Registration.family_name).order_by(Registration.id)).all()
    valid = [row.code for row in rows if row.status == "valid" and not row.attention]
    # Each scene scans guests no other scene has scanned: "ok" must really be a first arrival.
    codes = {"valid": valid[-10:], "refused": [r.code for r in rows if r.status == "cancelled"]}
    morning_of_arrivals(database, demo, valid[:-10])
    return database, codes


def morning_of_arrivals(database, demo, codes: list[str]) -> None:  # noqa: ANN001
    """Arrivals from 07:45 peaking around 08:45 local time, at two desks."""
    from checkin.store.desk import DeskService

    zone = ZoneInfo("Europe/Berlin")
    start = datetime.now(zone).replace(hour=7, minute=45, second=0, microsecond=0)
    rng = random.Random(4)
    moments = sorted(start + timedelta(minutes=max(0.0, rng.gauss(60, 35))) for _ in range(230))
    desks = [DeskService(database, f"00000000-0000-4000-8000-00000000000{n}", name, clock=lambda: now[0])
             for n, name in ((2, "Desk B"), (3, "Desk C"))]
    now = [start]
    for number, (code, moment) in enumerate(zip(codes, moments)):
        now[0] = moment
        desks[number % 2].scan(demo.event_id, demo.list_ids[0], code)


def shoot(app, database, codes: dict, language: str, scene: str, path: Path) -> None:  # noqa: ANN001
    from checkin.app import build_desk_window
    from checkin.scanning.camera import FrameFeed
    from checkin.settings import Settings

    settings = Settings()
    settings.set("desk_name", "Desk A")
    settings.set("sounds", False)
    settings.set("language", language)
    settings.set("camera_preview", False)  # only the camera scene switches it on
    window = build_desk_window(database, settings, app, camera_feeds=lambda _camera_id: FrameFeed(),
                               badge_printer=badge_printer(database, settings) if scene == "card-badge" else None)
    window.setGeometry(0, 0, *SIZE)
    ready = []
    window.ready.connect(ready.append)
    window.show()
    wait_until(app, lambda: ready)
    window.set_connection_state(None, "")
    shown = play(app, window, codes, scene) or window  # the window, or the dialog a scene opened
    wait_until(app, lambda: False, 0.4)  # let the last paint and the clock settle
    shown.screen().grabWindow(0 if scene in WHOLE_SCREEN else shown.winId()).save(str(path))
    window.close()
    window.deleteLater()
    wait_until(app, lambda: False, 0.1)


def play(app, window, codes: dict, scene: str):  # noqa: ANN001, ANN201 - a dialog to shoot, or None
    answers = []
    window.controller.answered.connect(answers.append)
    if scene == "card-badge":  # a desk that prints badges: the card shows the one just checked in
        window.scan(codes["valid"].pop())
        wait_until(app, lambda: len(answers) == 1)
        wait_until(app, lambda: window.card_badge.preview is not None and window.card_badge.preview.image is not None)
    elif scene in ("ok", "refused"):
        window.scan(codes["valid" if scene == "ok" else "refused"].pop())
        wait_until(app, lambda: len(answers) == 1)
    elif scene == "duplicate":
        code = codes["valid"].pop()
        window.scan(code)
        window.scan(code)
        wait_until(app, lambda: len(answers) == 2)
    elif scene == "search":
        window.toolbar.focus_search.trigger()
        window.search.box.setText("mül")
        wait_until(app, lambda: window.search.shown_text == "mül")
    elif scene == "dashboard":
        window.toolbar.show_dashboard.trigger()
        wait_until(app, lambda: window.dashboard.stats is not None)
    elif scene == "connect":
        return connect_dialog(app, window)
    elif scene in ("exit-mode", "undo"):
        return exit_or_undo(app, window, codes, scene, answers)
    elif scene in SETTINGS_SCENES:
        return settings_dialog(app, window, scene.removeprefix("settings-"))
    elif scene == "reconcile-offline":
        return reconcile_offline(app, window)
    elif scene.startswith("import-"):
        return import_dialog(app, window, scene.removeprefix("import-"))
    elif scene == "badge-batch":
        return badge_batch(app, window)
    elif scene == "guest-badge":
        return guest_badge(app, window, codes["valid"][0])
    elif scene == "badge-editor":
        return badge_editor(app, window)
    elif scene.startswith("venue-"):
        venue_banner(app, window, codes, scene, answers)
    elif scene == "camera":
        window.camera.toggle.trigger()
        window.camera.scanner.feed.send(phone_in_view(codes["valid"].pop()))
        wait_until(app, lambda: len(answers) == 1)
    return None


def venue_banner(app, window, codes: dict, scene: str, answers: list) -> None:  # noqa: ANN001
    """The banner of a desk on a venue PostgreSQL that stopped answering, and after the merge. The
    window here is on the demo's SQLite file: the same banner is attached and given the state."""
    from checkin.store.offline_merge import MergeReport
    from checkin.store.double_admissions import Admission, DoubleAdmission
    from checkin.store.venue_desk import VenueState
    from checkin.ui.venue_banner import VenueBanner, VenueLink

    banner = VenueBanner(window, VenueLink())
    window.add_banner(banner)
    window.scan(codes["valid"].pop())
    wait_until(app, lambda: len(answers) == 1)
    now = datetime.now(ZoneInfo("UTC"))
    if scene == "venue-offline":
        banner.show_state(VenueState(offline=True, since=now - timedelta(minutes=4), queued=7))
        return
    guest = answers[0].decision.guest
    admissions = (Admission("Desk A", now - timedelta(minutes=3), now, "n1"),
                  Admission("Desk C", now - timedelta(minutes=2), now, "n2"))
    double = DoubleAdmission(1, guest.code, guest.name, 1, "Main entrance", admissions)
    banner.show_state(VenueState(offline=False, merged=MergeReport(7, 0, (double,))))


def exit_or_undo(app, window, codes: dict, scene: str, answers: list):  # noqa: ANN001, ANN201
    """exit-mode: the desk left in exit mode meets an arriving guest; undo: the question, with a
    second guest scanned while it is open."""
    from checkin.core.decision import Direction

    if scene == "exit-mode":
        window.mode.set(Direction.EXIT)
    window.scan(codes["valid"].pop())
    wait_until(app, lambda: len(answers) == 1)
    if scene == "exit-mode":
        return None
    window.request_undo()
    wait_until(app, lambda: window.dialogs.current is not None and window.dialogs.current.isVisible())
    window.scan(codes["valid"].pop())
    wait_until(app, lambda: len(answers) == 2)
    return window.dialogs.current


def badge_printer(database, settings):  # noqa: ANN001, ANN201 - a BadgePrintService printing to files
    from checkin.ui.badge_printing import BadgePrintService

    settings.set("badge_printer", f"file:{Path(os.environ['CHECKIN_CONFIG_DIR']) / 'badges.pdf'}")
    return BadgePrintService(database, settings, *settings.desk_identity())


def phone_in_view(code: str):  # noqa: ANN201 - QImage
    """A synthetic webcam frame: a phone showing the ticket's QR code in front of a dim room."""
    import io

    import qrcode
    from qrcode.image.pure import PyPNGImage
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter

    png = io.BytesIO()
    qrcode.make(code, image_factory=PyPNGImage, box_size=8, border=3).save(png)
    frame = QImage(1280, 720, QImage.Format.Format_RGB32)
    painter = QPainter(frame)
    room = QLinearGradient(0, 0, 1280, 720)
    room.setColorAt(0, QColor("#5b6470"))
    room.setColorAt(1, QColor("#2c3138"))
    painter.fillRect(frame.rect(), room)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#111111"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(QRectF(450, 40, 380, 660), 40, 40)
    painter.setBrush(QColor("#ffffff"))
    painter.drawRoundedRect(QRectF(470, 100, 340, 540), 12, 12)
    painter.drawImage(QRectF(490, 200, 300, 300), QImage.fromData(png.getvalue()))
    painter.end()
    return frame


def connect_dialog(app, window):  # noqa: ANN001, ANN201
    from checkin.sync.pretix.credentials import TokenStore
    from checkin.ui.connect_dialog import ConnectDialog

    dialog = ConnectDialog(window.database, TokenStore(Path(os.environ["CHECKIN_CONFIG_DIR"]) / "tokens.json"),
                           window)
    dialog.pages.handshake.setPlainText(EXAMPLE_HANDSHAKE)
    dialog.open()
    wait_until(app, dialog.isVisible)
    return dialog


def settings_dialog(app, window, group: str):  # noqa: ANN001, ANN201
    from checkin.settings import GROUPS, settings_in

    loaded = []
    window.dialogs.edit_settings()
    dialog = window.dialogs.current
    dialog.choices_loaded.connect(lambda: loaded.append(True))
    wait_until(app, lambda: loaded and dialog.isVisible())
    shown = [g.key for g in GROUPS if settings_in(g.key)]
    dialog.tabs.setCurrentIndex(shown.index(group))
    return dialog


def reconcile_offline(app, window):  # noqa: ANN001, ANN201
    """Tools → Reconcile with pretix on the demo event, which no server knows: the real refusal."""
    from checkin.sync.pretix.credentials import TokenStore
    from checkin.sync.pretix.reconcile_event import reconcile_event
    from checkin.ui.reconcile_dialog import ReconcileDialog

    tokens = TokenStore(Path(os.environ["CHECKIN_CONFIG_DIR"]) / "tokens.json")
    setup = window.controller.setup
    dialog = ReconcileDialog(lambda: reconcile_event(window.database, tokens, setup.event_id, setup.list_id), window,
                             can_connect=True)
    done = []
    dialog.finished_reconciling.connect(done.append)
    dialog.show()
    wait_until(app, lambda: done and dialog.isVisible())
    return dialog


def badge_batch(app, window):  # noqa: ANN001, ANN201
    """Tools → Print badges: the demo event on A4 sheets of ten, the first sheet previewed."""
    from PySide6.QtPdf import QPdfDocument

    from checkin.ui.badge_batch import BadgeBatchWindow

    window.settings.set("badge_stock", "durable-1445")
    dialog = BadgeBatchWindow(window.database, window.settings, window.controller.setup.event_id, lambda: None, window)
    dialog.resize(1100, 700)
    dialog.show()
    wait_until(app, lambda: dialog.save_button.isEnabled() and dialog.document.status() == QPdfDocument.Status.Ready,
               30)
    return dialog


def badge_editor(app, window):  # noqa: ANN001, ANN201
    """Tools → Badge layout: the classic layout with the app's SVG icon added as a logo, the
    longest name of the event previewed, the logo chosen and being dragged beside a guide."""
    from checkin.badges.geometry import Box, with_box
    from checkin.ui.badge_editor import BadgeEditor

    window.settings.set("badge_stock", "durable-1445")
    setup = window.controller.setup
    editor = BadgeEditor(window.settings, window.database, setup.event_id,
                         ticket_types=[name for _id, name in setup.ticket_types])
    editor.show()
    wait_until(app, lambda: len(editor.guests) > 4, 20)
    elements = editor.layout_data.elements
    elements[0] = with_box(elements[0], Box(5, 4, 62, 5))  # the event line and the name make room for the logo
    elements[1] = with_box(elements[1], Box(5, 11, 62, 12))
    editor.commit("room for the logo")
    editor.add_picture(ROOT / "resources" / "icons" / "checkin-desk.svg")
    logo = len(editor.layout_data.elements) - 1
    editor.canvas.drop(logo, Box(71, 2, 14, 14))
    editor.element_list.setCurrentRow(logo)
    editor.canvas.dragging(logo, Box(71.3, 2, 14, 14), False)  # the guide to the QR code's right edge
    wait_until(app, lambda: not editor.preview_image.isNull(), 20)
    wait_until(app, lambda: False, 0.5)
    return editor


def guest_badge(app, window, code: str):  # noqa: ANN001, ANN201
    """Guest details with the badge as it will print."""
    from sqlalchemy import select

    from checkin.store.models import Registration
    from checkin.ui.guest_badge import GuestBadgePreview

    with window.database.reader() as session:
        registration_id = session.scalar(select(Registration.id).where(Registration.code == code))
    window.dialogs.show_guest(registration_id)
    wait_until(app, lambda: window.dialogs.guest is not None and window.dialogs.guest.isVisible())
    preview = window.dialogs.guest.findChild(GuestBadgePreview)
    wait_until(app, lambda: preview.image is not None, 20)
    return window.dialogs.guest


#: The event an organiser imports into, one per language so each starts alike: types already set
#: up by an earlier import (most guests "Participant").
IMPORT_EVENTS = {"en": "Autumn Summit 2026", "de": "Herbsttagung 2026"}
IMPORT_SPELLINGS = ("Teilnehmer",) * 9 + ("Teilnehmerin",) * 4 + ("Presse", "Referentin", "Aussteller", "VIP")


def import_dialog(app, window, step: str):  # noqa: ANN001, ANN201 - the import dialog at ``step``
    from checkin.ui.import_dialog import ImportDialog

    language = window.settings.get("language")
    path = import_files(window.database, language, with_duplicate=step != "summary")
    dialog = ImportDialog(window.database, path, IMPORT_EVENTS[language], window)
    dialog.open()
    wait_until(app, lambda: dialog.table is not None)
    dialog.next_button.click()
    wait_until(app, lambda: dialog.preflight is not None)
    if step in ("warnings", "summary"):  # the types shot shows the status word still to be chosen
        waiting = dialog.types.status_combos["Warteliste"]
        waiting.setCurrentIndex(waiting.findData("unpaid"))
        dialog.next_button.click()
    if step == "summary":
        dialog.warnings.repair.click()
        wait_until(app, lambda: "Ã" not in dialog.warnings.text.text())
        dialog.next_button.click()
        wait_until(app, lambda: dialog.pages.currentWidget() is dialog.summary)
    return dialog


def import_files(database, language: str, *, with_duplicate: bool) -> Path:  # noqa: ANN001
    """An earlier import that set up the event's types, and this month's export (its own guests per
    language, so each summary shows them as new): German spellings and status words (one that is
    not guessed), names garbled upstream."""
    from checkin.sync.files.importer import read_and_import

    folder = Path(os.environ["CHECKIN_CONFIG_DIR"])
    header = "Vorname;Nachname;Firma;E-Mail;Ticketart;Bestellstatus\r\n"
    earlier = folder / f"vorab-{language}.csv"
    if not earlier.exists():
        kinds = ["Participant"] * 5 + ["Press", "Speaker", "Aussteller"]
        earlier.write_text(header.replace(";Bestellstatus", "") + "".join(f"Vera;Vorab{n};;v{n}@example.org;{kind}\r\n"
                                            for n, kind in enumerate(kinds)), encoding="utf-8")
        read_and_import(database, earlier, IMPORT_EVENTS[language])
    names = [("Jörg", "Müller"), ("Anna", "Weiß"), ("Zoë", "Brandt"), ("Lars", "Hoffmann"), ("Mia", "Schäfer"),
             ("Ben", "Koch"), ("Eva", "Wagner"), ("Tom", "Becker")]
    statuses = ["bezahlt", "bezahlt", "storniert", "bezahlt", "Zahlung ausstehend", "bezahlt", "Warteliste"]
    rows = [f"{given};{family};Bäckerei Süd;{given.lower()}.{n}.{language}@example.org;{kind};{statuses[n % 7]}\r\n"
            for n, ((given, family), kind) in enumerate(zip(names * 3, IMPORT_SPELLINGS))]
    rows.append(f"Hans;M?ller;;hm.{language}@example.org;Teilnehmer;bezahlt\r\n")
    if with_duplicate:  # the import refuses it (no ID column): only the warnings show it
        rows.append(f"Ida;Klein;;{names[0][0].lower()}.0.{language}@example.org;Teilnehmer;bezahlt\r\n")
    path = folder / f"anmeldungen-{language}{'' if with_duplicate else '-final'}.csv"
    garbled = "".join(rows[:6]).encode().decode("cp1252") + "".join(rows[6:])  # UTF-8 read as CP1252 upstream
    path.write_text(header + garbled, encoding="utf-8")
    return path


def wait_until(app, condition, timeout: float = 10.0) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)


if __name__ == "__main__":
    sys.exit(main())
