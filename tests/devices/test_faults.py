"""Sorting raw device errors into faults said in words: what a person reads instead of errno."""

from __future__ import annotations

import errno

import pytest
from escpos.exceptions import DeviceNotFoundError, USBNotFoundError

from counterdesk.devices.faults import Fault, playback_fault, printer_fault
from tests.sound_player import NO_SOUND_CARD


@pytest.mark.parametrize(
    ("stderr", "fault"),
    [
        (NO_SOUND_CARD, Fault.NO_SOUND_OUTPUT),
        ("aplay: device_list:274: no soundcards found...", Fault.NO_SOUND_OUTPUT),
        ("ALSA lib pcm.c:2666:(snd_pcm_open_noupdate) Unknown PCM default", Fault.NO_SOUND_OUTPUT),
        ("paplay: pa_context_connect() failed: Connection refused", Fault.NO_SOUND_OUTPUT),
        ("aplay: test.wav: unsupported sample format", Fault.SPEECH_FAILED),
    ],
)
def test_player_errors(stderr: str, fault: Fault) -> None:
    assert playback_fault(stderr) is fault


def _raised_from(cause: BaseException) -> Exception:
    try:
        raise RuntimeError("wrapped") from cause
    except RuntimeError as error:
        return error


@pytest.mark.parametrize(
    ("error", "fault"),
    [
        (USBNotFoundError("Device not found or cable not plugged in."), Fault.NO_PRINTER),
        (DeviceNotFoundError("Could not open the specified file /dev/usb/lp0"), Fault.NO_PRINTER),
        (FileNotFoundError(errno.ENOENT, "No such file or directory"), Fault.NO_PRINTER),
        (OSError(errno.ENODEV, "No such device"), Fault.NO_PRINTER),
        (ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused"), Fault.PRINTER_OFFLINE),
        (TimeoutError("timed out"), Fault.PRINTER_OFFLINE),
        (OSError(errno.EHOSTUNREACH, "No route to host"), Fault.PRINTER_OFFLINE),
        (_raised_from(ConnectionResetError()), Fault.PRINTER_OFFLINE),
        (OSError(errno.EIO, "Input/output error"), Fault.PRINT_FAILED),
        (ValueError("image too wide"), Fault.PRINT_FAILED),
    ],
)
def test_printer_errors(error: BaseException, fault: Fault) -> None:
    assert printer_fault(error) is fault


def test_a_recorded_print_is_read_back_as_its_fault() -> None:
    assert Fault.of_print_detail("out of paper") is Fault.NO_PAPER
    assert Fault.of_print_detail("OSError: [Errno 5] Input/output error") is Fault.PRINT_FAILED


def test_only_faults_that_last_hold_the_speech_back() -> None:
    lasting = {fault for fault in Fault if fault.lasting}
    assert lasting == {Fault.NO_SOUND_OUTPUT, Fault.NO_PLAYER, Fault.NO_SPEECH_ENGINE}
