from mediator_desk.cli import main

raise SystemExit(main())
