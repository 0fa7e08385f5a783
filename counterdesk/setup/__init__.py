"""Setting up a PC for its role: the answers, the settings file they make, the start-at-login
entry and the checks of the database, printer and voices, without Qt, shared by the
``counterdesk setup`` flags and its wizard (``counterdesk.setup_wizard``)."""
