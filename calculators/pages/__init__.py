"""What people see of the impact model: pages, HTML fragments and downloadable files.

Nothing here computes an economic figure; every number comes from calculators.model, and
every label from its declarations (calculators.model.fields, calculators.model.actors).

Modules:
    calculator    the calculator page "Samhällsekonomisk beräkning": the form (built from the
                  field declarations), its parsing, the page's operations (OPS) and the page shell
    results_view  the model's results prepared for the page (tornado rows, uncertainty band)
    results_html  HTML fragments for the results: table, totals, charts, tornado, band, comparison
    export        CSV for Swedish Excel, Markdown and the terminal table; the "exportera_csv" operation
    method        the generated method page "Så räknar vi"
"""
