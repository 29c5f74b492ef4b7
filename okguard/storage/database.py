"""Opening the SQLite database: WAL, foreign keys, migrations with a backup first.

SQLAlchemy (about half a second to import) is loaded when the ORM is first used, so
a command that only needs the DB-API, such as a statement import, starts without it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from platformdirs import user_data_dir

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.engine import Connection
    from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest migration. Checked against Alembic's own view by a test; kept here so an
# up-to-date database opens without importing Alembic (about a second of start-up).
SCHEMA_HEAD = "0002"


class DatabaseError(Exception):
    """The database file cannot be used (not a database, newer schema, locked)."""


def default_db_path() -> Path:
    return Path(user_data_dir("okguard", appauthor=False)) / "okguard.sqlite3"


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _alembic_config(connection: Connection | None = None) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def _head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return str(head)


def _stored_revision(path: Path) -> str | None:
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()


def _create_engine(path: Path) -> Engine:
    from sqlalchemy import create_engine, event

    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _on_connect)
    return engine


@dataclass
class Database:
    path: Path
    backup_path: Path | None = None  # the copy kept before the last migration, if any
    _engine: Engine | None = field(default=None, repr=False)
    _sessions: sessionmaker[Session] | None = field(default=None, repr=False)

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = _create_engine(self.path)
        return self._engine

    @property
    def sessions(self) -> sessionmaker[Session]:
        if self._sessions is None:
            from sqlalchemy.orm import sessionmaker

            self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        return self._sessions

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits on success, rolls back on any error."""
        with self.sessions() as session, session.begin():
            yield session

    def raw_connection(self) -> sqlite3.Connection:
        """A plain sqlite3 connection with the same pragmas, for bulk work."""
        conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        _on_connect(conn, None)
        return conn

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()


def _backup(path: Path, revision: str | None) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.before-{revision or 'empty'}-{stamp}.bak")
    # The sqlite backup API copies a consistent snapshot even with a WAL present.
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    return target


def open_database(
    path: Path | str, *, migrate: bool = True, from_migrations: bool = False
) -> Database:
    """Open (creating if needed) and migrate the database at ``path``.

    A new file gets the newest schema from okguard.storage.schema_head, unless
    ``from_migrations`` asks for running every migration instead."""
    path = Path(path).expanduser()
    if path.exists() and path.is_dir():
        raise DatabaseError(f"{path} is a folder; expected a database file")
    path.parent.mkdir(parents=True, exist_ok=True)
    existed = path.exists() and path.stat().st_size > 0
    if existed:
        with path.open("rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                raise DatabaseError(f"{path} is not an okguard database (not an SQLite file)")

    db = Database(path=path)
    if not migrate or (existed and _stored_revision(path) == SCHEMA_HEAD):
        return db
    if not existed and not from_migrations and _create_head(db):
        return db
    from sqlalchemy.exc import DatabaseError as SADatabaseError
    from sqlalchemy.exc import OperationalError

    try:
        _migrate(db, existed)
    except (OperationalError, SADatabaseError) as exc:
        db.close()
        raise DatabaseError(f"{path}: cannot open the database ({exc.orig})") from exc
    return db


def _create_head(db: Database) -> bool:
    from okguard.storage import schema_head

    if schema_head.REVISION != SCHEMA_HEAD:  # a migration was added without regenerating
        return False
    conn = db.raw_connection()
    try:
        return schema_head.create(conn)
    finally:
        conn.close()


def _migrate(db: Database, existed: bool) -> None:
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    with db.engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    head = _head_revision()
    if current == head:
        return
    scripts = ScriptDirectory.from_config(_alembic_config())
    known = {s.revision for s in scripts.walk_revisions()}
    if current is not None and current not in known:
        raise DatabaseError(
            f"{db.path} was written by a newer okguard (schema {current}); update okguard"
        )
    if existed:
        db.backup_path = _backup(db.path, current)
    with db.engine.connect() as conn:
        # Migrations may rebuild a table (SQLite's only way to change a column), and
        # dropping a table with foreign keys on deletes its rows first, cascading to
        # the rows that point at them: off for the migration (only possible outside
        # a transaction), checked after. And the sqlite3 module opens transactions
        # only before INSERT/UPDATE/DELETE, not DDL: an explicit BEGIN, inside a
        # SQLAlchemy transaction so that Alembic does not commit on its own, makes
        # the whole migration one transaction: a failure leaves the file as it was.
        driver = conn.connection.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        legacy = driver.isolation_level
        driver.isolation_level = None
        driver.execute("PRAGMA foreign_keys=OFF")
        try:
            before = set(driver.execute("PRAGMA foreign_key_check").fetchall())
            with conn.begin():
                driver.execute("BEGIN IMMEDIATE")
                command.upgrade(_alembic_config(conn), "head")
                after = set(driver.execute("PRAGMA foreign_key_check").fetchall())
                if after - before:
                    raise DatabaseError(
                        f"{db.path}: the migration would break {len(after - before)}"
                        " references; the database was left as it was"
                    )
        finally:
            if driver.in_transaction:
                driver.execute("ROLLBACK")
            driver.execute("PRAGMA foreign_keys=ON")
            driver.isolation_level = legacy


def schema_revision(db: Database) -> str | None:
    return _stored_revision(db.path)


def table_names(db: Database) -> list[str]:
    conn = db.raw_connection()
    try:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
        return sorted(r[0] for r in rows)
    finally:
        conn.close()
