"""Badge PDFs in Qt: pages rasterised with QtPdf, and a printer backend that sends the same PDF
through QPrinter. Both run in worker threads (QPainter on a QPrinter or QImage is thread-safe)."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from checkin.badges.stock import Stock

#: Enough for sharp text and QR codes; a 1200 dpi A4 page would need half a gigabyte.
PRINT_DPI = 300


class QtPrintError(RuntimeError):
    """The printer or the PDF could not be used; the message is the one to show."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("BadgePrinting", text)


def pdf_pages(pdf: bytes, dpi: float, limit: int | None = None) -> list[QImage]:
    """The pages of a PDF as images at ``dpi`` (rendered by QtPdf, the path printing takes)."""
    return list(iter_pdf_pages(pdf, dpi, limit))


def iter_pdf_pages(pdf: bytes, dpi: float, limit: int | None = None) -> Iterator[QImage]:
    """The pages one at a time: a batch of 100 A4 sheets at 300 dpi would hold 3.5 GB as a list."""
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise QtPrintError(_tr("The badge PDF could not be read."))
    try:
        for page in range(min(document.pageCount(), limit or document.pageCount())):
            size = document.pagePointSize(page) * dpi / 72.0
            yield _on_white(document.render(page, QSize(round(size.width()), round(size.height()))))
    finally:
        document.close()


def _on_white(image: QImage) -> QImage:
    """QtPdf leaves the page transparent; badges are printed on white."""
    page = QImage(image.size(), QImage.Format.Format_RGB32)
    page.fill(Qt.GlobalColor.white)
    painter = QPainter(page)
    painter.drawImage(0, 0, image)
    painter.end()
    return page


class QtPrinterBackend:
    """Prints badge PDFs on a system printer chosen once (by name), without a dialog.

    With ``output_file`` the printer writes a PDF instead (Qt's own PDF printer), which is how
    tests and "print to file" use the very same path.
    """

    def __init__(self, printer_name: str, *, output_file: str | Path | None = None):
        self.printer_name = printer_name
        self.output_file = str(output_file) if output_file else None

    @property
    def destination(self) -> str:
        return f"file:{self.output_file}" if self.output_file else f"qt:{self.printer_name}"

    def print_pdf(self, pdf: Path, stock: Stock, title: str = "") -> str:
        printer = self._printer(stock, title)
        images = iter_pdf_pages(Path(pdf).read_bytes(), printer.resolution())
        painter = QPainter()
        if not painter.begin(printer):
            raise QtPrintError(_tr("The printer {0} cannot print now.").format(self.printer_name))
        try:
            for index, image in enumerate(images):
                if index and not printer.newPage():
                    raise QtPrintError(_tr("The printer {0} stopped the job.").format(self.printer_name))
                painter.drawImage(painter.viewport(), image)
        finally:
            painter.end()
        return self.destination

    def _printer(self, stock: Stock, title: str) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.output_file:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(self.output_file)
        else:
            printer.setPrinterName(self.printer_name)
            if not printer.isValid():
                raise QtPrintError(_tr("The badge printer {0} is not available.").format(self.printer_name))
        printer.setResolution(PRINT_DPI)
        size = QPageSize(QSizeF(stock.page_width, stock.page_height), QPageSize.Unit.Millimeter, stock.title,
                         QPageSize.SizeMatchPolicy.ExactMatch)
        # A custom QPageSize keeps the width and height it is given: "portrait" means "as given".
        printer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
        printer.setFullPage(True)
        printer.setDocName(title or _tr("Badge"))
        return printer
