"""Every rule has one home: each scenario field, option and actor is declared once
(calculators/data/falt.toml, calculators/data/aktorer.toml) and every place that names it
(the form, error messages, CSV, sensitivity, the checklists' summary, the method page) shows
the same Swedish label. These tests fail when a second declaration creeps back in."""

import html
import pathlib
import re
import tomllib

import pytest

from calculators.checklists.calculation import calculation_summary
from calculators.errors import InputError
from calculators.model import actors, analysis, effects, fields, params, scenario
from calculators.pages import calculator, export, results_html

ROOT = pathlib.Path(__file__).resolve().parents[2]
PAGE = calculator.render_page()


def _form_labels():
    """key -> the label text the rendered form shows for it."""
    out = {}
    for fid, text in re.findall(r'<label for="sk-f-([^"]+)">([^<]*)</label>', PAGE):
        key = next(f.key for f in fields.form_fields() if f.key.replace(".", "-") == fid)
        out[key] = html.unescape(text)
    return out


FORM_LABELS = _form_labels()


def _form_option(key, value):
    """The label the form's menu shows for one option of a field."""
    select = re.search(r'<select[^>]*name="' + re.escape(key) + r'".*?</select>', PAGE).group(0)
    return html.unescape(re.search(r'<option value="' + re.escape(value) + r'"[^>]*>([^<]*)</option>', select).group(1))


def test_every_scenario_key_is_declared_exactly_once():
    raw = tomllib.loads((ROOT / "calculators" / "data" / "falt.toml").read_text(encoding="utf-8"))
    keys = [f["key"] for f in raw["field"]]
    assert len(keys) == len(set(keys))
    default = scenario.default_scenario()
    assert list(default) == [f.key for f in fields.top_level()]
    for key, value in default.items():
        if isinstance(value, dict):
            declared = {f.name for f in fields.sub_fields(key)}
            assert set(value) <= declared, key


def test_every_actor_is_declared_once_and_the_model_computes_exactly_those():
    raw = tomllib.loads((ROOT / "calculators" / "data" / "aktorer.toml").read_text(encoding="utf-8"))
    keys = [a["key"] for a in raw["actor"] + raw["total"]] + [raw["buyer"]["key"]]
    assert len(keys) == len(set(keys))
    assert effects.Totals._fields == actors.ACTORS + actors.TOTALS


def test_the_form_shows_every_declared_form_field_with_its_label():
    assert FORM_LABELS == {f.key: f.label for f in fields.form_fields()}


@pytest.mark.parametrize("key", [f.key for f in fields.form_fields()])
def test_form_label_equals_the_label_in_error_messages(key):
    f = fields.field(key)
    # From the form: text that does not parse.
    bad_text = "inte ett värde" if f.kind not in ("enum", "year") else "finns-inte"
    texts = {key: bad_text}
    if f.show_when:
        texts[f.show_when.field] = f.show_when.values[0]
    with pytest.raises(InputError) as err:
        calculator.fields_to_scenario(texts, scenario.default_scenario())
    assert err.value.messages[0]["meddelande"].startswith(FORM_LABELS[key] + ":")
    # From a scenario file: a value of the wrong type.
    data = {"version": 1}
    if f.parent:
        typ = fields.field(f"{f.parent}.typ") if f"{f.parent}.typ" in fields.FIELDS else None
        obj = {"typ": f.show_when.values[0]} if typ and f.show_when else {}
        if typ and f.name == "typ":
            obj = {}
        obj[f.name] = [1]
        data[f.parent] = obj
    else:
        data[key] = [1]
    with pytest.raises(InputError) as err:
        scenario.validate(data)
    messages = [m["meddelande"] for m in err.value.messages if m["falt"] == key]
    assert messages and messages[0].startswith(FORM_LABELS[key] + ":"), err.value.messages


def _csv_rows(text):
    return [line.split(";") for line in text.lstrip("\ufeff").split("\r\n")]


def _screen_table(fragment, css_class):
    table = fragment[fragment.index(f'<table class="{css_class}"'):]
    table = table[:table.index("</table>")]
    cell = lambda c: html.unescape(re.sub(r"<[^>]+>", "", c)).strip()
    head = [cell(c) for c in re.findall(r"<th scope=\"col\"[^>]*>(.*?)</th>", table)]
    body = [[cell(c) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table[table.index("<tbody>"):])]
    return head, body


def test_csv_has_the_screens_actor_table_headings_and_rows():
    sc = {**scenario.default_scenario(), "antal_personer": 1234}
    result = effects.evaluate(sc)
    rows = _csv_rows(export.to_csv(result))
    head, body = _screen_table(results_html.actor_table(result), "sk-aktorer")
    start = rows.index(head)  # below the line that says what the file is about
    assert start == 2  # "Alla personer (1 234 personer), inklusive engångsposter" included
    assert [r[0] for r in rows[start + 1:start + 1 + len(body)]] == [r[0] for r in body]


def test_csv_lists_the_inputs_as_the_form_shows_them():
    sc = {**scenario.default_scenario(), "produktionsfaktor": 0.8, "bruttolon": 24000}
    result = effects.evaluate(sc)
    rows = _csv_rows(export.to_csv(result))
    start = rows.index(["Uppgift", "Värde", "Enhet"])
    inputs = {r[0]: (r[1], r[2]) for r in rows[start + 1:] if len(r) == 3}
    shown = calculator.shown_fields(result["scenario"])
    assert shown and all("(" + f.key + ")" not in label for f in shown for label in inputs)
    for f in shown:
        value, unit = inputs[f.label]
        if f.kind in ("enum", "year"):  # the option as the list shows it, not its value
            assert (value, unit) == (f.option(calculator.field_value(result["scenario"], f.key)).label, ""), f.key
        else:  # a number Swedish Excel reads, with the unit the form shows beside the field
            assert re.fullmatch(r"-?\d+(,\d+)?", value), (f.key, value)
            assert unit == f.unit, f.key
    assert inputs[FORM_LABELS["sysselsattningstyp"]][0] == fields.option_label("sysselsattningstyp", "anstallning")
    assert inputs[FORM_LABELS["produktionsfaktor"]] == ("80", "%")
    assert inputs[FORM_LABELS["bruttolon"]] == ("24000", "kr per månad")
    # a field the form hides for this scenario is not listed
    hidden = [f for f in fields.form_fields() if f.show_when and f not in shown]
    assert hidden and not any(f.label in inputs for f in hidden if f.label not in {g.label for g in shown})


def test_sensitivity_rows_are_labelled_as_the_form_labels_them():
    rows = analysis.sensitivity(scenario.default_scenario())["rader"]
    assert rows
    for row in rows:
        assert row["etikett"] == FORM_LABELS[row["nyckel"]]


def test_the_checklists_summary_uses_the_form_labels_and_option_labels():
    sc = scenario.default_scenario()
    sc.update(anstallningsstod={"typ": "lonebidrag", "andel": 0.5, "tak": 20000}, upphandlande_organisation="stat")
    summary = calculation_summary(effects.evaluate(sc))
    for row in summary["antaganden"]:
        key = row["id"] if row["id"] in FORM_LABELS else f"{row['id']}.typ"
        assert row["text"] == FORM_LABELS[key]
    shown = {row["id"]: row["visning"] for row in summary["antaganden"]}
    assert shown["upphandlande_organisation"] == _form_option("upphandlande_organisation", "stat")
    assert shown["anstallningsstod"] == _form_option("anstallningsstod.typ", "lonebidrag")
    table = results_html.actor_table(effects.evaluate(sc))
    for row in summary["aktorer"]:
        assert f'<th scope="row">{row["text"]}</th>' in table


def test_no_label_is_typed_a_second_time_in_the_code():
    """A declared label may appear in Python only through the declarations."""
    labels = {f.label for f in fields.FIELDS.values()} | {o.label for f in fields.FIELDS.values() for o in f.options}
    labels |= {actors.label(k) for k in actors.ACTORS + actors.TOTALS}
    labels = {lab for lab in labels if len(lab) > 3}
    offenders = []
    for path in (ROOT / "calculators").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for lab in labels:
            if re.search(r'["\']' + re.escape(lab) + r'["\']', source):
                offenders.append(f"{path.relative_to(ROOT)}: {lab}")
    assert not offenders, offenders


def test_browser_settings_are_data_attributes_on_the_calculator_root():
    root = re.search(r'<div[^>]*data-sk-verktyg="berakning"[^>]*>', PAGE).group(0)
    assert f'data-sk-jamfor-min="{calculator.COMPARE_MIN}"' in root
    assert f'data-sk-jamfor-max="{calculator.COMPARE_MAX}"' in root
    assert f'data-sk-osakerhet-dragningar="{analysis.DRAWS}"' in root
    assert f'data-sk-osakerhet-fro="{analysis.SEED}"' in root
    assert (calculator.COMPARE_MIN, calculator.COMPARE_MAX, analysis.DRAWS, analysis.SEED) == (2, 3, 2000, 1)


def test_the_comparison_limits_are_enforced_from_the_same_constants():
    item = {"namn": "A", "scenario": scenario.default_scenario()}
    with pytest.raises(InputError):
        calculator.jamfor_sida({"scenarier": [item] * (calculator.COMPARE_MIN - 1)})
    with pytest.raises(InputError):
        calculator.jamfor_sida({"scenarier": [item] * (calculator.COMPARE_MAX + 1)})
    assert calculator.jamfor_sida({"scenarier": [item] * calculator.COMPARE_MAX})["html"]


def test_defaults_come_from_the_declared_parameter():
    for year in params.YEARS:
        p = params.values(year)
        sc = scenario.default_scenario(year)
        for f in fields.top_level():
            if f.default_param:
                assert sc[f.key] == p[f.default_param], f.key


def test_a_share_typed_into_a_percent_field_is_asked_about():
    from calculators.errors import InputError
    from calculators.pages import calculator

    base = scenario.default_scenario()
    with pytest.raises(InputError) as err:
        calculator.fields_to_scenario({"produktionsfaktor": "0,8"}, base)
    message = err.value.messages[0]
    assert message["falt"] == "produktionsfaktor" and "skriv procent, till exempel 80 %" in message["meddelande"]
    assert calculator.fields_to_scenario({"produktionsfaktor": "80 %"}, base)["produktionsfaktor"] == 0.8
