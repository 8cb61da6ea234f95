"""Fixtures shared by every test folder: the site, built once per session and served locally.

The site is built with SITE_URL pointing at the port it will be served on, because
Material's instant navigation silently falls back to full page loads otherwise.
"""

import os
import pathlib
import socket
import subprocess
import sys

import pytest
from hypothesis import settings

from bench.common import serve

# In CI the property tests draw the same examples every run, so a submission cannot fail on a
# new random draw that no one has seen; local runs keep exploring (and remember what failed).
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = pathlib.Path(__file__).resolve().parent.parent
MKDOCS = pathlib.Path(sys.executable).with_name("mkdocs")


def build_site(dest, site_url, extra_env=None, config=ROOT / "mkdocs.yml"):
    """Run `mkdocs build --strict`; return the CompletedProcess (never raises)."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    return subprocess.run(
        [str(MKDOCS), "build", "--strict", "-f", str(config), "-d", str(dest)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )


@pytest.fixture(scope="session")
def server_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def base_url(server_port):
    return f"http://127.0.0.1:{server_port}/"


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory, base_url):
    dest = tmp_path_factory.mktemp("site")
    result = build_site(dest, base_url)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return dest


@pytest.fixture(scope="session")
def server_log():
    """(path, status, bytes) of every GET the session's server answered, in order."""
    return []


@pytest.fixture(scope="session")
def served_site(site_dir, server_port, base_url, server_log):
    # The benchmarks' server: GitHub Pages' MIME types (module workers and WebAssembly refuse
    # anything else) and caching.
    httpd, _url = serve(str(site_dir), server_port, server_log)
    yield base_url
    httpd.shutdown()
    httpd.server_close()


def site_pages(site_dir):
    """Every HTML page of the built site, as paths relative to the site root."""
    return sorted(
        p.relative_to(site_dir).as_posix()
        for p in site_dir.rglob("*.html")
        if "assets" not in p.relative_to(site_dir).parts
    )


def page_url(relative_html):
    """The URL path a reader uses for a built page: 'a/index.html' -> 'a/'."""
    if relative_html == "index.html":
        return ""
    if relative_html.endswith("/index.html"):
        return relative_html[: -len("index.html")]
    return relative_html
