"""What every browser benchmark shares: the browser to launch and a tiny static server
(threaded, correct MIME types, GitHub-Pages-like caching).

`python -m bench.common DIR PORT` serves a built site by hand.
"""

from __future__ import annotations

import functools
import http.server
import mimetypes
import os
import pathlib
import re
import subprocess
import sys
import threading
import time

# Debian's Chromium; CHROMIUM names another Chromium-based browser (GitHub's runners).
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

ROOT = pathlib.Path(__file__).resolve().parents[1]
MKDOCS = pathlib.Path(sys.executable).with_name("mkdocs")


def build_site(dest, site_url, config=ROOT / "mkdocs.yml"):
    """`mkdocs build --strict` of `config` into `dest`, for the address it will be served on."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([str(MKDOCS), "build", "--strict", "-q", "-f", str(config), "-d", str(dest)],
                   env=env, check=True, cwd=pathlib.Path(config).parent)


def pdf_pages(data: bytes) -> int:
    """Pages in a PDF Chromium wrote (one "/Type /Page" object per page)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


mimetypes.add_type("text/javascript", ".mjs")
mimetypes.add_type("application/wasm", ".wasm")


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
    }

    log = None  # a list to append (path, status, bytes) to, set per server
    pause = 0.0  # seconds between 64 kB pieces of a compressed runtime file (.zst): a slow link

    def copyfile(self, source, outputfile):
        if not (self.pause and self.path.endswith(".zst")):
            return super().copyfile(source, outputfile)
        while piece := source.read(65536):
            outputfile.write(piece)
            time.sleep(self.pause)

    def send_response(self, code, message=None):
        self._sk_code = code
        super().send_response(code, message)

    def do_GET(self):
        super().do_GET()
        if self.log is not None:
            size = 0
            if getattr(self, "_sk_code", 0) == 200:
                path = self.translate_path(self.path)
                if os.path.isdir(path):
                    path = os.path.join(path, "index.html")
                size = os.path.getsize(path) if os.path.isfile(path) else 0
            self.log.append((self.path.split("?")[0], getattr(self, "_sk_code", 0), size))

    def end_headers(self):
        # Like GitHub Pages: short caching with revalidation.
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def log_message(self, *args):
        pass


def serve(directory: str, port: int = 0, log: list | None = None,
          pause: float = 0.0) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `directory`; when `log` is a list, each GET appends (path, status, bytes sent);
    with `pause`, the compressed runtime files arrive slowly (_Handler.pause)."""
    handler_class = type("_LoggingHandler", (_Handler,), {"log": log, "pause": pause})
    handler = functools.partial(handler_class, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.handle_error = lambda request, address: None  # a browser leaving mid-download is normal
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


if __name__ == "__main__":
    srv, url = serve(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 8000)
    print(url, flush=True)
    threading.Event().wait()
