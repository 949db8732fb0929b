"""Runs inside the pretix venv: pretix's own badge renderer as an oracle for ours.

    python badge_oracle.py < {"event": "conf", "secrets": [...], "out": "/path/badges.pdf"}

Renders the positions' badges as pretix's badge export does with "one badge per page"
(``render_pdf``: the layout per product, the fonts, the background merge), in the given order.
"""
import json
import os
import sys

import django


def main():
    django.setup()
    from django_scopes import scopes_disabled
    from pretix.base.models import Event, OrderPosition
    from pretix.plugins.badges.exporters import OPTIONS, render_pdf

    request = json.load(sys.stdin)
    with scopes_disabled():
        event = Event.objects.get(slug=request["event"])
        by_secret = {op.secret: op for op in OrderPosition.objects.filter(order__event=event,
                                                                           secret__in=request["secrets"])}
        with open(request["out"], "wb") as out:
            render_pdf(event, [by_secret[secret] for secret in request["secrets"]], OPTIONS["one"], out)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "checkin_pretix_settings")
    main()
