"""Citizen feedback: ratings of a visit and opinions followed until closed. No Qt."""
