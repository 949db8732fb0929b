"""pretix layouts drawn offline: escaping, pretix's page sizes, autoresize, what we leave out, and
pretix's choice of layout per product (the real-pretix tests and the oracle are in tests/sync/pretix)."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from checkin.badges.guest import BadgeGuest
from checkin.badges.layout import LayoutError
from checkin.badges.pretix_layout import DEFAULT_PAGE, PretixBadgeRenderer, PretixLayout
from checkin.badges.pretix_selection import PretixBadges, runs_by_layout
from checkin.badges.pretix_text import fit_container
from checkin.badges.pretix_values import EventFacts, PretixGuest, content_text
from tests.badges.pdf_checks import page_texts, squeeze

EVENT = EventFacts(name="Cluster Meeting 2026", location="Messe Dresden")


def text(content: str, **extra) -> dict:
    element = {"type": "textarea", "content": content, "left": "10", "bottom": "50", "width": "120",
               "fontsize": "20", "color": [0, 0, 0, 1], "fontfamily": "Open Sans", "bold": True, "italic": False,
               "align": "center", "text": ""}
    return {**element, **extra}


def background(width_mm: float, height_mm: float, pages: int = 1, rotate: int = 0) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width_mm * mm, height_mm * mm))
    for number in range(pages):
        canvas.drawString(10, 10, f"BACKGROUND {number + 1}")
        canvas.showPage()
    canvas.save()
    if not rotate:
        return buffer.getvalue()
    writer = PdfWriter(clone_from=io.BytesIO(buffer.getvalue()))
    for page in writer.pages:
        page.rotate(rotate)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def guest(given: str = "Anna", family: str = "Müller", **position) -> PretixGuest:
    return PretixGuest(BadgeGuest("secret-0001", given, family, company="ACME", ticket_type="Regular"),
                       {"attendee_name": f"{given} {family}", **position}, "7")


def render(elements: list[dict], guests: list[PretixGuest], bg: bytes | None = None):
    layout = PretixLayout("1", "Peer badge", tuple(elements), bg, True)
    return PretixBadgeRenderer(layout, EVENT).render_bytes(guests)


def test_user_text_is_escaped_not_parsed_as_markup():
    pdf, _result = render([text("attendee_name")], [guest("Tom & <b>Jerry", "Smith <Ltd>")])
    assert squeeze("Tom & <b>Jerry Smith <Ltd>") in page_texts(pdf)[0]


def test_the_page_is_the_backgrounds_first_page_and_its_rotation_counts():
    pdf, _result = render([text("attendee_name")], [guest()], background(90, 55))
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (round(float(box.width) / mm), round(float(box.height) / mm)) == (90, 55)
    rotated, _result = render([text("attendee_name")], [guest()], background(90, 55, rotate=90))
    box = PdfReader(io.BytesIO(rotated)).pages[0].mediabox
    assert (round(float(box.width) / mm), round(float(box.height) / mm)) == (55, 90)
    plain, _result = render([text("attendee_name")], [guest()])
    assert tuple(float(value) for value in PdfReader(io.BytesIO(plain)).pages[0].mediabox[2:]) == pytest.approx(
        DEFAULT_PAGE)


def test_a_two_page_background_gives_each_badge_two_pages_with_their_elements():
    elements = [text("attendee_name"), text("other", text="Back of {attendee_name_family_name}", page=2)]
    pdf, result = render(elements, [guest(attendee_name_parts={"given_name": "Anna", "family_name": "Müller"}),
                                    guest("Jiří", "Dvořák")], background(148, 105, pages=2))
    texts = page_texts(pdf)
    assert result.pages == 4 and len(texts) == 4
    assert squeeze("AnnaMüller") in texts[0] and "BACKGROUND1" in texts[0]
    assert "BackofMüller" in texts[1] and "BACKGROUND2" in texts[1]
    assert squeeze("Jiří Dvořák") in texts[2]


def test_what_we_cannot_draw_is_left_out_with_one_warning_per_layout():
    elements = [text("attendee_name"), {"type": "poweredby", "left": "0", "bottom": "0", "size": "10"},
                {"type": "hologram", "left": "0", "bottom": "0"}, text("pretix_plugin_field", bottom="20"),
                text("other", text="{meta:Room}", bottom="30")]
    pdf, result = render(elements, [guest(), guest("Ole", "Nagy"), guest("Mia", "Weiß")])
    assert result.pages == 3 and squeeze("Ole Nagy") in page_texts(pdf)[1]
    assert result.warnings == [
        "pretix layout 'Peer badge': left out element 'poweredby'",
        "pretix layout 'Peer badge': left out element 'hologram'",
        "pretix layout 'Peer badge': left out content 'pretix_plugin_field' (a plugin's, or data the desk does "
        "not keep)",
        "pretix layout 'Peer badge': left out content 'meta:Room' (a plugin's, or data the desk does not keep)",
    ]


def test_scripts_open_sans_lacks_print_in_our_fonts():
    pdf, _result = render([text("attendee_name")], [guest("小明", "王"), guest("محمد", "عبد الله")])
    texts = page_texts(pdf)
    assert "小明王" in texts[0]
    assert texts[1]  # shaped Arabic: presentation forms, but ink on the page


def test_autoresize_shrinks_a_long_text_into_its_box_as_pretix_does():
    element = {**text("other"), "type": "textcontainer", "height": "12", "width": "60", "autoresize": True,
               "lineheight": 1, "fontsize": "30"}
    canvas = Canvas(io.BytesIO())
    setting, height = fit_container(canvas, element, "Maximilian-Alexander von Hohenzollern-Sigmaringen")
    assert setting.paragraph.style.fontSize < 30
    assert height <= 12 * mm
    fixed, fixed_height = fit_container(canvas, {**element, "autoresize": False}, "Maximilian-Alexander von X")
    assert fixed.paragraph.style.fontSize == 30 and fixed_height > 12 * mm


def test_content_fields_and_placeholders_are_filled_as_pretix_fills_them():
    warned = []
    values = {"event_name": "Cluster Meeting 2026", "attendee_name": "Anna Müller"}
    assert content_text({"content": "other", "text": "Hi {attendee_name} at {event_name}"}, values,
                        warned.append) == "Hi Anna Müller at Cluster Meeting 2026"
    assert content_text({"content": "other", "text": "{not_a_variable} {question_diet}"}, values,
                        warned.append) == "{not_a_variable} "
    assert content_text({"content": "question_diet"}, values, warned.append) == ""
    assert content_text({"content": ""}, values, warned.append) == "(error)"
    assert warned == []


def test_answers_seats_and_order_fields_come_from_the_pulled_position():
    from checkin.badges.pretix_values import pretix_values

    item = guest(answers=[{"question": 12, "question_identifier": "DIET", "answer": "vegan"}],
                 seat={"name": "Row 3, Seat 4", "zone_name": "Ground floor", "row_name": "3", "seat_number": "4"},
                 order="ABC12", positionid=2, company="Fraunhofer IWS")
    values = pretix_values(item, EVENT)
    assert (values["question_DIET"], values["question_12"], values["seat"], values["seat_row"]) == (
        "vegan", "vegan", "Row 3, Seat 4", "3")
    assert (values["order_positionid"], values["attendee_company"], values["secret"], values["item"]) == (
        "ABC12-2", "Fraunhofer IWS", "secret-0001", "Regular")
    assert values["event_location"] == "Messe Dresden"


def _badges(assignments: dict[str, str | None], default: bool = True) -> PretixBadges:
    layouts = (PretixLayout("1", "Peer badge", (), None, default), PretixLayout("2", "Workshop badge", ()))
    return PretixBadges(EVENT, layouts, assignments)


def test_pretix_chooses_the_layout_per_product():
    badges = _badges({"7": "2", "8": None})
    assert badges.for_item("7").name == "Workshop badge"
    assert badges.for_item("8") is None  # assigned no layout: pretix prints no badge
    assert badges.for_item("9").name == "Peer badge"  # no assignment: the default
    assert _badges({}, default=False).for_item("9") is None  # pretix has no default then either
    assert badges.named("pretix:Workshop badge").external_id == "2"
    with pytest.raises(LayoutError, match="no pretix layout named 'Nope'"):
        badges.named("pretix:Nope")


def test_runs_keep_the_order_and_leave_out_guests_without_a_badge():
    badges = _badges({"7": "2", "8": None})
    guests = [PretixGuest(BadgeGuest(f"c{n}"), {}, item) for n, item in enumerate(["9", "9", "7", "8", "9"])]
    runs = [(layout.name, [g.guest.code for g in run]) for layout, run in runs_by_layout(badges, guests)]
    assert runs == [("Peer badge", ["c0", "c1"]), ("Workshop badge", ["c2"]), ("Peer badge", ["c4"])]
