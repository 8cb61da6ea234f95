"""Ship Python to the browser: self-hosted Pyodide plus our `calculators` package.

After the build this hook copies the Pyodide runtime from `node_modules/pyodide/` into
`site/assets/pyodide/<version>/` and packs the `calculators` package into a deterministic,
content-hashed zip at `site/assets/py/calculators-<hash>.zip` (the name changes whenever the
code changes, so browsers may cache it forever), and writes the trimmed, precompiled standard
library beside it (`pyodide_stdlib.mjs` under Node, kept in `.cache/pyodide-stdlib/` so that a
rebuild without a code change does not make it again).

It ships no memory snapshot: the browser's worker makes one itself after its first start and
keeps it for the next visit (sk-python-worker.mjs), so no visitor downloads one. The build
only names it, `assets/py/snapshot-<hash>.bin`, with a hash over everything that goes into it
(the zip, the runtime, the standard library's script and the worker), so that a snapshot
kept by the browser never meets another build's files.

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
# The full standard library (python_stdlib.zip) and the package index (pyodide-lock.json)
# are not shipped: the worker gets the trimmed, precompiled library below and an empty index.
RUNTIME_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
)
PACKAGE_SUFFIXES = {".py", ".toml", ".json"}
STDLIB_SCRIPT = Path(__file__).with_name("pyodide_stdlib.mjs")
WORKER_SCRIPT = ROOT / "overrides" / "assets" / "javascripts" / "sk-python-worker.mjs"
BUILD_CACHE = ROOT / ".cache" / "pyodide-stdlib"
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


def _inputs_digest(zip_data: bytes, *scripts: Path) -> str:
    digest = hashlib.sha256(zip_data)
    for name in ("pyodide.asm.wasm", "pyodide.asm.mjs", "python_stdlib.zip", "pyodide.mjs"):
        digest.update((PYODIDE_DIR / name).read_bytes())
    for script in scripts:
        digest.update(script.read_bytes())
    return digest.hexdigest()[:12]


def stdlib_name(zip_data: bytes) -> str:
    """The trimmed standard library's file name: a hash over everything that goes into it
    (the same inputs give the same bytes, so the name is a content hash too)."""
    return f"stdlib-{_inputs_digest(zip_data, STDLIB_SCRIPT)}.zip"


def snapshot_name(zip_data: bytes) -> str:
    """The name under which the browser keeps the snapshot it makes (never a file of the
    site): a hash over everything that goes into it. The snapshot holds the trimmed standard
    library's directory (zipimport keeps it in memory) and the worker's set-up."""
    return f"snapshot-{_inputs_digest(zip_data, STDLIB_SCRIPT, WORKER_SCRIPT)}.bin"


def _cached(target: Path, make) -> None:
    """Copy `target.name` from the cache, calling make(path) first if it is not there."""
    cached = BUILD_CACHE / target.name
    BUILD_CACHE.mkdir(parents=True, exist_ok=True)
    with open(BUILD_CACHE / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two builds at once (the test workers) make it once
        if not cached.is_file():
            partial = cached.with_name(cached.name + ".tmp")
            make(partial)
            partial.replace(cached)
            prefix = cached.name.split("-")[0] + "-"
            for old in BUILD_CACHE.glob(prefix + "*"):
                if old.name not in (cached.name, cached.name + ".json") and not old.name.startswith(cached.name):
                    old.unlink()
    shutil.copyfile(cached, target)


def _node(script: Path, *args: Path) -> None:
    try:
        subprocess.run(["node", str(script), str(PYODIDE_DIR), *map(str, args)],
                       check=True, capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.SubprocessError) as error:
        from mkdocs.exceptions import PluginError

        detail = getattr(error, "stderr", "") or str(error)
        raise PluginError(f"Python för webbläsaren kunde inte förberedas (Node.js krävs): {detail.strip()[-2000:]}") from error


def make_stdlib(zip_path: Path, target: Path) -> Path:
    """The trimmed, precompiled standard library (pyodide_stdlib.mjs, a few seconds), unless
    it is cached; returns the path of its manifest (modules included, built-in modules)."""
    def make(partial: Path) -> None:
        _node(STDLIB_SCRIPT, zip_path, partial, BUILD_CACHE / (target.name + ".json"))
    _cached(target, make)
    return BUILD_CACHE / (target.name + ".json")


def lock_info() -> dict:
    """The package index's header: the worker hands Pyodide an index with no packages
    instead of downloading the 119 kB file (the site loads no packages)."""
    return json.loads((PYODIDE_DIR / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]


def on_config(config):
    version = pyodide_version()
    data, name = build_package_zip()
    snapshot = snapshot_name(data)
    stdlib = stdlib_name(data)
    _state.update(version=version, zip_data=data, zip_name=name, snapshot=snapshot, stdlib=stdlib)
    config.extra["sk_python"] = {
        "pyodide": f"assets/pyodide/{version}/",
        "paket": f"assets/py/{name}",
        "stdlib": f"assets/py/{stdlib}",
        "lock": lock_info(),
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
    for old in [*packages.glob("calculators-*.zip"), *packages.glob("stdlib-*.zip")]:
        if old.name not in (_state["zip_name"], _state["stdlib"]):
            old.unlink()
    for old in runtime.iterdir():
        if old.name not in RUNTIME_FILES:
            old.unlink()
    zip_path = packages / _state["zip_name"]
    zip_path.write_bytes(_state["zip_data"])
    stdlib_path = packages / _state["stdlib"]
    make_stdlib(zip_path, stdlib_path)


def on_serve(server, config, builder):
    # Rebuild (and re-hash the package) when the Python core changes during `mkdocs serve`.
    server.watch(str(PACKAGE_DIR))
    return server
