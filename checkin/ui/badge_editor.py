"""The badge layout editor: pick stock and layout, place and size elements numerically, see the
badge as it will print (the same PDF, rendered by QtPdf) for sample guests, including the
longest names in the database, and save the result as the organiser's own layout."""
from __future__ import annotations

import copy

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton,
                               QVBoxLayout, QWidget)

from checkin.badges.guest import SAMPLE_GUESTS, BadgeGuest
from checkin.badges.layout import (BandElement, Element, ImageElement, LayoutError, QrElement, TextElement,
                                   layout_from_json)
from checkin.badges.library import default_layout_key, find_layout, layout_entries, save_user_layout
from checkin.badges.stock import CONTEXT as STOCK_WORDS
from checkin.badges.stock import STOCKS
from checkin.settings import Settings
from checkin.store.database import Database
from checkin.ui.badge_element_form import ElementForm
from checkin.ui.badge_preview import BadgePreviewer

PREVIEW_DELAY_MS = 120

translate = QCoreApplication.translate


class BadgeEditor(QWidget):
    preview_updated = Signal(QImage)
    saved = Signal(str)  # the key of the saved layout, e.g. "user:summer-school"

    def __init__(self, settings: Settings, database: Database | None = None, event_id: int | None = None,
                 previewer: BadgePreviewer | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Badge layout"))
        self.settings = settings
        self.previewer = previewer or BadgePreviewer()
        self.guests: list[BadgeGuest] = list(SAMPLE_GUESTS)
        self.stock = STOCKS.get(settings.get("badge_stock")) or next(iter(STOCKS.values()))
        self.layout_key = settings.get("badge_layout") or default_layout_key(self.stock)
        try:
            self.layout_data = find_layout(self.layout_key)
        except LayoutError:  # the chosen file is gone or broken: start from the built-in one
            self.layout_key = default_layout_key(self.stock)
            self.layout_data = find_layout(self.layout_key)
        self.preview_image = QImage()
        self._build()
        self.previewer.ready.connect(self._show_preview)
        self.previewer.failed.connect(lambda _number, message: self.status.setText(message))
        self.previewer.guests_loaded.connect(self._add_guests)
        if database is not None and event_id is not None:
            self.previewer.load_guests(database, event_id)
        self._load_elements()

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
        self.form = ElementForm()
        self.preview = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(360, 260)
        self.name_edit = QLineEdit(self.layout_data.name)
        self.save_button = QPushButton(self.tr("Save as my layout"))
        self.add_text_button = QPushButton(self.tr("Add text"))
        self.add_qr_button = QPushButton(self.tr("Add QR code"))
        self.remove_button = QPushButton(self.tr("Remove element"))
        self.status = QLabel()
        self._arrange()
        self.timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS, timeout=self.refresh_preview)
        self.stock_box.currentIndexChanged.connect(self._stock_changed)
        self.layout_box.currentIndexChanged.connect(self._layout_changed)
        self.guest_box.currentIndexChanged.connect(self.schedule_preview)
        self.element_list.currentRowChanged.connect(self._element_selected)
        self.form.changed.connect(self._element_changed)
        self.add_text_button.clicked.connect(self._add_text)
        self.add_qr_button.clicked.connect(self._add_qr)
        self.remove_button.clicked.connect(self._remove_element)
        self.save_button.clicked.connect(self.save)

    def _arrange(self) -> None:
        choices = QFormLayout()
        choices.addRow(self.tr("Stock"), self.stock_box)
        choices.addRow(self.tr("Layout"), self.layout_box)
        choices.addRow(self.tr("Sample guest"), self.guest_box)
        elements = QVBoxLayout()
        elements.addWidget(self.element_list)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_text_button)
        buttons.addWidget(self.add_qr_button)
        buttons.addWidget(self.remove_button)
        elements.addLayout(buttons)
        elements.addWidget(self.form)
        body = QHBoxLayout()
        body.addLayout(elements, 1)
        body.addWidget(self.preview, 2)
        save = QHBoxLayout()
        save.addWidget(QLabel(self.tr("Name")))
        save.addWidget(self.name_edit, 1)
        save.addWidget(self.save_button)
        main = QVBoxLayout(self)
        main.addLayout(choices)
        main.addLayout(body, 1)
        main.addLayout(save)
        main.addWidget(self.status)

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
        self.guest_box.setCurrentIndex(0)
        self.schedule_preview()

    def current_guest(self) -> BadgeGuest:
        return self.guests[max(self.guest_box.currentIndex(), 0)]

    def _stock_changed(self) -> None:
        self.stock = STOCKS[self.stock_box.currentData()]
        self.schedule_preview()

    def _layout_changed(self) -> None:
        try:
            self.layout_data = find_layout(self.layout_box.currentData())
            self.layout_key = self.layout_box.currentData()
        except LayoutError as error:
            self.status.setText(str(error))
            return
        self.name_edit.setText(self.layout_data.name)
        self._load_elements()

    def _load_elements(self) -> None:
        self.element_list.clear()
        for element in self.layout_data.elements:
            self.element_list.addItem(self._describe(element))
        self.element_list.setCurrentRow(0 if self.layout_data.elements else -1)
        self.schedule_preview()

    def _describe(self, element: Element) -> str:
        if isinstance(element, TextElement):
            return self.tr("Text: {0}").format(element.text)
        if isinstance(element, BandElement):
            return self.tr("Band: {0}").format(element.text)
        if isinstance(element, QrElement):
            return self.tr("QR code: {0}").format(element.value)
        if isinstance(element, ImageElement):
            return self.tr("Image: {0}").format(element.path)
        return element.type

    def selected_element(self) -> Element | None:
        row = self.element_list.currentRow()
        return self.layout_data.elements[row] if 0 <= row < len(self.layout_data.elements) else None

    def _element_selected(self) -> None:
        self.form.show_element(self.selected_element(), self.layout_data.width, self.layout_data.height)

    def _element_changed(self) -> None:
        row = self.element_list.currentRow()
        self.element_list.item(row).setText(self._describe(self.layout_data.elements[row]))
        self.schedule_preview()

    def _add_text(self) -> None:
        width, height = self.layout_data.width, self.layout_data.height
        self._add(TextElement(width * 0.1, height * 0.4, width * 0.8, height * 0.2, "{given_name}"))

    def _add_qr(self) -> None:
        side = min(self.layout_data.width, self.layout_data.height) * 0.4
        self._add(QrElement(self.layout_data.width - side - 2, 2, side))

    def _add(self, element: Element) -> None:
        self.layout_data.elements.append(element)
        self.element_list.addItem(self._describe(self.layout_data.elements[-1]))
        self.element_list.setCurrentRow(len(self.layout_data.elements) - 1)
        self.schedule_preview()

    def _remove_element(self) -> None:
        row = self.element_list.currentRow()
        if 0 <= row < len(self.layout_data.elements):
            del self.layout_data.elements[row]
            self.element_list.takeItem(row)
            self.schedule_preview()

    def schedule_preview(self) -> None:
        self.timer.start()

    def refresh_preview(self) -> None:
        self.previewer.request(self.layout_data, self.stock, self.current_guest())

    def _show_preview(self, number: int, image: QImage) -> None:
        if number != self.previewer.latest:
            return
        self.preview_image = image
        self.preview.setPixmap(QPixmap.fromImage(image).scaled(
            self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        self.status.setText("")
        self.preview_updated.emit(image)

    def save(self) -> str | None:
        """Check the layout and save it as the organiser's own; returns its key."""
        layout = copy.deepcopy(self.layout_data)
        layout.name = self.name_edit.text().strip() or self.tr("My layout")
        layout.stock = self.stock.name
        try:
            layout_from_json(layout.to_json(), layout.name)
            path = save_user_layout(layout)
        except (LayoutError, OSError) as error:
            self.status.setText(self.tr("Not saved: {0}").format(error))
            return None
        key = "user:" + path.stem
        self._fill_layouts(select=key)
        self.status.setText(self.tr("Saved as {0}").format(key))
        self.saved.emit(key)
        return key
