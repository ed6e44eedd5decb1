"""The frozen program's entry point (build_scripts/mediator_desk.spec): the same as
``python -m mediator_desk``."""

from mediator_desk.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
