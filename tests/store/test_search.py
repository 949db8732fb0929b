from sqlalchemy import select

from checkin.store.models import Event, TicketType
from checkin.store.registrations import insert_registrations, reindex
from checkin.store.search import search
from checkin.store.models import Registration


def _event(database, guests):
    with database.session() as session:
        event = Event(source="test", slug="s", name="Search")
        event.ticket_types = [TicketType(name="Participant")]
        session.add(event)
        session.flush()
        insert_registrations(session, event.id, [
            {"source": "test", "code": f"code{number:04d}", "given_name": given, "family_name": family,
             "company": company, "email": email}
            for number, (given, family, company, email) in enumerate(guests)
        ])
        return event.id


GUESTS = [
    ("Anna", "Müller", "Bäckerei Schütz", "anna@example.org"),
    ("Jonas", "Mueller", "Siemens", "jonas.mueller@siemens.example"),
    ("Lena", "Muller", "", ""),
    ("Müller", "Schmidt", "Müller & Söhne", ""),
    ("Karl", "Weiß", "", ""),
    ("Petr", "Šimůnek", "Škoda", "petr@skoda.example"),
    ("明", "王", "", ""),
    ("Hans", "von der Leyen", "", ""),
]


def _names(hits):
    return [f"{hit.given_name} {hit.family_name}" for hit in hits]


def test_transliterations_find_each_other(database):
    event_id = _event(database, GUESTS)
    with database.reader() as session:
        for query in ("Müller", "Mueller", "Muller", "mül", "MUE"):
            found = _names(search(session, event_id, query))
            assert {"Anna Müller", "Jonas Mueller", "Lena Muller"} <= set(found), query
        assert _names(search(session, event_id, "Weiss")) == ["Karl Weiß"]
        assert _names(search(session, event_id, "simu")) == ["Petr Šimůnek"]
        assert _names(search(session, event_id, "ŠKODA")) == ["Petr Šimůnek"]


def test_exact_spelling_ranks_before_transliterations_and_prefixes(database):
    event_id = _event(database, GUESTS + [("Ole", "Müllerson", "", ""), ("Ida", "Mueller", "", ""),
                                          ("Eva", "Klein", "Müller & Söhne", "")])
    with database.reader() as session:
        found = _names(search(session, event_id, "müller"))
        # The very spelling first (surname before given name), then Mueller/Muller, then longer names.
        assert found[:2] == ["Anna Müller", "Müller Schmidt"]
        assert set(found[2:5]) == {"Jonas Mueller", "Lena Muller", "Ida Mueller"}
        assert found[5] == "Ole Müllerson"
        assert _names(search(session, event_id, "mueller"))[:2] == ["Jonas Mueller", "Ida Mueller"]
        assert _names(search(session, event_id, "muller"))[0] == "Lena Muller"
        # A prefix as written ranks before a transliterated one: "mül" finds Müller before Mueller
        # (surnames first, then the given name Müller); a company's name does not rank.
        found = [name.split()[-1] for name in _names(search(session, event_id, "mül"))]
        assert found[:4] == ["Müller", "Müllerson", "Schmidt", "Mueller"] and found[-1] == "Klein"


def test_among_equal_matches_the_surname_ranks_before_given_name_and_company(database):
    event_id = _event(database, [("Paul", "Berg", "", ""), ("Berg", "Adler", "Berg AG", "")])
    with database.reader() as session:
        assert _names(search(session, event_id, "berg")) == ["Paul Berg", "Berg Adler"]


def test_all_words_must_match(database):
    event_id = _event(database, GUESTS)
    with database.reader() as session:
        assert _names(search(session, event_id, "anna müll")) == ["Anna Müller"]
        assert _names(search(session, event_id, "müller siemens")) == ["Jonas Mueller"]
        assert search(session, event_id, "anna weiss") == []


def test_email_code_cjk_and_compound_names(database):
    event_id = _event(database, GUESTS)
    with database.reader() as session:
        assert _names(search(session, event_id, "jonas.mueller@siemens.example")) == ["Jonas Mueller"]
        assert _names(search(session, event_id, "CODE0005")) == ["Petr Šimůnek"]
        assert _names(search(session, event_id, "明")) == ["明 王"]
        assert _names(search(session, event_id, "vonderleyen")) == ["Hans von der Leyen"]
        assert _names(search(session, event_id, "leyen")) == ["Hans von der Leyen"]


def test_odd_queries_return_nothing_or_matches_never_errors(database):
    event_id = _event(database, GUESTS)
    with database.reader() as session:
        for query in ("", "   ", "%", "_", "'; DROP TABLE registration; --", "\x00", "x" * 5000, "🙂"):
            assert isinstance(search(session, event_id, query), list)


def test_limit_and_renamed_guests(database):
    event_id = _event(database, [("Max", f"Meyer{n}", "", "") for n in range(30)])
    with database.session() as session:
        assert len(search(session, event_id, "mey", limit=10)) == 10
        registration = session.scalar(select(Registration).where(Registration.family_name == "Meyer7"))
        registration.family_name = "Jørgensen"
        reindex(session, [registration])
    with database.reader() as session:
        assert _names(search(session, event_id, "jorg")) == ["Max Jørgensen"]
        assert len(search(session, event_id, "meyer")) == 29


def test_checked_in_flag(database, demo, desk):
    with database.reader() as session:
        hit = search(session, demo.event_id, "a", list_id=demo.list_ids[0])[0]
    desk.check_in_registration(hit.registration_id, demo.list_ids[0])
    with database.reader() as session:
        again = [h for h in search(session, demo.event_id, hit.family_name, list_id=demo.list_ids[0], limit=200)
                 if h.registration_id == hit.registration_id][0]
        other_list = [h for h in search(session, demo.event_id, hit.family_name, list_id=demo.list_ids[1],
                                        limit=200) if h.registration_id == hit.registration_id][0]
    assert again.checked_in and again.checked_in_at is not None
    assert not other_list.checked_in


def test_a_large_load_builds_the_deferred_indexes_at_the_end_and_search_uses_the_token_key(database):
    guests = [(f"Given{number}", f"Family{number:05d}", "Big Load GmbH", f"g{number}@bigload.example")
              for number in range(25_000)] + GUESTS
    event_id = _event(database, guests)
    with database.reader() as session:
        connection = session.connection()
        indexes = connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'registration'").scalars().all()
        plan = " ".join(row[-1] for row in connection.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT registration_id FROM search_token WHERE event_id = 1 AND kind = 0 "
            "AND token >= 'family1' AND token < 'family2'"))
        assert {"ix_registration_code_folded", "ix_registration_ticket_type_id",
                "ix_registration_source_external"} <= set(indexes)
        assert "USING PRIMARY KEY (event_id=? AND kind=? AND token>? AND token<?)" in plan
        assert _names(search(session, event_id, "family12345")) == ["Given12345 Family12345"]
        assert _names(search(session, event_id, "weiss")) == ["Karl Weiß"]
    # A small load into the now big index inserts into it as usual.
    with database.session() as session:
        insert_registrations(session, event_id, [{"source": "test", "code": "late", "given_name": "Zoë",
                                                  "family_name": "Late"}])
    with database.reader() as session:
        assert _names(search(session, event_id, "zoe")) == ["Zoë Late"]


def test_a_typed_email_address_is_matched_whole_even_with_like_wildcards(database):
    event_id = _event(database, [("Ann", "Lee", "", "ann_lee%1@x-corp.example"),
                                 ("Anne", "Leeson", "", "annXleeX1@x-corp.example")])
    with database.reader() as session:
        assert _names(search(session, event_id, "ann_lee%1@x")) == ["Ann Lee"]
        assert _names(search(session, event_id, "ANN_LEE%1@X-CORP.EXAMPLE")) == ["Ann Lee"]
        assert _names(search(session, event_id, "annxleex1@")) == ["Anne Leeson"]
        assert search(session, event_id, "nobody@x-corp.example") == []


def test_search_keys_list_exactly_the_tokens_stored(database):
    """reindex deletes what search_keys lists: a key without its token row (or the reverse) would
    leave a guest findable under an old name."""
    from sqlalchemy import func

    from checkin.store.models import SearchToken
    from checkin.store.registrations import indexed, parse_search_keys

    event_id = _event(database, GUESTS)
    with database.session() as session:
        guest = session.scalar(select(Registration).where(Registration.family_name == "Weiß"))
        guest.family_name, guest.email = "Schwarz", "karl@schwarz.example"
        reindex(session, [guest])
    with database.reader() as session:
        keys = {(r.id, kind, token) for r in session.scalars(select(Registration))
                for kind, token in indexed(parse_search_keys(r.search_keys))}
        rows = set(session.execute(select(SearchToken.registration_id, SearchToken.kind, SearchToken.token)).all())
        assert keys == rows and session.scalar(select(func.count()).select_from(SearchToken)) == len(rows)
        assert search(session, event_id, "weiss") == []
        assert _names(search(session, event_id, "karl@schw")) == ["Karl Schwarz"]
