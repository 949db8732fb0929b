"""The webcam in the desk window: a live picture, switched on and off with View → Camera (Ctrl+K).

The switch is remembered. While it is on, the camera scans: each code it reads goes to the
desk's scan handler, as a scanner's would, with a short click; two codes at once get a clear
answer and scan nobody. Without a camera, or when it is unplugged mid-event, the panel says
so in its own place; the desk goes on with the scanner and the keyboard.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter, QPaintEvent
from PySide6.QtMultimedia import QMediaDevices, QVideoFrame
from PySide6.QtWidgets import QComboBox, QSizePolicy, QVBoxLayout, QWidget

from checkin.scanning.camera import CameraFeed, CameraScanner, cameras, device_feed, frame_picture
from checkin.settings import Settings
from checkin.ui.sounds import AnswerSounds

#: Builds the feed for a camera id ("" = the system's default), or None when there is no such camera.
FeedFactory = Callable[[str], CameraFeed | None]
SHORTCUT = "Ctrl+K"
translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls


class CameraPreview(QWidget):
    """The newest frame, scaled to fit and centred; or a message in its place.

    Frames are painted as the decoder reads them (checkin.scanning.camera.frame_picture): RGB
    frames in colour, planar YUV ones (most webcams) as their grey luminance plane. Converting
    those to colour would cost the UI thread ~7 ms a frame at 720p, 30 times a second.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("cameraPreview")
        self.frame = QVideoFrame()
        self.message = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(220)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(390, 220)

    def show_frame(self, frame: QVideoFrame) -> None:
        if frame.isValid() and not self.message:
            self.frame = frame
            self.update()

    def show_message(self, text: str) -> None:
        self.message, self.frame = text, QVideoFrame()
        self.setAccessibleDescription(text)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#202020"))
        if self.frame.isValid():
            with frame_picture(self.frame) as picture:
                size = picture.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
                target = QRect(QPoint((self.width() - size.width()) // 2, (self.height() - size.height()) // 2), size)
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                painter.drawImage(target, picture)
        elif self.message:
            painter.setPen(QColor("#f0f0f0"))
            painter.drawText(self.rect().adjusted(16, 12, -16, -12), Qt.TextFlag.TextWordWrap
                             | Qt.AlignmentFlag.AlignCenter, self.message)
        painter.end()


class CameraPanel(QWidget):
    #: A code the camera read (not again while it stays in view): the desk scans it.
    scanned = Signal(str)
    #: Two or more different codes in one frame: nobody may be checked in.
    several = Signal(tuple)
    #: Something the desk should hear about beyond the panel (the camera was lost).
    notice = Signal(str)

    def __init__(self, settings: Settings, sounds: AnswerSounds, feeds: FeedFactory | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.settings, self.sounds = settings, sounds
        self._feeds = feeds or device_feed
        self._device = settings.get("camera_device")
        self._state, self._reason = "off", ""
        self._feed: CameraFeed | None = None
        self.scanner = CameraScanner(settings.get("camera_repeat_s"), self)
        self.preview = CameraPreview(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview)
        self.toggle = QAction(self)
        self.toggle.setCheckable(True)
        self.toggle.setShortcut(QKeySequence(SHORTCUT))
        self._devices = QMediaDevices(self)
        self._connect()
        self.setVisible(False)
        # Once the window is up: a real camera can take a moment to open.
        QTimer.singleShot(0, self, lambda: self.toggle.setChecked(settings.get("camera_preview")))

    def _connect(self) -> None:
        self.toggle.toggled.connect(self._switch)
        self.scanner.read.connect(self._on_read)
        self.scanner.several.connect(self._on_several)
        self.scanner.lost.connect(self._on_lost)
        self.scanner.sink.videoFrameChanged.connect(self.preview.show_frame)
        self._devices.videoInputsChanged.connect(self._camera_came_back)

    @property
    def state(self) -> str:
        """off, starting, running, none (no camera found) or lost."""
        return self._state

    def apply_settings(self) -> None:
        """Settings were saved: the repeat window now, another camera by a restart."""
        self.scanner.set_repeat_s(self.settings.get("camera_repeat_s"))
        device_changed = self.settings.get("camera_device") != self._device
        self._device = self.settings.get("camera_device")
        if self.toggle.isChecked() != self.settings.get("camera_preview"):
            self.toggle.setChecked(self.settings.get("camera_preview"))
        elif device_changed and self.toggle.isChecked():
            self._start()

    def shutdown(self) -> None:
        self.scanner.stop()

    # -- on and off -----------------------------------------------------------------------
    def _switch(self, on: bool) -> None:
        self.settings.set("camera_preview", on)
        self.setVisible(on)
        if on:
            self._start()
        else:
            self.scanner.stop()
            self._set_state("off")

    def _start(self) -> None:
        self.scanner.stop()
        if self._feed is not None:  # a camera lost before, or another one chosen
            self._feed.deleteLater()
        self._feed = self._feeds(self._device)
        if self._feed is None:
            self._set_state("none")
            return
        self._feed.setParent(self)
        self._set_state("running")
        self.scanner.start(self._feed)

    def _camera_came_back(self) -> None:
        if self._state in ("none", "lost") and self.toggle.isChecked():
            self._start()

    # -- what the camera saw ----------------------------------------------------------------
    def _on_read(self, code: str) -> None:
        self.sounds.play("read")
        self.scanned.emit(code)

    def _on_several(self, codes: tuple) -> None:
        self.sounds.play("warning")
        self.several.emit(codes)

    def _on_lost(self, reason: str) -> None:
        self._reason = reason
        self._set_state("lost")
        self.notice.emit(self._message())

    def _set_state(self, state: str) -> None:
        self._state = state
        self.preview.show_message(self._message())

    def _message(self) -> str:
        if self._state == "none":
            return self.tr("No camera found. Connect a webcam (Desk → Settings… chooses which one); "
                           "until then, scan with the scanner or type the code.")
        if self._state == "lost":
            return self.tr("The camera stopped ({0}). Scanning goes on with the scanner and the keyboard; "
                           "the camera resumes when it is connected again.").format(self._reason)
        return ""

    def retranslate(self) -> None:
        self.toggle.setText(self.tr("&Camera"))
        self.toggle.setToolTip(self.tr("Scan QR codes with the webcam; its picture shows in the window"))
        self.preview.setAccessibleName(self.tr("Camera picture"))
        if self._state in ("none", "lost"):
            self.preview.show_message(self._message())


def camera_choice(value: str, parent: QWidget) -> QComboBox:
    """The Settings editor for ``camera_device``: the system's default, then every camera there is now."""
    combo = QComboBox(parent)
    combo.addItem(translate("CameraPanel", "The system's default camera"), "")
    for camera_id, name in cameras():
        combo.addItem(name, camera_id)
    if combo.findData(value) < 0:  # remembered, but not plugged in now: keep it, say so
        combo.addItem(translate("CameraPanel", "{0} (not connected)").format(value), value)
    combo.setCurrentIndex(combo.findData(value))
    return combo
