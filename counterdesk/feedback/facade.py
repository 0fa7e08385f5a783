"""The one entry to citizen feedback: ratings and the opinion book of one office, side by side.

Whoever owns the engine (the status site, a window, a command) makes one ``Feedback`` beside it,
so ratings and opinions share one opinion book: a rating with a comment to answer files its
opinion through the same ``Opinions`` that lists and answers it.

Both work in the engine's own database, through its public ``db``, ``clock`` and ``office`` and
the queue's shared row lookups (``counterdesk.queue.lookups``): a rating checks its ticket and
is stored in one transaction, on the engine's clock and rules, with no second connection pool.
"""

from __future__ import annotations

from counterdesk.feedback.opinions import Opinions
from counterdesk.feedback.ratings import Ratings
from counterdesk.queue.engine import TicketEngine


class Feedback:
    """Ratings and opinions over one engine's database, clock and office."""

    def __init__(self, engine: TicketEngine) -> None:
        self.engine = engine
        self.opinions = Opinions(engine)
        self.ratings = Ratings(engine, self.opinions)
