"""Badge layouts for the seeded 'conf' event (runs inside the pretix venv, from seed.py).

"Peer badge" is the default, on a background PDF, and uses every element kind pretix offers
(one of them, pretix's logo, the desk cannot draw); "Workshop badge" is the Workshop product's,
on pretix's default background. The layouts and the background need no Django: the benchmarks
draw them too.
"""
import io
import json

BLACK, BLUE = [0, 0, 0, 1], [20, 60, 160, 1]


def _text(kind, content, left, bottom, width, size, **extra):
    element = {"type": kind, "content": content, "left": str(left), "bottom": str(bottom), "width": str(width),
               "fontsize": str(size), "color": BLACK, "fontfamily": "Open Sans", "bold": False, "italic": False,
               "align": "left", "text": ""}
    element.update(extra)
    return element


PEER = [
    _text("textarea", "attendee_name", 13.09, 49.73, 121.83, 23.6, bold=True, align="center"),
    _text("textarea", "attendee_company", 13.09, 40, 121.83, 12, align="center", lineheight=1),
    _text("textcontainer", "other", 10, 14, 80, 18, height="14", text="Welcome to {event_name} & <friends>",
          color=BLUE, autoresize=True, lineheight=1, verticalalign="middle"),
    {"type": "barcodearea", "content": "secret", "left": "110", "bottom": "12", "size": "30"},
    _text("textarea", "item", 95, 5, 45, 9, italic=True, align="right"),
    {"type": "poweredby", "content": "dark", "left": "5", "bottom": "3", "size": "20"},
]
WORKSHOP = [
    _text("textarea", "attendee_name", 10, 60, 128, 20, bold=True, align="left"),
    _text("textarea", "other", 135, 10, 80, 14, text="WORKSHOP {order}", rotation=270, downward=True),
    {"type": "barcodearea", "content": "secret", "left": "10", "bottom": "10", "size": "35", "nowhitespace": True},
]


def background_pdf():
    """An A6 landscape page with a coloured band and a printed word, as a designer's PDF would be."""
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(148 * mm, 105 * mm))
    canvas.setFillColorRGB(0.85, 0.2, 0.1)
    canvas.rect(0, 90 * mm, 148 * mm, 15 * mm, stroke=0, fill=1)
    canvas.setFillColorRGB(1, 1, 1)
    canvas.setFont("Helvetica-Bold", 14)
    canvas.drawString(8 * mm, 95 * mm, "CLUSTER MEETING")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def seed_badges(event, workshop):
    from django.core.files.base import ContentFile
    from pretix.plugins.badges.models import BadgeItem, BadgeLayout

    event.enable_plugin("pretix.plugins.badges")
    event.save()
    # Enabling the plugin made a default layout "Default": it becomes the designed one.
    peer = event.badge_layouts.filter(default=True).first() or BadgeLayout(event=event, default=True)
    peer.name, peer.layout = "Peer badge", json.dumps(PEER)
    peer.save()
    peer.background.save("peer.pdf", ContentFile(background_pdf()))
    special = BadgeLayout.objects.create(event=event, name="Workshop badge", layout=json.dumps(WORKSHOP))
    BadgeItem.objects.create(item=workshop, layout=special)
    return {"peer": peer.pk, "workshop": special.pk}


def assign_badge(item_id, layout_id):
    from pretix.base.models import Item
    from pretix.plugins.badges.models import BadgeItem

    BadgeItem.objects.update_or_create(item=Item.objects.get(pk=item_id), defaults={"layout_id": layout_id})
