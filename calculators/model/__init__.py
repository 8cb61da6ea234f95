"""The impact model for employment requirements (sysselsättningskrav): the economics only.

Everything a controller reads to check the numbers is here, and nothing in this package
draws HTML or imports calculators.pages.

Modules:
    params    parameter data per income year (calculators/data/parametrar-ÅÅÅÅ.toml)
    tax       Swedish income tax (grundavdrag, kommunal/regional/statlig skatt, jobbskatteavdrag)
    fields    every scenario field declared once (calculators/data/falt.toml): key, kind,
              unit, limits, default, label, help, form group, show-when rule, options
    actors    the actors and totals with their labels (calculators/data/aktorer.toml)
    scenario  scenario format version 1: defaults and validation with Swedish messages
    effects   the model itself: `evaluate(scenario) -> result`
    analysis  break-even, sensitivity (tornado), Monte Carlo and comparison
    presets   the typical cases in calculators/data/forinstallningar.toml
    api       the model's operations for `calculators.web.handle` (OPS)
"""
