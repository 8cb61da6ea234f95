"""The socio-economic impact model for employment requirements (sysselsättningskrav).

Modules:
    params    parameter data per income year (calculators/data/parametrar-ÅÅÅÅ.toml)
    tax       Swedish income tax (grundavdrag, kommunal/regional/statlig skatt, jobbskatteavdrag)
    scenario  scenario format version 1: defaults and validation with Swedish messages
    model     the model itself: `evaluate(scenario) -> result`
    analysis  break-even, sensitivity (tornado), Monte Carlo and comparison
    export    CSV, Markdown and terminal table output
    presets   the typical cases in calculators/data/forinstallningar.toml
    method    the generated method page "Så räknar vi"
    api       operations for `calculators.web.handle` (OPS)
"""
