// Run golden cases through `calculators.web.handle` inside real Pyodide (npm `pyodide`, from
// node_modules), the same runtime the site ships.
//
//   node tests/pyodide/run_golden.mjs [--stdlib <stdlib .zip.zst>] [--from-snapshot] <calculators zip> <golden.json>...
//
// With --stdlib, Pyodide uses the site's trimmed standard library as the site ships it,
// decoded by the same Zstandard decoder as the site's worker, instead of node_modules' full
// one, and prints the modules imported from it
// ("stdlib_modules"). With --from-snapshot, it first makes a memory snapshot as the site's
// worker does after a first start (`calculators.web.prepare()`, then makeMemorySnapshot),
// and runs the cases in a second Pyodide started from it, as a later visit does.
// A golden file is a JSON list of cases {"namn", "request", "expected"} (or an object with a
// "cases" list). `request` is the request object (or its JSON text). Prints one JSON object:
//   {"pyodide": version, "python": version, "results": [{"fil", "namn", "response"}]}
// where `response` is the parsed JSON text that handle() returned.

import { readFile, writeFile } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const pyodideDir = resolve(root, "node_modules", "pyodide");

const args = process.argv.slice(2);
const stdlibPath = args[0] === "--stdlib" ? args.splice(0, 2)[1] : null;
const fromSnapshot = args[0] === "--from-snapshot" ? Boolean(args.shift()) : false;
const [zipPath, ...goldenPaths] = args;
if (!zipPath) {
  console.error("Användning: node tests/pyodide/run_golden.mjs <calculators.zip> <golden.json>...");
  process.exit(2);
}

const { loadPyodide } = await import(pathToFileURL(resolve(pyodideDir, "pyodide.mjs")).href);
async function decoded(path) {
  const { ZSTDDecoder } = await import("zstddec");
  const decoder = new ZSTDDecoder();
  await decoder.init();
  const out = resolve(path.replace(/\.zst$/, ""));
  await writeFile(out, decoder.decode(new Uint8Array(await readFile(path))));
  return out;
}
const stdlib = stdlibPath ? { stdLibURL: await decoded(stdlibPath) } : {};
const archive = new Uint8Array(await readFile(zipPath));
const extractDir = "/home/pyodide/sk";

async function start(options) {
  const pyodide = await loadPyodide({ indexURL: pyodideDir + "/", packages: [], ...stdlib, ...options });
  pyodide.unpackArchive(archive, "zip", { extractDir });
  pyodide.runPython(`import sys\nif ${JSON.stringify(extractDir)} not in sys.path: sys.path.insert(0, ${JSON.stringify(extractDir)})`);
  return pyodide;
}

let pyodide = await start(fromSnapshot ? { _makeSnapshot: true } : {});
if (fromSnapshot) {
  pyodide.pyimport("calculators.web").prepare();
  pyodide = await start({ _loadSnapshot: pyodide.makeMemorySnapshot() });
}
const handle = pyodide.pyimport("calculators.web").handle;

const results = [];
for (const goldenPath of goldenPaths) {
  const parsed = JSON.parse(await readFile(goldenPath, "utf8"));
  const cases = Array.isArray(parsed) ? parsed : parsed.cases;
  for (const testCase of cases) {
    const request = typeof testCase.request === "string" ? testCase.request : JSON.stringify(testCase.request);
    let response;
    try {
      response = JSON.parse(handle(request));
    } catch (error) {
      response = { __exception__: String(error) };
    }
    results.push({ fil: basename(goldenPath), namn: testCase.namn, response });
  }
}

process.stdout.write(
  JSON.stringify({
    pyodide: pyodide.version,
    snapshot: fromSnapshot,
    stdlib: Boolean(stdlibPath),
    stdlib_modules: JSON.parse(pyodide.runPython(`import json, sys
json.dumps(sorted(n for n, m in sys.modules.items()
                  if (getattr(getattr(m, "__spec__", None), "origin", None) or "").startswith("/lib/python")))`)),
    python: pyodide.runPython("import sys; sys.version"),
    results,
  }) + "\n",
);
