"""Citizen feedback: ratings of a visit and opinions followed until closed. No Qt.

Use it through ``Feedback(engine)``, made once by whoever owns the engine.
"""

from counterdesk.feedback.facade import Feedback

__all__ = ["Feedback"]
