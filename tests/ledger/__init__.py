"""A labelled test ledger: realistic history plus injected mistakes and traps."""

from tests.ledger.generator import Injected, Ledger, generate_ledger

__all__ = ["Injected", "Ledger", "generate_ledger"]
