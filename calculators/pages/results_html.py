"""HTML fragments for the calculator page, rendered by the same Python at build time and in the
browser: the actor table, the two totals, the bar chart (inline SVG + data table), break-even
sentences, the tornado chart and the uncertainty band, and the side-by-side comparison.

Everything here takes the model's plain result dicts and returns HTML strings; numbers are
formatted the Swedish way (`1 234 567 kr`, minus sign U+2212).
"""

from __future__ import annotations

import html

from calculators import format as fmt
from calculators.model import actors, fields

# (key, label) of each actor, from its one declaration (calculators/data/aktorer.toml).
ACTORS = [(key, actors.label(key)) for key in actors.ACTORS]
SUMMA, INDIREKT, NETTO = (actors.label(k) for k in ("summa_aktorer", "indirekt_skatt", "samhallsekonomiskt_netto"))
# "kommunen", "regionen", "staten": the buyer in sentences.
BUYER_NAMES = fields.definite_names("upphandlande_organisation")


def _e(text):
    return html.escape(str(text), quote=True)


def kr(value):
    return fmt.kr(value)


def _scroll(table_html, label):
    """A table in a horizontally scrollable, keyboard-focusable region (narrow screens)."""
    return (
        f'<div class="md-typeset__scrollwrap" tabindex="0" role="region" aria-label="{_e(label)}">'
        f'<div class="md-typeset__table">{table_html}</div></div>'
    )


# A table whose columns are not all needed on a phone: its optional cells carry this class.
OPTIONAL = "sk-valfri"


def _narrow_table(table_id, toggle_text, table_html, label):
    """A table whose optional columns a narrow screen shows only on request: a checkbox before
    the table shows them (CSS :has(), sk-berakning.css "results on a phone"). On a wide screen
    every column shows and the checkbox is not there."""
    box = f"{table_id}-visa"
    return (
        '<div class="sk-smal-tabell">'
        f'<p class="sk-kolumnval"><input type="checkbox" id="{box}" aria-controls="{table_id}">'
        f'<label for="{box}">{_e(toggle_text)}</label></p>'
        f"{_scroll(table_html, label)}</div>"
    )


def _cls(*names):
    names = " ".join(n for n in names if n)
    return f' class="{names}"' if names else ""


def _sign_class(value):
    if value > 0.5:
        return "sk-plus"
    if value < -0.5:
        return "sk-minus"
    return "sk-noll"


# ── actor table and totals ───────────────────────────────────────────────────────────────

def actor_columns(n):
    """The actor table's column headings, on screen and in the CSV download."""
    people = "1 person" if n == 1 else f"{fmt.tal(n)} personer"
    return ("Aktör", "Per person och månad", "Per person under perioden", f"Alla personer ({people}), inklusive engångsposter")


def actor_rows(result):
    """The actor table's rows, on screen and in the CSV download: (key, label, per person and
    month, per person over the period, all people); None where the table shows "–"."""
    ppm, pp, tot = result["per_person_och_manad"], result["per_person"], result["totalt"]
    rows = [(key, name, ppm[key], pp[key], tot[key]) for key, name in ACTORS]
    rows.append(("summa_aktorer", SUMMA, sum(ppm[k] for k, _ in ACTORS), sum(pp[k] for k, _ in ACTORS),
                 tot["summa_aktorer"]))
    rows += [(key, name, None, None, tot[key]) for key, name in (("indirekt_skatt", INDIREKT), ("samhallsekonomiskt_netto", NETTO))]
    return rows


# The totals' rows are set apart; the actors' amounts are coloured by sign.
_TOTAL_ROW_CLASS = {"summa_aktorer": "sk-summa", "indirekt_skatt": "sk-indirekt", "samhallsekonomiskt_netto": "sk-netto"}


def actor_table(result, caption="Resultat per aktör"):
    """The actor table; on a phone the per-person columns show on request (Aktör and Alla
    personer always)."""
    rows = []
    for key, name, *amounts in actor_rows(result):
        total_row = key in _TOTAL_ROW_CLASS
        cells = []
        for i, amount in enumerate(amounts):
            sign = "" if total_row else _sign_class(amount)
            mark = f' data-sk-varde="{_e(key)}"' if i == 2 else ""
            cells.append(f"<td{_cls(OPTIONAL if i < 2 else '', sign)}{mark}>{'–' if amount is None else kr(amount)}</td>")
        row_class = f' class="{_TOTAL_ROW_CLASS[key]}"' if total_row else ""
        rows.append(f'<tr{row_class}><th scope="row">{name}</th>{"".join(cells)}</tr>')
    n = result["scenario"]["antal_personer"]
    head = "".join(f'<th scope="col"{_cls(OPTIONAL if i in (1, 2) else "")}>{_e(c)}</th>'
                   for i, c in enumerate(actor_columns(n)))
    return _narrow_table(
        "sk-aktorer-tabell", "Visa belopp per person",
        '<table class="sk-aktorer" id="sk-aktorer-tabell">'
        f"<caption>{_e(caption)}. Positiva tal är vinster, negativa är kostnader.</caption>"
        f"<thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>",
        caption,
    )


def totals_explained(result):
    """The buyer's figure and the net value first; the sum of the actors after, with what it counts twice."""
    tot = result["totalt"]
    buyer = result["scenario"]["upphandlande_organisation"]
    summa, netto, indirekt = tot["summa_aktorer"], tot["samhallsekonomiskt_netto"], tot["indirekt_skatt"]
    return (
        '<div class="sk-totaler">'
        f'<p class="sk-nyckeltal"><span>För {BUYER_NAMES[buyer]}</span> <strong data-sk-nyckel="kopare">{kr(tot[buyer])}</strong></p>'
        f'<p class="sk-nyckeltal"><span>{NETTO}</span> <strong data-sk-nyckel="samhallsekonomiskt_netto">{kr(netto)}</strong></p>'
        f'<p class="sk-nyckeltal sk-nyckeltal-mindre"><span>{SUMMA}</span> <strong data-sk-nyckel="summa_aktorer">{kr(summa)}</strong></p>'
        f"<p>{_e(actors.note('summa_aktorer'))} Skillnaden mellan de två summorna är den indirekta skatten "
        f"({kr(indirekt)}).</p>"
        "</div>"
    )


# ── bar chart ────────────────────────────────────────────────────────────────────────────

# The charts' text is 15 px (sk-berakning.css) in drawing units; a digit, a space or a letter
# is at most about this wide, so a value's text can be kept off the bars and the edges.
_CHAR_W = 8.8


def _value_place(text, x, w, value, zero_x, left, right):
    """Where a bar's value text goes: (x, anchor, inside) — beyond the bar's end if it fits
    before the picture's edge, else inside the bar if the bar is long enough, else on the
    other side of the zero line."""
    need = len(text) * _CHAR_W + 6
    if value >= 0:
        if x + w + need <= right:
            return x + w + 6, "start", False
        if w >= need + 6:
            return x + w - 6, "end", True
        return zero_x - 6, "end", False
    if x - need >= left:
        return x - 6, "end", False
    if w >= need + 6:
        return x + 6, "start", True
    return zero_x + 6, "start", False


def _bar_svg(items, variant, title, desc):
    """One bar chart drawing. "bred": labels left of the bars (desktop); "smal": labels above
    the bars in a narrow picture, so the text stays legible on a phone."""
    narrow = variant == "smal"
    width, label_w = (360, 0) if narrow else (640, 250)
    row_h, top = (52, 10) if narrow else (34, 10)
    bar_y, bar_h = (22, 22) if narrow else (6, row_h - 12)
    plot_w = width - label_w - 20
    height = top + row_h * len(items) + 10
    biggest = max(abs(v) for _, v in items) or 1.0
    neg = min(0.0, min(v for _, v in items))
    pos = max(0.0, max(v for _, v in items))
    span = (pos - neg) or biggest
    zero_x = label_w + 10 * narrow + plot_w * (-neg / span)
    bars = []
    for i, (name, value) in enumerate(items):
        y = top + i * row_h
        w = plot_w * abs(value) / span
        x = zero_x if value >= 0 else zero_x - w
        text_y = y + bar_y + bar_h / 2 + 5
        text = kr(value)
        tx, anchor, inside = _value_place(text, x, w, value, zero_x, label_w, width)
        cls_t = "sk-stapeltext sk-stapeltext--inne" if inside else "sk-stapeltext"
        line = f'<line x1="0" x2="{width}" y1="{y - 2}" y2="{y - 2}" class="sk-skiljelinje" />' if i == len(ACTORS) else ""
        if narrow:  # the zero line beside each bar only: it does not cross the labels above the bars
            line += (f'<line x1="{zero_x:.1f}" x2="{zero_x:.1f}" y1="{y + bar_y - 3}" y2="{y + bar_y + bar_h + 3}" '
                     'class="sk-nollinje" />')
        label = (f'<text x="0" y="{y + 15}" class="sk-stapeletikett">{_e(name)}</text>' if narrow else
                 f'<text x="{label_w - 10}" y="{text_y:.1f}" text-anchor="end" class="sk-stapeletikett">{_e(name)}</text>')
        bars.append(
            f"{line}{label}"
            f'<rect x="{x:.1f}" y="{y + bar_y}" width="{max(w, 1):.1f}" height="{bar_h}" class="sk-stapel {_sign_class(value)}" />'
            f'<text x="{tx:.1f}" y="{text_y:.1f}" text-anchor="{anchor}" class="{cls_t}">{_e(text)}</text>'
        )
    ids = f"sk-stapel-{variant}"
    zero_line = "" if narrow else (
        f'<line x1="{zero_x:.1f}" x2="{zero_x:.1f}" y1="{top - 4}" y2="{height - 4}" class="sk-nollinje" />')
    return (
        f'<svg class="sk-diagram sk-diagram--{variant}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{ids}-titel {ids}-beskrivning" preserveAspectRatio="xMinYMin meet">'
        f'<title id="{ids}-titel">{_e(title)}</title>'
        f'<desc id="{ids}-beskrivning">{_e(desc)}</desc>'
        f"{zero_line}{''.join(bars)}</svg>"
    )


def bar_chart(result, title="Resultat per aktör, alla personer"):
    tot = result["totalt"]
    items = [(name, tot[key]) for key, name in ACTORS] + [
        (SUMMA, tot["summa_aktorer"]),
        (NETTO, tot["samhallsekonomiskt_netto"]),
    ]
    desc = "; ".join(f"{name}: {kr(v)}" for name, v in items)
    svgs = _bar_svg(items, "bred", title, desc) + _bar_svg(items, "smal", title, desc)
    table = (
        '<div class="sk-visuellt-dold"><table class="sk-diagramdata"><caption>Diagrammets värden</caption>'
        '<thead><tr><th scope="col">Aktör</th><th scope="col">Alla personer</th></tr></thead><tbody>'
        + "".join(f'<tr><th scope="row">{_e(n)}</th><td>{kr(v)}</td></tr>' for n, v in items)
        + "</tbody></table></div>"
    )
    return f'<figure class="sk-figur">{svgs}<figcaption>{_e(title)}. Staplar till höger om nollinjen är vinster, till vänster kostnader.</figcaption>{table}</figure>'


# ── break-even, tornado, uncertainty ─────────────────────────────────────────────────────

def break_even(sentences):
    if not sentences:
        return ""
    items = "".join(f"<li>{_e(s)}</li>" for s in sentences)
    return f'<section class="sk-brytpunkter" aria-labelledby="sk-brytpunkter-rubrik"><h3 id="sk-brytpunkter-rubrik">När går det jämnt upp?</h3><ul>{items}</ul></section>'


def _short(text, room):
    """A label cut to `room` characters (the full text is in the chart's description and table)."""
    return text if len(text) <= room else text[:room - 1].rstrip() + "…"


def _tornado_svg(rows, variant, base, title, desc):
    """One drawing of the sensitivity chart. "bred": labels left of the bars (desktop);
    "smal": labels above the bars in a narrow picture, so the text stays legible on a phone."""
    narrow = variant == "smal"
    width, label_w = (360, 0) if narrow else (640, 300)
    row_h, bar_y, bar_h = (50, 22, 20) if narrow else (30, 5, 20)
    top = 30 if narrow else 24
    plot_x, plot_w = (4, width - 8) if narrow else (label_w, width - label_w - 20)
    height = top + row_h * len(rows) + 10
    values = [base] + [r["lag"] for r in rows] + [r["hog"] for r in rows]
    lo, hi = min(values), max(values)
    span = (hi - lo) or 1.0
    lo -= span * 0.05
    hi += span * 0.05
    span = hi - lo

    def x(v):
        return plot_x + plot_w * (v - lo) / span

    parts = []
    for i, row in enumerate(rows):
        y = top + i * row_h
        if narrow:  # the base line beside each bar only: it does not cross the labels above the bars
            parts.append(f'<line x1="{x(base):.1f}" x2="{x(base):.1f}" y1="{y + bar_y - 3}" '
                         f'y2="{y + bar_y + bar_h + 3}" class="sk-nollinje" />')
        for v, cls in ((row["lag"], "sk-tornado-lag"), (row["hog"], "sk-tornado-hog")):
            a, b = sorted((x(base), x(v)))
            parts.append(f'<rect x="{a:.1f}" y="{y + bar_y}" width="{max(b - a, 1):.1f}" height="{bar_h}" class="{cls}" />')
        if narrow:
            parts.append(f'<text x="0" y="{y + 15}" class="sk-stapeletikett">{_e(_short(row["namn"], 42))}</text>')
        else:
            parts.append(f'<text x="{label_w - 10}" y="{y + row_h / 2 + 5:.1f}" text-anchor="end" '
                         f'class="sk-stapeletikett">{_e(_short(row["namn"], 34))}</text>')
    # The base value's text stays within the picture: centred on its line where there is room.
    bx = x(base)
    base_text = f"Med era uppgifter: {kr(base)}"
    half = len(base_text) * _CHAR_W / 2
    anchor = "start" if bx - half < 0 else "end" if bx + half > width else "middle"
    ids = f"sk-tornado-{variant}"
    return (
        f'<svg class="sk-diagram sk-diagram--{variant} sk-tornado" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{ids}-titel {ids}-beskrivning" preserveAspectRatio="xMinYMin meet">'
        f'<title id="{ids}-titel">{_e(title)}</title><desc id="{ids}-beskrivning">{_e(desc)}</desc>'
        f'<text x="{bx:.1f}" y="{top - 10}" text-anchor="{anchor}" class="sk-stapeltext">{_e(base_text)}</text>'
        + ("" if narrow else f'<line x1="{bx:.1f}" x2="{bx:.1f}" y1="{top - 4}" y2="{height - 4}" class="sk-nollinje" />')
        + f"{''.join(parts)}</svg>"
    )


# The sensitivity table's headings, on screen and in the CSV download.
TORNADO_COLUMNS = ("Uppgift", "Lågt värde", "Resultat med lågt värde", "Högt värde", "Resultat med högt värde")


def tornado_caption(actor_name, base):
    return f"Känslighet: {actor_name} när en uppgift i taget ändras (med era uppgifter: {kr(base)})"


def tornado(rows, actor_name, base):
    """rows: [{"namn", "lag_text", "hog_text", "lag", "hog"}] (values of the actor's total)."""
    if not rows:
        return ""
    desc = "; ".join(f'{r["namn"]}: {r["lag_text"]} ger {kr(r["lag"])}, {r["hog_text"]} ger {kr(r["hog"])}' for r in rows)
    title = f"Känslighet: {actor_name}"
    what, low, low_result, high, high_result = TORNADO_COLUMNS
    svg = _tornado_svg(rows, "bred", base, title, desc) + _tornado_svg(rows, "smal", base, title, desc)
    table_rows = "".join(
        f'<tr><th scope="row">{_e(r["namn"])}</th><td class="{OPTIONAL}">{_e(r["lag_text"])}</td><td>{kr(r["lag"])}</td>'
        f'<td class="{OPTIONAL}">{_e(r["hog_text"])}</td><td>{kr(r["hog"])}</td></tr>'
        for r in rows
    )
    # On a phone the values tried show on request; each result's heading says which it is.
    table = _narrow_table(
        "sk-tornado-tabell", "Visa de prövade värdena",
        '<table class="sk-tornadotabell" id="sk-tornado-tabell">'
        f"<caption>{_e(tornado_caption(actor_name, base))}</caption>"
        f'<thead><tr><th scope="col">{what}</th><th scope="col" class="{OPTIONAL}">{low}</th>'
        f'<th scope="col">{low_result}</th>'
        f'<th scope="col" class="{OPTIONAL}">{high}</th><th scope="col">{high_result}</th></tr></thead>'
        f"<tbody>{table_rows}</tbody></table>",
        title,
    )
    # The heading and the choice of actor stand above this fragment on the page (pages.calculator).
    return (
        '<div class="sk-kanslighet">'
        '<p class="sk-forklaring"><span class="sk-nyckel sk-tornado-lag"></span> lågt värde '
        '<span class="sk-nyckel sk-tornado-hog"></span> högt värde</p>'
        f'<figure class="sk-figur">{svg}</figure>{table}</div>'
    )


# The uncertainty table's headings, on screen and in the CSV download: plain words for the
# 10th, 50th and 90th percentile of the outcomes (explained for analysts under "Så räknas").
BAND_COLUMNS = ("Troligen lägst", "Mittvärde", "Troligen högst")
BAND_CAPTION = "Troligt intervall, alla personer"
BAND_MEANING = "I 8 fall av 10 hamnar resultatet mellan troligen lägst och troligen högst."


def band(data):
    """data: {"dragningar", "fro", "aktorer": [{"namn", "p10", "p50", "p90"}], "sannolikhet_kopare": p, "kopare"}"""
    if not data:
        return ""
    low, mid, high = BAND_COLUMNS
    rows = "".join(
        f'<tr><th scope="row">{_e(a["namn"])}</th><td>{kr(a["p10"])}</td>'
        f'<td class="{OPTIONAL}">{kr(a["p50"])}</td><td>{kr(a["p90"])}</td></tr>'
        for a in data["aktorer"]
    )
    prob = data.get("sannolikhet_kopare")
    prob_text = (
        f'<p class="sk-sannolikhet">Sannolikheten att {_e(data.get("kopare", "den upphandlande organisationen"))} går jämnt upp eller bättre: '
        f"<strong>{fmt.sannolikhet(prob)}</strong>.</p>"
        if prob is not None else ""
    )
    lead = "".join(
        f"<li>Troligt intervall {_e(h['namn'])}: {kr(h['p10'])} till {kr(h['p90'])} (mittvärde {kr(h['p50'])}).</li>"
        for h in data.get("huvudtal", []))
    table = _narrow_table(
        "sk-band-tabell", "Visa mittvärde",
        f'<table class="sk-band" id="sk-band-tabell"><caption>{_e(BAND_CAPTION)}</caption>'
        f'<thead><tr><th scope="col">Aktör</th><th scope="col">{_e(low)}</th>'
        f'<th scope="col" class="{OPTIONAL}">{_e(mid)}</th><th scope="col">{_e(high)}</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>",
        "Troligt intervall",
    )
    none, whole, tenth = fmt.procent(0.0, 0), fmt.procent(1.0, 0), fmt.procent(0.1, 0)
    method = (
        '<details class="sk-metod"><summary>Så räknas intervallet</summary>'
        f'<p>Scenariot räknas om {fmt.tal(data["dragningar"])} gånger med slumpade varianter av uppgifterna '
        f'(fast frö {fmt.tal(data["fro"])}, så samma uppgifter ger alltid samma tal). '
        "Produktionsfaktor, lön, försörjningsstöd, fullföljd tid, jobb som hade blivit ändå och undanträngning varierar åt båda "
        "hållen runt det du angett; kravets längd varierar inte, den står i avtalet. "
        f"Där du angett {none} dödvikt och undanträngning eller {whole} fullföljd tid kan utfallet bara bli sämre "
        "på den punkten, så resultatet ovan ligger då inte mitt i intervallet och ibland utanför det.</p>"
        f"<p>{_e(low)} är den 10:e percentilen (P10): {tenth} av utfallen är lägre. {_e(mid)} är medianen (P50). "
        f"{_e(high)} är den 90:e percentilen (P90): {tenth} av utfallen är högre.</p>"
        "</details>"
    )
    return (
        '<section aria-labelledby="sk-osakerhet-rubrik">'
        '<h3 id="sk-osakerhet-rubrik">Osäkerhet</h3>'
        "<p>Flera av uppgifterna är uppskattningar. Därför visar vi ett troligt intervall: "
        "i 8 fall av 10 hamnar resultatet mellan de två beloppen. Resultatet ovan räknar med precis de "
        "uppgifter du angett. Där osäkerheten bara kan gå åt ett håll (inga jobb som hade blivit ändå, "
        "all tid fullföljd) ligger resultatet inte mitt i intervallet och ibland utanför det.</p>"
        + (f'<ul class="sk-huvudintervall">{lead}</ul>' if lead else "")
        + prob_text + table + method
        + "</section>"
    )


# The warnings' heading, on screen and in every export.
WARNINGS_HEADING = "Att tänka på"


def warnings(items):
    if not items:
        return ""
    return f'<div class="admonition note sk-varningar"><p class="admonition-title">{WARNINGS_HEADING}</p><ul>' + "".join(
        f"<li>{_e(w)}</li>" for w in items
    ) + "</ul></div>"


def older_format(notes):
    """What reading a version-1 scenario changed (nothing when the scenario is current)."""
    if not notes:
        return ""
    return ('<div class="sk-aldre-format admonition note" role="note"><p class="admonition-title">Äldre scenario</p>'
            + "".join(f"<p>{_e(n)}</p>" for n in notes) + "</div>")


KOMMUN_MONTH_CAPTION = "Så blir kommunens resultat per person och månad (engångsposterna kommer till i totalen)"


def kommun_month_rows(result):
    """[(label, kr)] of the kommun's month per person, its sum last; [] where it has none
    (praktik). The screen's table and the CSV."""
    parts = result.get("delposter", {}).get("kommunen_per_manad")
    if not parts:
        return []
    rows = [
        ("Kommunalskatt på lönen (minus skatt på ersättningar före)", parts["kommunalskatt"]),
        ("Utjämning: minskat bidrag eller ökad avgift", parts["utjamning"]),
        ("Försörjningsstöd som inte längre betalas (utjämnas inte)", parts["forsorjningsstod"]),
    ]
    priced = result["delposter"]["leverantorens_kostnad_i_priset"]
    if priced["betalas_av"] == "kommun":
        rows.append(("Leverantörens kostnad för kravet, betald i priset", -priced["per_person_och_manad"]))
    return rows + [("Kommunen per person och månad", result["per_person_och_manad"]["kommun"])]


def kommun_month(result):
    """Where the kommun's figure per person and month comes from (employment only)."""
    rows = kommun_month_rows(result)
    if not rows:
        return ""
    *parts, (total_label, total) = rows
    body = "".join(f'<tr><th scope="row">{_e(label)}</th><td>{kr(value)}</td></tr>' for label, value in parts)
    return (f'<table class="sk-tabell sk-kommun-manad"><caption>{_e(KOMMUN_MONTH_CAPTION)}</caption>'
            f'<tbody>{body}</tbody><tfoot><tr><th scope="row">{_e(total_label)}</th>'
            f'<td>{kr(total)}</td></tr></tfoot></table>')


def results(result):
    """The main results fragment (swapped in on every recalculation)."""
    extra = result.get("sida", {})
    return (
        older_format(result.get("aldre_format", []))
        + totals_explained(result)
        + bar_chart(result)
        + actor_table(result)
        + kommun_month(result)
        + break_even(extra.get("brytpunkter_text", []))
        + warnings(result.get("varningar", []))
    )


def sensitivity(result):
    """The sensitivity chart for the actor chosen beside it (swapped in with the results)."""
    extra = result.get("sida", {})
    return tornado(extra.get("tornado", []), extra.get("tornado_aktor", ""), extra.get("tornado_bas", 0.0))


def _option_text(key, value):
    """An option as the form's list shows it (its label, capitalised); a value that is no option, capitalised."""
    text = fields.option_label(key, value)
    return text[:1].upper() + text[1:]


def comparison(named):
    """named: [(name, result)] — side-by-side table of totals and key inputs."""
    # A name the user typed is isolated: right-to-left letters in it do not reorder the rest.
    head = "".join(f'<th scope="col"><bdi>{_e(n)}</bdi></th>' for n, _ in named)
    # Two groups under one heading row of scenario names: the results, then the inputs.
    def group(title):
        return f'<tr class="sk-jamfor-grupp"><th scope="colgroup" colspan="{len(named) + 1}">{title}</th></tr>'
    rows = [group("Resultat per aktör")]
    for key, label in ACTORS + [("summa_aktorer", SUMMA), ("samhallsekonomiskt_netto", NETTO)]:
        cells = "".join(f'<td class="{_sign_class(r["totalt"][key])}">{kr(r["totalt"][key])}</td>' for _, r in named)
        rows.append(f'<tr><th scope="row">{label}</th>{cells}</tr>')
    inputs = [
        ("sysselsattningstyp", lambda s: _option_text("sysselsattningstyp", s["sysselsattningstyp"])),
        ("antal_personer", lambda s: fmt.tal(s["antal_personer"])),
        ("manader", lambda s: fmt.tal(s["manader"], 1).replace(",0", "")),
        ("bruttolon", lambda s: kr(s["bruttolon"])),
        ("anstallningsstod.typ", lambda s: _option_text("anstallningsstod.typ", s["anstallningsstod"]["typ"])),
        ("produktionsfaktor", lambda s: fmt.procent(s["produktionsfaktor"])),
        # The situation before the job: what most often turns the kommun's figure around.
        ("forsorjningsstod", lambda s: kr(s["forsorjningsstod"])),
        ("statlig_ersattning.typ", lambda s: _option_text("statlig_ersattning.typ", s["statlig_ersattning"]["typ"])),
        ("upphandlingskostnad", lambda s: kr(s["upphandlingskostnad"])),
    ]
    rows.append(group("Uppgifter"))
    for key, get in inputs:
        label = _e(fields.label(key))
        cells = "".join(f"<td>{_e(get(r['scenario']))}</td>" for _, r in named)
        rows.append(f'<tr class="sk-indata"><th scope="row">{label}</th>{cells}</tr>')
    return (
        '<h3 id="sk-jamforelse-rubrik">Jämförelse</h3>'
        + _scroll(
            f'<table class="sk-jamfor sk-jamfor--{len(named)}"><caption>Sparade scenarier sida vid sida, alla personer</caption>'
            f'<thead><tr><th scope="col">Scenario</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>',
            "Jämförelse",
        )
    )
