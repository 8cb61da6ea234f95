"""The calculator page ("Samhällsekonomisk beräkning"): the form, and the operations the page calls.

The same functions run twice: at build time (the shortcode `[[berakning standard]]` puts the
form and the default scenario's results into the page) and in the browser worker (the page
sends the raw text of its fields; we parse it the Swedish way, validate, compute and return
the HTML fragments to swap in). The page's JavaScript holds no business rule.

Operations (register `OPS` in calculators.web):
    berakna_sida        {"falt": {name: text}} or {"scenario": {...}},
                        optional "visning": {"tornado_aktor", "namn" (the scenario's name)}
                        -> {"scenario", "falt": {name: text},
                            "html": {"resultat", "kanslighet", "antaganden", "svar", "svarsrad"},
                            "andrade": {name: marker text}, "grupper": {group id: text},
                            "enheter": {name: unit text} (units that follow the value),
                            "forinstallning": preset id or ""}
    osakerhet_sida      {"scenario", optional "visning"} -> {"html", "svar"}
                        (uncertainty band, Monte Carlo; the answer with its likely ranges)
    jamfor_sida         {"scenarier": [{"namn", "scenario"}]} -> {"html"}
The CSV export uses the operation "exportera_csv" (calculators.pages.export).
"""

from __future__ import annotations

import html
import json

from calculators import format as fmt
from calculators.errors import InputError
from calculators.model import fields
from calculators.model import scenario as scenario_mod
from calculators.pages import answer, results_view, results_html

# ── the form: groups and fields from their one declaration (calculators/data/falt.toml) ─
# Every field, label, help text, unit, group, show-when rule and option is read from
# calculators.model.fields; nothing about a field is written here.

FIELDS = {f.key: f for f in fields.form_fields()}
GROUPS = fields.GROUPS

# How many saved scenarios the comparison takes; the page hands these to the browser
# (data-sk-jamfor-min, data-sk-jamfor-max on the calculator's root element).
COMPARE_MIN = 2
COMPARE_MAX = 3


# ── scenario <-> field text ──────────────────────────────────────────────────────────────

def field_value(scenario, name):
    """A field's value in a scenario ("a.b" names a value in a sub-object), or None."""
    value = scenario
    for part in name.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _set(scenario, name, value):
    parts = name.split(".")
    target = scenario
    for part in parts[:-1]:
        target = target.setdefault(part, {})
    target[parts[-1]] = value


def _plain(number):
    """Shortest Swedish text for a number typed in a field (no thousands rounding surprises)."""
    if float(number).is_integer():
        return fmt.tal(number, 0)
    text = fmt.tal(number, 6).rstrip("0").rstrip(",")
    return text


def unit_text(field, value=None):
    """The unit beside a field for a value; a percentage's "%" is already in the field's
    text ("80 %")."""
    if field.kind == "fraction":
        return field.unit.removeprefix("%").strip()
    return field.unit_for(value)


# Fields whose unit follows the value ("1 person", "5 personer"): the page updates them.
UNITS_BY_VALUE = tuple(name for name, f in FIELDS.items() if f.unit_one)


def field_text(field, value):
    """The text a field shows for a value from the scenario."""
    if value is None:
        return ""
    kind = field.kind
    if kind in ("enum", "year"):
        return str(value)
    if kind == "fraction":
        return _plain(round(float(value) * 100, 10)) + fmt.NBSP + "%"
    return _plain(value)


def scenario_to_fields(scenario):
    return {name: field_text(field, field_value(scenario, name)) for name, field in FIELDS.items()}


def shown_text(field, value):
    """What the form shows for a value: an option's label, else the field's text."""
    option = field.option(value) if field.kind in ("enum", "year") else None
    return option.label if option else field_text(field, value)


def shown_fields(scenario):
    """The fields the form shows for this scenario (its show-when rules met), in form order."""
    return [f for f in FIELDS.values()
            if field_value(scenario, f.key) is not None
            and (not f.show_when or f.show_when.applies(field_value(scenario, f.show_when.field)))]


def fields_to_scenario(values, base):
    """Parse the page's field texts into a scenario; collects every error with its field name."""
    if not isinstance(values, dict):
        raise InputError("Uppgifterna från sidan kunde inte läsas.")
    unknown = sorted(set(values) - set(FIELDS))
    if unknown:
        shown = ", ".join(fmt.quoted(name) for name in unknown[:5]) + (" …" if len(unknown) > 5 else "")
        raise InputError(f"Okänt fält: {shown}.")
    scenario = {"version": scenario_mod.VERSION}
    errors = []
    # Sub-objects are rebuilt from their visible fields only.
    hidden = {name for name, f in FIELDS.items()
              if f.show_when and values.get(f.show_when.field, field_value(base, f.show_when.field)) not in f.show_when.values}
    for name, field in FIELDS.items():
        if name in hidden or name not in values:
            continue
        text = values[name]
        if not isinstance(text, str):
            errors.append({"falt": name, "meddelande": f"{field.label}: ange ett värde."})
            continue
        if not text.strip() and "." in name:
            continue
        if not text.strip():
            errors.append({"falt": name, "meddelande": f"{field.label}: fältet är tomt. Ange ett värde."})
            continue
        try:
            value = _parse(field, text)
        except InputError as err:
            errors.extend({"falt": name, "meddelande": m["meddelande"]} for m in err.messages)
            continue
        _set(scenario, name, value)
    if errors:
        raise InputError(errors)
    return scenario


# What a message about a number that could not be read suggests instead, by kind of field.
_EXAMPLES = {"int": "5", "kr": "25 000"}


def _parse(field, text):
    kind, label = field.kind, field.label
    if kind in ("enum", "year"):
        allowed = {str(o.value): o.value for o in field.choices()}
        if text not in allowed:
            raise InputError.field(label, f"{label}: välj ett av alternativen.")
        return allowed[text]
    if kind == "fraction":
        # "20,69 %" must give exactly 0.2069 (the same float a scenario file holds), not 20.69/100.
        return round(fmt.parse_procent(text, label), 12)
    value = fmt.parse_tal(text, label, _EXAMPLES.get(kind, "12 eller 12,5"))
    if kind == "int":
        if not float(value).is_integer():
            raise InputError.field(label, f"{label}: ange ett heltal.")
        return int(value)
    return int(value) if float(value).is_integer() else value


def _map_errors(err):
    """Point the model's messages (named by scenario key) at the form's fields."""
    out = []
    for message in err.messages:
        falt = message.get("falt")
        if falt and falt not in FIELDS:
            match = next((n for n in FIELDS if n.startswith(f"{falt}.") or falt.startswith(f"{n}.")), None)
            falt = match
        out.append({"falt": falt, "meddelande": message["meddelande"]})
    return InputError(out)


# ── what differs from the defaults ─────────────────────────────────────────────────────

def _default_text(field, value):
    if field.kind in ("enum", "year"):
        return shown_text(field, value).lower()  # "Ändrat, standard aktivitetsstöd"
    if field.kind == "fraction":
        return fmt.procent(value)
    if field.kind == "kr":
        return fmt.kr(value) if float(value).is_integer() else fmt.kr(value, 2)
    return _plain(value)


def _count(n, one, many):
    return f"{fmt.tal(n)} {one if n == 1 else many}"


def changed_fields(scenario):
    """{field name: its default} for the form fields whose value is not the default
    (calculators.model.scenario.changed)."""
    return {key: default for key, default in scenario_mod.changed(scenario).items() if key in FIELDS}


def changes(scenario, changed=None):
    """({field name: marker text}, {group id: summary text}) for the changed form fields
    (`changed`, from changed_fields, when the caller has it already)."""
    changed = changed_fields(scenario) if changed is None else changed
    markers = {key: f"Ändrat, standard {_default_text(FIELDS[key], default)}" for key, default in changed.items()}
    groups = {g.id: _count(sum(f.key in changed for f in g.fields), "ändrat värde", "ändrade värden")
              for g in GROUPS if any(f.key in changed for f in g.fields)}
    return markers, groups


# ── operations ──────────────────────────────────────────────────────────────────────────

def _compute(scenario, tornado_aktor="kopare"):
    try:
        result = results_view.evaluate(scenario, tornado=True, tornado_aktor=tornado_aktor)
    except InputError as err:
        raise _map_errors(err) from None
    return result


def shown_name(name):
    """A scenario's name as the page sends it (a saved scenario's), trimmed for a heading;
    "" for anything but text."""
    return fmt.drop_unsafe(name).strip()[:80] if isinstance(name, str) else ""


def berakna_sida(data):
    if not isinstance(data, dict):
        raise InputError("Förfrågan saknar uppgifter.")
    if "scenario" in data:
        scenario = data["scenario"]
        if not isinstance(scenario, dict):
            raise InputError("Scenariot måste vara ett JSON-objekt.")
    else:
        scenario = fields_to_scenario(data.get("falt"), results_view.default_scenario())
    visning = data.get("visning") if isinstance(data.get("visning"), dict) else {}
    result = _compute(scenario, visning.get("tornado_aktor", "kopare"))
    used = result["scenario"]
    changed = changed_fields(used)  # once: the marks and the printed assumptions both need it
    markers, groups = changes(used, changed)
    return {
        "scenario": used,
        "falt": scenario_to_fields(used),
        "html": {
            "resultat": results_html.results(result),
            "kanslighet": results_html.sensitivity(result),
            "antaganden": assumptions_html(used, changed),
            "svar": answer.answer(result, None, shown_name(visning.get("namn"))),
            "svarsrad": answer.answer_bar(result),
        },
        "andrade": markers,
        "grupper": groups,
        "enheter": {name: unit_text(FIELDS[name], field_value(used, name)) for name in UNITS_BY_VALUE
                    if field_value(used, name) is not None},
        "forinstallning": results_view.matching_preset(used),
    }


def osakerhet_sida(data):
    scenario = (data or {}).get("scenario")
    if not isinstance(scenario, dict):
        raise InputError("Förfrågan saknar scenario.")
    visning = data.get("visning") if isinstance(data.get("visning"), dict) else {}
    try:
        band = results_view.uncertainty(scenario)
        result = results_view.evaluate(scenario)
    except InputError as err:
        raise _map_errors(err) from None
    return {"html": results_html.band(band), "svar": answer.answer(result, band, shown_name(visning.get("namn")))}


_COUNT_WORDS = {2: "två", 3: "tre", 4: "fyra", 5: "fem", 6: "sex"}


def _compare_count():
    """ "två eller tre": how many saved scenarios a comparison takes."""
    low, high = _COUNT_WORDS[COMPARE_MIN], _COUNT_WORDS[COMPARE_MAX]
    return f"{low} till {high}" if COMPARE_MAX - COMPARE_MIN > 1 else f"{low} eller {high}"


def jamfor_sida(data):
    items = (data or {}).get("scenarier")
    if not isinstance(items, list) or not COMPARE_MIN <= len(items) <= COMPARE_MAX:
        raise InputError(f"Välj {_compare_count()} scenarier att jämföra.")
    named = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("namn"), str) or not isinstance(item.get("scenario"), dict):
            raise InputError("Ett sparat scenario kunde inte läsas.")
        named.append((item["namn"], results_view.evaluate(item["scenario"])))
    return {"html": results_html.comparison(named)}


OPS = {
    "berakna_sida": berakna_sida,
    "osakerhet_sida": osakerhet_sida,
    "jamfor_sida": jamfor_sida,
}


# ── build time: the whole tool as static HTML ──────────────────────────────────────────

def _e(text):
    return html.escape(str(text), quote=True)


def _source_note(field, params):
    """Where a field's default comes from, when a parameter supplies it."""
    param = params.get(field.source_param or field.default_param)
    if not param:
        return ""
    # Not checked against the agency's own publication yet (calculators/data/parametrar-*.toml).
    mark = "" if param["verifierad"] else ' <span class="sk-overifierad">(andrahandskälla)</span>'
    name = f"{_e(param['namn'])}, {param['ar']}"
    source = f'<a href="{_e(param["kalla"])}" rel="noopener">{name}</a>' if param["kalla"].startswith("http") else name
    # A parameter that only informs the field (the typfall's försörjningsstöd) is a source, not
    # the field's default.
    what = "Källa till standardvärdet" if field.default_param else "Källa"
    return f" {what}: {source}{mark}."


def _field_html(field, scenario, params):
    name = field.key
    fid = "sk-f-" + name.replace(".", "-")
    described = f"{fid}-andrad {fid}-hjalp {fid}-fel"
    visas = ""
    if field.show_when:
        rule = field.show_when
        visas = f' data-sk-visas-nar="{_e(rule.field)}:{_e(",".join(rule.values))}"'
        if not rule.applies(field_value(scenario, rule.field)):
            visas += " hidden"
    value = field_value(scenario, name)
    unit = unit_text(field, value)
    if field.kind in ("enum", "year"):
        options = "".join(
            f'<option value="{_e(o.value)}"{" selected" if str(value) == str(o.value) else ""}>{_e(o.label)}</option>'
            for o in field.choices()
        )
        control = f'<select id="{fid}" name="{_e(name)}" aria-describedby="{described}">{options}</select>'
    else:
        control = (
            f'<input id="{fid}" name="{_e(name)}" type="text" inputmode="decimal" autocomplete="off" '
            f'spellcheck="false" value="{_e(field_text(field, value))}" '
            f'aria-describedby="{described}{f" {fid}-enhet" if unit else ""}">'
        )
    # A unit that follows the value is Python's to say: the page leaves it out while a typed
    # value waits for Python ("7 person" was shown until it answered).
    follows = f' data-sk-enhet-foljer="{_e(name)}"' if name in UNITS_BY_VALUE else ""
    unit_html = f'<span class="sk-enhet" id="{fid}-enhet"{follows}>{_e(unit)}</span>' if unit else ""
    return (
        f'<div class="sk-falt sk-falt--{field.kind}"{visas}>'
        f'<label for="{fid}">{_e(field.label)}</label>'
        f'<div class="sk-kontroll">{control}{unit_html}</div>'
        f'<p class="sk-andrad" id="{fid}-andrad" data-sk-andrad="{_e(name)}" hidden></p>'
        f'<p class="sk-hjalp" id="{fid}-hjalp">{_e(field.help)}{_source_note(field, params)}</p>'
        f'<p class="sk-faltfel" id="{fid}-fel" data-sk-faltfel="{_e(name)}" hidden></p>'
        f"</div>"
    )


def _presets_html(presets, chosen):
    options = [f'<option value=""{" selected" if not chosen else ""}>Egna uppgifter (inget typfall)</option>']
    for preset in presets:
        values = {k: v for k, v in scenario_to_fields(preset["varden"]).items() if field_value(preset["varden"], k) is not None}
        options.append(
            f'<option value="{_e(preset["id"])}"{" selected" if preset["id"] == chosen else ""} '
            f'data-sk-falt="{_e(json.dumps(values, ensure_ascii=False))}">{_e(preset["namn"])}</option>'
        )
    return (
        '<div class="sk-falt sk-falt--forinstallning" data-sk-kraver-js hidden>'
        '<label for="sk-forinstallning">Personens situation före anställningen</label>'
        f'<div class="sk-kontroll"><select id="sk-forinstallning" data-sk-forinstallning aria-describedby="sk-forinstallning-hjalp">{"".join(options)}</select></div>'
        '<p class="sk-hjalp" id="sk-forinstallning-hjalp">Ett typfall fyller i ersättningar, stöd och sysselsättning '
        'för en vanlig situation. Ändrar du ett av värdena efteråt står det Egna uppgifter här; väljer du '
        'typfallet igen fylls dess värden i på nytt.</p>'
        "</div>"
    )


def _group_html(group, scenario, params, presets):
    inner = "".join(_field_html(f, scenario, params) for f in group.fields)
    if group.presets:
        inner = _presets_html(presets, results_view.matching_preset(scenario)) + inner
    if group.first:
        return (f'<fieldset class="sk-grupp sk-grupp--forst" id="sk-grupp-{group.id}">'
                f'<legend>{_e(group.heading)}</legend>{inner}</fieldset>')
    # A closed group: its heading is the summary, its fields a fieldset named by the same words.
    return (
        f'<details class="sk-fler" id="sk-grupp-{group.id}">'
        f'<summary><span class="sk-fler-rubrik">{_e(group.heading)}</span> '
        f'<span class="sk-fler-andrade" data-sk-andrade-grupp="{_e(group.id)}"></span></summary>'
        f'<fieldset class="sk-grupp"><legend class="sk-visuellt-dold">{_e(group.heading)}</legend>{inner}</fieldset>'
        "</details>"
    )


def browser_settings():
    """Settings the page's JavaScript reads from the calculator's root element; their one home
    is here (comparison limits) and in calculators.model.analysis (uncertainty draws and seed)."""
    return {
        "data-sk-jamfor-min": COMPARE_MIN,
        "data-sk-jamfor-max": COMPARE_MAX,
        "data-sk-osakerhet-dragningar": results_view.BAND_DRAWS,
        "data-sk-osakerhet-fro": results_view.BAND_SEED,
    }


def _with_unit(field, value):
    text = shown_text(field, value)
    unit = unit_text(field, value) if field.kind not in ("enum", "year") else ""
    return f"{text} {unit}".strip()


def assumption_rows(scenario, changed=None):
    """[(label, value, default or None)]: every field the form shows with its value as the
    form shows it, and for a changed value its default (the printout and the decision
    document list the same)."""
    changed = changed_fields(scenario) if changed is None else changed
    return [(f.label, _with_unit(f, field_value(scenario, f.key)),
             _default_text(f, changed[f.key]) if f.key in changed else None) for f in shown_fields(scenario)]


def assumptions_html(scenario, changed=None):
    """The inputs as a compact list for print (the form itself is not printed): every field
    the form shows and its value; a changed value is marked and its default given."""
    changed = changed_fields(scenario) if changed is None else changed

    def item(label, value, default):
        if default is None:
            return f"<div><dt>{_e(label)}</dt><dd>{_e(value)}</dd></div>"
        return f'<div class="sk-andrat"><dt>{_e(label)}</dt><dd>{_e(value)} (ändrat, standard {_e(default)})</dd></div>'

    items = "".join(item(*row) for row in assumption_rows(scenario, changed))
    preset = results_view.preset_name(scenario)
    return (
        '<h2 id="sk-antaganden-rubrik">Antaganden</h2>'
        + (f"<p>Personens situation före anställningen: typfallet {_e(preset)}.</p>" if preset else "")
        + f"<p>{_e(_count(len(changed), 'värde skiljer', 'värden skiljer'))} sig från standardscenariot"
        f"{' och är markerade med fetstil' if changed else ''}. Formler, parametrar och källor till "
        "standardvärdena står på sidan Så räknar vi på webbplatsen Sysselsättningskrav – beslutsstöd.</p>"
        f'<dl class="sk-indata">{items}</dl>'
    )


def render_page(year=None):
    """The whole calculator as HTML: status, the answer, the form, the default results, saved scenarios."""
    scenario = results_view.default_scenario(year)
    params = {p["id"]: p for p in results_view.parameters(scenario.get("inkomstar"))}
    result = results_view.evaluate(scenario, tornado=True)
    band = results_view.uncertainty(scenario)
    presets = results_view.presets()
    used = result["scenario"]
    first = "".join(_group_html(g, used, params, presets) for g in GROUPS if g.first)
    more = "".join(_group_html(g, used, params, presets) for g in GROUPS if not g.first)

    tornado_options = "".join(f'<option value="{_e(k)}">{_e(v)}</option>' for k, v in results_view.TORNADO_TARGETS.items())
    standard = _e(json.dumps(used, ensure_ascii=False))
    settings = " ".join(f'{name}="{_e(value)}"' for name, value in browser_settings().items())
    return f"""<div class="sk-berakning" id="sk-berakning" data-sk-verktyg="berakning" data-sk-standardscenario="{standard}" {settings}>
<div class="sk-statusrad">
<p class="sk-status" data-sk-status role="status">Resultatet är förberäknat för standardscenariot.</p>
<button type="button" class="md-button" data-sk-forsok-igen hidden>Försök igen</button>
</div>
<p class="sk-lagringsfel" data-sk-lagringsfel role="alert" hidden></p>
<div class="sk-lankmeddelande" data-sk-lankmeddelande tabindex="-1">
<p data-sk-lanktext role="status"></p>
<button type="button" class="md-button" data-sk-angra-lank hidden>Ångra</button>
</div>
<noscript><p class="sk-noscript"><strong>JavaScript är avstängt.</strong> Här visas standardscenariot, beräknat när webbplatsen byggdes. För att räkna med egna uppgifter behöver sidan JavaScript; beräkningen sker då helt i din webbläsare och inget skickas till någon server.</p></noscript>
<p class="sk-bara-utskrift sk-utskriftsdatum">Utskriven <span data-sk-utskriftsdatum></span> från webbplatsen Sysselsättningskrav – beslutsstöd.</p>
<div class="sk-arbetsyta">
<section class="sk-svar" data-sk-svar aria-labelledby="sk-svar-rubrik">
<p class="sk-svar-inaktuellt" data-sk-svar-inaktuellt hidden></p>
<div data-sk-svar-innehall>{answer.answer(result, band)}</div>
</section>
<form class="sk-formular" data-sk-form novalidate aria-label="Uppgifter för beräkningen">
{first}
<h2 class="sk-fler-rubrik" id="sk-fler-rubrik">Fler antaganden</h2>
<p class="sk-fler-ingress">Standardvärdena räcker för en första uppskattning. Öppna en grupp för att ändra dem; ändrade värden markeras.</p>
{more}
<p class="sk-formfel" data-sk-formfel role="alert" hidden></p>
<div class="sk-knapprad" data-sk-kraver-js hidden>
<button type="submit" class="md-button md-button--primary">Räkna</button>
<button type="button" class="md-button" data-sk-aterstall>Återställ standardvärden</button>
</div>
<div class="sk-svarsrad" data-sk-svarsrad>
<p class="sk-svar-inaktuellt" data-sk-svar-inaktuellt hidden></p>
<div data-sk-svarsrad-innehall>{answer.answer_bar(result)}</div>
</div>
</form>
</div>
<section class="sk-resultatdel" aria-labelledby="sk-resultat-rubrik">
<h2 id="sk-resultat-rubrik" tabindex="-1">Resultat</h2>
<p class="sk-inaktuellt-text" data-sk-inaktuellt role="status" hidden></p>
<p class="sk-visuellt-dold" data-sk-uppdaterat role="status"></p>
<div class="sk-resultat" data-sk-resultat>{results_html.results(result)}</div>
<p class="sk-inaktuellt-text" data-sk-osakerhet-vantar hidden></p>
<div class="sk-osakerhet" data-sk-osakerhet>{results_html.band(band)}</div>
<section class="sk-kanslighetsdel" aria-labelledby="sk-kanslighet-rubrik">
<h3 id="sk-kanslighet-rubrik">Känslighet: vilka uppgifter betyder mest?</h3>
<div class="sk-falt sk-falt--visning" data-sk-kraver-js hidden><label for="sk-tornado-aktor">Visa känsligheten för</label><div class="sk-kontroll"><select id="sk-tornado-aktor" data-sk-tornado-aktor>{tornado_options}</select></div></div>
<div data-sk-kanslighet>{results_html.sensitivity(result)}</div>
</section>
<section class="sk-bara-utskrift" data-sk-antaganden aria-labelledby="sk-antaganden-rubrik">{assumptions_html(used)}</section>
</section>
<section class="sk-atgarder" data-sk-kraver-js hidden aria-labelledby="sk-atgarder-rubrik">
<h2 id="sk-atgarder-rubrik">Spara, dela och exportera</h2>
<div class="sk-knapprad">
<button type="button" class="md-button" data-sk-dela>Kopiera delningslänk</button>
<button type="button" class="md-button" data-sk-exportera-csv>Exportera CSV</button>
<button type="button" class="md-button" data-sk-exportera-json>Exportera JSON</button>
<button type="button" class="md-button" data-sk-skriv-ut>Skriv ut eller spara som PDF</button>
<button type="button" class="md-button" data-sk-importera>Öppna ett sparat scenario (JSON-fil)</button>
</div>
<div class="sk-falt" hidden><label for="sk-delningslank">Delningslänk</label><div class="sk-kontroll"><input id="sk-delningslank" type="text" readonly data-sk-delningslank></div></div>
<input type="file" accept=".json,application/json" data-sk-importera-fil hidden aria-label="Scenario att öppna (JSON-fil)">
<p class="sk-atgardsmeddelande" data-sk-atgardsmeddelande role="status"></p>
<h3>Sparade scenarier</h3>
<p class="sk-hjalp">Scenarierna sparas bara i den här webbläsaren.</p>
<div class="sk-spara"><div class="sk-falt"><label for="sk-spara-namn">Namn på scenariot</label><div class="sk-kontroll"><input id="sk-spara-namn" type="text" data-sk-spara-namn autocomplete="off"></div></div>
<button type="button" class="md-button" data-sk-spara>Spara scenario</button></div>
<p data-sk-inga-sparade>Inga sparade scenarier ännu.</p>
<ul class="sk-sparade" data-sk-sparade-lista></ul>
<div class="sk-jamfor-del" data-sk-jamfor-del hidden>
<p class="sk-hjalp" id="sk-jamfor-hjalp">Kryssa i {_compare_count()} scenarier och jämför dem sida vid sida.</p>
<button type="button" class="md-button" data-sk-jamfor aria-describedby="sk-jamfor-hjalp">Jämför valda scenarier</button>
<p class="sk-atgardsmeddelande" data-sk-jamfor-meddelande role="status"></p>
</div>
<div class="sk-jamforelse" data-sk-jamforelse tabindex="-1" hidden></div>
</section>
</div>"""
