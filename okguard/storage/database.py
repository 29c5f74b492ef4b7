"""Opening the SQLite database: WAL, foreign keys, migrations with a backup first."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest migration. Checked against Alembic's own view by a test; kept here so an
# up-to-date database opens without importing Alembic (about a second of start-up).
SCHEMA_HEAD = "0001"


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


@dataclass
class Database:
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    backup_path: Path | None = None  # the copy kept before the last migration, if any

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
        self.engine.dispose()


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


def open_database(path: Path | str, *, migrate: bool = True) -> Database:
    """Open (creating if needed) and migrate the database at ``path``."""
    path = Path(path).expanduser()
    if path.exists() and path.is_dir():
        raise DatabaseError(f"{path} is a folder; expected a database file")
    path.parent.mkdir(parents=True, exist_ok=True)
    existed = path.exists() and path.stat().st_size > 0
    if existed:
        with path.open("rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                raise DatabaseError(f"{path} is not an okguard database (not an SQLite file)")

    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _on_connect)
    db = Database(path=path, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))
    if not migrate or (existed and _stored_revision(path) == SCHEMA_HEAD):
        return db
    try:
        from alembic import command
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
        head = _head_revision()
        if current != head:
            scripts = ScriptDirectory.from_config(_alembic_config())
            known = {s.revision for s in scripts.walk_revisions()}
            if current is not None and current not in known:
                raise DatabaseError(
                    f"{path} was written by a newer okguard (schema {current}); update okguard"
                )
            if existed:
                db.backup_path = _backup(path, current)
            with engine.begin() as conn:
                command.upgrade(_alembic_config(conn), "head")
    except (OperationalError, SADatabaseError) as exc:
        engine.dispose()
        raise DatabaseError(f"{path}: cannot open the database ({exc.orig})") from exc
    return db


def schema_revision(db: Database) -> str | None:
    return _stored_revision(db.path)


def table_names(db: Database) -> list[str]:
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))
        return sorted(r[0] for r in rows)
