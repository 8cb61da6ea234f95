// Runs bench/bench_model.py's measure() inside Pyodide (from node_modules) and prints JSON.
//   node bench/model_pyodide.mjs <calculators.zip> <bench_model.py>
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const pyodideDir = resolve(root, "node_modules", "pyodide");
const [zipPath, benchPath] = process.argv.slice(2);

const { loadPyodide } = await import(pathToFileURL(resolve(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + "/", packages: [] });
pyodide.unpackArchive(new Uint8Array(await readFile(zipPath)), "zip", { extractDir: "/home/pyodide/sk" });
pyodide.FS.writeFile("/home/pyodide/sk/bench_model.py", await readFile(benchPath, "utf8"));
const result = pyodide.runPython(`
import json, sys
sys.path.insert(0, "/home/pyodide/sk")
import bench_model
json.dumps(bench_model.measure())
`);
process.stdout.write(JSON.stringify({
  pyodide: pyodide.version,
  python: pyodide.runPython("import platform; platform.python_version()"),
  node: process.versions.node,
  resultat: JSON.parse(result),
}) + "\n");
