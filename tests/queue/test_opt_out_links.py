"""The e-mails' opt-out links: a link names its own address only, and an edited, foreign or
hostile token names nobody."""

from __future__ import annotations

import dataclasses

import pytest

from counterdesk.queue.office import Office
from counterdesk.queue.opt_out_links import OptOutLinks

SECRET = b"a-test-key-for-the-opt-out-links-0123456789"


@pytest.fixture
def links(sample_office: Office) -> OptOutLinks:
    return OptOutLinks(sample_office, SECRET)


def test_a_link_opens_the_status_servers_opt_out_page_and_names_its_address(
    links: OptOutLinks, sample_office: Office
) -> None:
    url = links.url("citizen@example.com.tw")
    site = sample_office.office.status_url.removesuffix("/t/{token}")
    assert url.startswith(f"{site}/u/")
    token = url.rsplit("/", 1)[1]
    assert links.contact(token) == "citizen@example.com.tw"
    assert links.contact(links.token("0912345678")) == "0912345678"


def test_a_link_behind_a_proxy_path_keeps_the_path(sample_office: Office) -> None:
    office = sample_office.model_copy(
        update={
            "office": sample_office.office.model_copy(
                update={"status_url": "https://gov.example.tw/queue/t/{token}"}
            )
        }
    )
    url = OptOutLinks(office, SECRET).url("a@example.tw")
    assert url.startswith("https://gov.example.tw/queue/u/")


def test_no_token_names_anyone_but_the_one_the_office_made(links: OptOutLinks) -> None:
    token = links.token("citizen@example.com.tw")
    named, mac = token.split(".")
    other = links.token("other@example.com.tw").split(".")[0]
    flipped = mac[:-1] + ("A" if mac[-1] != "A" else "B")
    for forged in (
        f"{other}.{mac}",  # someone else's address with this link's proof
        f"{named}.{flipped}",
        f"{named}.",
        named,
        token + ".x",
        "",
        "％.％",
        "a" * 5000,
        "../../etc/passwd",
        "' OR 1=1 --.x",
    ):
        assert links.contact(forged) is None, forged
    foreign = dataclasses.replace(links, secret=b"another-office-key-0123456789abcdef")
    assert foreign.contact(token) is None
