"""Simulation: whole office days through the real engine on a virtual clock, and Erlang C. No Qt."""
