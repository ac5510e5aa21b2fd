"""Issue 20: content cannot run code. A page's file (front matter included) and the HTML made of
it are refused, naming the file and line, when they hold anything that could run a script."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys

import pytest

from build_tools.dev.bench import write_site
from build_tools.safety.content import html_problems, source_problems
from conftest import ROOT

PAGE = "# A page\n\nSome text.\n\n{line}\n\nMore text.\n"  # the tested line is line 5


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("<script>alert(1)</script>", "a <script> element"),
        ('<iframe src="https://example.org"></iframe>', "a <iframe> element"),
        ('<object data="x.swf"></object>', "a <object> element"),
        ('<embed src="x.swf">', "a <embed> element"),
        ('<form action="https://example.org"><button>Go</button></form>', "a <form> element"),
        ("<style>body { display: none }</style>", "a <style> element"),
        ('<base href="https://example.org/">', "a <base> element"),
        ('<img src=x onerror="alert(1)">', "raw HTML <img>"),
        ('<span onmouseover="alert(1)">hover</span>', "an event-handler attribute (onmouseover=)"),
        ("[click](javascript:alert(1))", "a javascript: address in a link or image"),
        ("[click]( JavaScript:alert(1))", "a javascript: address in a link or image"),
        ("![x](data:text/html;base64,PHNjcmlwdD4=)", "a data: address in a link or image"),
        ("[ref]: vbscript:msgbox", "a vbscript: address in a link or image"),
        ('<a href="javascript:alert(1)">x</a>', "a javascript: address in href="),
        ("<video src=x>", "raw HTML <video>"),
    ],
)
def test_each_way_to_run_code_is_refused_at_its_line(line, message):
    problems = source_problems(PAGE.format(line=line))
    assert problems and problems[0][0] == 5, problems
    assert any(message in problem for _, problem in problems), problems


def test_front_matter_is_checked_too_and_code_is_shown_not_refused():
    text = (
        '---\ntitle: "<script>x</script>"\n---\n\n`<script>` in a code span\n\n```\n<iframe>\n```\n'
    )
    assert source_problems(text) == [(2, "a <script> element")]


def test_the_edition_s_own_pages_pass():
    for file in sorted((ROOT / "docs").rglob("*.md")):
        assert source_problems(file.read_text("utf-8")) == [], file


def test_the_html_check_catches_what_an_extension_lets_through():
    smuggled = '<p>ok</p><svg><a xlink:href="javascript:x">y</a></svg><img src="x" onerror="y">'
    problems = html_problems(smuggled)
    assert "a javascript: address in xlink:href=" in problems
    assert "an event-handler attribute (onerror=) on <img>" in problems
    assert html_problems('<p id="a"><a href="https://example.org">fine</a></p>') == []


def test_a_strict_build_refuses_a_page_that_would_run_code_naming_file_and_line(tmp_path):
    config = write_site(tmp_path / "s", pages=1, terms=2, edition=ROOT / "mkdocs.yml")
    page = tmp_path / "s/docs/page-0000.md"
    lines = page.read_text("utf-8").splitlines()
    lines.insert(3, '<img src=x onerror="alert(1)">')
    page.write_text("\n".join(lines) + "\n", "utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(config),
            "-d",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode != 0
    assert "safety: docs/page-0000.md:4: raw HTML <img>" in result.stderr, result.stderr[-1500:]
    assert not (tmp_path / "out/page-0000/index.html").exists()


INJECTED = (
    '<script>document.title = "ran";</script>'
    '<img src="https://example.com/beacon.png" alt="">'
    '<p id="handler" onclick="document.title=\'ran\'">x</p>'
)


@pytest.mark.parametrize("served", ["file", "http"])
def test_the_policy_blocks_an_injected_script_and_an_outside_request(
    chromium, site, tmp_path, served
):
    """Defence in depth: a page the build's checks somehow let through still cannot run an
    inline script or reach outside, from disk and served (it copies a built page's policy)."""
    from browser import guarded, serve

    built = (site / "chapters/chapter-2.html").read_text("utf-8")
    assert '<meta http-equiv="Content-Security-Policy"' in built
    copy = tmp_path / "chapters"
    shutil.copytree(site / "assets", tmp_path / "assets")
    copy.mkdir()
    (copy / "chapter-2.html").write_text(built.replace("</article>", INJECTED + "</article>"))
    with contextlib.ExitStack() as stack:
        root = tmp_path.as_uri() + "/" if served == "file" else stack.enter_context(serve(tmp_path))
        with guarded(chromium, policy=False) as page:
            page.goto(root + "chapters/chapter-2.html")
            page.click("#handler")
            page.wait_for_timeout(300)
            assert page.title() != "ran"
            violations = list(page.guard.violations)
            page.guard.blocked.clear()  # the request never left: the policy stopped it first
    assert any("inline script" in v or "script-src" in v for v in violations), violations
    assert any("example.com" in v for v in violations), violations
