"""The local database: SQLAlchemy models, engine and sessions, migrations, queries. No Qt."""
