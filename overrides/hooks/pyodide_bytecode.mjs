// Compile what the browser's Python runs, inside the same Pyodide: the standard library the
// site ships (only the modules that Pyodide's own start and our package import) and our
// package itself.
//
//   node overrides/hooks/pyodide_bytecode.mjs <pyodide dir> <calculators zip> <output dir>
//
// writes stdlib.zip, calculators.zip and moduler.json into <output dir>. Called by
// pyodide_assets.py at build time. Pyodide starts from its full python_stdlib.zip and runs
// `calculators.web.prepare()` (every module of the package but the command line's, one
// request of each kind: what the worker runs before it keeps a snapshot); every module then
// loaded from the standard library zip goes into stdlib.zip, compiled by this Python (3.14),
// so the browser neither downloads the rest (2.5 MB gzip in all) nor compiles source on every
// start (most of a start's CPU time). The package's modules go into calculators.zip compiled
// the same way, its data files as they are: compiling its 460 kB of source took 0.4 s of the
// first visit's first answer (bench/RESULTS.md). The bytecode is made small: no docstrings or
// asserts (optimize=2; the core's tests run it in CPython with both) and a line table that
// names each function's first line only. Unchecked hash-based .pyc files carry no time stamp:
// the same input gives the same bytes. The standard library's entries are stored, not
// deflated: the build compresses the whole zip with Zstandard (554 kB instead of 769 kB
// deflated entry by entry), and zipimport then reads them without inflating. The package
// is deflated entry by entry, as Pyodide unpacks it once. moduler.json lists the standard
// library modules included and what Python has built in (tests/pyodide checks the
// package's imports against it).
import { readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const EXTRACT_DIR = "/home/pyodide/sk";
const [pyodideDir, zipPath, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error("Användning: node pyodide_bytecode.mjs <pyodide-katalog> <calculators.zip> <ut-katalog>");
  process.exit(2);
}

const { loadPyodide } = await import(pathToFileURL(resolve(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: resolve(pyodideDir) + "/", packages: [] });
const packageZip = new Uint8Array(await readFile(zipPath));
pyodide.unpackArchive(packageZip, "zip", { extractDir: EXTRACT_DIR });
pyodide.FS.writeFile("/tmp/calculators-source.zip", packageZip);
const manifest = pyodide.runPython(`
import importlib, importlib.util, io, json, pkgutil, sys, types, zipfile
import importlib._bootstrap_external as external

stdlib = next(p for p in sys.path if p.endswith(".zip"))
sys.path.insert(0, ${JSON.stringify(EXTRACT_DIR)})
from calculators import web
web.prepare()  # every module (but the command line's) and one request of each kind

prefix = stdlib + "/"
names = set()
for name, module in list(sys.modules.items()):
    spec = getattr(module, "__spec__", None)
    origin = getattr(spec, "origin", None) or ""
    if origin.startswith(prefix):  # frozen modules (origin "frozen") are in the binary
        names.add(origin[len(prefix):])
        # a package's __init__ is needed for any of its submodules
        parts = origin[len(prefix):].split("/")[:-1]
        for i in range(1, len(parts) + 1):
            names.add("/".join(parts[:i]) + "/__init__.py")

def line_table(code):
    # One "no columns" entry per 8 code units, line delta 0: every instruction is on the
    # function's first line. Tracebacks still name the file and function.
    units, out = len(code.co_code) // 2, bytearray()
    while units > 0:
        n = min(units, 8)
        out += bytes((0x80 | (13 << 3) | (n - 1), 0))
        units -= n
    return bytes(out)

def small(code):
    consts = tuple(small(c) if isinstance(c, types.CodeType) else c for c in code.co_consts)
    return code.replace(co_consts=consts, co_linetable=line_table(code))

def pyc(name, text):
    code = small(compile(text, name, "exec", dont_inherit=True, optimize=2))
    return bytes(external._code_to_hash_pyc(code, importlib.util.source_hash(text), checked=False))

def entry(name, compress):
    info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
    info.compress_type = compress
    info.external_attr = 0o644 << 16
    info.create_system = 3
    return info

source = zipfile.ZipFile(stdlib)
present = set(source.namelist())
files = sorted(n for n in names if n in present)
buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
    for name in files:
        archive.writestr(entry(name + "c", zipfile.ZIP_STORED), pyc(name, source.read(name)))
with open("/tmp/stdlib.zip", "wb") as out:
    out.write(buffer.getvalue())

package = zipfile.ZipFile("/tmp/calculators-source.zip")
with zipfile.ZipFile("/tmp/calculators.zip", "w", zipfile.ZIP_DEFLATED) as archive:
    for name in package.namelist():
        data = package.read(name)
        if name.endswith(".py"):
            name, data = name + "c", pyc(name, data)
        archive.writestr(entry(name, zipfile.ZIP_DEFLATED), data)
modules = sorted({n[:-3].replace("/", ".").removesuffix(".__init__") for n in files})
frozen = sorted(n for n, m in sys.modules.items() if getattr(getattr(m, "__spec__", None), "origin", None) == "frozen")
json.dumps({"python": sys.version.split()[0], "modules": modules, "frozen": frozen,
            "builtin": sorted(sys.builtin_module_names)}, indent=1)
`);
await writeFile(join(outDir, "stdlib.zip"), pyodide.FS.readFile("/tmp/stdlib.zip"));
await writeFile(join(outDir, "calculators.zip"), pyodide.FS.readFile("/tmp/calculators.zip"));
await writeFile(join(outDir, "moduler.json"), manifest + "\n");
