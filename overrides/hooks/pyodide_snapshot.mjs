// Make a memory snapshot of Pyodide with our package imported, so that a browser can start
// Python from it instead of running the interpreter's start-up (about 4 CPU-seconds, almost
// all of a boot) on every page load.
//
//   node overrides/hooks/pyodide_snapshot.mjs <pyodide dir> <calculators zip> <output .gz> <stdlib zip>
//
// Called by pyodide_assets.py at build time with the same runtime files the site ships. The
// snapshot holds the interpreter's memory after `calculators.web` and every module of the
// package have been imported and one request of each kind has run (so the parameter files
// are parsed); it does not hold the file system, so the worker unpacks the same zip again
// after loading it. Written gzip-compressed: the worker inflates it with DecompressionStream,
// whatever the server's own compression. Made with the trimmed standard library the site
// ships (pyodide_stdlib.mjs): zipimport keeps a zip's directory in memory, so the snapshot
// must meet the same zip it was made with.
import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync, constants } from "node:zlib";

const EXTRACT_DIR = "/home/pyodide/sk";
const [pyodideDir, zipPath, outPath, stdlibPath] = process.argv.slice(2);
if (!stdlibPath) {
  console.error("Användning: node pyodide_snapshot.mjs <pyodide-katalog> <calculators.zip> <utfil.gz> <stdlib.zip>");
  process.exit(2);
}

const { loadPyodide } = await import(pathToFileURL(resolve(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: resolve(pyodideDir) + "/", packages: [], stdLibURL: resolve(stdlibPath), _makeSnapshot: true });
pyodide.unpackArchive(new Uint8Array(await readFile(zipPath)), "zip", { extractDir: EXTRACT_DIR });
pyodide.runPython(`
import gc, importlib, pkgutil, sys
sys.path.insert(0, ${JSON.stringify(EXTRACT_DIR)})
import calculators
for module in pkgutil.walk_packages(calculators.__path__, "calculators."):
    if module.name not in ("calculators.__main__", "calculators.cli"):  # the command line
        importlib.import_module(module.name)
import json
from calculators import web
for op in ("forinstallningar", "parametrar"):
    assert json.loads(web.handle(json.dumps({"op": op, "data": {}})))["ok"], op
scenario = json.loads(web.handle('{"op": "standardscenario", "data": {}}'))["data"]
assert json.loads(web.handle(json.dumps({"op": "berakna", "data": {"scenario": scenario}})))["ok"]
del module, op, scenario, json
gc.collect()
`);
const snapshot = pyodide.makeMemorySnapshot();
await writeFile(outPath, gzipSync(snapshot, { level: constants.Z_BEST_COMPRESSION }));
