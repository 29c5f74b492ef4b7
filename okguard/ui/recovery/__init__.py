"""The recovery part of the desktop app: the guided wizard and the case detail."""
