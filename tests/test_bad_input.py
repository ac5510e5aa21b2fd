"""Issue 20: bad input gets one clear line naming the file and line, never a traceback and
never silence — for each case a code review found, and for whatever bytes or YAML a contributor
might write into an entry or the editorial map (property tests)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.citing.metadata import read_citation_file
from build_tools.common.errors import EditionError
from build_tools.edition.editorial_map import load_map
from build_tools.glossary.entries import read_entry
from conftest import ROOT
from test_convert_cli import convert
from test_errors import ENTRY, ENTRY_PATH, REGISTRY, write


def test_an_entry_that_is_not_utf8_names_the_line_of_the_bad_byte(tmp_path):
    file = write(tmp_path, ENTRY_PATH, ENTRY)
    data = file.read_bytes().replace("示例法".encode(), b"\xff\xfe", 1)
    file.write_bytes(data)
    with pytest.raises(EditionError) as error:
        read_entry(tmp_path, ENTRY_PATH)
    assert str(error.value).startswith(f"{file}:3: not UTF-8 text")


def test_front_matter_never_closed_says_so_at_its_first_line(tmp_path):
    unclosed = [line for number, line in enumerate(ENTRY) if number == 0 or line != "---"]
    file = write(tmp_path, ENTRY_PATH, unclosed, check=False)
    with pytest.raises(EditionError) as error:
        read_entry(tmp_path, ENTRY_PATH)
    assert str(error.value) == (
        f"{file}:1: the front matter opened here is never closed: add a line '---' after it"
    )


def test_a_layout_repair_past_the_seed_s_last_line_stops_convert_naming_the_map_line(workspace):
    emap = workspace / "seeds/edition.yml"
    text = emap.read_text("utf-8")
    text = text.replace("  - kind: break\n    line: 829\n", "  - kind: break\n    line: 99999\n")
    emap.write_text(text, "utf-8")
    line = text.splitlines().index("    line: 99999")  # the repair's mapping starts a line up
    result = convert(workspace)
    assert result.returncode == 2
    assert result.stderr.strip().startswith(f"error: {emap}:{line}: layout repair for line 99999")
    assert "Traceback" not in result.stderr


def test_a_month_written_as_a_word_in_citation_cff_names_its_line(tmp_path):
    text = (ROOT / "CITATION.cff").read_text("utf-8")
    assert "    month: 3\n" in text
    cff = tmp_path / "CITATION.cff"
    cff.write_text(text.replace("    month: 3\n", "    month: March\n"), "utf-8")
    line = cff.read_text("utf-8").splitlines().index("    month: March") + 1
    with pytest.raises(EditionError) as error:
        read_citation_file(cff)
    assert str(error.value).startswith(f"{cff}:{line}: 'month' must be a number from 1 to 12")


# --- Property tests: any bytes, any YAML --------------------------------------------------------

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.dates().map(str),
)
YAML_VALUES = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "title",
                    "type",
                    "summary",
                    "sources",
                    "history",
                    "legal_status",
                    "url",
                    "date",
                    "event",
                    "source",
                    "checked",
                    "title_zh",
                    "kind",
                    "publisher",
                    "cited_for",
                    "line",
                    "parts",
                    "panels",
                    "corrections",
                    "layout_repairs",
                    "seed",
                    "sha256",
                    "end",
                    "id",
                    "file",
                ]
            )
            | st.text(max_size=8),
            children,
            max_size=6,
        )
    ),
    max_leaves=20,
)
PROPERTY = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _entry_outcome(docs: Path, content: bytes) -> None:
    file = docs / ENTRY_PATH
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_bytes(content)
    try:
        read_entry(docs, ENTRY_PATH)
    except EditionError as error:
        message = str(error)
        assert message.startswith(str(file)) and "\n" not in message, message


@PROPERTY
@given(content=st.binary(max_size=300))
def test_any_bytes_as_an_entry_give_an_entry_or_one_line(tmp_path_factory, content):
    docs = tmp_path_factory.mktemp("bytes")
    (docs / "glossary").mkdir()
    (docs / "glossary/publishers.yml").write_text(REGISTRY, "utf-8")
    _entry_outcome(docs, b"---\n" + content)


@PROPERTY
@given(front=YAML_VALUES)
def test_any_yaml_as_an_entry_gives_an_entry_or_one_line(tmp_path_factory, front):
    docs = tmp_path_factory.mktemp("yaml")
    (docs / "glossary").mkdir()
    (docs / "glossary/publishers.yml").write_text(REGISTRY, "utf-8")
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n\nBody.\n"
    _entry_outcome(docs, text.encode("utf-8"))


def _map_outcome(folder: Path, content: bytes) -> None:
    path = folder / "edition.yml"
    path.write_bytes(content)
    try:
        load_map(path)
    except EditionError as error:
        message = str(error)
        assert message.startswith(str(path)) and "\n" not in message, message


@PROPERTY
@given(content=st.binary(max_size=300))
def test_any_bytes_as_the_editorial_map_give_a_map_or_one_line(tmp_path_factory, content):
    folder = tmp_path_factory.mktemp("mapbytes")
    shutil.copy(ROOT / "seeds" / "cyberspace-governance-white-paper-2023.txt", folder)
    _map_outcome(folder, content)


@PROPERTY
@given(data=YAML_VALUES)
def test_any_yaml_as_the_editorial_map_gives_a_map_or_one_line(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("mapyaml")
    _map_outcome(folder, yaml.safe_dump(data, allow_unicode=True).encode("utf-8"))
