"""Frozen value types shared by every layer. No I/O, no Qt, no SQL."""
