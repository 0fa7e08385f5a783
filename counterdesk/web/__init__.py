"""The ticket status page: what a citizen's phone shows after scanning the ticket's QR code."""

# How often an open status page asks for news, unless ``counterdesk web --refresh`` says.
DEFAULT_REFRESH = 5
