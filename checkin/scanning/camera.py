"""The webcam as a scanner: frames from QtMultimedia, decoded off the UI thread.

    feed (a QCamera, or a QVideoFrameInput for synthetic video)
      → QMediaCaptureSession → QVideoSink → the newest frame only
      → decode thread (zxing-cpp, checkin.scanning.decode) → repeat guard
      → signals, delivered on the UI thread

All threading of the camera lives in :class:`_DecodeThread`: the sink hands each frame over
directly on the thread that delivered it; a frame that arrives while another is decoded
replaces the waiting one, so the decoder never falls behind the camera and the UI thread
never decodes. The feed is swappable: the desk uses :class:`DeviceFeed`; tests, benchmarks
and screenshots push pictures through :class:`FrameFeed` into the same session and sink.
"""
from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import (
    QCamera,
    QCameraDevice,
    QMediaCaptureSession,
    QMediaDevices,
    QVideoFrame,
    QVideoFrameFormat,
    QVideoFrameInput,
    QVideoSink,
)

from checkin.scanning.decode import FrameReader, Reading

log = logging.getLogger(__name__)

_P, _F = QVideoFrameFormat.PixelFormat, QImage.Format
#: Frames whose first plane already is a QImage: planar YUV's 8-bit luminance plane is a grey
#: picture; 32-bit BGR(A) is Qt's (A)RGB32 in memory on little-endian machines. No conversion.
_AS_QIMAGE = {pixel: _F.Format_Grayscale8 for pixel in (
    _P.Format_NV12, _P.Format_NV21, _P.Format_YUV420P, _P.Format_YUV422P, _P.Format_YV12, _P.Format_IMC1,
    _P.Format_IMC2, _P.Format_IMC3, _P.Format_IMC4, _P.Format_Y8)}
if sys.byteorder == "little":
    _AS_QIMAGE.update({_P.Format_BGRX8888: _F.Format_RGB32, _P.Format_BGRA8888: _F.Format_ARGB32})
DEFAULT_REPEAT_S = 3.0


# -- which camera ---------------------------------------------------------------------------
def device_id(device: QCameraDevice) -> str:
    return bytes(device.id().data()).decode("utf-8", "replace")


def cameras() -> list[tuple[str, str]]:
    """(id, name) of every camera the system offers now."""
    return [(device_id(device), device.description()) for device in QMediaDevices.videoInputs()]


def find_camera(wanted: str) -> QCameraDevice | None:
    """The camera with id ``wanted`` ("" = the system's default), or None when it is not there."""
    if not wanted:
        default = QMediaDevices.defaultVideoInput()
        return None if default.isNull() else default
    return next((device for device in QMediaDevices.videoInputs() if device_id(device) == wanted), None)


# -- where frames come from -----------------------------------------------------------------
class CameraFeed(QObject):
    """A source of frames for the capture session; ``lost`` says it stopped for good (with why)."""

    lost = Signal(str)

    def attach(self, session: QMediaCaptureSession) -> None:
        raise NotImplementedError

    def start(self) -> None:
        """Begin delivering frames."""

    def stop(self) -> None:
        """Stop delivering frames (the camera's light goes off)."""


class DeviceFeed(CameraFeed):
    """A real camera. Unplugged or failing mid-event, it reports ``lost`` once and stops."""

    def __init__(self, device: QCameraDevice, parent: QObject | None = None):
        super().__init__(parent)
        self.device_id = device_id(device)
        self.camera = QCamera(device, self)
        self._devices = QMediaDevices(self)
        self._lost = False
        self.camera.errorOccurred.connect(lambda _error, text: self._give_up(text))
        self._devices.videoInputsChanged.connect(self._check_still_there)

    def attach(self, session: QMediaCaptureSession) -> None:
        session.setCamera(self.camera)

    def start(self) -> None:
        if self.camera.error() != QCamera.Error.NoError:  # gone before it started: no signal comes
            self._give_up(self.camera.errorString())
            return
        self.camera.start()

    def stop(self) -> None:
        self.camera.stop()

    def _check_still_there(self) -> None:
        if self.device_id not in {device_id(device) for device in QMediaDevices.videoInputs()}:
            self._give_up("the camera was disconnected")

    def _give_up(self, reason: str) -> None:
        if not self._lost:
            self._lost = True
            self.camera.stop()
            self.lost.emit(reason or "the camera stopped")


class FrameFeed(CameraFeed):
    """Synthetic video: pictures pushed in by code, through the same session, sink and decoder."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.input = QVideoFrameInput(self)

    def attach(self, session: QMediaCaptureSession) -> None:
        session.setVideoFrameInput(self.input)

    def send(self, picture: QImage | QVideoFrame) -> bool:
        """Deliver one frame now (on this thread); False when the session did not take it."""
        frame = picture if isinstance(picture, QVideoFrame) else QVideoFrame(picture)
        return self.input.sendVideoFrame(frame)

    def end(self, reason: str) -> None:
        """The source is gone, as a camera unplugged mid-event would report it."""
        self.lost.emit(reason)


def device_feed(wanted: str) -> DeviceFeed | None:
    """The feed of camera ``wanted`` ("" = the system's default); None when there is no such camera."""
    device = find_camera(wanted)
    return None if device is None else DeviceFeed(device)


# -- what was seen --------------------------------------------------------------------------
class RepeatGuard:
    """A ticket held in front of the camera is one scan, not thirty a second.

    What was seen (one code, or the same set of codes) is let through again only after it
    has been out of view for ``window_s`` seconds.
    """

    def __init__(self, window_s: float = DEFAULT_REPEAT_S):
        self.window_s = window_s
        self._last_seen: dict[tuple[str, ...], float] = {}

    def admit(self, reading: Reading, now: float) -> bool:
        if not reading.codes:
            return False
        key = tuple(sorted(reading.codes))
        last = self._last_seen.get(key)
        self._last_seen = {seen: at for seen, at in self._last_seen.items() if now - at < self.window_s}
        self._last_seen[key] = now
        return last is None or now - last >= self.window_s


@contextmanager
def frame_picture(frame: QVideoFrame) -> Iterator[QImage]:
    """The frame as a QImage, valid inside the ``with``: its own memory where it can, else converted."""
    image_format = _AS_QIMAGE.get(frame.pixelFormat())
    if image_format is not None and frame.map(QVideoFrame.MapMode.ReadOnly):
        try:
            yield QImage(frame.bits(0), frame.width(), frame.height(), frame.bytesPerLine(0), image_format)
        finally:
            frame.unmap()
    else:
        yield frame.toImage()


class _DecodeThread:
    """One thread that decodes the newest frame; frames arriving meanwhile replace each other."""

    def __init__(self, deliver: Callable[[Reading], None], guard: RepeatGuard,
                 clock: Callable[[], float] = time.monotonic):
        self._deliver, self.guard, self._clock = deliver, guard, clock
        self._reader = FrameReader()
        self._wake = threading.Condition()
        self._waiting: QVideoFrame | None = None
        self._running = False
        self._thread: threading.Thread | None = None
        #: Frames handed over, decoded, and that could not be decoded (for tests and diagnosis).
        self.offered = self.decoded = self.failed = 0

    def offer(self, frame: QVideoFrame) -> None:
        """Thread-safe; called on whatever thread the sink delivers frames on."""
        if not frame.isValid():  # the empty frame a stopping source sends
            return
        with self._wake:
            self.offered += 1
            self._waiting = frame
            self._wake.notify()

    def start(self) -> None:
        with self._wake:
            if self._running:
                return
            self._running = True
        self._thread = threading.Thread(target=self._run, name="checkin-camera", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        with self._wake:
            self._running, self._waiting = False, None
            self._wake.notify()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def _run(self) -> None:
        while (frame := self._next()) is not None:
            try:
                reading = self._decode(frame)
            except Exception:  # noqa: BLE001 - one bad frame must not end camera scanning
                self.failed += 1
                log.warning("a camera frame could not be decoded", exc_info=self.failed == 1)
                continue
            if self.guard.admit(reading, self._clock()):
                self._deliver(reading)

    def _next(self) -> QVideoFrame | None:
        with self._wake:
            while self._running and self._waiting is None:
                self._wake.wait()
            frame, self._waiting = self._waiting, None
            return frame if self._running else None

    def _decode(self, frame: QVideoFrame) -> Reading:
        with frame_picture(frame) as picture:
            if picture.isNull():  # e.g. a damaged MJPEG frame
                raise ValueError(f"no picture in a {frame.pixelFormat().name} frame")
            reading = self._reader.read(picture)
        self.decoded += 1
        return reading


class CameraScanner(QObject):
    """Runs one feed at a time and says what it read, on the UI thread."""

    #: One code in view, not seen in the last few seconds: scan it.
    read = Signal(str)
    #: Two or more different codes in one frame: nobody is checked in.
    several = Signal(tuple)
    #: The feed stopped for good (camera unplugged or failing); the text is the reason.
    lost = Signal(str)
    _found = Signal(object)

    def __init__(self, repeat_s: float = DEFAULT_REPEAT_S, parent: QObject | None = None):
        super().__init__(parent)
        self.session = QMediaCaptureSession(self)
        self.sink = QVideoSink(self)
        self.session.setVideoSink(self.sink)
        self.feed: CameraFeed | None = None
        self.decoder = _DecodeThread(self._found.emit, RepeatGuard(repeat_s))
        self.sink.videoFrameChanged.connect(self.decoder.offer, Qt.ConnectionType.DirectConnection)
        self._found.connect(self._announce)

    @property
    def running(self) -> bool:
        return self.feed is not None

    def set_repeat_s(self, seconds: float) -> None:
        self.decoder.guard.window_s = seconds

    def start(self, feed: CameraFeed) -> None:
        self.stop()
        self.feed = feed
        feed.lost.connect(self._on_lost)
        feed.attach(self.session)
        self.decoder.start()
        feed.start()

    def stop(self) -> None:
        feed, self.feed = self.feed, None
        if feed is not None:
            feed.lost.disconnect(self._on_lost)
            feed.stop()
            self.session.setCamera(None)
            self.session.setVideoFrameInput(None)
        self.decoder.stop()

    def _on_lost(self, reason: str) -> None:
        self.stop()
        self.lost.emit(reason)

    def _announce(self, reading: Reading) -> None:
        if self.feed is None:  # decoded just before the camera was stopped or lost
            return
        if reading.several:
            self.several.emit(reading.codes)
        elif reading.code is not None:
            self.read.emit(reading.code)
