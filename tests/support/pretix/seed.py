"""Runs inside the pretix venv (never imported by our code or by pytest).

    python seed.py schema                      build the schema from the models
    python seed.py seed --orders N [--big N]   seed organiser, team token, events, device, orders; prints JSON
    python seed.py revoke-device ID            an organiser revokes a device in the backend
    python seed.py gate-device ID NAME         a new gate NAME, and the device placed at it; prints its id
    python seed.py badge-item ITEM LAYOUT|none a product prints that badge layout (or none)

Seeding goes through the ORM with bulk_create: 5,000 orders take seconds, the REST API would
need ~130 ms an order.
"""
import argparse
import json
import os
import random
import sys
from datetime import timedelta
from decimal import Decimal

import django

GIVEN = ["Anna", "Jürgen", "Zoë", "Łukasz", "Søren", "Émilie", "Ayşe", "Jiří", "Mia", "Paul", "Ole", "Niamh"]
FAMILY = ["Müller", "Weiß", "Šimůnek", "Dvořák", "Østergaard", "García", "O'Brien", "Yılmaz", "Nagy", "Schmidt"]


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("schema")
    seed = sub.add_parser("seed")
    seed.add_argument("--orders", type=int, default=300)
    seed.add_argument("--big", type=int, default=0)
    revoke = sub.add_parser("revoke-device")
    revoke.add_argument("device_id", type=int)
    gate = sub.add_parser("gate-device")
    gate.add_argument("device_id", type=int)
    gate.add_argument("name")
    badge_item = sub.add_parser("badge-item")
    badge_item.add_argument("item", type=int)
    badge_item.add_argument("layout")
    args = parser.parse_args()
    if args.command == "schema":
        from django.core.management import call_command

        django.setup()
        call_command("migrate", run_syncdb=True, verbosity=0, interactive=False)
        return
    django.setup()
    from django_scopes import scopes_disabled

    with scopes_disabled():
        if args.command == "seed":
            json.dump(seed_all(args.orders, args.big), sys.stdout)
        elif args.command == "badge-item":
            from badge_seed import assign_badge

            assign_badge(args.item, None if args.layout == "none" else int(args.layout))
        elif args.command == "gate-device":
            json.dump({"gate_id": gate_device(args.device_id, args.name)}, sys.stdout)
        else:
            from pretix.base.models import Device

            device = Device.objects.get(device_id=args.device_id)
            device.revoked = True
            device.save()


def gate_device(device_id, name):
    """pretix's API cannot place a device at a gate; the backend can."""
    from pretix.base.models import Device

    device = Device.objects.get(device_id=device_id)
    device.gate = device.organizer.gates.create(name=name, identifier=name.lower().replace(" ", "-"))
    device.save()
    return device.gate.pk


def seed_all(orders, big):
    from django.utils.timezone import now
    from pretix.base.models import Device, Organizer, Team

    organizer = Organizer.objects.create(name="Cluster Mikrosystemtechnik", slug="ckd")
    team = Team.objects.create(organizer=organizer, name="Admins", all_events=True,
                               all_event_permissions=True, all_organizer_permissions=True)
    token = team.tokens.create(name="checkin-desk tests")
    conf = seed_event(organizer, "conf", "Cluster Meeting 2026", orders, signed=True)
    result = {"organizer": organizer.slug, "token": token.token, "events": {"conf": conf}}
    if big:
        result["events"]["big"] = seed_event(organizer, "big", "Large Fair 2026", big, signed=False)
    devices = []
    for number in range(6):
        device = Device.objects.create(organizer=organizer, name=f"Desk {number + 1}", all_events=True)
        devices.append({"device_id": device.device_id, "initialization_token": device.initialization_token})
    result["devices"] = devices
    result["seeded_at"] = now().isoformat()
    return result


def seed_event(organizer, slug, name, count, signed):
    from django.utils.timezone import now
    from pretix.base.models import Event

    starts = now() + timedelta(days=1)
    event = Event.objects.create(organizer=organizer, name=name, slug=slug, date_from=starts,
                                 date_to=starts + timedelta(hours=10), live=True, currency="EUR",
                                 location="Messe Dresden")
    event.settings.timezone = "Europe/Berlin"
    if signed:
        event.settings.ticket_secret_generator = "pretix_sig1"
    regular = event.items.create(name="Regular", default_price=Decimal("100.00"), admission=True)
    workshop = event.items.create(name="Workshop", default_price=Decimal("40.00"), admission=True)
    quota = event.quotas.create(name="All", size=None)
    quota.items.add(regular, workshop)
    main = event.checkin_lists.create(name="Main entrance", all_products=True, include_pending=False)
    session = event.checkin_lists.create(name="Workshop room", all_products=False, allow_multiple_entries=True)
    session.limit_products.add(workshop)
    codes = bulk_orders(event, [regular, workshop], count)
    badges = seed_badges(event, workshop) if signed else {}
    return {"slug": slug, "badges": badges, "lists": {"main": main.pk, "workshop": session.pk},
            "items": {"regular": regular.pk, "workshop": workshop.pk}, "orders": count, **codes}


def seed_badges(event, workshop):
    from badge_seed import seed_badges as seed

    return seed(event, workshop)


def bulk_orders(event, items, count):
    from django.utils.timezone import now
    from pretix.base.models import Order, OrderPosition
    from pretix.base.models.organizer import SalesChannel

    rng = random.Random(2026)
    generator = event.ticket_secret_generator
    channel = SalesChannel.objects.get_or_create(organizer=event.organizer, identifier="web",
                                                 defaults={"label": "Online shop", "type": "web"})[0]
    created = now() - timedelta(days=10)
    orders, statuses = [], []
    for number in range(count):
        roll = rng.random()
        status = Order.STATUS_CANCELED if roll < 0.03 else Order.STATUS_PENDING if roll < 0.08 else Order.STATUS_PAID
        statuses.append(status)
        orders.append(Order(
            code=_order_code(event.slug, number, count), event=event,
            organizer=event.organizer, email=f"guest{number}@example.org", status=status, locale="en",
            datetime=created, expires=created + timedelta(days=14), total=Decimal("100.00"),
            sales_channel=channel, checkin_attention=number % 97 == 0,
            checkin_text="VIP: call the organiser." if number % 97 == 0 else None,
        ))
    Order.objects.bulk_create(orders, batch_size=2000)
    orders = list(Order.objects.filter(event=event).order_by("pk"))
    positions = []
    for number, order in enumerate(orders):
        item = items[1] if number % 10 == 0 else items[0]
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        positions.append(OrderPosition(
            order=order, organizer=event.organizer, item=item, price=Decimal("100.00"), positionid=1,
            attendee_name_cached=f"{given} {family}",
            attendee_name_parts={"_scheme": "given_family", "given_name": given, "family_name": family},
            company="Fraunhofer IWS" if number % 3 == 0 else None, attendee_email=order.email,
            secret=generator.generate_secret(item=item, force_invalidate=True), tax_rate=Decimal("0"),
            tax_value=Decimal("0"),
            pseudonymization_id=f"{event.slug[0].upper()}{number:09d}",
        ))
    OrderPosition.objects.bulk_create(positions, batch_size=2000)
    pick = {status: next(o.code for o, s in zip(orders, statuses) if s == status) for status in set(statuses)}
    return {"paid_order": pick.get(Order.STATUS_PAID), "pending_order": pick.get(Order.STATUS_PENDING),
            "cancelled_order": pick.get(Order.STATUS_CANCELED)}


def _order_code(slug, number, count):
    """Unique per organiser: the small event keeps 00000…, the big one gets B000000…"""
    if slug == "conf":
        return f"{number:05d}"
    return f"B{number:06d}"


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "checkin_pretix_settings")
    main()
