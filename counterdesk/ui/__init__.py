"""Qt pieces all windows share: application, fonts, live updates, background work, snapshots."""
