"""Webcam scanning in the desk window: pictures go through a QVideoFrameInput into the real
QMediaCaptureSession and QVideoSink, the decode thread, and on to the desk's answer card."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtMultimedia import QVideoFrame, QVideoFrameFormat
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from checkin.app import build_desk_window
from checkin.core.decision import Outcome
from checkin.scanning.camera import FrameFeed, cameras
from checkin.settings import Settings
from checkin.store.models import CheckIn
from checkin.ui.settings_dialog import SettingsDialog
from tests.scanning.pictures import as_frame_image, centred, scene, ticket
from tests.ui.conftest import answers


class Feeds:
    """The desk's camera choice, answered with synthetic video (no camera exists here)."""

    def __init__(self):
        self.feed: FrameFeed | None = None
        self.asked: list[str] = []

    def __call__(self, device_id: str) -> FrameFeed:
        self.asked.append(device_id)
        self.feed = FrameFeed()
        return self.feed


@pytest.fixture
def feeds() -> Feeds:
    return Feeds()


@pytest.fixture
def camera_window(make_window, demo, feeds):
    window = make_window(camera_feeds=feeds)
    window.camera.toggle.trigger()
    return window


def frame_of(*codes: str) -> QVideoFrame:
    placed = [(ticket(code), (60 + 420 * number, 120)) for number, code in enumerate(codes)]
    return QVideoFrame(as_frame_image(scene((1280, 720), *placed)))


def check_ins(database) -> int:  # noqa: ANN001
    with database.reader() as session:
        return session.scalar(select(func.count()).select_from(CheckIn))


def test_a_code_shown_to_the_camera_checks_the_guest_in(qtbot, camera_window, feeds, codes):
    results = answers(camera_window)
    assert camera_window.camera.isVisible() and camera_window.camera.state == "running"
    assert feeds.feed.send(frame_of(codes["valid"][0]))
    qtbot.waitUntil(lambda: len(results) == 1)
    assert results[0].decision.outcome is Outcome.OK and results[0].code == codes["valid"][0]
    assert camera_window.card.severity == "ok" and camera_window.card.headline.text() == "Welcome!"
    assert camera_window.camera.preview.frame.isValid()  # the live picture shows the frame


def test_a_ticket_held_in_view_is_one_scan_and_again_after_it_was_away(qtbot, camera_window, feeds, codes):
    camera_window.settings.set("camera_repeat_s", 1.0)
    camera_window.apply_settings()
    results = answers(camera_window)
    code = codes["valid"][1]
    for _ in range(20):  # two thirds of a second in view at 30 fps
        feeds.feed.send(frame_of(code))
        qtbot.wait(33)
    qtbot.waitUntil(lambda: camera_window.camera.scanner.decoder.decoded >= 2)
    assert [result.code for result in results] == [code]
    qtbot.wait(1100)  # out of view for longer than the window
    feeds.feed.send(frame_of(code))
    qtbot.waitUntil(lambda: len(results) == 2)
    assert results[1].decision.outcome is Outcome.ALREADY_CHECKED_IN


def test_two_codes_in_view_check_nobody_in_and_say_why(qtbot, camera_window, feeds, codes, database):
    results = answers(camera_window)
    several = []
    camera_window.camera.several.connect(several.append)
    feeds.feed.send(frame_of(codes["valid"][2], codes["valid"][3]))
    qtbot.waitUntil(lambda: bool(several))
    assert set(several[0]) == {codes["valid"][2], codes["valid"][3]}
    assert camera_window.card.severity == "warning"
    assert camera_window.card.headline.text() == "Two codes in view"
    assert "one ticket at a time" in camera_window.card.advice.text()
    qtbot.wait(200)
    assert results == [] and check_ins(database) == 0


def test_a_frame_without_a_code_changes_nothing(qtbot, camera_window, feeds, database):
    results = answers(camera_window)
    for _ in range(3):
        feeds.feed.send(QVideoFrame(as_frame_image(scene((1280, 720)))))
    qtbot.waitUntil(lambda: camera_window.camera.scanner.decoder.decoded >= 1)
    qtbot.wait(100)
    assert results == [] and check_ins(database) == 0


def test_a_camera_lost_mid_event_says_so_and_the_desk_scans_on_by_keyboard(qtbot, camera_window, feeds, codes,
                                                                          keyboard):
    results = answers(camera_window)
    feeds.feed.send(frame_of(codes["valid"][4]))
    qtbot.waitUntil(lambda: len(results) == 1)
    lost_feed = feeds.feed
    lost_feed.end("the camera was disconnected")
    assert camera_window.camera.state == "lost"
    assert "camera stopped" in camera_window.camera.preview.message
    assert "camera stopped" in camera_window.status.currentMessage()
    lost_feed.send(frame_of(codes["valid"][5]))  # a late frame of the lost camera is not scanned
    keyboard.scanner(codes["valid"][6])
    qtbot.waitUntil(lambda: len(results) == 2)
    assert [result.code for result in results] == [codes["valid"][4], codes["valid"][6]]
    assert camera_window.card.severity == "ok"


def test_nv12_frames_as_webcams_send_them_are_read_from_their_luminance(qtbot, camera_window, feeds, codes):
    results = answers(camera_window)
    feeds.feed.send(nv12_frame(centred(ticket(codes["valid"][7]))))
    qtbot.waitUntil(lambda: len(results) == 1)
    assert results[0].code == codes["valid"][7]


def nv12_frame(grey) -> QVideoFrame:  # noqa: ANN001 - a PIL picture in mode "L"
    frame = QVideoFrame(QVideoFrameFormat(QSize(*grey.size), QVideoFrameFormat.PixelFormat.Format_NV12))
    assert frame.map(QVideoFrame.MapMode.WriteOnly)
    luma, stride, pixels = frame.bits(0), frame.bytesPerLine(0), grey.tobytes()
    for row in range(grey.height):
        luma[row * stride:row * stride + grey.width] = pixels[row * grey.width:(row + 1) * grey.width]
    chroma = frame.bits(1)
    chroma[:] = b"\x80" * len(chroma)
    frame.unmap()
    return frame


def test_the_camera_switch_is_remembered(qtbot, make_window, demo, feeds, window_settings, database):
    first = make_window(camera_feeds=feeds)
    assert not first.camera.isVisible() and first.camera.state == "off"
    first.camera.toggle.trigger()
    first.close()
    assert Settings(window_settings.path).get("camera_preview") is True
    # Built without make_window's wait for `ready`: a load that finishes before TaskLane.run adds
    # its callback answers inside the constructor, and ready is emitted before anyone waits for
    # it (a race in tasks.py, seen here more often than elsewhere).
    second = build_desk_window(database, Settings(window_settings.path), QApplication.instance(),
                               camera_feeds=feeds)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitUntil(lambda: second.camera.state == "running")
    assert second.camera.toggle.isChecked()
    assert second.camera.isVisible()
    second.camera.toggle.trigger()
    assert not second.camera.isVisible() and not second.camera.scanner.running
    second.close()


def test_without_a_camera_the_panel_says_so_and_nothing_else_changes(qtbot, window, codes, keyboard):
    if cameras():
        pytest.skip("this machine has a camera")
    card_before = (window.card.severity, window.card.headline.text())
    window.camera.toggle.trigger()  # the real QMediaDevices: no camera here
    assert window.camera.state == "none" and window.camera.isVisible()
    assert "No camera found" in window.camera.preview.message
    assert (window.card.severity, window.card.headline.text()) == card_before
    results = answers(window)
    keyboard.scanner(codes["valid"][0])
    qtbot.waitUntil(lambda: len(results) == 1)


def test_settings_offer_the_default_camera_and_keep_one_that_is_unplugged(qtbot, settings):
    settings.set("camera_device", "/dev/video7")
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    combo = dialog.editors["camera_device"]
    assert combo.itemData(0) == "" and combo.currentData() == "/dev/video7"
    assert "not connected" in combo.currentText()
    combo.setCurrentIndex(0)
    dialog.accept()
    assert Settings(settings.path).get("camera_device") == ""


# No audio device here: Qt says once that it cannot play; the click is still asked for.
@pytest.mark.qt_log_ignore("^QSoundEffect: playback of this format is not supported on the selected audio device$")
def test_a_read_clicks_before_the_answer(qtbot, make_window, demo, feeds, codes, window_settings):
    window_settings.set("sounds", True)
    window = make_window(camera_feeds=feeds)
    window.camera.toggle.trigger()
    played = []
    window.camera.scanned.connect(lambda _code: played.append(window.sounds.last_played))
    feeds.feed.send(frame_of(codes["valid"][8]))
    qtbot.waitUntil(lambda: bool(played))
    assert played == ["read"]


def test_in_german_the_camera_speaks_german_down_to_its_setting(qtbot, window):
    window.toolbar.language_actions["de"].trigger()
    qtbot.waitUntil(lambda: window.camera.toggle.text() == "&Kamera")
    if not cameras():
        window.camera.toggle.trigger()
        assert window.camera.preview.message.startswith("Keine Kamera gefunden")
    dialog = SettingsDialog(window.settings, window)
    qtbot.addWidget(dialog)
    assert dialog.editors["camera_device"].accessibleName() == "Kamera"
    assert dialog.editors["camera_repeat_s"].toolTip().startswith("Erst wenn der Code")
    assert dialog.editors["camera_device"].itemText(0) == "Standardkamera des Systems"
    window.toolbar.language_actions["en"].trigger()


def test_the_camera_resumes_when_the_system_reports_cameras_again(qtbot, camera_window, feeds, codes):
    results = answers(camera_window)
    feeds.feed.end("the camera was disconnected")
    assert camera_window.camera.state == "lost" and len(feeds.asked) == 1
    camera_window.camera._devices.videoInputsChanged.emit()  # QtMultimedia's signal: a camera was plugged in
    assert camera_window.camera.state == "running" and len(feeds.asked) == 2
    assert camera_window.camera.preview.message == ""
    feeds.feed.send(frame_of(codes["valid"][9]))
    qtbot.waitUntil(lambda: len(results) == 1)
    assert results[0].code == codes["valid"][9]
