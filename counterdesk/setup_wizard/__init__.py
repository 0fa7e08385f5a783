"""``counterdesk setup``: its flags for scripted installs and its Qt wizard, both over the
headless core in ``counterdesk.setup``."""
