"""Analytics: wait, walk and handling figures, day summaries, today's figures, satisfaction.

No Qt: the supervisor window, the exports and the simulator all ask here.
"""
