import multiprocessing

from checkin.cli import main

if __name__ == "__main__":
    # A frozen build starts its badge-rendering children through this same program (checkin.badges.batch_process).
    multiprocessing.freeze_support()
    raise SystemExit(main())
