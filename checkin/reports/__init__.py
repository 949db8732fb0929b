"""Output for people: attendance lists and exports, the attendance report, the reconciliation report.

Reports read the store; nothing below them (store, sync) imports them."""
