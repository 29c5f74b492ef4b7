"""Repository functions: SQL in, frozen domain objects out."""
