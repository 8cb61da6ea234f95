"""Command line: python -m calculators berakna ..."""

import io
import json
import subprocess
import sys

import pytest

from calculators import cli
from calculators.model import scenario


def run(args, stdin=""):
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(args, stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def scenario_file(tmp_path):
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(scenario.default_scenario(2026)), encoding="utf-8")
    return path


def test_exempel_prints_complete_default_scenario():
    code, out, _ = run(["berakna", "--exempel"])
    assert code == 0
    assert json.loads(out) == scenario.default_scenario(2026)
    code, out, _ = run(["berakna", "--exempel", "--inkomstar", "2025"])
    assert json.loads(out)["inkomstar"] == 2025


def test_tabell_is_default_and_swedish(scenario_file):
    code, out, err = run(["berakna", str(scenario_file)])
    assert code == 0 and not err
    assert "Samhällsekonomiskt nettovärde" in out and "Arbetsgivare" in out
    assert "\u2212" in out and "\u00a0kr" in out


def test_json_format_is_result_v2(scenario_file):
    code, out, _ = run(["berakna", str(scenario_file), "--format", "json", "--osakerhet", "100", "--fro", "3"])
    assert code == 0
    r = json.loads(out)
    assert r["version"] == 2 and r["osakerhet"]["dragningar"] == 100 and r["osakerhet"]["fro"] == 3


def test_csv_for_swedish_excel(scenario_file):
    code, out, _ = run(["berakna", str(scenario_file), "--format", "csv"])
    assert code == 0
    assert out.startswith("\ufeff")
    assert "\r\n" in out and "\n" not in out.replace("\r\n", "")
    lines = out[1:].split("\r\n")
    assert lines[0].endswith("inkomstår 2026.") and lines[1] == ""  # what the file is about
    assert lines[2].split(";")[0] == "Aktör"
    row = lines[3].split(";")
    assert row[0] == "Individen" and "," in row[1] and "." not in row[1]


def test_markdown(scenario_file):
    code, out, _ = run(["berakna", str(scenario_file), "--format", "markdown"])
    assert code == 0 and out.startswith("## Resultat per aktör")


def test_stdin_and_implicit_berakna():
    text = json.dumps(scenario.default_scenario(2026))
    assert run(["berakna", "-"], stdin=text)[0] == 0
    assert run(["-"], stdin=text)[0] == 0


@pytest.mark.parametrize("content, needle", [
    ("{bad", "inte giltig JSON"),
    ('{"version": 1, "bruttolon": -3}', "Bruttolön per månad vid heltid"),
    ('{"bruttolon": 25000}', "Formatversion"),
    ('{"version": 1, "lön": 1}', "Okänd uppgift"),
    ("[1, 2]", "JSON-objekt"),
])
def test_bad_input_exit_2_swedish_no_traceback(tmp_path, content, needle):
    path = tmp_path / "s.json"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(["berakna", str(path)])
    assert code == 2 and needle in err and "Traceback" not in err and out == ""


def test_missing_file_and_bad_options():
    code, _, err = run(["berakna", "/finns/inte.json"])
    assert code == 2 and "finns inte" in err
    code, _, err = run(["berakna", "--format", "xml", "x.json"])
    assert code == 2 and "ogiltigt val" in err
    code, _, err = run(["berakna", "x.json", "--osakerhet", "många"])
    assert code == 2 and "Traceback" not in err
    code, _, err = run(["berakna"])
    assert code == 2 and "scenariofil" in err


def test_module_entry_point_runs(scenario_file):
    proc = subprocess.run([sys.executable, "-m", "calculators", "berakna", str(scenario_file), "--format", "json"],
                          capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["version"] == 2
    proc = subprocess.run([sys.executable, "-m", "calculators", "berakna", "saknas.json"],
                          capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "finns inte" in proc.stderr


def test_metod_and_parametrar_commands():
    code, out, _ = run(["metod"])
    assert code == 0 and out.startswith("# Så räknar vi")
    code, out, _ = run(["parametrar", "--inkomstar", "2025", "--format", "json"])
    assert code == 0 and any(p["id"] == "prisbasbelopp" and p["varde"] == 58800 for p in json.loads(out))


def test_a_version_1_file_says_what_was_read_differently(tmp_path):
    path = tmp_path / "gammal.json"
    path.write_text(json.dumps({"version": 1, "alder": "23-65", "antal_personer": 5}), encoding="utf-8")
    code, out, _ = run(["berakna", str(path), "--format", "json"])
    assert code == 0
    notes = json.loads(out)["aldre_format"]
    assert "äldre formatet" in notes[0] and "i stället för" in notes[1] and "35 år" in notes[2]
