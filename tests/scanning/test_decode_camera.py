"""The camera's parts below the window: the repeat guard, the newest-frame decode thread, and
the real QCamera feed's reaction to a camera that is missing or goes away."""
from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QSize
from PySide6.QtMultimedia import QCamera, QCameraDevice, QVideoFrame, QVideoFrameFormat

from checkin.scanning.camera import DeviceFeed, RepeatGuard, _DecodeThread, cameras, device_feed
from checkin.scanning.decode import Reading
from tests.scanning.pictures import as_frame_image, centred, ticket


def test_the_guard_lets_a_code_through_once_while_it_stays_in_view():
    guard = RepeatGuard(3.0)
    seen = [guard.admit(Reading(("A",)), at) for at in (0.0, 0.03, 1.0, 2.9, 5.8)]
    assert seen == [True, False, False, False, False]  # never out of view for 3 s
    assert guard.admit(Reading(("A",)), 9.0)           # away from 5.8 to 9.0


def test_the_guard_tells_codes_and_pairs_apart_and_ignores_empty_frames():
    guard = RepeatGuard(3.0)
    assert not guard.admit(Reading(()), 0.0)
    assert guard.admit(Reading(("A", "B")), 0.0)
    assert not guard.admit(Reading(("B", "A")), 0.5)   # the same pair, either order
    assert guard.admit(Reading(("A",)), 1.0)
    assert guard.admit(Reading(("B",)), 1.1)


def test_frames_arriving_while_one_is_decoded_are_dropped_but_the_newest(qapp):
    first_delivered, release = threading.Event(), threading.Event()
    delivered: list[Reading] = []

    def deliver(reading: Reading) -> None:
        delivered.append(reading)
        first_delivered.set()
        release.wait(5)

    decoder = _DecodeThread(deliver, RepeatGuard(3.0))
    decoder.start()
    try:
        decoder.offer(frame_of("FIRST"))
        assert first_delivered.wait(5)
        for number in range(10):            # the decoder is busy delivering FIRST meanwhile
            decoder.offer(frame_of(f"LATER-{number}"))
        release.set()
        wait_for(lambda: len(delivered) == 2)
    finally:
        decoder.stop()
    assert [reading.code for reading in delivered] == ["FIRST", "LATER-9"]
    assert (decoder.offered, decoder.decoded) == (11, 2)


def test_a_frame_that_cannot_be_read_does_not_stop_the_decoder(qapp):
    delivered: list[Reading] = []
    decoder = _DecodeThread(delivered.append, RepeatGuard(3.0))
    decoder.start()
    try:
        damaged = QVideoFrame(QVideoFrameFormat(QSize(64, 64), QVideoFrameFormat.PixelFormat.Format_Jpeg))
        decoder.offer(damaged)  # a webcam's MJPEG frame that does not decode
        wait_for(lambda: decoder.failed == 1)
        decoder.offer(frame_of("AFTER"))
        wait_for(lambda: bool(delivered))
    finally:
        decoder.stop()
    assert [reading.code for reading in delivered] == ["AFTER"]


def test_a_camera_that_is_not_there_is_lost_at_start(qapp):
    feed = DeviceFeed(QCameraDevice())  # the real QCamera: "No camera detected"
    lost = []
    feed.lost.connect(lost.append)
    feed.start()
    assert len(lost) == 1 and lost[0]


def test_a_camera_error_mid_event_is_reported_once(qapp):
    feed = DeviceFeed(QCameraDevice())
    lost = []
    feed.lost.connect(lost.append)
    # QtMultimedia's own signal, as the backend sends it when the device fails or vanishes.
    feed.camera.errorOccurred.emit(QCamera.Error.CameraError, "Device disconnected")
    feed.camera.errorOccurred.emit(QCamera.Error.CameraError, "Device disconnected")
    assert lost == ["Device disconnected"]


def test_a_camera_missing_from_the_device_list_is_lost(qapp):
    if cameras():
        pytest.skip("this machine has a camera")
    feed = DeviceFeed(QCameraDevice())
    lost = []
    feed.lost.connect(lost.append)
    feed._devices.videoInputsChanged.emit()  # the list changed; ours is not in it (there is none here)
    assert lost == ["the camera was disconnected"]


def test_no_camera_gives_no_feed(qapp):
    if cameras():
        pytest.skip("this machine has a camera")
    assert device_feed("") is None and device_feed("/dev/video9") is None


def frame_of(code: str) -> QVideoFrame:
    return QVideoFrame(as_frame_image(centred(ticket(code))))


def wait_for(condition, seconds: float = 5.0) -> None:  # noqa: ANN001
    pause = threading.Event()
    for _ in range(int(seconds / 0.01)):
        if condition():
            return
        pause.wait(0.01)
    raise AssertionError("timed out")
