"""Ship Python to the browser: self-hosted Pyodide plus our `calculators` package.

It packs the `calculators` package into a deterministic zip of its source and has Pyodide
compile it and the trimmed standard library to bytecode (`pyodide_bytecode.mjs` under Node,
kept in `.cache/pyodide-stdlib/` with the compressed runtime, so that a rebuild without a code
change does not make them again), in `on_config`. Both are named by a hash over everything
that goes into them (`assets/py/calculators-<hash>.zip`, `stdlib-<hash>.zip.zst`: a name
changes whenever the code changes, so browsers may cache them forever). After the build it
copies them, the Pyodide runtime from `node_modules/pyodide/` (into
`site/assets/pyodide/<version>/`) and the Python worker under a name with its content hash.

The two large files go out compressed with Zstandard, which the browser's worker decodes with
zstddec (a 22 kB WebAssembly build of the reference decoder, copied beside them): the
WebAssembly runtime as `pyodide.asm.wasm.zst` (2.89 MB instead of 3.55 MB gzip) and the
standard library as `stdlib-<hash>.zip.zst` (554 kB instead of 769 kB). GitHub Pages compresses
with gzip only, and a page cannot ask the browser to decode Zstandard for it
(`DecompressionStream` takes gzip and deflate only, in Chromium 156 too); a first visit moves
0.9 MB less this way (bench/RESULTS.md).

It ships no memory snapshot: the browser's worker makes one itself after its first start and
keeps it for the next visit (sk-python-worker.mjs), so no visitor downloads one. The build
only names it, `assets/py/snapshot-<hash>.bin`, with a hash over everything that goes into it
(the zip, the runtime, the standard library's script and the worker), so that a snapshot
kept by the browser never meets another build's files.

The pages learn these addresses and the decoded files' integrity values from
`config.extra.sk_python` (set in `on_config`), which
`overrides/main.html` writes into `<meta name="sk-python" content='{...}'>`.

`build_package_zip` and `compiled` are importable on their own (the Pyodide tests use the
files the site ships):

    spec = importlib.util.spec_from_file_location("pyodide_assets", "overrides/hooks/pyodide_assets.py")
"""

from __future__ import annotations

import base64
import fcntl
import hashlib
import io
import json
import mimetypes
import shutil
import subprocess
import zipfile
from pathlib import Path

import zstandard

ROOT = Path(__file__).resolve().parents[2]
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
DECODER_DIR = ROOT / "node_modules" / "zstddec"
PACKAGE_DIR = ROOT / "calculators"
# The runtime files Pyodide needs to start with the standard library and nothing else, copied
# as they are; the WebAssembly file goes out compressed (WASM + ".zst"). The full standard
# library (python_stdlib.zip) and the package index (pyodide-lock.json) are not shipped: the
# worker gets the trimmed, precompiled library below and an empty index.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs")
WASM = "pyodide.asm.wasm"
# Level 19 of 22: the WebAssembly file is 2 890 706 bytes at 19; level 22 saves under 1 kB.
ZSTD_LEVEL = 19
DECODER_FILES = {"dist/zstddec.mjs": "zstddec.mjs", "LICENSE": "LICENSE"}
PACKAGE_SUFFIXES = {".py", ".toml", ".json"}
BYTECODE_SCRIPT = Path(__file__).with_name("pyodide_bytecode.mjs")
WORKER_SCRIPT = ROOT / "overrides" / "assets" / "javascripts" / "sk-python-worker.mjs"
BUILD_CACHE = ROOT / ".cache" / "pyodide-stdlib"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

# `mkdocs serve` uses Python's mimetypes: module scripts and WebAssembly must be served with
# the right types or the browser refuses them.
mimetypes.add_type("text/javascript", ".mjs")
mimetypes.add_type("application/wasm", ".wasm")


def zstd(data: bytes) -> bytes:
    """Compressed as the site ships it: with the content size (the decoder sizes its output
    from it) and a checksum (a damaged file fails to decode rather than start Python). The
    same input gives the same bytes."""
    compressor = zstandard.ZstdCompressor(level=ZSTD_LEVEL, write_checksum=True, write_content_size=True)
    return compressor.compress(data)


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


def _version(package: Path) -> str:
    manifest = package / "package.json"
    if not manifest.is_file():
        from mkdocs.exceptions import PluginError

        raise PluginError(
            f"{package.name} saknas: node_modules/{package.name} finns inte. Kör `npm ci` (eller "
            "`make deps`) innan bygget, så att webbplatsen kan leverera Python till webbläsaren."
        )
    return json.loads(manifest.read_text(encoding="utf-8"))["version"]


def pyodide_version() -> str:
    return _version(PYODIDE_DIR)


_state: dict = {}


def compressed_wasm() -> Path:
    """The WebAssembly runtime as the site ships it (made once per Pyodide version, 5 s)."""
    def make(partial: Path) -> None:
        partial.write_bytes(zstd((PYODIDE_DIR / WASM).read_bytes()))
    return _cached(f"{WASM}-{pyodide_version()}-zstd{ZSTD_LEVEL}.zst", make)


def integrity(data: bytes) -> str:
    """Subresource-integrity value of a file as Pyodide gets it (decoded): the worker checks
    what it decoded against it, so a truncated or damaged download (or a failed decoding)
    fails at once instead of stalling Pyodide's start."""
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode("ascii")


def _inputs_digest(zip_data: bytes, *scripts: Path) -> str:
    digest = hashlib.sha256(zip_data)
    for name in ("pyodide.asm.wasm", "pyodide.asm.mjs", "python_stdlib.zip", "pyodide.mjs"):
        digest.update((PYODIDE_DIR / name).read_bytes())
    for script in scripts:
        digest.update(script.read_bytes())
    return digest.hexdigest()[:12]


def snapshot_name(compiled_dir: Path) -> str:
    """The name under which the browser keeps the snapshot it makes (never a file of the
    site): a hash over everything that goes into it, i.e. what the compiled package and
    standard library are made from (named in their folder's name, see `compiled`) and the
    worker's set-up. The snapshot holds the standard library's directory (zipimport keeps it
    in memory)."""
    digest = hashlib.sha256(compiled_dir.name.encode("ascii") + WORKER_SCRIPT.read_bytes())
    return f"snapshot-{digest.hexdigest()[:12]}.bin"


def worker_name() -> str:
    """The worker's file name, with a hash of its content. GitHub Pages lets a browser reuse a
    file for 600 s without asking: under one name, a new build's page could start an older
    build's worker, whose messages differ."""
    return f"sk-python-worker-{hashlib.sha256(WORKER_SCRIPT.read_bytes()).hexdigest()[:12]}.mjs"


def _cached(name: str, make) -> Path:
    """The file or folder `name` in the build cache, calling make(path) first if it is not
    there. A new one replaces the older ones of its kind (the name up to its first "-")."""
    cached = BUILD_CACHE / name
    BUILD_CACHE.mkdir(parents=True, exist_ok=True)
    with open(BUILD_CACHE / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two builds at once (the test workers) make it once
        if not cached.exists():
            partial = cached.with_name(cached.name + ".tmp")
            _remove(partial)  # left by a build that was stopped
            make(partial)
            partial.replace(cached)
            for old in BUILD_CACHE.glob(cached.name.split("-")[0] + "-*"):
                if old.name != cached.name:
                    _remove(old)
    return cached


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()


def _node(script: Path, *args: Path) -> None:
    try:
        subprocess.run(["node", str(script), str(PYODIDE_DIR), *map(str, args)],
                       check=True, capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.SubprocessError) as error:
        from mkdocs.exceptions import PluginError

        detail = getattr(error, "stderr", "") or str(error)
        raise PluginError(f"Python för webbläsaren kunde inte förberedas (Node.js krävs): {detail.strip()[-2000:]}") from error


def compiled(zip_data: bytes) -> Path:
    """The folder in the build cache that holds what pyodide_bytecode.mjs makes from the
    package's source zip (a few seconds, unless it is there already): the compiled package
    (calculators.zip), the trimmed, compiled standard library compressed (stdlib.zip.zst) and
    what it decodes to checked (stdlib.integrity), and moduler.json (the standard library
    modules included and Python's built-in modules). Its name, python-<hash>, carries a hash
    over everything that goes into them (the same inputs give the same bytes, so it names
    their content too)."""
    def make(partial: Path) -> None:
        partial.mkdir()
        source = partial / "source.zip"
        source.write_bytes(zip_data)
        _node(BYTECODE_SCRIPT, source, partial)
        source.unlink()
        stored = (partial / "stdlib.zip").read_bytes()
        (partial / "stdlib.zip.zst").write_bytes(zstd(stored))
        (partial / "stdlib.integrity").write_text(integrity(stored), encoding="ascii")
        (partial / "stdlib.zip").unlink()
    return _cached(f"python-{_inputs_digest(zip_data, BYTECODE_SCRIPT)}", make)


def lock_info() -> dict:
    """The package index's header: the worker hands Pyodide an index with no packages
    instead of downloading the 119 kB file (the site loads no packages)."""
    return json.loads((PYODIDE_DIR / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]


def on_config(config):
    version = pyodide_version()
    decoder = _version(DECODER_DIR)
    made = compiled(build_package_zip()[0])
    digest = made.name.removeprefix("python-")
    name, stdlib, snapshot = f"calculators-{digest}.zip", f"stdlib-{digest}.zip.zst", snapshot_name(made)
    wasm = compressed_wasm()
    worker = worker_name()
    _state.update(version=version, decoder=decoder, package=made / "calculators.zip", zip_name=name,
                  snapshot=snapshot, stdlib=stdlib, stdlib_file=made / "stdlib.zip.zst", wasm=wasm, worker=worker)
    config.extra["sk_python"] = {
        "pyodide": f"assets/pyodide/{version}/",
        "paket": f"assets/py/{name}",
        "stdlib": f"assets/py/{stdlib}",
        "lock": lock_info(),
        "snapshot": f"assets/py/{snapshot}",
        "worker": f"assets/javascripts/{worker}",
        "wasm": integrity((PYODIDE_DIR / WASM).read_bytes()),
        "stdlibIntegrity": (made / "stdlib.integrity").read_text(encoding="ascii"),
        "zstd": f"assets/py/zstddec/{decoder}/zstddec.mjs",
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
    _copy_if_changed(_state["wasm"], runtime / (WASM + ".zst"))
    # The theme copied the worker under its plain name; only the named copy is served.
    scripts = site / "assets" / "javascripts"
    for old in scripts.glob("sk-python-worker*.mjs"):
        if old.name != _state["worker"]:
            old.unlink()
    _copy_if_changed(WORKER_SCRIPT, scripts / _state["worker"])
    packages = site / "assets" / "py"
    packages.mkdir(parents=True, exist_ok=True)
    for old in [*packages.glob("calculators-*.zip"), *packages.glob("stdlib-*")]:
        if old.name not in (_state["zip_name"], _state["stdlib"]):
            old.unlink()
    for old in runtime.iterdir():
        if old.name not in (*RUNTIME_FILES, WASM + ".zst"):
            old.unlink()
    decoders = packages / "zstddec"
    for old in decoders.glob("*"):
        if old.name != _state["decoder"]:
            shutil.rmtree(old)
    (decoders / _state["decoder"]).mkdir(parents=True, exist_ok=True)
    for source_name, target_name in DECODER_FILES.items():
        _copy_if_changed(DECODER_DIR / source_name, decoders / _state["decoder"] / target_name)
    _copy_if_changed(_state["package"], packages / _state["zip_name"])
    _copy_if_changed(_state["stdlib_file"], packages / _state["stdlib"])


def on_serve(server, config, builder):
    # Rebuild (and re-hash the package) when the Python core changes during `mkdocs serve`.
    server.watch(str(PACKAGE_DIR))
    return server
