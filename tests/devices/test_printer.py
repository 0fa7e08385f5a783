"""The ticket printer, on python-escpos's Dummy and File printers: what bytes go out, and what
happens to the ticket when the printer fails."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest
from escpos.printer import Dummy

from counterdesk.devices.faults import Fault
from counterdesk.devices.printer import (
    PrinterConfigError,
    PrintFailed,
    TicketPrinter,
    parse_printer_url,
)
from counterdesk.devices.ticket_content import content_for, sample_content
from counterdesk.devices.ticket_image import render_ticket
from counterdesk.devices.ticket_printing import print_ticket, printer_report
from counterdesk.queue import TicketEngine
from counterdesk.queue.office import Office

ESC, GS = b"\x1b", b"\x1d"
INIT = ESC + b"@"
FULL_CUT = GS + b"V\x00"


def split_raster(data: bytes) -> tuple[list[tuple[int, int]], bytes]:
    """(width in bytes, height) of each GS v 0 raster block, and every byte outside them."""
    blocks, rest, at = [], b"", 0
    while (start := data.find(GS + b"v0", at)) >= 0:
        rest += data[at:start]
        width = data[start + 4] + 256 * data[start + 5]
        height = data[start + 6] + 256 * data[start + 7]
        blocks.append((width, height))
        at = start + 8 + width * height
    return blocks, rest + data[at:]


def dummy_printer(
    url: str = "file:/unused", profile: str | None = None
) -> tuple[TicketPrinter, Dummy]:
    device = Dummy(profile=profile) if profile else Dummy()
    device.close = lambda: None  # keep the output readable after the job closes the device
    return TicketPrinter(parse_printer_url(url), connect=lambda: device), device


# -- the printer setting -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "kind", "target", "dots"),
    [
        ("usb:0x0416:0x5011", "usb", ("0x0416", "0x5011"), 576),
        ("usb:04b8:0e15?paper=58", "usb", ("0x04b8", "0x0e15"), 384),
        ("network:192.168.1.50", "network", ("192.168.1.50", "9100"), 576),
        ("network:printer.local:9101?paper=80mm", "network", ("printer.local", "9101"), 576),
        ("serial:/dev/ttyUSB0", "serial", ("/dev/ttyUSB0",), 576),
        ("file:/dev/usb/lp0?dots=512", "file", ("/dev/usb/lp0",), 512),
        ("cups:TM-T20", "cups", ("TM-T20",), 576),
        ("win32:POS-80", "win32", ("POS-80",), 576),
        ("network:10.0.0.9?profile=TM-T88V", "network", ("10.0.0.9", "9100"), 512),
        ("none", "none", (), 576),
    ],
)
def test_printer_settings(url: str, kind: str, target: tuple[str, ...], dots: int) -> None:
    config = parse_printer_url(url)
    assert (config.kind, config.target, config.dots) == (kind, target, dots)
    assert config.enabled == (kind != "none")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("lpt:1", "unknown kind 'lpt'"),
        ("usb:0416", "usb needs VENDOR:PRODUCT"),
        ("usb:zz:01", "usb needs VENDOR:PRODUCT"),
        ("network:", "network needs a target"),
        ("network::9100", "needs a host"),
        ("network:host:port", "port must be a number"),
        ("file:/dev/lp0?paper=70", "paper must be 58 or 80"),
        ("file:/dev/lp0?dots=300", "multiple of 8"),
        ("file:/dev/lp0?speed=9", "unknown option speed"),
        ("file:/dev/lp0?profile=NoSuchPrinter", "unknown printer profile"),
        ("none:x", "'none' takes nothing"),
    ],
)
def test_bad_printer_settings_say_what_is_wrong(url: str, message: str) -> None:
    with pytest.raises(PrinterConfigError, match=message):
        parse_printer_url(url)


# -- the bytes -----------------------------------------------------------------------------


def test_ticket_goes_out_as_a_raster_image_then_a_cut(sample_office: Office) -> None:
    printer, device = dummy_printer("file:/unused?paper=58")
    content = sample_content(sample_office, "A012")
    image = render_ticket(content, printer.width)
    printer.print_image(image)
    data = device.output
    blocks, commands = split_raster(data)
    assert data.startswith(INIT)
    assert {width for width, _ in blocks} == {384 // 8}
    assert sum(height for _, height in blocks) == image.height
    assert commands.endswith(FULL_CUT)
    # Outside the image only control codes: no text, so no code page can garble it.
    assert commands == INIT + ESC + b"d\x06" + FULL_CUT
    for encoding in ("gb18030", "big5", "utf-8"):
        for text in ("號碼", content.office.zh[:4], content.service.zh[:4]):
            assert text.encode(encoding) not in commands


def test_no_cut_command_for_a_printer_without_a_cutter(sample_office: Office) -> None:
    printer, device = dummy_printer("file:/unused?paper=58", profile="POS-5890")
    printer.print_image(render_ticket(sample_content(sample_office), printer.width))
    _, commands = split_raster(device.output)
    assert GS + b"V" not in commands
    assert commands == INIT + ESC + b"d\x06"  # fed past the tear bar instead


def test_file_printer_receives_the_same_bytes(sample_office: Office, tmp_path: Path) -> None:
    target = tmp_path / "lp0"
    image = render_ticket(sample_content(sample_office), 576)
    TicketPrinter(parse_printer_url(f"file:{target}")).print_image(image)
    reference, device = dummy_printer()
    reference.print_image(image)
    assert target.read_bytes() == device.output


# -- failures ------------------------------------------------------------------------------


def test_failing_printer_leaves_the_ticket_marked_not_printed(
    engine: TicketEngine, tmp_path: Path
) -> None:
    ticket = engine.issue("precheck")
    printer = TicketPrinter(parse_printer_url(f"file:{tmp_path / 'missing' / 'lp0'}"))
    outcome = print_ticket(engine, printer, ticket.id, content_for(engine.office, ticket))
    assert outcome.state == "failed"
    assert outcome.detail == "no printer found"  # in words; the raw error is in the log only
    stored = engine.read.ticket(ticket.number)
    assert (stored.status, stored.print_state) == ("waiting", "failed")
    report = printer_report(engine)
    assert report["warning"] is True
    assert report["tickets"] == {"failed": 1}
    assert "WARNING" in report["text"]
    working, _ = dummy_printer()
    second = engine.issue("precheck")
    assert print_ticket(engine, working, second.id, content_for(engine.office, second)).printed
    assert printer_report(engine)["warning"] is False
    assert engine.read.ticket(second.number).print_state == "printed"


def test_a_missing_printer_is_logged_once_until_it_is_back(
    engine: TicketEngine, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    port = tmp_path / "usb" / "lp0"
    printer = TicketPrinter(parse_printer_url(f"file:{port}"))
    tickets = [engine.issue("precheck") for _ in range(4)]

    def print_one(index: int) -> str | None:
        ticket = tickets[index]
        return print_ticket(engine, printer, ticket.id, content_for(engine.office, ticket)).detail

    with caplog.at_level(logging.INFO, logger="counterdesk.devices"):
        assert [print_one(0), print_one(1), print_one(2)] == ["no printer found"] * 3
        port.parent.mkdir()  # the printer is plugged in
        assert print_one(3) is None
    raw = [r for r in caplog.records if "Could not open" in r.getMessage()]
    assert len(raw) == 1, "the raw error is logged once, not per ticket"
    assert raw[0].levelno == logging.WARNING and "no printer found" in raw[0].getMessage()
    assert [r.getMessage() for r in caplog.records if "works again" in r.getMessage()] == [
        f"printer file:{port} works again"
    ]


def test_no_printer_configured_is_recorded_as_not_printed(engine: TicketEngine) -> None:
    ticket = engine.issue("certificate")
    outcome = print_ticket(engine, None, ticket.id, content_for(engine.office, ticket))
    assert (outcome.state, outcome.detail) == ("not_printed", "no printer set up")
    assert engine.read.ticket(ticket.number).print_state == "not_printed"


def test_a_hung_printer_costs_only_the_timeout(sample_office: Office) -> None:
    release = threading.Event()

    class Hung(Dummy):
        def _raw(self, msg: bytes) -> None:
            release.wait(10)

    printer = TicketPrinter(parse_printer_url("file:/unused"), connect=Hung, timeout_s=0.2)
    try:
        with pytest.raises(PrintFailed, match=r"did not answer within 0\.2 s") as caught:
            printer.print_image(render_ticket(sample_content(sample_office), 576))
        assert caught.value.fault is Fault.PRINTER_OFFLINE
    finally:
        release.set()


def test_paper_out_is_refused_before_printing(sample_office: Office) -> None:
    class Usb(Dummy):  # named as python-escpos' USB printer, the kind that reports paper
        def paper_status(self) -> int:
            return 0

    device = Usb()
    printer = TicketPrinter(parse_printer_url("usb:0x0416:0x5011"), connect=lambda: device)
    with pytest.raises(PrintFailed, match="out of paper") as caught:
        printer.print_image(render_ticket(sample_content(sample_office), 576))
    assert caught.value.fault is Fault.NO_PAPER
    assert device.output == b""
