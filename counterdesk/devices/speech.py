"""Spoken calls: pyttsx3 in a worker process that is killed and restarted when it hangs.

pyttsx3 blocks the thread that runs it, its ``runAndWait`` can hang for good, and espeak can be
initialised only once per process. So the voice lives in a child process fed one announcement
at a time: it synthesises each utterance to a WAV file (``save_to_file``, one utterance per run
loop, which also sidesteps 2.99 speaking only the first utterance of a loop), joins chime,
Mandarin and English into one file and hands it to the system's player (``PLAYERS``). The
parent waits with a deadline; past it the child is killed and a fresh one started, and the next
announcement plays as usual. A missing voice or a failed player never stops the board: each
outcome names its ``Fault`` in words, the log gets the raw detail once per change of fault, and
after a lasting fault (no sound output, no player, no engine) calls are not tried again for
``retry_s``; the first call after that tries again, and clears the fault if it plays.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import multiprocessing
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time
import wave
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from counterdesk.devices.faults import Fault, FaultLog, playback_fault
from counterdesk.devices.sound import Part, chime, read_part, silence, write_parts
from counterdesk.devices.speech_protocol import Language, Utterance
from counterdesk.settings import VOICE_EN, VOICE_RATE, VOICE_ZH, Settings

log = logging.getLogger(__name__)

EngineFactory = Callable[[], Any]
# Each system's own player, nothing to install beyond Debian's alsa-utils: aplay (`-D null`
# plays to ALSA's null device: tests, no speaker), macOS's afplay, and on Windows .NET's
# SoundPlayer through PowerShell (both ship with the system). The WAV file's path replaces
# {wav} and is in the environment as COUNTERDESK_WAV, which needs no quoting (a Windows user
# name, part of the temporary folder's path, may hold an apostrophe).
PLAYERS: dict[str, tuple[str, ...]] = {
    "darwin": ("afplay", "{wav}"),
    "win32": (
        "powershell",
        "-NoProfile",
        "-NonInteractive",
        "-Command",
        "(New-Object Media.SoundPlayer $env:COUNTERDESK_WAV).PlaySync()",
    ),
}
DEFAULT_PLAYER = PLAYERS.get(sys.platform, ("aplay", "-q", "{wav}"))
PLAYBACK_MARGIN_S = 5.0
# pyttsx3 2.99's espeak driver now and then writes no file, or drops the sound's last chunk
# (its callback writes the file before adding the samples that come with the end-of-message
# event): about one utterance in fifty. So each utterance is synthesised until two takes agree.
ATTEMPTS = 5
# After a lasting fault, calls wait this long before the device is tried again.
RETRY_S = 300.0


def default_engine() -> Any:
    """The platform's pyttsx3 engine: espeak(-ng) on Linux, SAPI5 on Windows, NSSS on macOS."""
    import pyttsx3

    return pyttsx3.init()


@dataclass(frozen=True)
class Voices:
    """Which voice speaks each language, and how fast (words per minute)."""

    zh: str = VOICE_ZH
    en: str = VOICE_EN
    rate: int = VOICE_RATE

    @classmethod
    def from_settings(cls, settings: Settings) -> Voices:
        return cls(settings.voice_zh, settings.voice_en, settings.voice_rate)

    def for_language(self, language: Language) -> str:
        return self.zh if language == "zh" else self.en


@dataclass(frozen=True)
class Outcome:
    """How one announcement went; ``parts`` is (label, seconds) in the order it plays.

    ``problems`` are the raw details (for the log), ``fault`` the latest problem's kind in words
    (for a screen); an announcement can be ``ok`` with a fault (a voice missing, the other said).
    """

    ok: bool
    text: str
    problems: tuple[str, ...] = ()
    parts: tuple[tuple[str, float], ...] = ()
    wav: str | None = None
    fault: Fault | None = None

    @property
    def seconds(self) -> float:
        return sum(seconds for _, seconds in self.parts)


@dataclass(frozen=True)
class VoiceInfo:
    id: str
    name: str
    languages: tuple[str, ...] = field(default_factory=tuple)

    @classmethod
    def of(cls, voice: Any) -> VoiceInfo:
        """From a pyttsx3 ``Voice``."""
        return cls(voice.id, voice.name, tuple(str(lang) for lang in voice.languages or ()))

    @property
    def short_id(self) -> str:
        """The id's last part (``cmn-Latn-pinyin`` of ``sit/cmn-Latn-pinyin``, a SAPI5 token's
        name of its registry path): what a settings file names the voice by."""
        return self.id.replace("\\", "/").rsplit("/", 1)[-1]

    @property
    def names(self) -> set[str]:
        """Every name the voice can be chosen by: id, the id's last part, name, languages."""
        return {n.lower() for n in (self.id, self.short_id, self.name, *self.languages) if n}


@dataclass(frozen=True)
class _Job:
    utterances: tuple[Utterance, ...]
    chime: bool
    wav: str
    play: bool
    keep: bool

    @property
    def text(self) -> str:
        return " / ".join(u.text for u in self.utterances)


# -- the worker process ----------------------------------------------------------------------


def _serve(conn: Connection, voices: Voices, factory: EngineFactory, player: Sequence[str]) -> None:
    """The child's loop: one job in, ("rendered", seconds) and ("done", Outcome) out, until
    the parent sends None or is gone."""
    # Ctrl+C in a terminal reaches every process of its group: the parent stops this worker.
    # One that came while it started is pending (``_sigint_held``): ignored, then let through.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    with (
        open(os.devnull, "w") as quiet,
        contextlib.redirect_stdout(quiet),  # pyttsx3 prints
        contextlib.suppress(EOFError, BrokenPipeError, ConnectionResetError),  # parent gone
    ):
        try:
            engine = factory()
            known = set().union(*(voice.names for voice in list_voices(lambda: engine)))
            broken = None
        except Exception as exc:  # no espeak, no driver: every job reports it, none crashes
            engine, known, broken = None, set(), f"speech engine unavailable: {exc}"
        while (job := conn.recv()) is not None:
            if engine is None:
                outcome = Outcome(False, job.text, (str(broken),), fault=Fault.NO_SPEECH_ENGINE)
            else:
                outcome = _render(engine, known, voices, job)
            conn.send(("rendered", outcome.seconds))
            if job.play and outcome.ok:
                outcome = _play(player, job.wav, outcome)
            if not job.keep:
                Path(job.wav).unlink(missing_ok=True)
            conn.send(("done", outcome))


def _render(engine: Any, known: set[str], voices: Voices, job: _Job) -> Outcome:
    speech: list[Part] = []
    problems: list[str] = []
    fault: Fault | None = None
    with tempfile.TemporaryDirectory(prefix="counterdesk-voice-") as folder:
        for index, utterance in enumerate(job.utterances):
            voice = voices.for_language(utterance.language)
            if voice.lower() not in known:
                problems.append(f"no voice {voice!r} for {utterance.language}: skipped")
                fault = Fault.NO_VOICE
                continue
            try:
                stem = Path(folder, str(index))
                speech.append(_synthesise(engine, voice, voices.rate, utterance, stem))
            except (OSError, EOFError, wave.Error, ValueError) as exc:
                problems.append(f"voice {voice!r} failed for {utterance.language}: {exc}")
                fault = Fault.SPEECH_FAILED
    if not speech:
        problems = problems or ["nothing to say"]
        return Outcome(False, job.text, tuple(problems), fault=fault or Fault.SPEECH_FAILED)
    rate = speech[0].rate
    sequence = [chime(rate), silence(0.3, rate)] if job.chime else []
    for part in speech:
        sequence += [part, silence(0.4, rate)]
    write_parts(sequence, Path(job.wav))
    return Outcome(
        True,
        job.text,
        tuple(problems),
        tuple((part.label, part.seconds) for part in sequence),
        job.wav if job.keep else None,
        fault,
    )


def _synthesise(engine: Any, voice: str, rate: int, utterance: Utterance, stem: Path) -> Part:
    """The utterance's sound: takes until two agree in length, the longest of them kept."""
    takes: list[Part] = []
    error: Exception = ValueError(f"{utterance.language}: the voice produced no sound")
    for attempt in range(ATTEMPTS):
        path = stem.with_name(f"{stem.name}-{attempt}.wav")
        engine.setProperty("voice", voice)
        engine.setProperty("rate", rate)
        engine.save_to_file(utterance.text, str(path))
        engine.runAndWait()
        try:
            takes.append(read_part(path, utterance.language))
        except (OSError, EOFError, wave.Error, ValueError) as exc:
            error = exc
        lengths = sorted((len(take.frames) for take in takes), reverse=True)
        if len(lengths) >= 2 and lengths[1] >= 0.98 * lengths[0]:
            break
    if not takes:
        raise error
    return max(takes, key=lambda take: len(take.frames))


def _play(player: Sequence[str], wav: str, outcome: Outcome) -> Outcome:
    command = [arg.replace("{wav}", wav) for arg in player]
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=outcome.seconds + PLAYBACK_MARGIN_S,
            env={**os.environ, "COUNTERDESK_WAV": wav},
        )
    except FileNotFoundError:
        hint = " (on Debian: apt-get install alsa-utils)" if command[0] == "aplay" else ""
        problem = f"player {command[0]!r} not found{hint}"
        fault = Fault.NO_PLAYER
    except subprocess.TimeoutExpired:
        problem = f"player {command[0]!r} did not finish"
        fault = Fault.SPEECH_HUNG
    else:
        if done.returncode == 0:
            return outcome
        lines = done.stderr.strip().splitlines()
        problem = f"playback failed: {lines[-1] if lines else f'exit {done.returncode}'}"
        fault = playback_fault(done.stderr)
    problems = (*outcome.problems, problem)
    return Outcome(False, outcome.text, problems, outcome.parts, outcome.wav, fault)


# -- the service the board talks to ----------------------------------------------------------


class SpeechService:
    """A ``Speaker``: announcements queue here and are spoken one at a time, in order.

    ``on_result`` is called (on the service's own thread) with each announcement's ``Outcome``.
    """

    def __init__(
        self,
        voices: Voices | None = None,
        *,
        engine_factory: EngineFactory = default_engine,
        player: Sequence[str] = DEFAULT_PLAYER,
        render_timeout_s: float = 10.0,
        keep_dir: Path | None = None,
        on_result: Callable[[Outcome], None] | None = None,
        retry_s: float = RETRY_S,
    ) -> None:
        self._voices = voices or Voices()
        self._factory = engine_factory
        self._player = tuple(player)
        self._render_timeout_s = render_timeout_s
        self._keep_dir = keep_dir
        self.on_result = on_result
        self.faults = FaultLog("speech", log)
        self._retry_s = retry_s
        self._retry_at = 0.0  # time.monotonic() from which a lasting fault is tried again
        self._jobs: queue.Queue[tuple[_Job, Future[Outcome]] | None] = queue.Queue()
        self._numbers = itertools.count(1)
        self._scratch = tempfile.TemporaryDirectory(prefix="counterdesk-speech-")
        self._context = multiprocessing.get_context("spawn")  # never fork a Qt process
        self._process: Any = None
        self._conn: Connection | None = None
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="counterdesk-speech", daemon=True)
        self.restarts = 0

    def start(self) -> SpeechService:
        self._spawn()
        self._thread.start()
        return self

    def say(self, utterances: Sequence[Utterance], *, chime: bool = False) -> None:
        self.submit(utterances, chime=chime)

    def submit(
        self,
        utterances: Sequence[Utterance],
        *,
        chime: bool = False,
        play: bool = True,
        target: Path | None = None,
    ) -> Future[Outcome]:
        """Queue an announcement; with ``target`` its WAV file is written there and kept."""
        number = next(self._numbers)
        folder = self._keep_dir or Path(self._scratch.name)
        wav = target or folder / f"announcement-{number:05d}.wav"
        keep = target is not None or self._keep_dir is not None
        future: Future[Outcome] = Future()
        self._jobs.put((_Job(tuple(utterances), chime, str(wav), play, keep), future))
        return future

    def stop(self) -> None:
        """Drop what is still queued, end the worker and the thread; safe to call twice."""
        self._stopping = True
        self._jobs.put(None)
        self._kill()
        if self._thread.is_alive():
            self._thread.join(timeout=5)
        self._scratch.cleanup()

    def _run(self) -> None:
        while (item := self._jobs.get()) is not None:
            job, future = item
            outcome = Outcome(False, job.text, ("speech stopped",))
            if not self._stopping:
                outcome = self._held_back(job) or self._tried(job)
                self._report(outcome)
            future.set_result(outcome)
        self._kill()

    def _held_back(self, job: _Job) -> Outcome | None:
        """While a lasting fault waits out ``retry_s`` a call is not tried: the board stays
        silent, nothing is synthesised for a device that cannot play it, nothing is logged."""
        fault = self.faults.fault
        if job.play and fault is not None and fault.lasting and time.monotonic() < self._retry_at:
            return Outcome(False, job.text, (f"not tried: {fault.words}",), fault=fault)
        return None

    def _tried(self, job: _Job) -> Outcome:
        outcome = self._perform(job)
        if outcome.fault is not None and outcome.fault.lasting:
            self._retry_at = time.monotonic() + self._retry_s
        return outcome

    def _perform(self, job: _Job) -> Outcome:
        try:
            if self._conn is None:
                self._spawn()
            assert self._conn is not None
            self._conn.send(job)
            deadline = self._render_timeout_s
            while self._conn.poll(deadline):
                kind, value = self._conn.recv()
                if kind == "done":
                    return value
                deadline = value + PLAYBACK_MARGIN_S  # rendered: now allow for playing it
            problem = f"no answer within {deadline:.0f} s"
        except (EOFError, OSError) as exc:
            problem = f"the speech worker died ({type(exc).__name__})"
        self._restart()
        return Outcome(
            False, job.text, (f"{problem}: speech worker restarted",), fault=Fault.SPEECH_HUNG
        )

    def _report(self, outcome: Outcome) -> None:
        """Log the call, a change of fault once (with the raw detail) and tell the listener."""
        if outcome.ok:
            log.info("call spoken: %s (%.1f s of sound)", outcome.text, outcome.seconds)
        if outcome.fault is None:
            self.faults.worked()
        else:
            self.faults.failed(outcome.fault, "; ".join(outcome.problems))
        if outcome.problems:
            log.debug("speech: %s: %s", outcome.text, "; ".join(outcome.problems))
        if self.on_result is not None:
            try:
                self.on_result(outcome)
            except Exception:  # the listener's failure must not stop the announcements
                log.exception("speech result listener failed")

    def _spawn(self) -> None:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_serve,
            args=(child, self._voices, self._factory, self._player),
            name="counterdesk-speech-worker",
            daemon=True,
        )
        with _sigint_held():
            process.start()
        child.close()
        self._process, self._conn = process, parent

    def _kill(self) -> None:
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if process is not None and process.is_alive():
            process.kill()
            process.join(timeout=5)
        if conn is not None:
            conn.close()

    def _restart(self) -> None:
        self._kill()
        if not self._stopping:
            self.restarts += 1
            self._spawn()


@contextlib.contextmanager
def _sigint_held() -> Iterator[None]:
    """SIGINT held off while a worker starts, so a Ctrl+C during its start-up gives no
    KeyboardInterrupt traceback from its imports (``_serve`` then ignores SIGINT: the parent
    stops the worker). From the main thread SIGINT is ignored meanwhile, which the child
    inherits through exec; a restart runs on the speech thread, where ``signal.signal`` is not
    allowed, so SIGINT is also blocked in the starting thread (masks are per thread and
    inherited too), and ``_serve`` unblocks it once ignored. In the parent a Ctrl+C in those
    milliseconds is lost from the main thread, delayed from another."""
    with contextlib.ExitStack() as held:
        if threading.current_thread() is threading.main_thread():
            before = signal.signal(signal.SIGINT, signal.SIG_IGN)
            held.callback(signal.signal, signal.SIGINT, before)
        if hasattr(signal, "pthread_sigmask"):
            mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
            held.callback(signal.pthread_sigmask, signal.SIG_SETMASK, mask)
        yield


def list_voices(factory: EngineFactory = default_engine) -> list[VoiceInfo]:
    """The voices the speech engine offers, for choosing ``voice_zh`` / ``voice_en``."""
    return [VoiceInfo.of(voice) for voice in factory().getProperty("voices")]
