"""The impact model for employment requirements (sysselsättningskrav): the economics only.

Everything a controller reads to check the numbers is here, and nothing in this package
draws HTML or imports calculators.pages.

Modules:
    params    parameter data per income year (calculators/data/parametrar-ÅÅÅÅ.toml)
    tax       Swedish income tax (grundavdrag, kommunal/regional/statlig skatt, jobbskatteavdrag)
    fields    every scenario field declared once (calculators/data/falt.toml): key, kind,
              unit, limits, default, label, help, form group, show-when rule, options
    actors    the actors and totals with their labels (calculators/data/aktorer.toml)
    scenario  scenario format version 2 (version 1 read with its old meaning): defaults and validation
    age_rules what the person's age decides: employer contribution, older tax rules, nystartsjobb months
    equalisation  kommunalekonomisk utjämning: the share of new tax base that goes to the state
    effects   the model itself: `evaluate(scenario) -> result`
    breakeven the break-even figures with their Swedish sentences
    caveats   the result's Swedish warnings about its assumptions
    analysis  sensitivity (tornado), Monte Carlo and comparison
    presets   the typical cases in calculators/data/forinstallningar.toml
    api       the model's operations for `calculators.web.handle` (OPS)
"""
