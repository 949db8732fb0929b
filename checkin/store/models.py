"""SQLAlchemy 2 typed models of the local store.

The check-in log is append-only: a check-in is never deleted or rewritten; an undo is a new
row that the undone row points to through ``reverted_by_id``. Every row carries a UUID nonce,
the desk and the moment it happened, so offline check-ins upload exactly once.
"""
from __future__ import annotations

import uuid
from datetime import date, datetime, timezone
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    LargeBinary,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    Column,
    TypeDecorator,
    UniqueConstraint,
    literal_column,
)
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from checkin.core.names import display_name

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def new_nonce() -> str:
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC on every engine (SQLite stores no offset and hands back naive values)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Desk(Base):
    """One installation of Check-in Desk: a stable id and a name people recognise."""

    __tablename__ = "desk"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_nonce)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class DeskChoice(Base):
    """The event and list a desk works on, kept in the database it works on (migration 0010):
    foreign keys make a choice this database cannot satisfy impossible."""

    __tablename__ = "desk_choice"

    desk_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    check_in_list_id: Mapped[int | None] = mapped_column(ForeignKey("check_in_list.id", ondelete="SET NULL"))
    chosen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Event(Base):
    __tablename__ = "event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(32))
    external_id: Mapped[str | None] = mapped_column(String(255))
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(255))
    starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    location: Mapped[str] = mapped_column(String(255), default="")
    organizer: Mapped[str] = mapped_column(String(255), default="")
    timezone: Mapped[str] = mapped_column(String(64), default="Europe/Berlin")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Printed on the attendance list funders ask for.
    funding_programme: Mapped[str] = mapped_column(String(255), default="", server_default="")
    project_number: Mapped[str] = mapped_column(String(120), default="", server_default="")
    # GDPR: after this day the desk reminds the organiser to purge the guests' data.
    retention_until: Mapped[date | None] = mapped_column(Date)
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Invitations: the key that signs QR payloads (hex, empty = unsigned); see core.signing.
    code_key: Mapped[str] = mapped_column(String(64), default="", server_default="")
    require_signed_codes: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")

    ticket_types: Mapped[list[TicketType]] = relationship(back_populates="event", cascade="all, delete-orphan")
    check_in_lists: Mapped[list[CheckInList]] = relationship(back_populates="event", cascade="all, delete-orphan")


class TicketType(Base):
    __tablename__ = "ticket_type"
    __table_args__ = (UniqueConstraint("event_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    external_id: Mapped[str | None] = mapped_column(String(255))
    name: Mapped[str] = mapped_column(String(255))

    event: Mapped[Event] = relationship(back_populates="ticket_types")


check_in_list_ticket_type = Table(
    "check_in_list_ticket_type",
    Base.metadata,
    Column("check_in_list_id", ForeignKey("check_in_list.id", ondelete="CASCADE"), primary_key=True),
    Column("ticket_type_id", ForeignKey("ticket_type.id", ondelete="CASCADE"), primary_key=True),
)


class CheckInList(Base):
    """An entrance, a day or a session, with the ticket types it admits."""

    __tablename__ = "check_in_list"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    external_id: Mapped[str | None] = mapped_column(String(255))
    name: Mapped[str] = mapped_column(String(255))
    all_ticket_types: Mapped[bool] = mapped_column(Boolean, default=True)
    allow_multiple_entries: Mapped[bool] = mapped_column(Boolean, default=False)
    allow_entry_after_exit: Mapped[bool] = mapped_column(Boolean, default=True)
    include_unpaid: Mapped[bool] = mapped_column(Boolean, default=False)
    opens_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # pretix's custom check-in rules (JSON logic); None or {} = no rules. See sync.pretix.rules.
    rules: Mapped[dict | None] = mapped_column(JSON)

    event: Mapped[Event] = relationship(back_populates="check_in_lists")
    ticket_types: Mapped[list[TicketType]] = relationship(secondary=check_in_list_ticket_type)


class FoldedCode(FunctionElement):
    """A code in lower case, in byte order on every engine, for the case-insensitive prefix search
    of codes (codes are ASCII)."""

    type = String()
    inherit_cache = True

    def __init__(self, code: Any):
        super().__init__(literal_column(code) if isinstance(code, str) else code)


@compiles(FoldedCode)
def _folded_code(element: FoldedCode, compiler: Any, **kw: Any) -> str:
    return f"lower({compiler.process(element.clauses, **kw)})"


@compiles(FoldedCode, "postgresql")
def _folded_code_postgresql(element: FoldedCode, compiler: Any, **kw: Any) -> str:
    return f'lower({compiler.process(element.clauses, **kw)}) COLLATE "C"'


class Registration(Base):
    __tablename__ = "registration"
    __table_args__ = (
        UniqueConstraint("event_id", "code"),
        Index("ix_registration_source_external", "event_id", "source", "external_id"),
        Index("ix_registration_code_folded", "event_id", FoldedCode("code")),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    source: Mapped[str] = mapped_column(String(32))
    external_id: Mapped[str | None] = mapped_column(String(255))
    code: Mapped[str] = mapped_column(String(512))
    title: Mapped[str] = mapped_column(String(120), default="")
    given_name: Mapped[str] = mapped_column(String(255), default="")
    family_name: Mapped[str] = mapped_column(String(255), default="")
    company: Mapped[str] = mapped_column(String(255), default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    ticket_type_id: Mapped[int | None] = mapped_column(ForeignKey("ticket_type.id", ondelete="SET NULL"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="valid")
    attention: Mapped[bool] = mapped_column(Boolean, default=False)
    attention_text: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    valid_from: Mapped[datetime | None] = mapped_column(UTCDateTime)
    valid_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    walk_in: Mapped[bool] = mapped_column(Boolean, default=False)
    raw: Mapped[dict | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    #: The registration's search tokens as " <kind><token> …" (see checkin.store.registrations):
    #: what to delete when it is reindexed, and what the further words of a query are matched against.
    search_keys: Mapped[str] = mapped_column(Text, default="", server_default="")

    ticket_type: Mapped[TicketType | None] = relationship()

    @property
    def display_name(self) -> str:
        return display_name(self.title, self.given_name, self.family_name)


class SearchToken(Base):
    """Folded prefixes of a registration's names, company, email and code (see core.search_text).

    A plain indexed table rather than FTS5, so the same search runs on SQLite and PostgreSQL
    and finds a single character of a CJK name.

    The primary key is the lookup order (WITHOUT ROWID on SQLite: the key is the table), so a
    token costs one B-tree entry. The tokens of one registration are found through its
    ``search_keys`` instead of a second index; tokens are derived data that
    :mod:`checkin.store.registrations` keeps in step, so there is no foreign key to check per token.
    """

    __tablename__ = "search_token"
    __table_args__ = (
        PrimaryKeyConstraint("event_id", "kind", "token", "registration_id"),
        {"sqlite_with_rowid": False},
    )

    registration_id: Mapped[int] = mapped_column(Integer)
    kind: Mapped[int] = mapped_column(Integer)
    # Byte order on every engine, so a prefix is a range scan of the index.
    token: Mapped[str] = mapped_column(String(255).with_variant(String(255, collation="C"), "postgresql"))
    event_id: Mapped[int] = mapped_column(Integer)


class UploadState(StrEnum):
    """Where a check-in row stands with the server it syncs with (stored as these strings)."""

    PENDING = "pending"  # waiting in the outbox
    UPLOADED = "uploaded"  # the server confirmed it (or decided it online)
    REJECTED = "rejected"  # the server refused it even when forced
    NOT_SENT = "not_sent"  # undone before it was uploaded: nothing to send
    LOCAL = "local"  # the server has no such thing (a walk-in, an empty scan)
    SERVER = "server"  # another device's check-in, copied from the server at a pull


class CheckIn(Base):
    """One line of the append-only check-in log, accepted or refused."""

    __tablename__ = "check_in"
    __table_args__ = (
        Index("ix_check_in_registration_list", "registration_id", "check_in_list_id"),
        Index("ix_check_in_upload", "upload_state"),
        Index("ix_check_in_list_happened", "check_in_list_id", "happened_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nonce: Mapped[str] = mapped_column(String(36), unique=True, default=new_nonce)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    registration_id: Mapped[int | None] = mapped_column(ForeignKey("registration.id", ondelete="SET NULL"))
    raw_code: Mapped[str] = mapped_column(String(512), default="")
    check_in_list_id: Mapped[int] = mapped_column(ForeignKey("check_in_list.id", ondelete="CASCADE"))
    desk_id: Mapped[str] = mapped_column(ForeignKey("desk.id"))
    direction: Mapped[str] = mapped_column(String(8), default="entry")
    happened_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    source: Mapped[str] = mapped_column(String(16), default="scan")
    outcome: Mapped[str] = mapped_column(String(32))
    reverted_by_id: Mapped[int | None] = mapped_column(ForeignKey("check_in.id"))
    upload_state: Mapped[str] = mapped_column(String(16), default=UploadState.PENDING.value)
    uploaded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    upload_error: Mapped[str] = mapped_column(Text, default="")
    # Why the scan was refused, where a rule said so (pretix's check-in rules); uploaded with the refusal.
    explanation: Mapped[str | None] = mapped_column(Text)
    # When a row a desk recorded on its own copy (the venue database did not answer) reached the venue
    # database (migration 0012); None for every row written there directly. See store/venue_desk.py.
    merged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    registration: Mapped[Registration | None] = relationship()
    desk: Mapped[Desk] = relationship()
    check_in_list: Mapped[CheckInList] = relationship()


class SyncState(Base):
    """Where a pull from one source stopped, per resource (e.g. pretix orders' modified_since)."""

    __tablename__ = "sync_state"
    __table_args__ = (UniqueConstraint("source", "resource", "event_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(64))
    resource: Mapped[str] = mapped_column(String(64))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    cursor: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict | None] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class SyncOwnerState(Base):
    """What the venue's sync owner last did (migration 0013): one row, written only by the process
    holding the sync lock (``store/sync_lock.py``), read by every other desk for its status bar."""

    __tablename__ = "sync_owner"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: The owner as people know it: the desk's name, or "checkin sync --watch".
    name: Mapped[str] = mapped_column(String(120), default="")
    host: Mapped[str] = mapped_column(String(255), default="")
    #: "desk" (a desk window) or "watch" (a headless ``checkin sync --watch``).
    kind: Mapped[str] = mapped_column(String(16), default="desk")
    since: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_pull_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_push_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str] = mapped_column(Text, default="")
    last_error_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    pending_upload: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class BadgePrint(Base):
    """One badge sent to a printer (or claimed for printing): who, when, which desk and layout.

    A row is written as ``printing`` before the job starts and becomes ``printed`` or ``failed``,
    so two desks never both print a guest's first badge; reprints are recorded with ``reprint``.
    """

    __tablename__ = "badge_print"
    __table_args__ = (Index("ix_badge_print_registration", "registration_id", "status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    registration_id: Mapped[int] = mapped_column(ForeignKey("registration.id", ondelete="CASCADE"))
    desk_id: Mapped[str] = mapped_column(String(36))
    desk_name: Mapped[str] = mapped_column(String(120), default="")
    layout: Mapped[str] = mapped_column(String(255), default="")
    stock: Mapped[str] = mapped_column(String(64), default="")
    destination: Mapped[str] = mapped_column(String(255), default="")
    reprint: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16), default="printing")
    error: Mapped[str] = mapped_column(Text, default="")
    printed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class RevokedSecret(Base):
    """A ticket code the server replaced or withdrew (pretix's revocation list): refused offline."""

    __tablename__ = "revoked_secret"
    __table_args__ = (UniqueConstraint("event_id", "secret"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    secret: Mapped[str] = mapped_column(String(512))
    external_id: Mapped[str | None] = mapped_column(String(255))
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class PretixBadgeLayout(Base):
    """One of the event's badge layouts from pretix's badge editor (elements as pretix's JSON)."""

    __tablename__ = "pretix_badge_layout"
    __table_args__ = (UniqueConstraint("event_id", "external_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    external_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(190))
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    elements: Mapped[list] = mapped_column(JSON)
    background_url: Mapped[str] = mapped_column(String(1000), default="")
    # The background PDF's SHA-256 (a row of pretix_badge_background); empty until downloaded.
    background_sha256: Mapped[str] = mapped_column(String(64), default="")


class PretixBadgeItem(Base):
    """Which layout a product prints; no layout means pretix prints no badge for it."""

    __tablename__ = "pretix_badge_item"
    __table_args__ = (UniqueConstraint("event_id", "item_external_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    item_external_id: Mapped[str] = mapped_column(String(255))
    layout_external_id: Mapped[str | None] = mapped_column(String(64))


class PretixBadgeBackground(Base):
    """A background PDF, kept once per content (layouts and events share it), for printing offline."""

    __tablename__ = "pretix_badge_background"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)


#: ``Event.source`` of an import's hidden staging event: no query that lists events shows it.
STAGING_SOURCE = "import-staging"


class ImportRun(Base):
    """An import being written in short transactions (see checkin/store/import_runs.py).

    Its new guests wait under a hidden staging event (``staging_event_id``) and its changes to
    stored guests in ``import_staged_update`` until it is published; ``state`` says how far it
    got: ``staging`` (a crash discards it), ``publishing`` (a crash is rolled forward). The row
    is deleted once the import is published or discarded.
    """

    __tablename__ = "import_run"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    state: Mapped[str] = mapped_column(String(16), default="staging")
    staging_event_id: Mapped[int] = mapped_column(Integer)
    #: The event the guests go to; None: the staging event becomes that event (``slug``, ``name``).
    event_id: Mapped[int | None] = mapped_column(Integer)
    slug: Mapped[str] = mapped_column(String(120), default="")
    name: Mapped[str] = mapped_column(String(255), default="")
    file: Mapped[str] = mapped_column(String(255), default="")
    #: The importing process ("host pid start"), to tell a crashed import from a running one.
    owner: Mapped[str] = mapped_column(String(255), default="")
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    heartbeat_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ImportStagedUpdate(Base):
    """New values for a stored guest, applied when its import run is published."""

    __tablename__ = "import_staged_update"

    run_id: Mapped[int] = mapped_column(ForeignKey("import_run.id", ondelete="CASCADE"), primary_key=True)
    registration_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fields: Mapped[dict] = mapped_column(JSON)
