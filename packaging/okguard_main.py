"""Entry script for frozen bundles (PyInstaller)."""

from okguard.cli.main import main

raise SystemExit(main())
