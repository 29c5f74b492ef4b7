"""The guard part of the desktop app: limits, reminders, check before paying."""
