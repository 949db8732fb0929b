"""The search results model on plain rows, without widgets or a database."""
from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QSortFilterProxyModel, Qt

from checkin.store.search import SearchHit
from checkin.ui.search_model import (
    COMPANY,
    ID_ROLE,
    IN,
    NAME,
    SORT_ROLE,
    STATUS,
    TICKET,
    SearchModel,
)


def hit(registration_id: int, given: str, family: str, **fields) -> SearchHit:
    values = {"code": f"c{registration_id}", "title": "", "company": "ACME", "email": "", "ticket_type": "Participant",
              "status": "valid", "attention": False, "walk_in": False, "checked_in": False, "checked_in_at": None}
    return SearchHit(registration_id, given_name=given, family_name=family, **{**values, **fields})


ROWS = [
    hit(1, "Zoë", "Åberg", checked_in=True, checked_in_at=datetime(2026, 11, 23, 8, 5, tzinfo=timezone.utc)),
    hit(2, "Jürgen", "müller", attention=True, title="Dr."),
    hit(3, "Ann", "Baker", walk_in=True, status="unpaid", company=""),
]


def test_model_passes_the_model_tester(qtmodeltester):
    model = SearchModel()
    model.set_rows(ROWS)
    qtmodeltester.check(model, force_py=True)


def test_each_row_tells_whether_the_guest_is_in_and_marks_attention_and_walk_ins():
    model = SearchModel()
    model.timezone = "Europe/Berlin"
    model.set_rows(ROWS)
    text = lambda row, column: model.index(row, column).data()  # noqa: E731
    assert text(0, IN).startswith("✔ in since ") and text(0, IN).endswith("09:05")  # Berlin time
    assert text(1, IN) == "– not yet"
    assert text(1, NAME) == "⚠ Dr. Jürgen müller"
    assert text(2, TICKET) == "Participant (walk-in)" and text(2, STATUS) == "not paid"
    assert model.index(2, NAME).data(ID_ROLE) == 3
    assert model.headerData(COMPANY, Qt.Orientation.Horizontal) == "Company"


def test_sorting_by_name_ignores_case_and_by_presence_puts_arrivals_together():
    model = SearchModel()
    model.set_rows(ROWS)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(NAME)
    assert [proxy.index(r, NAME).data(ID_ROLE) for r in range(3)] == [1, 3, 2]  # Åberg, Baker, müller
    proxy.sort(IN, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, IN).data(ID_ROLE) == 1


def test_rows_that_look_alike_show_what_tells_them_apart():
    model = SearchModel()
    model.set_rows([hit(1, "Ingrid", "Mueller", company="Škoda Auto", email="ingrid@skoda.example"),
                    hit(2, "Ingrid", "Mueller", company="Škoda Auto", email="i.mueller@skoda.example"),
                    hit(3, "Ingrid", "Müller", company="Škoda Auto", email=""),
                    hit(4, "Jan", "Novák", company="Škoda Auto")])
    names = [model.index(row, NAME).data() for row in range(4)]
    # Müller folds to Mueller: three look-alikes; e-mail where it is their own, else the code.
    assert names == ["Ingrid Mueller · ingrid@skoda.example", "Ingrid Mueller · i.mueller@skoda.example",
                     "Ingrid Müller · c3", "Jan Novák"]


def test_look_alikes_of_one_domain_are_told_apart_by_the_part_before_the_at():
    model = SearchModel()
    model.set_rows([hit(1, "Ingrid", "Mueller", email="ingrid.mueller17@example.org"),
                    hit(2, "Ingrid", "Mueller", email="ingrid.mueller42@example.org")])
    assert [model.index(row, NAME).data() for row in range(2)] == ["Ingrid Mueller · ingrid.mueller17@…",
                                                                   "Ingrid Mueller · ingrid.mueller42@…"]


def test_alike_rows_with_one_address_are_told_apart_by_code():
    model = SearchModel()
    model.set_rows([hit(1, "Ann", "Lee", email="desk@acme.example"), hit(2, "Ann", "Lee", email="desk@acme.example")])
    assert [model.index(row, NAME).data() for row in range(2)] == ["Ann Lee · c1", "Ann Lee · c2"]


def test_every_cell_gives_its_whole_text_as_tooltip():
    model = SearchModel()
    company = "Universidad de Castilla-La Mancha, Facultad de Ciencias"
    model.set_rows([hit(1, "Ana", "Ruiz", company=company, email="ana@uclm.example")])
    tip = lambda column: model.index(0, column).data(Qt.ItemDataRole.ToolTipRole)  # noqa: E731
    assert tip(COMPANY) == company
    assert tip(NAME) == "Ana Ruiz\nana@uclm.example\nCode: c1"
    assert tip(TICKET) == "Participant"
