"""Storage: the only package that talks SQL.

Everything outside it calls repository functions that take a :class:`Database`
and return plain domain objects (frozen dataclasses), never live ORM rows.
"""

from okguard.storage.database import Database, DatabaseError, default_db_path, open_database

__all__ = ["Database", "DatabaseError", "default_db_path", "open_database"]
