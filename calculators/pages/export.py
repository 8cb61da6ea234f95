"""Output formats for a result: CSV for Swedish Excel, Markdown and a terminal table.

    to_csv(result, osakerhet=None, name="", day="") -> str
                                               UTF-8 text with BOM, ";" separator, decimal comma, CRLF
    to_markdown(result, osakerhet=None) -> str
    to_table(result, osakerhet=None) -> str    readable Swedish table for a terminal
    OPS["exportera_csv"]                       the browser's CSV download: {"scenario", "osakerhet"?,
                                               "namn"?, "datum"?, "kanslighet"?} -> {"innehall"}
                                               (the page names the file, as the JSON)
"""

import re

from calculators.errors import InputError
from calculators.format import kr, procent, tal
from calculators.model import actors, api, fields
from calculators.model.actors import ACTORS, TOTALS as TOTAL_KEYS
from calculators.pages import answer, calculator, results_html, results_view

# The labels on screen (calculators/data/aktorer.toml) are the labels in every export.
ACTOR_LABELS = actors.LABELS

BOM = "\ufeff"


def _csv_number(x, decimals=2):
    """A number as Swedish Excel reads it: decimal comma, no thousands separator, '-' minus."""
    if x is None:
        return ""
    value = round(float(x), decimals)
    if value == 0:
        value = 0.0
    return f"{value:.{decimals}f}".replace(".", ",")


def _csv_plain(x):
    """A typed value as Swedish Excel reads it, as exact as typed: "25000", "20,69", "-1,5"."""
    value = round(float(x), 10)
    if value.is_integer():
        return str(int(value))
    return f"{value:.10f}".rstrip("0").replace(".", ",")


def _csv_input(field, value):
    """An input's (value, unit) for the CSV: a number Excel reads (a percentage in percent, as
    the form shows it) and its unit from the form; an option as the form's list names it."""
    if field.kind in ("enum", "year"):
        return calculator.shown_text(field, value), ""
    if field.kind == "fraction":
        return _csv_plain(float(value) * 100), field.unit
    return _csv_plain(value), field.unit


def _csv_cell(text):
    text = str(text)
    if any(c in text for c in ';"\r\n'):
        text = '"' + text.replace('"', '""') + '"'
    return text


# Each break-even sentence's figure: its key, its name in the CSV and its scale.
_BREAK_EVEN_VALUES = {
    "max_upphandlingskostnad_och_bonus_text": ("max_upphandlingskostnad_och_bonus", "Högsta merkostnad och bonus (kr)", 1),
    "manader_till_brytpunkt_text": ("manader_till_brytpunkt", "Månader till brytpunkt för den upphandlande organisationen", 1),
    "lagsta_produktionsfaktor_text": ("lagsta_produktionsfaktor", "Lägsta produktionsfaktor (%)", 100),
    "lagsta_stod_text": ("lagsta_stod_per_manad", "Lägsta stöd per månad (kr)", 1),
}


def to_csv(result, osakerhet=None, name="", day=""):
    """CSV that opens correctly in Swedish Excel (BOM, semicolons, decimal comma, CRLF).
    `name` is the scenario's (shown as the answer's heading shows it) and `day` the date it
    was computed, "YYYY-MM-DD", or ""."""
    # What the file is about, as the answer's heading says it ("Scenario: <name>. 5 personer,
    # …": a name the user typed never starts a cell, so Excel never reads it as a formula).
    rows = [[answer.heading_line(result["scenario"], calculator.shown_name(name))]]
    if day:
        rows.append(["Beräknad", day])
    rows.append([])
    # The screen's table: its headings and rows; amounts in kronor as numbers Excel reads.
    rows.append(list(results_html.actor_columns(result["scenario"]["antal_personer"])))
    rows += [[label, *(_csv_number(a) for a in amounts)] for _key, label, *amounts in results_html.actor_rows(result)]
    rows.append([])
    # The kommun's month per person, as the table under it on screen (employment only).
    month = results_html.kommun_month_rows(result)
    if month:
        rows.append([results_html.KOMMUN_MONTH_CAPTION, "Kronor"])
        rows += [[label, _csv_number(value)] for label, value in month]
        rows.append([])
    rows.append(["Brytpunkt", "Värde", "Förklaring"])
    b = result["brytpunkter"]
    for text_key in results_view.BREAK_EVEN_TEXTS:  # in the page's order
        key, name, scale = _BREAK_EVEN_VALUES[text_key]
        value = b.get(key)
        rows.append([name, _csv_number(None if value is None else value * scale), b.get(text_key, "")])
    page = result.get("sida", {})
    if page.get("tornado"):
        # The sensitivity table as on screen: the values tried as the page shows them.
        rows.append([])
        rows.append([results_html.tornado_caption(page["tornado_aktor"], page["tornado_bas"])])
        rows.append(list(results_html.TORNADO_COLUMNS))
        rows += [[r["namn"], r["lag_text"], _csv_number(r["lag"]), r["hog_text"], _csv_number(r["hog"])]
                 for r in page["tornado"]]
    if osakerhet:
        # The screen's words (no percentiles, seeds or draws): its caption, headings and rows.
        buyer = results_html.BUYER_NAMES[result["scenario"]["upphandlande_organisation"]]
        rows.append([])
        rows.append([results_html.BAND_CAPTION])
        rows.append([results_html.BAND_MEANING])
        rows.append(["Aktör", *results_html.BAND_COLUMNS])
        for k, v in osakerhet["percentiler"].items():
            rows.append([ACTOR_LABELS[k], _csv_number(v["p10"]), _csv_number(v["p50"]), _csv_number(v["p90"])])
        rows.append([f"Sannolikheten att {buyer} går jämnt upp eller bättre (%)",
                     _csv_number(osakerhet["sannolikhet_kopare_ej_negativ"] * 100, 1)])
    rows.append([])
    # The inputs the form shows, by its labels: numbers Excel reads, each with the form's unit.
    rows.append(["Uppgift", "Värde", "Enhet"])
    for f in calculator.shown_fields(result["scenario"]):
        rows.append([f.label, *_csv_input(f, calculator.field_value(result["scenario"], f.key))])
    rows.append([])
    rows.append([results_html.WARNINGS_HEADING])
    for w in result["varningar"]:
        rows.append([w])
    return BOM + "\r\n".join(";".join(_csv_cell(c) for c in row) for row in rows) + "\r\n"



def _breakeven_lines(result):
    b = result["brytpunkter"]
    return [b[key] for key in results_view.BREAK_EVEN_TEXTS if b.get(key)]


def to_markdown(result, osakerhet=None):
    """The result as a Markdown document (Swedish)."""
    lines = ["## Resultat per aktör", "",
             "| Aktör | Per person och månad | Per person under kravet | Totalt |",
             "|---|---:|---:|---:|"]
    for a in ACTORS:
        lines.append(f"| {ACTOR_LABELS[a]} | {kr(result['per_person_och_manad'][a])} | "
                     f"{kr(result['per_person'][a])} | {kr(result['totalt'][a])} |")
    for k in TOTAL_KEYS:
        lines.append(f"| **{ACTOR_LABELS[k]}** | | | **{kr(result['totalt'][k])}** |")
    lines += ["", "## Brytpunkter", ""] + [f"- {t}" for t in _breakeven_lines(result)]
    if osakerhet:
        lines += ["", f"## Osäkerhet ({tal(osakerhet['dragningar'])} dragningar, frö {osakerhet['fro']})", "",
                  "| | P10 | P50 | P90 |", "|---|---:|---:|---:|"]
        for k, v in osakerhet["percentiler"].items():
            lines.append(f"| {ACTOR_LABELS[k]} | {kr(v['p10'])} | {kr(v['p50'])} | {kr(v['p90'])} |")
        lines += ["", f"Sannolikhet att den upphandlande organisationen går jämnt upp eller bättre: "
                      f"{procent(osakerhet['sannolikhet_kopare_ej_negativ'], 1)}."]
    if result["varningar"]:
        lines += ["", f"## {results_html.WARNINGS_HEADING}", ""] + [f"- {w}" for w in result["varningar"]]
    return "\n".join(lines) + "\n"


def to_table(result, osakerhet=None):
    """A readable Swedish table for the terminal."""
    head = ("Aktör", "Per person och månad", "Per person", "Totalt")
    body = [(ACTOR_LABELS[a], kr(result["per_person_och_manad"][a]), kr(result["per_person"][a]),
             kr(result["totalt"][a])) for a in ACTORS]
    sums = [(ACTOR_LABELS[k], "", "", kr(result["totalt"][k])) for k in TOTAL_KEYS]
    widths = [max(len(r[i]) for r in [head] + body + sums) for i in range(4)]

    def fmt(row):
        return "  ".join(row[0].ljust(widths[0]) if i == 0 else row[i].rjust(widths[i]) for i in range(4)).rstrip()

    sep = "  ".join("─" * w for w in widths)
    sc = result["scenario"]
    title = (f"Samhällsekonomisk beräkning, inkomstår {sc['inkomstar']}: {tal(sc['antal_personer'])} "
             f"person(er), {tal(sc['manader'], 1).rstrip('0').rstrip(',')} månader, "
             f"{fields.option_label('sysselsattningstyp', sc['sysselsattningstyp']).lower()}, upphandlande organisation: "
             f"{fields.option_label('upphandlande_organisation', sc['upphandlande_organisation']).lower()}")
    out = [title, "", fmt(head), sep] + [fmt(r) for r in body] + [sep] + [fmt(r) for r in sums]
    out += ["", "Brytpunkter:"] + [f"  • {t}" for t in _breakeven_lines(result)]
    if osakerhet:
        out += ["", f"Osäkerhet ({tal(osakerhet['dragningar'])} dragningar, frö {osakerhet['fro']}):"]
        h2 = ("", "P10", "P50", "P90")
        rows2 = [(ACTOR_LABELS[k], kr(v["p10"]), kr(v["p50"]), kr(v["p90"])) for k, v in osakerhet["percentiler"].items()]
        w2 = [max(len(r[i]) for r in [h2] + rows2) for i in range(4)]
        for r in [h2] + rows2:
            out.append("  " + "  ".join(r[0].ljust(w2[0]) if i == 0 else r[i].rjust(w2[i]) for i in range(4)).rstrip())
        out.append(f"  Sannolikhet att den upphandlande organisationen går jämnt upp eller bättre: "
                   f"{procent(osakerhet['sannolikhet_kopare_ej_negativ'], 1)}")
    if result["varningar"]:
        out += ["", f"{results_html.WARNINGS_HEADING}:"] + [f"  • {w}" for w in result["varningar"]]
    return "\n".join(out) + "\n"


DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def exportera_csv(data):
    """The result as CSV text for Swedish Excel:
    {"scenario", "osakerhet"?, "namn"?, "datum"?, "kanslighet"? (the sensitivity's actor)}."""
    data = api.request_data(data)
    api.check_keys(data, ("scenario", "osakerhet", "namn", "datum", "kanslighet"))
    day = data.get("datum", "")
    if not isinstance(day, str) or day and not DAY.fullmatch(day):  # refused before any computing
        raise InputError.field("datum", "Datum: ange det som ÅÅÅÅ-MM-DD.")
    sc = api.scenario_of(data)
    # With the sensitivity for the actor chosen on the page (the buyer unless told).
    result = results_view.evaluate(sc, tornado=True, tornado_aktor=data.get("kanslighet", "kopare"))
    mc = api.uncertainty(sc, data.get("osakerhet"))
    return {"innehall": to_csv(result, mc, data.get("namn", ""), day)}


OPS = {"exportera_csv": exportera_csv}
