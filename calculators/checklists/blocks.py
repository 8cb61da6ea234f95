"""The decision document as data: one model, three renderers.

Python builds the document once as a list of blocks (plain JSON) and renders it here as HTML
(the page and print) and Markdown (the download); the browser renders the same blocks as a
Word file (overrides/assets/javascripts/sk-verktyg/docx-document.mjs). A block is one of:

    {"typ": "rubrik", "niva": 1–4, "text": str}
    {"typ": "stycke", "text": [run, ...], "klass": None | "varning" | "tom" | "omdome"
                                                   | "forklaring" | "liten" | "fritext"
                                                   | "fraga" | "saknas"}
        run = {"text": str, "fet"?: True, "lank"?: URL}
    {"typ": "lista", "punkter": [[run, ...], ...]}
    {"typ": "fakta", "par": [[term, value], ...]}
    {"typ": "tabell", "rubrik": str | None, "kolumner": [str, ...], "rader": [[str, ...], ...],
        "radrubriker": bool, "hoger": [column index, ...], "klass"?: str}
    {"typ": "sidbrytning"}
    {"typ": "kapitel", "klass"?: str, "block": [block, ...]}   (HTML <section>; flattened for Word)

Every string may hold user text: the renderers escape it (HTML, Markdown) and "\\n" is a line
break. Links are the site's own relative URLs (kept in HTML only).
"""

from __future__ import annotations

import re

from .escape import export_text, html_multiline, html_text as esc, md_cell, md_inline, md_text

PARAGRAPH_CLASS = {"varning": "sk-varning", "tom": "sk-tom", "omdome": "sk-omdome", "forklaring": "sk-forklaring",
                   "liten": "sk-liten", "fritext": "sk-fritext-svar", "fraga": "sk-fragetext",
                   "saknas": "sk-berakning-saknas"}


# ─── building ───────────────────────────────────────────────────────────────────────────


def heading(level: int, text: str) -> dict:
    return {"typ": "rubrik", "niva": level, "text": text}


def bold(text: str) -> dict:
    return {"text": text, "fet": True}


def link(text: str, url: str) -> dict:
    return {"text": text, "lank": url}


def _runs(parts) -> list[dict]:
    return [{"text": p} if isinstance(p, str) else p for p in parts if p]


def para(*parts, klass: str | None = None) -> dict:
    return {"typ": "stycke", "text": _runs(parts), "klass": klass}


def bullets(items) -> dict:
    return {"typ": "lista", "punkter": [_runs(i if isinstance(i, (list, tuple)) else [i]) for i in items]}


def facts(pairs) -> dict:
    return {"typ": "fakta", "par": [[k, v] for k, v in pairs]}


def table(columns, rows, caption=None, row_headers=True, right=(), klass=None) -> dict:
    out = {"typ": "tabell", "rubrik": caption, "kolumner": list(columns), "rader": [list(r) for r in rows],
           "radrubriker": row_headers, "hoger": list(right)}
    if klass:
        out["klass"] = klass
    return out


PAGE_BREAK = {"typ": "sidbrytning"}


def chapter(blocks, klass: str | None = None) -> dict:
    out = {"typ": "kapitel", "block": list(blocks)}
    if klass:
        out["klass"] = klass
    return out


def flat(blocks) -> list[dict]:
    """The blocks with chapters opened and every text cleaned of control and bidirectional
    characters (as the HTML and Markdown renderers clean them): what the Word renderer gets."""
    out = []
    for block in blocks:
        out.extend(flat(block["block"]) if block["typ"] == "kapitel" else [_clean(block)])
    return out


def _clean(value):
    if isinstance(value, str):
        return export_text(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value


# ─── HTML ───────────────────────────────────────────────────────────────────────────────


# A run of 30 or more characters without a space (a pasted link) may break anywhere: without
# this a printed table grows as wide as the run and its other columns fall off the paper. A
# date keeps together ("2027-03-31" would otherwise break at a hyphen).
_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_LONG = re.compile(r"\S{30,}")


def _cell(text) -> str:
    """Multi-line user text for a table cell or a fact (escaped first; the marks go around
    whole runs, never inside an entity)."""
    lines = html_multiline(text).split("<br>")
    lines = [_LONG.sub(lambda m: f'<span class="sk-langt-ord">{m.group(0)}</span>', line) for line in lines]
    return "<br>".join(_DATE.sub(lambda m: f'<span class="sk-datum-hel">{m.group(0)}</span>', line) for line in lines)


def _runs_html(runs) -> str:
    out = []
    for run in runs:
        text = html_multiline(run["text"])
        if run.get("lank"):
            text = f'<a href="{esc(run["lank"])}">{text}</a>'
        if run.get("fet"):
            text = f"<strong>{text}</strong>"
        out.append(text)
    return "".join(out)


def to_html(blocks, top: int = 1) -> str:
    """HTML for the blocks; a level-1 heading becomes <h`top`>."""
    out = []
    for b in blocks:
        kind = b["typ"]
        if kind == "rubrik":
            h = f"h{min(6, b['niva'] + top - 1)}"
            cls = "sk-dokument-rubrik" if b["niva"] == 1 else "sk-rubrik"
            out.append(f'<{h} class="{cls}">{esc(b["text"])}</{h}>')
        elif kind == "stycke":
            cls = PARAGRAPH_CLASS.get(b.get("klass") or "")
            attr = f' class="{cls}"' if cls else ""
            out.append(f"<p{attr}>{_runs_html(b['text'])}</p>")
        elif kind == "lista":
            out.append('<ul class="sk-lista">' + "".join(f"<li>{_runs_html(i)}</li>" for i in b["punkter"]) + "</ul>")
        elif kind == "fakta":
            out.append('<dl class="sk-dokument-fakta">'
                       + "".join(f"<dt>{esc(k)}</dt><dd>{_cell(v)}</dd>" for k, v in b["par"]) + "</dl>")
        elif kind == "tabell":
            out.append(_table_html(b))
        elif kind == "sidbrytning":
            out.append('<div class="sk-sidbrytning" aria-hidden="true"></div>')
        elif kind == "kapitel":
            cls = " ".join(["sk-dokument-kapitel"] + ([b["klass"]] if b.get("klass") else []))
            out.append(f'<section class="{cls}">\n{to_html(b["block"], top)}\n</section>')
    return "\n".join(out)


def _table_html(b) -> str:
    right = set(b["hoger"])
    num = lambda i: ' class="sk-tal"' if i in right else ""  # noqa: E731
    out = [f'<table class="sk-tabell{" " + b["klass"] if b.get("klass") else ""}">']
    if b["rubrik"]:
        out.append(f"<caption>{esc(b['rubrik'])}</caption>")
    out.append("<thead><tr>" + "".join(f'<th scope="col"{num(i)}>{esc(c)}</th>' for i, c in enumerate(b["kolumner"]))
               + "</tr></thead><tbody>")
    for row in b["rader"]:
        cells = []
        for i, cell in enumerate(row):
            if i == 0 and b["radrubriker"]:
                cells.append(f'<th scope="row">{_cell(cell)}</th>')
            else:
                # The column's name beside the value where a narrow screen stacks the cells.
                cells.append(f'<td{num(i)} data-kolumn="{esc(b["kolumner"][i])}">{_cell(cell)}</td>')
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


# ─── Markdown ───────────────────────────────────────────────────────────────────────────


def _runs_md(runs) -> str:
    out = []
    for run in runs:
        # md_inline trims each line (Markdown reads leading spaces as code); keep one space
        # between runs. Links are the site's relative URLs, which lead nowhere from a file:
        # the text stays, the address does not.
        text = md_inline(run["text"])
        lead = " " if run["text"][:1].isspace() else ""
        trail = " " if run["text"][-1:].isspace() else ""
        if run.get("fet") and text:
            text = f"**{text}**"
        out.append(lead + text + trail)
    return "".join(out)


def to_markdown(blocks) -> str:
    out = []
    for b in blocks:
        kind = b["typ"]
        if kind == "rubrik":
            out += ["#" * b["niva"] + " " + md_inline(b["text"]), ""]
        elif kind == "stycke":
            klass = b.get("klass")
            if klass == "fritext":
                out += [md_text("".join(r["text"] for r in b["text"])), ""]
            elif klass == "varning":
                out += ["> " + _runs_md(b["text"]), ""]
            elif klass == "tom":
                out += [f"*{_runs_md(b['text'])}*", ""]
            else:
                out += [_runs_md(b["text"]), ""]
        elif kind == "lista":
            out += [f"- {_runs_md(i)}" for i in b["punkter"]] + [""]
        elif kind == "fakta":
            out += [f"- **{md_inline(k)}:** {md_inline(v)}" for k, v in b["par"]] + [""]
        elif kind == "tabell":
            if b["rubrik"]:
                out += [f"*{md_inline(b['rubrik'])}*", ""]
            right = set(b["hoger"])
            out.append("| " + " | ".join(md_cell(c) for c in b["kolumner"]) + " |")
            out.append("|" + "".join("--:|" if i in right else "---|" for i in range(len(b["kolumner"]))))
            out += ["| " + " | ".join(md_cell(c) for c in row) + " |" for row in b["rader"]]
            out.append("")
        elif kind == "kapitel":
            out.append(to_markdown(b["block"]))
    return "\n".join(out).rstrip() + "\n"

