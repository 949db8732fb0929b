"""The badge on the layout editor's canvas: the rendered badge (the same PDF that prints) with
a frame over each element, dragged and resized with the mouse or moved with the arrow keys,
and alignment guides shown while dragging.

Element boxes are in the layout's millimetres; the scene is in the stock label's millimetres
(the layout is scaled to the label when it prints, so the preview keeps the label's shape).
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QKeyEvent, QPainter, QPen, QPixmap, QTransform
from PySide6.QtWidgets import (QGraphicsItem, QGraphicsLineItem, QGraphicsPixmapItem, QGraphicsRectItem,
                               QGraphicsScene, QGraphicsSceneMouseEvent, QGraphicsView, QWidget)

from checkin.badges.geometry import Box, Guide, nudged, snapped_move, snapped_resize

#: How near (in screen pixels) an edge must come to a guide to snap onto it.
SNAP_PIXELS = 6
HANDLE_PIXELS = 10
FRAME, SELECTED, GUIDE = QColor("#5B8DEF"), QColor("#1A56DB"), QColor("#E8368F")
_ARROWS = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}


class BadgeCanvas(QGraphicsView):
    selected = Signal(int)  # the element clicked (-1: the badge itself)
    moving = Signal(int, object)  # element index, the Box it is being dragged to (not yet placed)
    placed = Signal(int, object, bool)  # element index, its new Box (layout mm), moved by an arrow key
    remove_requested = Signal(int)  # the Delete key on the chosen element
    zoomed = Signal()  # the badge is shown at another size: a sharper (or lighter) picture suits it

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setBackgroundBrush(QColor("#D5D8DC"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(320, 240)
        self.badge_size, self.scale_xy = (90.0, 54.0), (1.0, 1.0)
        self.boxes: list[Box] = []
        self.square: list[bool] = []
        self.current = -1
        self.frames: list[ElementFrame] = []
        self.guides: list[QGraphicsLineItem] = []
        self.paper = self.scene().addRect(QRectF(), QPen(QColor("#7F8C8D"), 0), QBrush(Qt.GlobalColor.white))
        self.picture = QGraphicsPixmapItem()
        self.picture.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.picture)

    # -- what is shown ---------------------------------------------------------------------------
    def show_layout(self, badge_size: tuple[float, float], label_size: tuple[float, float], boxes: list[Box],
                    square: list[bool], current: int) -> None:
        """Frames for ``boxes`` (layout mm) on a label of ``label_size`` mm; ``current`` is selected."""
        self.badge_size, self.boxes, self.square, self.current = badge_size, list(boxes), list(square), current
        self.scale_xy = (label_size[0] / badge_size[0], label_size[1] / badge_size[1])
        self.paper.setRect(QRectF(0, 0, *label_size))
        self.scene().setSceneRect(QRectF(-4, -4, label_size[0] + 8, label_size[1] + 8))
        for frame in self.frames:
            self.scene().removeItem(frame)
        self.frames = [ElementFrame(self, index) for index in range(len(boxes))]
        for frame in self.frames:
            self.scene().addItem(frame)
            frame.place(self.boxes[frame.index])
        self._fit()

    def show_picture(self, image: QImage) -> None:
        """The rendered badge, stretched over the label (it was rendered at the label's size)."""
        label = self.paper.rect()
        self.picture.setPixmap(QPixmap.fromImage(image))
        self.picture.setTransform(QTransform.fromScale(label.width() / max(image.width(), 1),
                                                       label.height() / max(image.height(), 1)))

    def pixels_per_mm(self) -> float:
        return self.transform().m11()

    def to_scene(self, box: Box) -> QRectF:
        sx, sy = self.scale_xy
        return QRectF(box.x * sx, box.y * sy, box.width * sx, box.height * sy)

    def scene_point(self, x_mm: float, y_mm: float) -> QPointF:
        return QPointF(x_mm * self.scale_xy[0], y_mm * self.scale_xy[1])

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt's name
        super().resizeEvent(event)
        self._fit()
        self.zoomed.emit()

    def _fit(self) -> None:
        self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    # -- editing ----------------------------------------------------------------------------------
    def choose(self, index: int) -> None:
        self.set_current(index)
        self.selected.emit(index)

    def set_current(self, index: int) -> None:
        self.current = index
        for frame in self.frames:
            frame.handle.setVisible(frame.index == index)
            frame.update()

    def mousePressEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt's name
        if not isinstance(self.itemAt(event.position().toPoint()), (ElementFrame, ResizeHandle)):
            self.choose(-1)  # a click on the badge or around it: no element chosen
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and 0 <= self.current < len(self.boxes):
            self.remove_requested.emit(self.current)
            return
        step = _ARROWS.get(Qt.Key(event.key()))
        if step is None or not 0 <= self.current < len(self.boxes):
            super().keyPressEvent(event)
            return
        large = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        box = nudged(self.boxes[self.current], *step, large, *self.badge_size)
        self.drop(self.current, box, by_key=True)

    def others(self, index: int) -> list[Box]:
        return [box for position, box in enumerate(self.boxes) if position != index]

    def threshold_mm(self) -> float:
        return SNAP_PIXELS / max(self.pixels_per_mm(), 0.01) / min(self.scale_xy)

    def dragging(self, index: int, box: Box, resizing: bool) -> Box:
        """The box a drag puts the element in (snapped), with its guides shown."""
        if resizing:
            box, guides = snapped_resize(box, self.others(index), *self.badge_size, self.threshold_mm(),
                                         self.square[index])
        else:
            box, guides = snapped_move(box, self.others(index), *self.badge_size, self.threshold_mm())
        self._show_guides(guides)
        self.moving.emit(index, box)
        return box

    def drop(self, index: int, box: Box, by_key: bool = False) -> None:
        self._show_guides([])
        if box != self.boxes[index]:
            self.boxes[index] = box
            self.frames[index].place(box)
            self.placed.emit(index, box, by_key)

    def _show_guides(self, guides: list[Guide]) -> None:
        for line in self.guides:
            self.scene().removeItem(line)
        pen = QPen(GUIDE, 0, Qt.PenStyle.DashLine)
        width, height = self.paper.rect().width(), self.paper.rect().height()
        self.guides = []
        for guide in guides:
            if guide.vertical:
                x = guide.position * self.scale_xy[0]
                self.guides.append(self.scene().addLine(x, -4, x, height + 4, pen))
            else:
                y = guide.position * self.scale_xy[1]
                self.guides.append(self.scene().addLine(-4, y, width + 4, y, pen))

    def visible_guides(self) -> list[QGraphicsLineItem]:
        return list(self.guides)


class ElementFrame(QGraphicsRectItem):
    """The outline over one element: drag it to move the element, its corner handle to resize."""

    def __init__(self, canvas: BadgeCanvas, index: int):
        super().__init__()
        self.canvas, self.index = canvas, index
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.SizeAllCursor)
        self.handle = ResizeHandle(self)
        self._start: tuple[QPointF, Box] | None = None
        self._box: Box | None = None

    def place(self, box: Box) -> None:
        rect = self.canvas.to_scene(box)
        self.setPos(rect.topLeft())
        self.setRect(QRectF(0, 0, rect.width(), rect.height()))
        self.handle.setPos(rect.width(), rect.height())
        self.handle.setVisible(self.index == self.canvas.current)

    def paint(self, painter: QPainter, option, widget=None) -> None:  # noqa: ANN001 - Qt's signature
        chosen = self.index == self.canvas.current
        pen = QPen(SELECTED if chosen else FRAME, 2 if chosen else 1,
                   Qt.PenStyle.SolidLine if chosen else Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        painter.setPen(pen)
        if self._start is not None:
            painter.setBrush(QColor(26, 86, 219, 40))
        painter.drawRect(self.rect())

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        self.canvas.choose(self.index)
        self.canvas.setFocus()
        self._start, self._box = (event.scenePos(), self.canvas.boxes[self.index]), None

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self._start is None:
            return
        self._box = self.canvas.dragging(self.index, self._moved(self._start, event.scenePos()), False)
        self.place(self._box)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt's name
        box, self._start = self._box, None
        if box is not None:
            self.canvas.drop(self.index, box)
        self.update()

    def _moved(self, start: tuple[QPointF, Box], now: QPointF) -> Box:
        point, box = start
        sx, sy = self.canvas.scale_xy
        return box.moved((now.x() - point.x()) / sx, (now.y() - point.y()) / sy)


class ResizeHandle(QGraphicsRectItem):
    """The square at an element's bottom-right corner; the same size on screen at any zoom."""

    def __init__(self, frame: ElementFrame):
        half = HANDLE_PIXELS / 2
        super().__init__(QRectF(-half, -half, HANDLE_PIXELS, HANDLE_PIXELS), frame)
        self.frame = frame
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setBrush(SELECTED)
        self.setPen(QPen(Qt.GlobalColor.white, 1))
        self.setCursor(Qt.CursorShape.SizeFDiagCursor)
        self._start: tuple[QPointF, Box] | None = None
        self._box: Box | None = None

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt's name
        canvas = self.frame.canvas
        self._start, self._box = (event.scenePos(), canvas.boxes[self.frame.index]), None

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self._start is None:
            return
        canvas, (point, box) = self.frame.canvas, self._start
        sx, sy = canvas.scale_xy
        grown = Box(box.x, box.y, box.width + (event.scenePos().x() - point.x()) / sx,
                    box.height + (event.scenePos().y() - point.y()) / sy)
        self._box = canvas.dragging(self.frame.index, grown, True)
        self.frame.place(self._box)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt's name
        box, self._start = self._box, None
        if box is not None:
            self.frame.canvas.drop(self.frame.index, box)
