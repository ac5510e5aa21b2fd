"""YAML loading that remembers line numbers, so errors in data files can name the line."""

from __future__ import annotations

from pathlib import Path

import yaml

from build_tools.common.errors import EditionError


class LinedDict(dict):
    """A mapping read from YAML: ``line`` is where it starts, ``lines[key]`` where each key is."""

    line: int = 0

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lines: dict = {}

    def line_of(self, key) -> int:
        """The 1-based line of ``key`` (of the mapping itself when the key is absent)."""
        return self.lines.get(key, self.line)


# libyaml's parser when PyYAML has it (several times faster), else the pure-Python one.
class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LinedDict:
    mapping = LinedDict(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, str | int):
            mapping.lines[key] = key_node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode):
    """A date as YAML reads it; one that looks like a date but is none (2016-13-01) stays
    text, so that the field's own check names its line instead of a bare ValueError."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


# An unclosed bracket or quote, or a key without its colon, is noticed on a later line; the line
# at fault is where that construct began (the error's context), not where the parser gave up.
_FAULT_AT_CONTEXT = ("while scanning", "while parsing a flow", "while parsing a quoted")


def _fault_mark(error: yaml.YAMLError):
    """Where a person should look for a YAML syntax error."""
    context = getattr(error, "context", None) or ""
    if context.startswith(_FAULT_AT_CONTEXT) and getattr(error, "context_mark", None):
        return error.context_mark
    return getattr(error, "problem_mark", None)


def load_yaml(text: str, path: Path | str, first_line: int = 1):
    """Parse YAML text; mappings come back as ``LinedDict``. Syntax errors name the line."""
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        mark = _fault_mark(error)
        line = mark.line + first_line if mark else first_line
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise EditionError(path, line, f"malformed YAML: {problem}") from None
    if isinstance(data, LinedDict) and first_line != 1:
        _shift_lines(data, first_line - 1)
    return data


def _shift_lines(data, offset: int) -> None:
    if isinstance(data, LinedDict):
        data.line += offset
        data.lines = {key: line + offset for key, line in data.lines.items()}
        for value in data.values():
            _shift_lines(value, offset)
    elif isinstance(data, list):
        for value in data:
            _shift_lines(value, offset)


def error_at(path: Path | str, node, key: str | None, message: str) -> EditionError:
    """An error at the line of ``key`` in ``node`` (the node's own line without a key, no line
    when ``node`` is not a mapping read from YAML): every data file's reader reports this way."""
    if not isinstance(node, LinedDict):
        return EditionError(path, None, message)
    return EditionError(path, node.line_of(key) if key else node.line, message)
