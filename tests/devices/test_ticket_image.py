"""The printed ticket's image: 1-bit, the printer's width, Chinese drawn, QR code scannable."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from PIL import Image
from PIL.ImageFont import FreeTypeFont
from sqlalchemy import text

from counterdesk import phrases
from counterdesk.devices import ticket_image
from counterdesk.devices.ticket_content import TicketContent, content_for, sample_content
from counterdesk.devices.ticket_image import FontMissing, font, render_ticket, wrap
from counterdesk.queue import TicketEngine
from counterdesk.queue.office import SAMPLE_OFFICE, Office


def _content(office: Office, **changes: Any) -> TicketContent:
    base = sample_content(office, "A012", moment=dt.datetime(2026, 11, 27, 1, 5, tzinfo=dt.UTC))
    return dataclasses.replace(base, sample=False, **changes)


def _dark_rows(image: Image.Image) -> int:
    """Rows with any black dot: how much the ticket prints."""
    pixels = image.convert("L").load()
    return sum(1 for y in range(image.height) if any(pixels[x, y] == 0 for x in range(image.width)))


@pytest.mark.parametrize("width", [384, 576, 512])
def test_one_bit_at_the_printers_width_with_a_scannable_qr(
    sample_office: Office, width: int
) -> None:
    content = _content(sample_office)
    image = render_ticket(content, width)
    assert image.mode == "1"
    assert image.width == width
    assert 600 < image.height < 3000
    decoded = [code.text for code in zxingcpp.read_barcodes(image.convert("L"))]
    assert decoded == [content.status_url]


def test_qr_carries_the_tickets_random_token(engine: TicketEngine) -> None:
    first, second = engine.issue("precheck"), engine.issue("precheck")
    content = content_for(engine.office, second)
    assert content.status_url == f"http://localhost:8080/t/{second.token}"
    assert second.token != first.token and "002" not in second.token
    decoded = zxingcpp.read_barcodes(render_ticket(content, 384).convert("L"))
    assert [code.text for code in decoded] == [content.status_url]


def _drawn_on_the_right(image: Image.Image, text: str, size: int, bold: bool) -> bool:
    """Whether ``text`` is printed dot for dot against the right margin, as a row's value."""
    mask = ticket_image._line_mask(text, size, bold)
    ink = Image.new("1", mask.size, 1)
    ink.paste(0, (0, 0), mask)
    left = image.width - max(12, image.width // 24) - mask.width
    wanted = ink.tobytes()
    return any(
        image.crop((left, y, left + mask.width, y + mask.height)).tobytes() == wanted
        for y in range(image.height - mask.height)
    )


@pytest.mark.parametrize(
    ("low", "high", "zh", "en"),
    [
        (15, 25, "約 15–25 分鐘", "about 15–25 min"),
        (4, 4, "約 4 分鐘", "about 4 min"),
        (0, 0, "即將叫號", "any moment now"),
        (None, None, "目前無法預估", "no estimate for now"),
    ],
)
def test_the_ticket_prints_the_promised_wait_in_both_languages(
    sample_office: Office, low: int | None, high: int | None, zh: str, en: str
) -> None:
    image = render_ticket(_content(sample_office, wait_low=low, wait_high=high), 576)
    assert _drawn_on_the_right(image, zh, 34, True)
    assert _drawn_on_the_right(image, en, 20, False)
    assert not _drawn_on_the_right(image, "about 99 min", 20, False)  # the check can fail


def test_the_ticket_carries_the_wait_promised_at_issue(engine: TicketEngine) -> None:
    """The kiosk prints what ``issue`` answered: the promise stored on the ticket's row."""
    engine.sign_in(1, "wang")
    engine.issue("precheck")
    ticket = engine.issue("precheck")
    content = content_for(engine.office, ticket)
    with engine.db.read() as session:
        promised = session.execute(
            text("SELECT issue_wait_low, issue_wait_high FROM tickets WHERE id = :id"),
            {"id": ticket.id},
        ).one()
    assert (content.wait_low, content.wait_high) == tuple(promised)
    assert content.wait == phrases.projected_wait(*promised)
    assert content.ahead == ("1 人", "1 person")


def test_reminders_and_priority_take_paper(sample_office: Office) -> None:
    bare = render_ticket(_content(sample_office, missing_documents=()), 576)
    reminded = render_ticket(_content(sample_office), 576)
    priority = render_ticket(_content(sample_office, missing_documents=(), priority=True), 576)
    assert reminded.height > bare.height + 100
    assert priority.height > bare.height
    assert _dark_rows(priority) > _dark_rows(bare)


def test_chinese_is_drawn_not_boxes() -> None:
    """A missing glyph draws as the same empty box for every character; real glyphs differ."""
    face = font(40)
    masks = [tuple(face.getmask(char)) for char in "號碼牌"]
    assert len(set(masks)) == 3
    assert face.getname()[0] == "Noto Sans CJK TC"


def test_wrap_breaks_at_spaces_and_never_before_closing_punctuation() -> None:
    width = 340
    lines = wrap("經濟部商業發展署 公司登記櫃檯", 28, True, width)
    assert lines == ("經濟部商業發展署", "公司登記櫃檯")
    text = "規費（郵政匯票或銀行本票，受款人：經濟部） Fee, by postal money order or cheque"
    lines = wrap(text, 24, False, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(font(24).getlength(line) <= width for line in lines)
    assert not any(line[0] in "，。；：、）" for line in lines)


def test_bad_width_is_refused(sample_office: Office) -> None:
    with pytest.raises(ValueError, match="multiple of 8"):
        render_ticket(_content(sample_office), 380)


def test_missing_font_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    ticket_image.font_file.cache_clear()
    monkeypatch.setattr(ticket_image.shutil, "which", lambda _name: None)
    monkeypatch.setattr(ticket_image, "FONT_DIRS", ("/nonexistent",))
    try:
        with pytest.raises(FontMissing, match="fonts-noto-cjk"):
            ticket_image.font_file(False, whole=True)
    finally:
        ticket_image.font_file.cache_clear()


def test_the_bundled_subset_draws_without_system_fonts(
    sample_office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No fontconfig, no font folders: the sample ticket still renders, with the bundled font."""
    monkeypatch.setattr(ticket_image.shutil, "which", lambda _name: None)
    monkeypatch.setattr(ticket_image, "FONT_DIRS", ("/nonexistent",))
    assert _bundled(font(40, True))
    assert render_ticket(_content(sample_office, priority=True), 576).width == 576


def test_the_subset_has_every_character_of_the_phrases_and_the_sample_office() -> None:
    """characters.txt is what the subset was cut to: a new character must be added there."""
    sources = [Path(phrases.__file__), SAMPLE_OFFICE]
    needed = {char for path in sources for char in path.read_text(encoding="utf-8")}
    assert needed - {"\n"} - ticket_image.subset_characters() == set()


def test_the_subset_draws_the_ticket_as_the_whole_font_does(
    sample_office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same glyphs, same hinting: the subset's ticket is the system font's, dot for dot."""
    content = _content(sample_office, priority=True)
    subset = render_ticket(content, 576)
    _clear_caches()
    monkeypatch.setattr(ticket_image, "subset_characters", frozenset)
    try:
        assert not _bundled(font(40, text="號"))
        assert render_ticket(content, 576).tobytes() == subset.tobytes()
    finally:
        _clear_caches()


def test_a_character_outside_the_subset_is_drawn_with_the_whole_font() -> None:
    rare = next(
        chr(c) for c in range(0x4E00, 0x9FFF) if chr(c) not in ticket_image.subset_characters()
    )
    assert not _bundled(font(40, text=f"A{rare}"))
    assert _bundled(font(40, text="A號"))
    assert font(40, text=rare).getname()[0] == "Noto Sans CJK TC"


def _bundled(face: FreeTypeFont) -> bool:
    """Whether ``face`` was opened from the bundled subset."""
    return isinstance(face.path, str) and Path(face.path).parent == ticket_image.BUNDLED


def _clear_caches() -> None:
    """The drawn lines are cached per text: a test that changes the font starts afresh."""
    ticket_image.wrap.cache_clear()
    ticket_image._line_mask.cache_clear()


def test_sample_for_an_unknown_prefix_names_the_prefixes(sample_office: Office) -> None:
    with pytest.raises(ValueError, match=r"A \(precheck\)"):
        sample_content(sample_office, "Z001")
    assert sample_content(sample_office, "b3").service.en == "Company incorporation"
