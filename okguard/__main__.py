from okguard.cli.main import main

raise SystemExit(main())
