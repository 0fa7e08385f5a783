"""The Erlang C formula: the mean wait of an M/M/c queue, to check the simulator against."""

from __future__ import annotations


def probability_of_waiting(servers: int, offered_load: float) -> float:
    """Erlang C: the chance an arrival finds all ``servers`` busy (``offered_load`` = λ/μ)."""
    if servers < 1:
        raise ValueError("an M/M/c queue needs at least one server")
    if not 0 <= offered_load < servers:
        raise ValueError(f"the load {offered_load:g} must be below the {servers} servers")
    # The Erlang B recursion is stable for any number of servers; C follows from B.
    blocking = 1.0
    for k in range(1, servers + 1):
        blocking = offered_load * blocking / (k + offered_load * blocking)
    utilisation = offered_load / servers
    return blocking / (1 - utilisation * (1 - blocking))


def mean_wait(arrivals_per_hour: float, service_minutes: float, servers: int) -> float:
    """Mean time in the queue before service, in minutes, of an M/M/c queue."""
    service_rate = 60 / service_minutes  # per hour, per server
    load = arrivals_per_hour / service_rate
    waiting = probability_of_waiting(servers, load)
    return waiting / (servers * service_rate - arrivals_per_hour) * 60
