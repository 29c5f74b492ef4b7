"""The command-line interface: the same services the desktop app uses."""
