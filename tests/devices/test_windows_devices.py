"""The Windows code paths, run on Linux with only the operating system's calls faked.

The real pyttsx3 SAPI5 driver speaks to a fake SAPI COM server (``comtypes``, ``pythoncom``);
the real python-escpos ``Win32Raw`` printer writes to a fake ``win32print`` spooler; the real
platformdirs Windows class asks a fake for the known folders. Everything of ours, and of those
libraries, runs as it would on a Windows office PC.
"""

from __future__ import annotations

import array
import importlib
import math
import sys
import types
import wave
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import platformdirs
import platformdirs.windows
import pytest
from escpos.printer import win32raw

from counterdesk import logs, settings
from counterdesk.devices.announcements import call_utterances
from counterdesk.devices.faults import Fault
from counterdesk.devices.printer import PrintFailed, TicketPrinter, parse_printer_url
from counterdesk.devices.speech import SpeechService, Voices, list_voices, voice_ids
from counterdesk.devices.ticket_content import sample_content
from counterdesk.devices.ticket_image import render_ticket
from counterdesk.queue.office import Announcements, Office
from tests.devices.test_printer import dummy_printer
from tests.devices.test_speech import NULL_PLAYER

TOKENS = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Speech\\Voices\\Tokens\\"
HANHAN = TOKENS + "TTS_MS_ZH-TW_HANHAN_11.0"
ZIRA = TOKENS + "TTS_MS_EN-US_ZIRA_11.0"
# What SAPI5 says of each installed voice: id, description, language (a hex LCID), gender; and
# how many seconds of sound the fake makes a voice speak, so that a WAV tells who spoke.
SAPI_VOICES = {
    HANHAN: ("Microsoft Hanhan Desktop - Chinese (Taiwan)", "404", "Female", 1.0),
    ZIRA: ("Microsoft Zira Desktop - English (United States)", "409", "Female", 2.0),
}
RATE = 22050
# COM events wait in the thread's message queue until ``pythoncom.PumpWaitingMessages``.
MESSAGES: list[Callable[[], None]] = []


# -- a fake SAPI5 COM server -------------------------------------------------------------------


class Token:
    """A SAPI voice token (``ISpeechObjectToken``)."""

    def __init__(self, token_id: str) -> None:
        self.Id = token_id

    def GetDescription(self) -> str:
        return SAPI_VOICES[self.Id][0]

    def GetAttribute(self, name: str) -> str | None:
        return {"Language": SAPI_VOICES[self.Id][1], "Gender": SAPI_VOICES[self.Id][2]}.get(name)


class FileStream:
    """``SAPI.SpFileStream``: where Speak writes when it is the voice's output."""

    def Open(self, filename: str, mode: int) -> None:
        self.filename = filename

    def close(self) -> None:
        pass


class SpVoice:
    """``SAPI.SpVoice``: speaks into its output stream, a tone as long as its voice's."""

    def __init__(self) -> None:
        self.sink: Any = None  # the event sink ``comtypes.client.GetEvents`` connected
        self.Voice = Token(ZIRA)
        self.AudioOutputStream: FileStream | None = None
        self.Rate = 0

    def GetVoices(self) -> list[Token]:
        return [Token(token_id) for token_id in SAPI_VOICES]

    def Speak(self, text: str, flags: int = 0) -> None:
        if self.AudioOutputStream is None:
            return
        seconds = SAPI_VOICES[self.Voice.Id][3]
        tone = array.array("h", (int(8000 * math.sin(i / 10)) for i in range(int(seconds * RATE))))
        with wave.open(self.AudioOutputStream.filename, "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(RATE)
            wav.writeframes(tone.tobytes())
        MESSAGES.append(lambda: self.sink._ISpeechVoiceEvents_EndStream(1, len(tone)))


def connect_events(source: SpVoice, sink: Any) -> object:
    source.sink = sink
    return object()


def pump_waiting_messages() -> None:
    while MESSAGES:
        MESSAGES.pop(0)()


def create_object(progid: str) -> Any:
    return SpVoice() if progid.lower() == "sapi.spvoice" else FileStream()


def install_fake_sapi() -> None:
    """Put the COM modules pyttsx3's SAPI5 driver imports into ``sys.modules``."""
    comtypes = types.ModuleType("comtypes")
    client = types.ModuleType("comtypes.client")
    client.CreateObject = create_object  # type: ignore[attr-defined]
    client.GetEvents = connect_events  # type: ignore[attr-defined]
    gen = types.ModuleType("comtypes.gen")
    speech_lib = types.ModuleType("comtypes.gen.SpeechLib")
    speech_lib.SSFMCreateForWrite = 3  # type: ignore[attr-defined]
    gen.SpeechLib = speech_lib  # type: ignore[attr-defined]
    comtypes.client, comtypes.gen = client, gen  # type: ignore[attr-defined]
    pythoncom = types.ModuleType("pythoncom")
    pythoncom.PumpWaitingMessages = pump_waiting_messages  # type: ignore[attr-defined]
    sys.modules.update(
        {
            "comtypes": comtypes,
            "comtypes.client": client,
            "comtypes.gen": gen,
            "comtypes.gen.SpeechLib": speech_lib,
            "pythoncom": pythoncom,
        }
    )


def sapi5_engine() -> Any:
    """pyttsx3 with its real SAPI5 driver on the fake COM server (also in the speech worker's
    own process, which imports this module to call it)."""
    import pyttsx3

    install_fake_sapi()
    return pyttsx3.init("sapi5")


@pytest.fixture
def fake_sapi() -> Iterator[None]:
    before = {name: sys.modules.get(name) for name in ("comtypes", "pythoncom")}
    yield
    for name in ("comtypes", "comtypes.client", "comtypes.gen", "comtypes.gen.SpeechLib"):
        sys.modules.pop(name, None)
    for name, module in before.items():
        if module is not None:
            sys.modules[name] = module
        else:
            sys.modules.pop(name, None)
    sys.modules.pop("pyttsx3.drivers.sapi5", None)


def test_sapi5_voices_can_be_chosen_by_name_description_or_language(fake_sapi: None) -> None:
    voices = list_voices(sapi5_engine)
    assert [(voice.name, voice.languages) for voice in voices] == [
        ("Microsoft Hanhan Desktop - Chinese (Taiwan)", ("zh-TW",)),
        ("Microsoft Zira Desktop - English (United States)", ("en-US",)),
    ]
    ids = voice_ids(voices)
    for name in (
        "Microsoft Hanhan Desktop",
        "Microsoft Hanhan Desktop - Chinese (Taiwan)",
        "TTS_MS_ZH-TW_HANHAN_11.0",
        HANHAN,
        "zh-TW",
    ):
        assert ids[name.lower()] == HANHAN, name
    assert ids["microsoft zira desktop"] == ZIRA


@pytest.mark.parametrize("zh", ["Microsoft Hanhan Desktop", "zh-tw"])
def test_a_windows_office_hears_hanhan_and_zira_by_their_names(tmp_path: Path, zh: str) -> None:
    """SAPI5 takes a voice by its registry id only: a call with voices set by name says the
    Mandarin part in Hanhan's voice (one second) and the English in Zira's (two)."""
    voices = Voices(zh=zh, en="Microsoft Zira Desktop")
    service = SpeechService(voices, engine_factory=sapi5_engine, player=NULL_PLAYER).start()
    try:
        utterances = call_utterances(Announcements(), "A012", 3)
        outcome = service.submit(utterances, chime=False, target=tmp_path / "a.wav").result(60)
    finally:
        service.stop()
    assert outcome.ok, outcome.problems
    assert outcome.fault is None
    spoken = {label: seconds for label, seconds in outcome.parts if label != "pause"}
    assert spoken == pytest.approx({"zh": 1.0, "en": 2.0}, abs=0.01)


def test_a_voice_windows_does_not_have_is_named(tmp_path: Path) -> None:
    service = SpeechService(
        Voices(zh="Microsoft Yating"), engine_factory=sapi5_engine, player=NULL_PLAYER
    ).start()
    try:
        utterances = call_utterances(Announcements(), "A012", 3)
        outcome = service.submit(utterances, chime=False, target=tmp_path / "a.wav").result(60)
    finally:
        service.stop()
    assert outcome.fault is Fault.NO_VOICE
    assert any("no voice 'Microsoft Yating' for zh" in p for p in outcome.problems)


# -- a fake Windows print spooler --------------------------------------------------------------


class Spooler:
    """``win32print``: the printers Windows knows and the raw jobs sent to them."""

    PRINTER_ENUM_NAME = 8

    def __init__(self, *printers: str) -> None:
        self.printers = printers
        self.jobs: list[tuple[str, bytes]] = []
        self.open: list[str] = []

    def EnumPrinters(self, flags: int, name: str, level: int) -> list[dict[str, str]]:
        return [{"pPrinterName": printer} for printer in self.printers]

    def GetDefaultPrinter(self) -> str:
        return self.printers[0]

    def OpenPrinter(self, name: str) -> str:
        self.open.append(name)
        return name

    def StartDocPrinter(self, handle: str, level: int, info: tuple[str, str, str]) -> int:
        assert info[2] == "RAW", "ESC/POS must go to the printer untouched"
        self.jobs.append((handle, b""))
        return len(self.jobs)

    def StartPagePrinter(self, handle: str) -> None:
        pass

    def WritePrinter(self, handle: str, data: bytes) -> int:
        name, sent = self.jobs[-1]
        self.jobs[-1] = (name, sent + data)
        return len(data)

    def EndPagePrinter(self, handle: str) -> None:
        pass

    def EndDocPrinter(self, handle: str) -> None:
        pass

    def ClosePrinter(self, handle: str) -> None:
        self.open.remove(handle)


@pytest.fixture
def spooler() -> Iterator[Spooler]:
    """python-escpos' Win32Raw, re-imported with the fake spooler as its win32print."""
    fake = Spooler("Microsoft Print to PDF", "POS-80")
    module = types.ModuleType("win32print")
    for name in dir(fake):
        if not name.startswith("_"):
            setattr(module, name, getattr(fake, name))
    pywintypes = types.ModuleType("pywintypes")
    pywintypes.error = OSError  # type: ignore[attr-defined]
    sys.modules.update({"win32print": module, "pywintypes": pywintypes})
    importlib.reload(win32raw)
    yield fake
    del sys.modules["win32print"], sys.modules["pywintypes"]
    importlib.reload(win32raw)


def test_a_win32_printer_gets_the_ticket_as_one_raw_job(
    spooler: Spooler, sample_office: Office
) -> None:
    image = render_ticket(sample_content(sample_office), 576)
    TicketPrinter(parse_printer_url("win32:POS-80")).print_image(image)
    [(printer, data)] = spooler.jobs
    reference, device = dummy_printer()
    reference.print_image(image)
    assert (printer, data) == ("POS-80", device.output), "the same bytes as any ESC/POS printer"
    assert spooler.open == [], "the printer is closed after the job"


def test_a_win32_printer_windows_does_not_know_is_named(
    spooler: Spooler, sample_office: Office
) -> None:
    image = render_ticket(sample_content(sample_office), 576)
    printer = TicketPrinter(parse_printer_url("win32:POS-58"))
    with pytest.raises(PrintFailed, match="POS-58") as failure:
        printer.print_image(image)
    assert failure.value.fault is Fault.NO_PRINTER
    assert spooler.jobs == []


# -- the folders Windows gives ---------------------------------------------------------------


LOCAL = "C:\\Users\\clerk\\AppData\\Local"


def test_settings_database_and_logs_live_in_the_users_local_app_data(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def known_folder(csidl: str) -> str:  # SHGetKnownFolderPath, as platformdirs asks it
        asked.append(csidl)
        return LOCAL

    monkeypatch.setattr(platformdirs.windows, "_RESOLVE_WIN_FOLDER", known_folder)
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.windows.Windows)
    for variable in ("WIN_PD_OVERRIDE_LOCAL_APPDATA", "COUNTERDESK_DB"):
        monkeypatch.delenv(variable, raising=False)
    folder = Path(LOCAL, "counterdesk")
    assert settings.default_config_file() == folder / "counterdesk.toml"
    assert settings.Settings.default_db() == f"sqlite:///{folder / 'counterdesk.sqlite3'}"
    assert logs.log_dir() == folder / "Logs"
    assert set(asked) == {"CSIDL_LOCAL_APPDATA"}, "not the roaming profile"
