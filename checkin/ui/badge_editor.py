"""The badge layout editor: a window that fills the screen with the badge in the middle, rendered
as it prints (the same PDF, rendered by QtPdf) for sample guests (the longest names in the
database first). Elements are dragged and resized on it, moved with the arrow keys, edited by
value beside it; every change can be undone; the result is saved as the organiser's own JSON
layout, which `checkin badges` prints alike."""
from __future__ import annotations

import copy
from collections.abc import Hashable, Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QImage, QUndoStack
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QListWidget, QMessageBox,
                               QPushButton, QScrollArea, QVBoxLayout, QWidget)

from checkin.badges.geometry import Box, element_box, with_box
from checkin.badges.guest import SAMPLE_GUESTS, BadgeGuest
from checkin.badges.images import usable_picture
from checkin.badges.layout import (BandElement, Element, ImageElement, Layout, LayoutError, QrElement, TextElement,
                                   layout_from_json)
from checkin.badges.library import (default_layout, default_layout_key, find_layout, layout_entries,
                                    save_user_layout, user_layout_dir)
from checkin.badges.new_elements import new_band, new_picture, new_qr, new_text
from checkin.badges.stock import CONTEXT as STOCK_WORDS
from checkin.badges.stock import STOCKS
from checkin.resources import resource_path
from checkin.settings import Settings
from checkin.store.database import Database
from checkin.ui.badge_canvas import BadgeCanvas
from checkin.ui.badge_editor_tools import EditorTools
from checkin.ui.badge_element_form import ElementForm, readable
from checkin.ui.badge_pictures import PictureError, add_picture
from checkin.ui.badge_preview import BadgePreviewer
from checkin.ui.badge_undo import LayoutStep

PREVIEW_DELAY_MS = 120
PICTURE_FOLDER = "images"

translate = QCoreApplication.translate


def picture_folder() -> Path:
    """Where added pictures go: beside the organiser's layouts, which name them relatively."""
    return user_layout_dir() / PICTURE_FOLDER


def editable(layout: Layout) -> Layout:
    """A built-in layout is saved among the organiser's own: its pictures are looked up there
    (and the built-in ones still among the built-in layouts)."""
    if layout.base_dir is not None and layout.base_dir.resolve() == resource_path("layouts").resolve():
        layout.base_dir = user_layout_dir()
    return layout


class BadgeEditor(QWidget):
    preview_updated = Signal(QImage)
    saved = Signal(str)  # the key of the saved layout, e.g. "user:summer-school"

    def __init__(self, settings: Settings, database: Database | None = None, event_id: int | None = None,
                 previewer: BadgePreviewer | None = None, parent: QWidget | None = None,
                 ticket_types: Iterable[str] = ()):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Badge layout"))
        self.settings = settings
        self.previewer = previewer or BadgePreviewer()
        self.guests: list[BadgeGuest] = list(SAMPLE_GUESTS)
        self.ticket_types = set(ticket_types)
        self.stock = STOCKS.get(settings.get("badge_stock")) or next(iter(STOCKS.values()))
        self.layout_key = settings.get("badge_layout") or default_layout_key(self.stock)
        try:
            self.layout_data = editable(find_layout(self.layout_key))
        except LayoutError:  # the chosen file is gone or broken: start from the built-in one
            self.layout_key = default_layout_key(self.stock)
            self.layout_data = editable(find_layout(self.layout_key))
        self.committed = copy.deepcopy(self.layout_data)
        self.undo_stack = QUndoStack(self)
        self.preview_image = QImage()
        self.preview_dpi = 144.0
        self._build()
        self.previewer.ready.connect(self._show_preview)
        self.previewer.failed.connect(lambda _number, message: self.status.setText(message))
        self.previewer.guests_loaded.connect(self._add_guests)
        if database is not None and event_id is not None:
            self.previewer.load_guests(database, event_id)
        self._fill_screen()
        self.show_layout(0 if self.layout_data.elements else -1)

    # -- the window --------------------------------------------------------------------------------
    def _build(self) -> None:
        self.stock_box = QComboBox()
        for name, stock in STOCKS.items():
            self.stock_box.addItem(stock.describe(lambda text: translate(STOCK_WORDS, text)), name)
        self.stock_box.setCurrentIndex(list(STOCKS).index(self.stock.name))
        self.layout_box = QComboBox()
        self._fill_layouts()
        self.guest_box = QComboBox()
        self._fill_guests()
        self.element_list = QListWidget()
        self.canvas = BadgeCanvas()
        self.form = ElementForm()
        self.name_edit = QLineEdit(self.layout_data.name)
        self.save_button = QPushButton(self.tr("Save as my layout"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.tools = EditorTools(self.undo_stack)
        self.undo_action, self.redo_action = self.tools.undo_action, self.tools.redo_action
        self._arrange()
        self.timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS, timeout=self.refresh_preview)
        self.stock_box.currentIndexChanged.connect(self._stock_changed)
        self.layout_box.currentIndexChanged.connect(self._layout_changed)
        self.guest_box.currentIndexChanged.connect(self.schedule_preview)
        self.element_list.currentRowChanged.connect(self._element_selected)
        self.canvas.selected.connect(self.element_list.setCurrentRow)
        self.canvas.placed.connect(self._placed)
        self.canvas.moving.connect(self._moving)
        self.canvas.zoomed.connect(self._zoomed)
        self.canvas.remove_requested.connect(lambda _row: self.remove_element())
        self.form.changed.connect(self._form_changed)
        self.save_button.clicked.connect(self.save)
        self.name_edit.textChanged.connect(self._renamed)
        self.tools.add_text.connect(lambda key: self.add_element(new_text(self.layout_data, key)))
        self.tools.add_qr.connect(lambda: self.add_element(new_qr(self.layout_data)))
        self.tools.add_band.connect(lambda: self.add_element(new_band(self.layout_data)))
        self.tools.add_picture.connect(lambda: self.add_picture())
        self.tools.remove.connect(self.remove_element)
        self.tools.reset.connect(self.reset_to_stock)

    def _arrange(self) -> None:
        choices = QHBoxLayout()
        for label, box in ((self.tr("Stock"), self.stock_box), (self.tr("Layout"), self.layout_box),
                           (self.tr("Sample guest"), self.guest_box)):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(16)  # long stock names must not widen the window
            choices.addWidget(QLabel(label))
            choices.addWidget(box, 1)
        self.element_list.setMaximumWidth(260)
        form_area = QScrollArea()
        form_area.setWidget(self.form)
        form_area.setWidgetResizable(True)
        form_area.setMinimumWidth(330)
        form_area.setMaximumWidth(400)
        hint = QLabel(self.tr("Drag an element to move it, its corner to resize it; the arrow keys move it by "
                              "0.5 mm, with Shift by 5 mm. Lines show where it lines up."))
        hint.setWordWrap(True)
        middle = QVBoxLayout()
        middle.addWidget(self.canvas, 1)
        middle.addWidget(hint)
        body = QHBoxLayout()
        body.addWidget(self.element_list, 1)
        body.addLayout(middle, 4)
        body.addWidget(form_area, 1)
        save = QHBoxLayout()
        save.addWidget(QLabel(self.tr("Name")))
        save.addWidget(self.name_edit, 1)
        save.addWidget(self.save_button)
        main = QVBoxLayout(self)
        main.addLayout(choices)
        main.addWidget(self.tools)
        main.addLayout(body, 1)
        main.addWidget(self.status)
        main.addLayout(save)

    def _fill_screen(self) -> None:
        screen = self.screen()
        if screen is not None:
            self.setGeometry(screen.availableGeometry())
        self.setWindowState(Qt.WindowState.WindowMaximized)

    def _fill_layouts(self, select: str | None = None) -> None:
        self.layout_box.blockSignals(True)
        self.layout_box.clear()
        for entry in layout_entries():
            self.layout_box.addItem(entry.key, entry.key)
        self.layout_box.setCurrentIndex(self.layout_box.findData(select or self.layout_key))
        self.layout_box.blockSignals(False)

    def _fill_guests(self) -> None:
        current = self.guest_box.currentIndex()
        self.guest_box.blockSignals(True)
        self.guest_box.clear()
        for guest in self.guests:
            self.guest_box.addItem(" · ".join(p for p in (guest.full_name, guest.company) if p) or guest.code)
        self.guest_box.setCurrentIndex(max(current, 0))
        self.guest_box.blockSignals(False)

    def _add_guests(self, guests: list[BadgeGuest]) -> None:
        self.guests = [*guests, *self.guests]  # the longest real names first: they are the test
        self._fill_guests()
        self.tools.fill_text_menu({f"custom.{key}" for guest in self.guests for key in guest.custom})
        self.guest_box.setCurrentIndex(0)
        self.schedule_preview()

    def current_guest(self) -> BadgeGuest:
        return self.guests[max(self.guest_box.currentIndex(), 0)]

    def known_ticket_types(self) -> set[str]:
        return self.ticket_types | {guest.ticket_type for guest in self.guests if guest.ticket_type}

    # -- showing the layout ------------------------------------------------------------------------
    def show_layout(self, row: int) -> None:
        """Show the layout in the list, on the canvas and (its element ``row``) in the form."""
        elements = self.layout_data.elements
        row = min(row, len(elements) - 1)
        self.element_list.blockSignals(True)
        self.element_list.clear()
        self.element_list.addItems([self._describe(element) for element in elements])
        self.element_list.setCurrentRow(row)
        self.element_list.blockSignals(False)
        self.canvas.show_layout((self.layout_data.width, self.layout_data.height),
                                (self.stock.label_width, self.stock.label_height),
                                [element_box(element) for element in elements],
                                [isinstance(element, QrElement) for element in elements], row)
        self._element_selected(row)
        self.schedule_preview()

    def _describe(self, element: Element) -> str:
        if isinstance(element, TextElement):
            return self.tr("Text: {0}").format(readable(element.text) or self.tr("(empty)"))
        if isinstance(element, BandElement):
            return self.tr("Band: {0}").format(readable(element.text))
        if isinstance(element, QrElement):
            return self.tr("QR code: {0}").format(readable(element.value))
        if isinstance(element, ImageElement):
            return self.tr("Image: {0}").format(Path(element.path).name)
        return element.type

    def selected_element(self) -> Element | None:
        row = self.element_list.currentRow()
        return self.layout_data.elements[row] if 0 <= row < len(self.layout_data.elements) else None

    def _element_selected(self, row: int) -> None:
        self.canvas.set_current(row)
        self.form.ticket_types = sorted(self.known_ticket_types())
        self.form.show_element(self.selected_element(), self.layout_data.width, self.layout_data.height)

    # -- changes, each one an undo step ------------------------------------------------------------
    def commit(self, text: str, merge_key: Hashable | None = None) -> None:
        """Record the change just made to ``layout_data`` as one undo step."""
        if self.layout_data.to_json() == self.committed.to_json():
            return
        self.undo_stack.push(LayoutStep(text, self.committed, self.layout_data, self._restore, merge_key))
        self.committed = copy.deepcopy(self.layout_data)

    def _restore(self, layout: Layout) -> None:
        """Undo or redo: show ``layout`` as it was."""
        self.layout_data, self.committed = layout, copy.deepcopy(layout)
        self.name_edit.setText(layout.name)
        self.show_layout(max(self.element_list.currentRow(), 0))

    def _renamed(self, name: str) -> None:
        self.layout_data.name = name
        self.commit(self.tr("Rename the layout"), ("name",))

    def _moving(self, row: int, box: Box) -> None:
        """While dragging: the preview follows when the mouse rests (the undo step comes on release)."""
        self.layout_data.elements[row] = with_box(self.layout_data.elements[row], box)
        self.schedule_preview()

    def _placed(self, row: int, box: Box, by_key: bool) -> None:
        self.layout_data.elements[row] = with_box(self.layout_data.elements[row], box)
        self.commit(self.tr("Move with the arrow keys") if by_key else self.tr("Move or resize"),
                    ("keys", row) if by_key else None)
        self.element_list.setCurrentRow(row)
        self.form.show_element(self.selected_element(), self.layout_data.width, self.layout_data.height)
        self.schedule_preview()

    def _form_changed(self, name: str) -> None:
        row = self.element_list.currentRow()
        element = self.layout_data.elements[row]
        self.commit(self.tr("Change the element"), ("form", row, name))
        self.element_list.item(row).setText(self._describe(element))
        self.canvas.boxes[row] = element_box(element)
        self.canvas.frames[row].place(self.canvas.boxes[row])
        self.form.update_limits(self.layout_data.width, self.layout_data.height)
        self.schedule_preview()

    def add_element(self, element: Element) -> None:
        self.layout_data.elements.append(element)
        self.commit(self.tr("Add an element"))
        self.show_layout(len(self.layout_data.elements) - 1)

    def add_picture(self, path: str | Path | None = None) -> bool:
        """Add a logo or sponsor strip from a PNG, JPEG, SVG or PDF file (asked for when not given)."""
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(self, self.tr("Add a picture"), "",
                                                        self.tr("Pictures (*.png *.jpg *.jpeg *.svg *.pdf)"))
            if not path:
                return False
        try:
            stored, pixels = add_picture(Path(path), picture_folder())
        except PictureError as error:
            self.status.setText(self.tr("Picture not added: {0}").format(error))
            return False
        base = self.layout_data.base_dir
        relative = base is not None and base.resolve() == user_layout_dir().resolve()
        name = f"{PICTURE_FOLDER}/{stored.name}" if relative else str(stored)
        self.add_element(new_picture(self.layout_data, name, pixels))
        return True

    def remove_element(self) -> None:
        row = self.element_list.currentRow()
        if 0 <= row < len(self.layout_data.elements):
            del self.layout_data.elements[row]
            self.commit(self.tr("Remove an element"))
            self.show_layout(row)

    def reset_to_stock(self) -> None:
        """The built-in layout that suits the stock, as one step that can be undone."""
        fresh = editable(default_layout(self.stock))
        fresh.name = self.layout_data.name
        self.layout_data = fresh
        self.commit(self.tr("Reset to the stock's layout"))
        self.show_layout(0)

    def _stock_changed(self) -> None:
        self.stock = STOCKS[self.stock_box.currentData()]
        self.show_layout(self.element_list.currentRow())

    def _layout_changed(self) -> None:
        try:
            layout = editable(find_layout(self.layout_box.currentData()))
        except LayoutError as error:
            self.status.setText(str(error))
            return
        self.layout_key, self.layout_data = self.layout_box.currentData(), layout
        # A step like any other: changes not yet saved to the layout before can be undone back.
        self.commit(self.tr("Open {0}").format(self.layout_key))
        self.undo_stack.setClean()  # as it is on disk
        self.name_edit.setText(layout.name)
        self.show_layout(0)

    # -- the preview -------------------------------------------------------------------------------
    def schedule_preview(self) -> None:
        self.timer.start()

    def _zoomed(self) -> None:
        if self.fitting_dpi() != self.preview_dpi:
            self.schedule_preview()

    def fitting_dpi(self) -> int:
        """The resolution at which the badge's pixels meet the screen's (in steps of 24, 96 to 300 dpi)."""
        pixels_per_inch = self.canvas.pixels_per_mm() * 25.4 * self.devicePixelRatioF()
        return min(max(round(pixels_per_inch / 24) * 24, 96), 300)

    def refresh_preview(self) -> None:
        self.preview_dpi = self.fitting_dpi()
        self.previewer.request(self.layout_data, self.stock, self.current_guest(), self.preview_dpi)
        warnings = [usable_picture(self.layout_data, element.path)[1] for element in self.layout_data.elements
                    if isinstance(element, ImageElement)]
        self.status.setText("\n".join(warning for warning in warnings if warning))

    def _show_preview(self, number: int, image: QImage) -> None:
        if number != self.previewer.latest:
            return
        self.preview_image = image
        self.canvas.show_picture(image)
        self.preview_updated.emit(image)

    # -- saving ------------------------------------------------------------------------------------
    def save(self) -> str | None:
        """Check the layout and save it as the organiser's own; returns its key."""
        layout = copy.deepcopy(self.layout_data)
        layout.name = layout.name.strip() or self.tr("My layout")
        layout.stock = self.stock.name
        try:
            layout_from_json(layout.to_json(), layout.name)
            path = save_user_layout(layout)
        except (LayoutError, OSError) as error:
            self.status.setText(self.tr("Not saved: {0}").format(error))
            return None
        key = "user:" + path.stem
        self.layout_key = key
        self._fill_layouts(select=key)
        self.status.setText(self.tr("Saved as {0}").format(key))
        self.undo_stack.setClean()
        self.saved.emit(key)
        return key

    # -- closing: unsaved work is never lost silently -------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.undo_stack.isClean():
            super().closeEvent(event)
            return
        event.ignore()
        buttons = QMessageBox.StandardButton
        self.close_question = QMessageBox(QMessageBox.Icon.Question, self.tr("Badge layout"),
                                          self.tr("Save the changes to this layout as your own before closing?"),
                                          buttons.Save | buttons.Discard | buttons.Cancel, self)
        self.close_question.finished.connect(lambda _result: self._answered(self.close_question))
        self.close_question.open()

    def _answered(self, question: QMessageBox) -> None:
        answer = question.standardButton(question.clickedButton())
        if answer == QMessageBox.StandardButton.Save and self.save() is None:
            return  # not saved: the window stays open and says why
        if answer in (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard):
            self.undo_stack.setClean()
            self.close()
