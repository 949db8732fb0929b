"""The report PDFs read as a funder would see them: every column head inside its column, no
text running into its neighbour (rendered, then measured with pdftotext), in German and English;
an arrivals chart whose bars stay narrow however few slots there are."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from reportlab.graphics.shapes import Group, Rect
from reportlab.lib.units import mm

from checkin.reports.attendance import Attendee
from checkin.reports.attendance_pdf import (COLUMNS, MARGIN, PAGE_H, TABLE_HEAD_H, TABLE_TOP, ListHeader, Section,
                                           write_attendance_pdf)
from checkin.reports.attendance_report import AttendanceReport, DeskRow, Row
from checkin.reports.attendance_report_out import (COUNT_COLUMN_MM, DESK_HEAD, NAME_COLUMN_MM, SLOT_MAX_MM,
                                                   TABLE_HEAD, arrivals_chart, write_report_pdf)
from tests.reports.pdf_boxes import Word, collisions, words

START = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
LONG_TYPE = "Teilnehmerinnen und Teilnehmer mit ermäßigtem Ticket (Studierende, Auszubildende)"


def _report(slots: int) -> AttendanceReport:
    return AttendanceReport("Cluster Summit", "cluster", "", "Europe/Berlin", Row("Gesamt / Total", 120, 100, 3),
                            [Row(LONG_TYPE, 100, 90, 3), Row("Presse", 20, 10)],
                            [DeskRow("Desk A", 50, 48, 2, 1, 0)],
                            [(START + timedelta(minutes=15 * n), 5 + n % 4) for n in range(slots)])


def _edges(left: float, widths_mm: list[float]) -> list[float]:
    edges = [left]
    for width in widths_mm:
        edges.append(edges[-1] + width * mm)
    return edges


def _crossing(word: Word, edges: list[float]) -> bool:
    return any(word.x_min < edge < word.x_max for edge in edges)


def _head_words(found: list[Word], heads: tuple[str, ...]) -> list[Word]:
    wanted = {part for head in heads for part in head.split()}
    return [word for word in found if word.text in wanted]


@pytest.mark.parametrize("slots", [1, 60])
def test_report_heads_stay_in_their_columns_and_no_text_overlaps(tmp_path: Path, slots: int):
    pdf = tmp_path / "report.pdf"
    write_report_pdf(pdf, _report(slots))
    found = words(pdf)
    edges = _edges(15 * mm, [NAME_COLUMN_MM] + [COUNT_COLUMN_MM] * 5)
    heads = _head_words(found, TABLE_HEAD + DESK_HEAD)
    assert {"Nicht", "erschienen", "Anwesend", "Abgewiesen", "Angemeldete"} <= {word.text for word in heads}
    assert [word.text for word in heads if _crossing(word, edges)] == []
    assert [word.text for word in found if "ermäßigtem" in word.text and _crossing(word, edges)] == []
    assert collisions(pdf) == []


def _bars(chart_group: Group) -> list[Rect]:
    found = []
    for shape in chart_group.contents:
        if isinstance(shape, Group):
            found += _bars(shape)
        elif isinstance(shape, Rect) and shape.fillColor is not None and shape.height > 0:
            found.append(shape)
    return found


@pytest.mark.parametrize("slots", [1, 3, 12])
def test_a_few_slots_draw_narrow_bars_not_one_across_the_chart(slots: int):
    drawing = arrivals_chart(_report(slots), "Helvetica")
    bars = _bars(drawing.contents[0].draw())
    assert len(bars) == slots
    assert all(bar.width <= SLOT_MAX_MM * mm for bar in bars)


def test_many_slots_share_the_chart_and_stay_apart():
    drawing = arrivals_chart(_report(96), "Helvetica")
    bars = sorted(_bars(drawing.contents[0].draw()), key=lambda bar: bar.x)
    assert len(bars) == 96 and bars[-1].x + bars[-1].width <= drawing.width
    assert all(left.x + left.width < right.x for left, right in zip(bars, bars[1:]))


@pytest.mark.parametrize("language", ["de", "en"])
def test_attendance_list_heads_fit_their_columns_in_both_languages(tmp_path: Path, language: str):
    header = ListHeader("Cluster Summit 2026 — Jahrestagung der Forschungscluster Thüringen", "23.11.2026",
                        "Jena, Volkshaus", "Cluster e.V.", "Europäischer Fonds für regionale Entwicklung (EFRE)",
                        "2026 FGI 0042", "Hauptliste", "Europe/Berlin")
    rows = [Attendee("Dr.", "Anna-Lena", "Müller-Lüdenscheidt", "Friedrich-Schiller-Universität Jena", "Teilnehmer",
                     START + timedelta(minutes=n), ("Desk A",), False) for n in range(30)]
    pdf = tmp_path / f"list-{language}.pdf"
    write_attendance_pdf(pdf, [Section(header, rows)], START, language)
    found = words(pdf)
    edges = _edges(MARGIN, [width for _key, width in COLUMNS])
    head_top = PAGE_H - TABLE_TOP  # pdftotext measures from the top of the page
    heads = [word for word in found if head_top <= word.y_min and word.y_max <= head_top + TABLE_HEAD_H]
    assert {"Signature", "Organisation"} <= {word.text for word in heads}
    assert [word.text for word in heads if _crossing(word, edges)] == []
    assert collisions(pdf) == []
