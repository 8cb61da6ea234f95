"""Ship Python to the browser: self-hosted Pyodide plus our `calculators` package.

After the build this hook copies the Pyodide runtime from `node_modules/pyodide/` into
`site/assets/pyodide/<version>/` and packs the `calculators` package into a deterministic,
content-hashed zip at `site/assets/py/calculators-<hash>.zip` (the name changes whenever the
code changes, so browsers may cache it forever). It also writes a memory snapshot of Pyodide
with that package imported, `site/assets/py/snapshot-<hash>.bin.gz` (made by
`pyodide_snapshot.mjs` under Node, the hash over the zip and the runtime so that a snapshot
never meets another build's files), from which the browser starts Python in a fraction of a
normal start. Snapshots are kept in `.cache/pyodide-snapshot/` so that a rebuild without a
code change does not make one again.

The pages learn both addresses from `config.extra.sk_python` (set in `on_config`), which
`overrides/main.html` writes into `<meta name="sk-python" content='{...}'>`.

`build_package_zip` is importable on its own (the Pyodide tests build the same zip):

    spec = importlib.util.spec_from_file_location("pyodide_assets", "overrides/hooks/pyodide_assets.py")
"""

from __future__ import annotations

import hashlib
import io
import json
import fcntl
import mimetypes
import shutil
import subprocess
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
PACKAGE_DIR = ROOT / "calculators"
# The runtime files Pyodide needs to start with the standard library and nothing else.
RUNTIME_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
PACKAGE_SUFFIXES = {".py", ".toml", ".json"}
SNAPSHOT_SCRIPT = Path(__file__).with_name("pyodide_snapshot.mjs")
SNAPSHOT_CACHE = ROOT / ".cache" / "pyodide-snapshot"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

# `mkdocs serve` uses Python's mimetypes: module scripts and WebAssembly must be served with
# the right types or the browser refuses them.
mimetypes.add_type("text/javascript", ".mjs")
mimetypes.add_type("application/wasm", ".wasm")


def package_files(package_dir: Path = PACKAGE_DIR) -> list[Path]:
    """The files that go into the zip: source and data, no caches, sorted."""
    files = []
    for path in package_dir.rglob("*"):
        if not path.is_file() or path.suffix not in PACKAGE_SUFFIXES:
            continue
        if "__pycache__" in path.parts or any(p.startswith(".") for p in path.relative_to(package_dir).parts):
            continue
        files.append(path)
    return sorted(files, key=lambda p: p.relative_to(package_dir.parent).as_posix())


def build_package_zip(package_dir: Path = PACKAGE_DIR) -> tuple[bytes, str]:
    """Return (zip bytes, file name) for the package; same input gives the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in package_files(package_dir):
            info = zipfile.ZipInfo(path.relative_to(package_dir.parent).as_posix(), ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, path.read_bytes())
    data = buffer.getvalue()
    digest = hashlib.sha256(data).hexdigest()[:12]
    return data, f"{package_dir.name}-{digest}.zip"


def pyodide_version() -> str:
    manifest = PYODIDE_DIR / "package.json"
    if not manifest.is_file():
        from mkdocs.exceptions import PluginError

        raise PluginError(
            "Pyodide saknas: node_modules/pyodide finns inte. Kör `npm ci` (eller `make deps`) "
            "innan bygget, så att webbplatsen kan leverera Python till webbläsaren."
        )
    return json.loads(manifest.read_text(encoding="utf-8"))["version"]


_state: dict = {}


def wasm_integrity() -> str:
    """Subresource-integrity value of the WebAssembly runtime: the worker checks the file it
    receives against it, so a truncated or damaged download fails at once instead of
    stalling Pyodide's start."""
    import base64

    digest = hashlib.sha384((PYODIDE_DIR / "pyodide.asm.wasm").read_bytes()).digest()
    return "sha384-" + base64.b64encode(digest).decode("ascii")


def snapshot_name(zip_data: bytes) -> str:
    """The snapshot's file name: a hash over everything that goes into it."""
    digest = hashlib.sha256(zip_data)
    for name in ("pyodide.asm.wasm", "pyodide.asm.mjs", "python_stdlib.zip", "pyodide.mjs"):
        digest.update((PYODIDE_DIR / name).read_bytes())
    digest.update(SNAPSHOT_SCRIPT.read_bytes())
    return f"snapshot-{digest.hexdigest()[:12]}.bin.gz"


def make_snapshot(zip_path: Path, target: Path) -> None:
    """Run the Node script that makes the snapshot (about 10 s), unless it is cached."""
    cached = SNAPSHOT_CACHE / target.name
    SNAPSHOT_CACHE.mkdir(parents=True, exist_ok=True)
    with open(SNAPSHOT_CACHE / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two builds at once (the test workers) make it once
        if not cached.is_file():
            _run_snapshot_script(zip_path, cached)
    shutil.copyfile(cached, target)


def _run_snapshot_script(zip_path: Path, cached: Path) -> None:
    """Make the snapshot into the cache, and drop the cache's older ones."""
    partial = cached.with_suffix(".tmp")
    try:
        subprocess.run(["node", str(SNAPSHOT_SCRIPT), str(PYODIDE_DIR), str(zip_path), str(partial)],
                       check=True, capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.SubprocessError) as error:
        from mkdocs.exceptions import PluginError

        detail = getattr(error, "stderr", "") or str(error)
        raise PluginError(f"Python-ögonblicksbilden kunde inte göras (Node.js krävs): {detail.strip()[-2000:]}") from error
    partial.replace(cached)
    for old in SNAPSHOT_CACHE.glob("snapshot-*.bin.gz"):
        if old.name != cached.name:
            old.unlink()


def on_config(config):
    version = pyodide_version()
    data, name = build_package_zip()
    snapshot = snapshot_name(data)
    _state.update(version=version, zip_data=data, zip_name=name, snapshot=snapshot)
    config.extra["sk_python"] = {
        "pyodide": f"assets/pyodide/{version}/",
        "paket": f"assets/py/{name}",
        "snapshot": f"assets/py/{snapshot}",
        "worker": "assets/javascripts/sk-python-worker.mjs",
        "wasm": wasm_integrity(),
    }
    return config


def _copy_if_changed(source: Path, target: Path) -> None:
    if target.is_file():
        s, t = source.stat(), target.stat()
        if s.st_size == t.st_size and int(s.st_mtime) == int(t.st_mtime):
            return
    shutil.copy2(source, target)


def on_post_build(config):
    site = Path(config.site_dir)
    runtime = site / "assets" / "pyodide" / _state["version"]
    runtime.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        source = PYODIDE_DIR / name
        if not source.is_file():
            from mkdocs.exceptions import PluginError

            raise PluginError(f"Pyodide är ofullständigt: {source} saknas. Kör `npm ci` igen.")
        _copy_if_changed(source, runtime / name)
    packages = site / "assets" / "py"
    packages.mkdir(parents=True, exist_ok=True)
    for old in [*packages.glob("calculators-*.zip"), *packages.glob("snapshot-*.bin.gz")]:
        if old.name not in (_state["zip_name"], _state["snapshot"]):
            old.unlink()
    zip_path = packages / _state["zip_name"]
    zip_path.write_bytes(_state["zip_data"])
    make_snapshot(zip_path, packages / _state["snapshot"])


def on_serve(server, config, builder):
    # Rebuild (and re-hash the package) when the Python core changes during `mkdocs serve`.
    server.watch(str(PACKAGE_DIR))
    return server
