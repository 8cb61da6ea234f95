"""The calculators zip exactly as the site build packs it (the build hook's own function)."""

import importlib.util
import pathlib

HOOK = pathlib.Path(__file__).resolve().parents[1] / "overrides" / "hooks" / "pyodide_assets.py"


def package_zip() -> bytes:
    spec = importlib.util.spec_from_file_location("sk_pyodide_assets", HOOK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    data, _name = module.build_package_zip()
    return data
