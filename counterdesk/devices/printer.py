"""The ticket printer: an ESC/POS printer chosen by a URL-like setting, fed raster images.

Settings look like ``usb:0x0416:0x5011``, ``network:192.168.1.50[:9100]``,
``serial:/dev/ttyUSB0``, ``file:/dev/usb/lp0``, ``cups:NAME``, ``win32:NAME`` or ``none``,
optionally followed by ``?paper=58`` (or 80), ``&profile=TM-T20II`` (a python-escpos printer
profile: it knows whether the printer cuts) and ``&dots=512`` (width in dots, when the paper
size does not say it, e.g. Epson's 180 dpi heads).

A print never blocks the caller for longer than its timeout and never loses a ticket: the
caller records the outcome as the ticket's print state, and the ticket stays valid either way.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from PIL import Image

from counterdesk.devices.faults import Fault, FaultLog, printer_fault
from counterdesk.devices.ticket_image import WIDTHS
from counterdesk.queue.errors import CounterdeskError

log = logging.getLogger(__name__)

KINDS = ("usb", "network", "serial", "file", "cups", "win32", "none")
EXAMPLES = (
    "usb:0x0416:0x5011, network:192.168.1.50:9100, serial:/dev/ttyUSB0, file:/dev/usb/lp0, "
    "cups:NAME, win32:NAME or none"
)
TIMEOUT_S = 15.0
MISSING = {
    "usb": "install pyusb (pip install 'counterdesk[printers]') and the libusb library",
    "serial": "install pyserial (pip install 'counterdesk[printers]')",
    "cups": "install pycups (pip install pycups) and CUPS",
    "win32": "they exist on Windows only, with pywin32 (pip install pywin32)",
}


class PrinterConfigError(CounterdeskError):
    """The printer setting cannot be understood; the message says which part is wrong."""


class PrintFailed(CounterdeskError):
    """The ticket did not come out: offline, no paper, timed out, or any device error. The
    message is the raw reason (for the log and the terminal), ``fault`` its kind in words."""

    def __init__(self, message: str, fault: Fault = Fault.PRINT_FAILED) -> None:
        super().__init__(message)
        self.fault = fault


@dataclass(frozen=True)
class PrinterConfig:
    url: str
    kind: str
    target: tuple[str, ...] = ()
    paper_mm: int = 80
    profile: str | None = None
    dots: int = WIDTHS[80]

    @property
    def enabled(self) -> bool:
        return self.kind != "none"


def parse_printer_url(url: str) -> PrinterConfig:
    """Read a printer setting; a clear error names the part that is wrong and shows examples."""
    text = url.strip()
    head, _, query = text.partition("?")
    kind, _, rest = head.partition(":")
    kind = kind.lower()
    if kind not in KINDS:
        raise PrinterConfigError(f"printer {url!r}: unknown kind {kind!r} (expected {EXAMPLES})")
    options = {key: values[-1] for key, values in parse_qs(query, keep_blank_values=True).items()}
    unknown = set(options) - {"paper", "profile", "dots"}
    if unknown:
        raise PrinterConfigError(
            f"printer {url!r}: unknown option {', '.join(sorted(unknown))} "
            "(known: paper=58|80, profile=NAME, dots=N)"
        )
    target = _target(url, kind, rest)
    paper = options.get("paper", "80").removesuffix("mm")
    if paper not in ("58", "80"):
        raise PrinterConfigError(f"printer {url!r}: paper must be 58 or 80 (mm), not {paper!r}")
    profile = options.get("profile") or None
    dots = _dots(url, options.get("dots"), profile, int(paper))
    return PrinterConfig(text, kind, target, int(paper), profile, dots)


def _target(url: str, kind: str, rest: str) -> tuple[str, ...]:
    if kind == "none":
        if rest:
            raise PrinterConfigError(f"printer {url!r}: 'none' takes nothing after it")
        return ()
    if not rest:
        raise PrinterConfigError(f"printer {url!r}: {kind} needs a target (e.g. {EXAMPLES})")
    if kind == "usb":
        parts = rest.split(":")
        try:
            if len(parts) != 2:
                raise ValueError
            ids = tuple(f"0x{int(part, 16):04x}" for part in parts)
        except ValueError:
            raise PrinterConfigError(
                f"printer {url!r}: usb needs VENDOR:PRODUCT in hexadecimal, e.g. usb:0x0416:0x5011"
            ) from None
        return ids
    if kind == "network":
        host, _, port = rest.rpartition(":") if rest.count(":") == 1 else (rest, "", "9100")
        if not host:
            raise PrinterConfigError(f"printer {url!r}: network needs a host name or address")
        if not port.isdigit() or not 0 < int(port) < 65536:
            raise PrinterConfigError(f"printer {url!r}: port must be a number, not {port!r}")
        return host, port
    return (rest,)


def _dots(url: str, dots: str | None, profile: str | None, paper: int) -> int:
    if dots is not None:
        if not dots.isdigit() or int(dots) % 8 or not 256 <= int(dots) <= 1024:
            raise PrinterConfigError(
                f"printer {url!r}: dots must be a multiple of 8 from 256 to 1024, not {dots!r}"
            )
        return int(dots)
    if profile is not None:
        from escpos.capabilities import get_profile

        try:
            width = get_profile(profile).profile_data["media"]["width"]["pixels"]
        except Exception:
            raise PrinterConfigError(
                f"printer {url!r}: unknown printer profile {profile!r} (see python-escpos' "
                "list of profiles, e.g. TM-T20II, TM-T88V, POS-5890)"
            ) from None
        if isinstance(width, int) and width <= WIDTHS[paper]:
            return width - width % 8
    return WIDTHS[paper]


def open_device(config: PrinterConfig, timeout_s: float = TIMEOUT_S) -> Any:
    """The python-escpos printer object for ``config`` (it connects on first use)."""
    from escpos import printer

    classes = {
        "usb": printer.Usb,
        "network": printer.Network,
        "serial": printer.Serial,
        "file": printer.File,
        "cups": printer.CupsPrinter,
        "win32": printer.Win32Raw,
    }
    if config.kind not in classes:
        raise PrinterConfigError(f"printer {config.url!r}: printing is switched off")
    cls = classes[config.kind]
    if not cls.is_usable():
        missing = MISSING.get(config.kind, "a library is missing")
        raise PrintFailed(
            f"{config.kind} printers cannot be used here: {missing}", Fault.NO_PRINTER
        )
    kwargs = {"profile": config.profile} if config.profile else {}
    target = config.target
    if config.kind == "usb":
        return cls(int(target[0], 16), int(target[1], 16), **kwargs)
    if config.kind == "network":
        return cls(target[0], int(target[1]), timeout=timeout_s, **kwargs)
    return cls(target[0], **kwargs)


class TicketPrinter:
    """Sends ticket images to one printer, one job at a time, each within a timeout."""

    def __init__(
        self,
        config: PrinterConfig,
        *,
        connect: Callable[[], Any] | None = None,
        timeout_s: float = TIMEOUT_S,
    ) -> None:
        self.config = config
        self.timeout_s = timeout_s
        self._connect = connect or (lambda: open_device(config, timeout_s))
        self._lock = threading.Lock()
        self.faults = FaultLog(f"printer {config.url}", log)

    @property
    def width(self) -> int:
        return self.config.dots

    def print_image(self, image: Image.Image) -> None:
        """Print and cut; raise PrintFailed with the reason if it did not work in time.

        The device work runs on a helper thread so a printer that hangs (a USB write with no
        timeout, a network printer that accepts and never answers) costs the caller only the
        timeout; a job still stuck there keeps later jobs waiting until they time out too.
        """
        outcome: list[BaseException | None] = []

        def job() -> None:
            with self._lock:
                try:
                    self._send(image)
                except BaseException as exc:  # reported to the caller, whatever it is
                    outcome.append(exc)
                else:
                    outcome.append(None)

        worker = threading.Thread(target=job, name="counterdesk-printer", daemon=True)
        worker.start()
        worker.join(self.timeout_s)
        if not outcome:
            raise PrintFailed(
                f"the printer did not answer within {self.timeout_s:g} s", Fault.PRINTER_OFFLINE
            )
        if outcome[0] is not None:
            error = outcome[0]
            fault = error.fault if isinstance(error, PrintFailed) else printer_fault(error)
            raise PrintFailed(_reason(error), fault) from error

    def _send(self, image: Image.Image) -> None:
        device = self._connect()
        try:
            _declare_width(device, self.width)
            _refuse_without_paper(device)
            device.hw("INIT")
            device.image(image, impl="bitImageRaster")
            device.cut()  # feeds, then cuts where the profile says the printer can
        finally:
            device.close()


def _declare_width(device: Any, dots: int) -> None:
    """Tell a profile that does not know its paper width ours: python-escpos then checks the
    image against it, and stops printing a warning to stdout for every ticket."""
    data = device.profile.profile_data
    width = data["media"]["width"]
    if not isinstance(width.get("pixels"), int):
        media = {**data["media"], "width": {**width, "pixels": dots}}
        device.profile.profile_data = {**data, "media": media}  # this device's copy only


def _refuse_without_paper(device: Any) -> None:
    """Fail early when the printer says it has no paper; an unknown status is not an error.

    Only USB and serial printers are asked: the others cannot answer (python-escpos raises,
    or writes the question into the print job), and a network printer that never answers
    would spend the whole timeout on the question.
    """
    if type(device).__name__ not in ("Usb", "Serial"):
        return
    try:
        paper = device.paper_status()
    except Exception:
        return
    if paper == 0:
        raise PrintFailed("the printer is out of paper", Fault.NO_PAPER)


def _reason(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    detail = text[0][:160] if text else ""
    if isinstance(error, PrintFailed):
        return detail
    return f"{type(error).__name__}: {detail}" if detail else type(error).__name__
