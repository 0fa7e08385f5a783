"""Words for a person from the set-up core: English templates marked for the set-up
wizard's Qt Linguist catalogue (``SetupCheck``), so a Chinese wizard shows them in Chinese
while ``counterdesk setup`` prints the English."""

from __future__ import annotations

from dataclasses import dataclass

from counterdesk.queue.errors import CounterdeskError


@dataclass(frozen=True)
class Said:
    """Words: ``template`` (marked with ``QT_TRANSLATE_NOOP``) with %1, %2… filled from
    ``args``; str() is the English. ``faults``: which args are device faults' words."""

    template: str
    args: tuple[str, ...] = ()
    faults: tuple[int, ...] = ()

    def __str__(self) -> str:
        return fill(self.template, self.args)


def fill(template: str, args: tuple[str, ...]) -> str:
    """Qt's %1, %2… filled, the highest first so %1 does not eat %10's start."""
    for number in range(len(args), 0, -1):
        template = template.replace(f"%{number}", args[number - 1])
    return template


class SaidError(CounterdeskError):
    """An error whose words (``said``) a wizard translates; str() is the English, as the
    command line prints it."""

    def __init__(self, said: Said) -> None:
        super().__init__(str(said))
        self.said = said
