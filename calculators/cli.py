"""Command line for analysts: ``python -m calculators berakna SCENARIO.json``.

    python -m calculators berakna SCENARIO.json [--format tabell|json|csv|markdown]
                                  [--osakerhet N] [--fro SEED] [--kanslighet AKTÖR]
    python -m calculators berakna --exempel [--inkomstar 2025]   (prints a complete default scenario)
    python -m calculators berakna -                               (reads the scenario from stdin)
    python -m calculators parametrar [--inkomstar 2026]
    python -m calculators metod                                   (the method page as Markdown)

Errors give a Swedish message on stderr naming the field and exit code 2; there is never a
traceback. `main(argv, stdin, stdout, stderr) -> int` is the testable entry point.
"""

import argparse
import json
import sys

from calculators import jsontext
from calculators.errors import InputError

EXIT_OK = 0
EXIT_UNEXPECTED = 1
EXIT_INPUT = 2


class _ParserError(Exception):
    pass


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, prefix="Användning: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """ArgumentParser with Swedish headings that raises instead of exiting."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "Argument"
        self._optionals.title = "Flaggor"
        self.add_argument("-h", "--hjalp", "--help", action="help", help="visa den här hjälptexten och avsluta")

    def error(self, message):
        raise _ParserError(_translate(message))

    def exit(self, status=0, message=None):
        if message:
            raise _ParserError(message.strip())
        raise SystemExit(status)


_TRANSLATIONS = (
    ("the following arguments are required: ", "följande argument saknas: "),
    ("unrecognized arguments: ", "okända argument: "),
    ("invalid choice: ", "ogiltigt val: "),
    ("(choose from ", "(välj bland "),
    ("invalid int value: ", "ogiltigt heltal: "),
    ("expected one argument", "förväntade ett värde"),
    ("argument ", "argument "),
)


def _translate(message):
    for en, sv in _TRANSLATIONS:
        message = message.replace(en, sv)
    return message


def build_parser():
    parser = _Parser(
        prog="python -m calculators",
        description="Samhällsekonomisk beräkning för sysselsättningskrav i offentlig upphandling.",
        epilog="Exempel:\n  python -m calculators berakna --exempel > scenario.json\n"
               "  python -m calculators berakna scenario.json --format csv > resultat.csv\n"
               "  python -m calculators berakna scenario.json --osakerhet 2000 --fro 1",
    )
    sub = parser.add_subparsers(dest="kommando", title="Kommandon", metavar="KOMMANDO", parser_class=_Parser)

    b = sub.add_parser("berakna", help="beräkna ett scenario (JSON-fil, eller - för standard in)",
                       description="Beräkna effekterna per aktör för ett scenario i format version 2 (version 1 läses med sin gamla betydelse).")
    b.add_argument("scenario", nargs="?", metavar="SCENARIO",
                   help="sökväg till scenariofilen (JSON), eller - för att läsa från standard in")
    b.add_argument("--format", choices=("tabell", "json", "csv", "markdown"), default="tabell",
                   help="utdataformat: tabell (standard), json, csv (för svenska Excel) eller markdown")
    b.add_argument("--exempel", action="store_true",
                   help="skriv ut ett komplett standardscenario att utgå från och avsluta")
    b.add_argument("--inkomstar", type=int, metavar="ÅR",
                   help="inkomstår för --exempel (2025 eller 2026); annars används scenariots inkomstår")
    b.add_argument("--osakerhet", type=int, metavar="N",
                   help="kör en osäkerhetsanalys (Monte Carlo) med N dragningar")
    b.add_argument("--fro", type=int, default=1, metavar="FRÖ",
                   help="frö för slumptalen i osäkerhetsanalysen (standard 1); samma frö ger samma siffror")
    b.add_argument("--kanslighet", metavar="AKTÖR",
                   help="visa känslighetsanalys för en aktör (t.ex. kopare, kommun, arbetsgivare) i json-format")

    pp = sub.add_parser("parametrar", help="lista inkomstårets parametrar med källor",
                        description="Lista parametrarna för ett inkomstår med värde, enhet och källa.")
    pp.add_argument("--inkomstar", type=int, default=2026, metavar="ÅR", help="inkomstår (2025 eller 2026)")
    pp.add_argument("--format", choices=("tabell", "json"), default="tabell", help="utdataformat")

    sub.add_parser("metod", help="skriv ut metodsidan ”Så räknar vi” som Markdown",
                   description="Skriv ut metodsidan ”Så räknar vi” som Markdown.")
    return parser


def _read_scenario(path, stdin):
    if path == "-":
        text = stdin.read()
        where = "standard in"
    else:
        try:
            with open(path, encoding="utf-8-sig") as fh:
                text = fh.read()
        except FileNotFoundError:
            raise InputError.field("scenario", f"Scenariofilen ”{path}” finns inte.") from None
        except IsADirectoryError:
            raise InputError.field("scenario", f"”{path}” är en mapp, inte en scenariofil.") from None
        except PermissionError:
            raise InputError.field("scenario", f"Scenariofilen ”{path}” kan inte läsas (saknar behörighet).") from None
        except UnicodeDecodeError:
            raise InputError.field("scenario", f"Scenariofilen ”{path}” är inte UTF-8-kodad text.") from None
        except OSError as err:
            raise InputError.field("scenario", f"Scenariofilen ”{path}” kan inte läsas ({err.strerror or 'okänt fel'}).") from None
        where = f"”{path}”"
    try:
        return jsontext.loads(text)
    except jsontext.TooDeep:
        raise InputError.field("scenario", f"Scenariot i {where} är för djupt nästlat för att vara ett scenario (högst {jsontext.MAX_DEPTH} nivåer).") from None
    except json.JSONDecodeError as err:
        raise InputError.field("scenario", f"Scenariot i {where} är inte giltig JSON: rad {err.lineno}, kolumn {err.colno}.") from None
    except (ValueError, RecursionError):
        raise InputError.field("scenario", f"Scenariot i {where} är inte giltig JSON.") from None


def _json(obj):
    return json.dumps(obj, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _cmd_berakna(args, stdin, stdout):
    from calculators.model import analysis, effects, params, scenario
    from calculators.pages import export

    if args.exempel:
        year = args.inkomstar if args.inkomstar is not None else params.DEFAULT_YEAR
        params.check_year(year)
        stdout.write(_json(scenario.default_scenario(year)))
        return EXIT_OK
    if args.scenario is None:
        raise InputError.field("scenario", "Ange en scenariofil (eller - för standard in), eller --exempel för ett exempelscenario.")
    data = _read_scenario(args.scenario, stdin)
    if args.inkomstar is not None:
        params.check_year(args.inkomstar)
        if isinstance(data, dict):
            data = dict(data)
            data["inkomstar"] = args.inkomstar
    sc = scenario.validate(data)
    result = effects.evaluate_validated(sc)
    result["aldre_format"] = effects.upgrade_notes(data, result)
    mc = None
    if args.osakerhet is not None:
        mc = analysis.monte_carlo(sc, args.osakerhet, args.fro)
        result["osakerhet"] = mc
    if args.kanslighet is not None:
        result["kanslighet"] = analysis.sensitivity(sc, args.kanslighet)
    if args.format == "json":
        stdout.write(_json(result))
    elif args.format == "csv":
        text = export.to_csv(result, mc)
        buffer = getattr(stdout, "buffer", None)
        if buffer is not None:
            stdout.flush()
            buffer.write(text.encode("utf-8"))
            buffer.flush()
        else:
            stdout.write(text)
    elif args.format == "markdown":
        stdout.write(export.to_markdown(result, mc))
    else:
        stdout.write(export.to_table(result, mc))
    return EXIT_OK


def _cmd_parametrar(args, stdout):
    from calculators.model import params
    from calculators.format import tal

    params.check_year(args.inkomstar)
    items = params.listing(args.inkomstar)
    if args.format == "json":
        stdout.write(_json(items))
        return EXIT_OK
    for it in items:
        value = it["varde"]
        if isinstance(value, (int, float)):
            shown = tal(value, 4).rstrip("0").rstrip(",") if isinstance(value, float) else tal(value)
        elif isinstance(value, dict):
            shown = ", ".join(f"{k} {v}" for k, v in value.items())
        else:
            shown = f"{len(value)} skikt"
        mark = "" if it["verifierad"] else "  [ej verifierad]"
        stdout.write(f"{it['namn']}: {shown} ({it['enhet']}, {it['ar']}){mark}\n    Källa: {it['kalla']}\n")
    return EXIT_OK


def main(argv=None, stdin=None, stdout=None, stderr=None):
    """Run the command line; returns the exit code (0 ok, 2 bad input, 1 unexpected error)."""
    stdin = stdin if stdin is not None else sys.stdin
    stdout = stdout if stdout is not None else sys.stdout
    stderr = stderr if stderr is not None else sys.stderr
    argv = list(sys.argv[1:] if argv is None else argv)
    known = {"berakna", "parametrar", "metod", "-h", "--hjalp", "--help"}
    if argv and argv[0] not in known and (argv[0] == "-" or not argv[0].startswith("-") or argv[0] == "--exempel"):
        argv.insert(0, "berakna")
    parser = build_parser()
    try:
        try:
            args = parser.parse_args(argv)
        except SystemExit as stop:  # --hjalp
            return int(stop.code or 0)
        if args.kommando is None:
            stdout.write(parser.format_help())
            return EXIT_OK
        if args.kommando == "berakna":
            return _cmd_berakna(args, stdin, stdout)
        if args.kommando == "parametrar":
            return _cmd_parametrar(args, stdout)
        from calculators.pages.method import render_method_markdown
        stdout.write(render_method_markdown())
        return EXIT_OK
    except _ParserError as err:
        stderr.write(f"Fel: {err}\nSkriv ”python -m calculators berakna --hjalp” för hjälp.\n")
        return EXIT_INPUT
    except InputError as err:
        for msg in err.messages:
            field = f" [{msg['falt']}]" if msg.get("falt") else ""
            stderr.write(f"Fel{field}: {msg['meddelande']}\n")
        return EXIT_INPUT
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        stderr.write("Avbrutet.\n")
        return EXIT_UNEXPECTED
    except Exception:  # noqa: BLE001 - never show a traceback to the user
        stderr.write("Fel: ett oväntat fel uppstod i beräkningen. Kontrollera scenariot och försök igen.\n")
        return EXIT_UNEXPECTED
