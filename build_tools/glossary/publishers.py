"""The publisher registry: who the glossary may cite, and which hosts it refuses.

``docs/glossary/publishers.yml`` lists every publisher the edition cites (its name as its site
shows it, its class, its hosts, and the hosts on which no https address was seen) and every host
it refuses, with the reason. It sits beside the entries so that a pull request adding a source
shows the publisher it adds, and it is published with the site. The entries' loader holds every
source to it (``check_source``): a contributor who cites a refused host learns why, and one who
cites a new publisher is asked to register it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from build_tools.common.errors import EditionError
from build_tools.common.yaml_lines import LinedDict, error_at, load_yaml

REGISTRY_FILE = "glossary/publishers.yml"  # under docs/
# Query parameters that track a reader, not a page: never part of an address the edition cites.
TRACKING = re.compile(r"^(utm_\w+|share|tpedit|ref|fbclid|gclid|mc_cid|mc_eid|spm|from)$", re.I)
_CHINESE = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class PublisherClass:
    """A group of publishers on the Sources page: its id and heading."""

    id: str
    heading: str


@dataclass(frozen=True)
class Publisher:
    """A registered publisher: its name, class, hosts, and the hosts that serve only http."""

    name: str
    klass: str
    hosts: tuple[str, ...]
    http_only: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Refusal:
    """A host the edition never cites, why, and what to cite instead."""

    host: str
    reason: str
    instead: str | None = None


@dataclass(frozen=True)
class Registry:
    """The registry as read: classes in order, publishers, refused hosts."""

    path: Path
    classes: tuple[PublisherClass, ...]
    publishers: tuple[Publisher, ...]
    refused: tuple[Refusal, ...]

    @cached_property
    def by_host(self) -> dict[str, Publisher]:
        """Each registered host's publisher."""
        return {host: p for p in self.publishers for host in p.hosts}

    @cached_property
    def refused_hosts(self) -> dict[str, Refusal]:
        """Each refused host's refusal."""
        return {r.host: r for r in self.refused}

    def check_source(
        self, url: str, publisher: str, title: str, language: str | None
    ) -> tuple[str, str]:
        """What is wrong with a source under the registry's rules, and the field at fault
        (``url``, ``publisher`` or ``language``); ``("", "")`` when nothing is."""
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if host in self.refused_hosts:
            refusal = self.refused_hosts[host]
            instead = f"; cite instead: {refusal.instead}" if refusal.instead else ""
            return "url", f"{host} is refused ({refusal.reason}){instead}"
        registered = self.by_host.get(host)
        if registered is None:
            return "url", (
                f"{host} is not a registered publisher's host: add the publisher to "
                f"docs/{REGISTRY_FILE} (see CONTRIBUTING), or cite a registered one"
            )
        if publisher != registered.name:
            return "publisher", (
                f"the publisher of {host} is registered as {registered.name!r}, not {publisher!r}"
            )
        if parts.scheme == "http" and host not in registered.http_only:
            return (
                "url",
                f"{registered.name} serves https on {host}: write https:// (the same address)",
            )
        tracking = [key for key, _ in parse_qsl(parts.query) if TRACKING.match(key)]
        if tracking:
            return "url", f"remove the tracking parameter(s) {', '.join(tracking)} from the address"
        if language == "zh" and not _CHINESE.search(title):
            return "language", "language is zh, but the title has no Chinese characters"
        return "", ""

    def http_only(self, url: str) -> bool:
        """Whether a cited address is http because its host serves no https (as far as seen)."""
        parts = urlsplit(url)
        registered = self.by_host.get((parts.hostname or "").lower())
        return (
            parts.scheme == "http"
            and registered is not None
            and (parts.hostname in registered.http_only)
        )


def _names(node: LinedDict, key: str, path: Path) -> tuple[str, ...]:
    value = node.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise error_at(path, node, key, f"'{key}' must be a list of host names")
    return tuple(value)


def load_registry(docs: Path) -> Registry:
    """Read and check ``docs/glossary/publishers.yml``; a mistake names its line."""
    path = docs / REGISTRY_FILE
    if not path.is_file():
        raise EditionError(path, 1, "the publisher registry is missing (see CONTRIBUTING)")
    try:
        data = load_yaml(path.read_text(encoding="utf-8"), path)
    except UnicodeDecodeError as error:
        raise EditionError(path, 1, f"not UTF-8 text ({error.reason})") from None
    if not isinstance(data, LinedDict):
        raise EditionError(path, 1, "the registry must be a mapping: classes, publishers, refused")
    classes = tuple(
        PublisherClass(str(item["id"]), str(item["heading"])) for item in data.get("classes") or []
    )
    known = {c.id for c in classes}
    publishers, seen = [], {}
    for node in data.get("publishers") or []:
        name, klass = node.get("name"), node.get("class")
        if not isinstance(name, str) or not name.strip():
            raise error_at(path, node, "name", "a publisher needs its 'name'")
        if klass not in known:
            raise error_at(
                path, node, "class", f"unknown class {klass!r} (one of: {', '.join(known)})"
            )
        hosts = _names(node, "hosts", path)
        http_only = frozenset(_names(node, "http_only", path))
        if not hosts or not http_only <= set(hosts):
            raise error_at(
                path, node, "hosts", "'hosts' must list every host, http_only among them"
            )
        for host in hosts:
            if host in seen:
                raise error_at(path, node, "hosts", f"{host} is also listed for {seen[host]}")
            seen[host] = name
        publishers.append(Publisher(name, klass, hosts, http_only))
    refused = []
    for node in data.get("refused") or []:
        host, reason = node.get("host"), node.get("reason")
        if not isinstance(host, str) or not isinstance(reason, str):
            raise error_at(path, node, "host", "a refused host needs 'host' and 'reason'")
        if host in seen:
            raise error_at(path, node, "host", f"{host} is refused and registered for {seen[host]}")
        refused.append(Refusal(host, reason, node.get("instead")))
    return Registry(path, classes, tuple(publishers), tuple(refused))
