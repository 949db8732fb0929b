"""A realistic demo event that needs no server: European names, companies, ticket types, two days."""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from checkin.store.models import CheckIn, CheckInList, Event, TicketType
from checkin.store.registrations import forget_tokens, insert_registrations, new_code

DEMO_SLUG = "demo"
GIVEN_NAMES = (
    "Anna", "Lena", "Jürgen", "Sören", "Zoë", "Mia", "Lukas", "Jonas", "Maximilian", "Sophie", "Marie", "Paul",
    "Björn", "Gülşen", "Ayşe", "Émilie", "François", "Renée", "José", "María", "Łukasz", "Agnieszka", "Jiří",
    "Tomáš", "Zuzana", "Søren", "Åsa", "Ingrid", "Niamh", "Seán", "Dörte", "Hans-Peter", "Anne-Kathrin",
    "Giulia", "Matteo", "Eleni", "Dimitrios", "Olga", "Katarzyna", "Ömer", "Jörg", "Käthe", "Ole", "Ana",
)
FAMILY_NAMES = (
    "Müller", "Mueller", "Muller", "Weiß", "Weiss", "Schmidt", "Schneider", "Fischer", "Meyer", "Wagner",
    "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder",
    "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt",
    "Šimůnek", "Dvořák", "Nowak", "Kowalski", "Wiśniewska", "Jørgensen", "Østergaard", "Lindström",
    "García", "Martínez", "Rossi", "Bianchi", "Dubois", "Lefèvre", "O'Brien", "Papadopoulos", "Yılmaz",
    "Nagy", "Kovačević", "van der Berg", "de Vries", "von Bülow", "Groß", "Strauß", "Böhm", "Öztürk",
)
COMPANIES = (
    "Fraunhofer IWS", "Siemens AG", "Bosch GmbH", "TU Dresden", "Universität Wien", "Zeiss", "SAP SE",
    "Infineon Technologies", "Max-Planck-Institut für Plasmaphysik", "Škoda Auto", "Novo Nordisk A/S",
    "Nokia Oyj", "Politecnico di Milano", "CNRS", "Universidad de Sevilla", "Wärtsilä", "Bäckerei Schütz",
    "Müller & Söhne KG", "Stadtwerke München", "Cluster Mikrosystemtechnik e.V.", "", "", "",
)
TICKET_TYPES = (("Participant", 80), ("Speaker", 8), ("Press", 4), ("Staff", 8))
ATTENTION_TEXTS = (
    "VIP: please call the organiser.", "Wheelchair user: show the lift.", "Vegetarian lunch voucher.",
    "Collect the invoice at the desk.", "Speaker: send to the green room.",
)


@dataclass(frozen=True)
class DemoSummary:
    event_id: int
    slug: str
    guests: int
    list_ids: tuple[int, ...]


def demo_check_ins(session: Session, slug: str = DEMO_SLUG) -> int:
    """How many check-ins the existing demo event holds (0 if there is none): replacing it loses them."""
    return session.scalar(select(func.count(CheckIn.id)).join(Event, CheckIn.event_id == Event.id)
                          .where(Event.slug == slug)) or 0


def create_demo_event(session: Session, guests: int = 500, *, seed: int = 2026, slug: str = DEMO_SLUG,
                      today: datetime | None = None) -> DemoSummary:
    """Create the demo event (replacing one with the same slug) with ``guests`` registrations."""
    existing = session.scalar(select(Event).where(Event.slug == slug))
    if existing is not None:
        forget_tokens(session, event_id=existing.id)
        session.delete(existing)
        session.flush()
    tz = ZoneInfo("Europe/Berlin")
    day_one = (today or datetime.now(tz)).astimezone(tz).date()
    starts = datetime.combine(day_one, time(8, 0), tz).astimezone(timezone.utc)
    event = Event(source="demo", slug=slug, name="Demo: Cluster Meeting Mikrosystemtechnik 2026",
                  starts_at=starts, ends_at=starts + timedelta(days=1, hours=10), location="Messe Dresden",
                  organizer="Cluster Mikrosystemtechnik e.V.", timezone="Europe/Berlin")
    types = {name: TicketType(name=name) for name, _weight in TICKET_TYPES}
    event.ticket_types = list(types.values())
    day_two = CheckInList(name="Day 2", all_ticket_types=False)
    day_two.ticket_types = [types["Participant"], types["Speaker"], types["Staff"]]
    event.check_in_lists = [CheckInList(name="Day 1", all_ticket_types=True), day_two]
    session.add(event)
    session.flush()
    rows = list(_guests(random.Random(seed), guests, {name: t.id for name, t in types.items()}))
    insert_registrations(session, event.id, rows)
    return DemoSummary(event.id, slug, guests, tuple(cl.id for cl in event.check_in_lists))


def _guests(rng: random.Random, count: int, type_ids: dict[str, int]):
    names = [name for name, _ in TICKET_TYPES]
    weights = [weight for _, weight in TICKET_TYPES]
    for number in range(count):
        given, family = rng.choice(GIVEN_NAMES), rng.choice(FAMILY_NAMES)
        roll = rng.random()
        status = "cancelled" if roll < 0.02 else "unpaid" if roll < 0.04 else "valid"
        attention = rng.random() < 0.01
        local = f"{given}.{family}".lower().replace(" ", "").replace("'", "")
        yield {
            "source": "demo", "external_id": f"demo-{number + 1}", "code": new_code(),
            "title": rng.choice(("", "", "", "Dr.", "Prof. Dr.")), "given_name": given, "family_name": family,
            "company": rng.choice(COMPANIES), "email": f"{local}{number}@example.org",
            "ticket_type_id": type_ids[rng.choices(names, weights)[0]], "status": status,
            "attention": attention, "attention_text": rng.choice(ATTENTION_TEXTS) if attention else "",
        }
