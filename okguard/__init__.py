"""okguard: a desktop guard for one person's payments."""

__version__ = "0.1.0"
