#!/usr/bin/python3
"""
Makes test/fixtures/variants/koebenhavn-varianter.xlsx: København's eight
requests against the råderum (seed 004, one year, kr.) with K-8's variant:
"Forslag til bevilling 2,5 mio. kr. til intern indsats. Alternativt 5 mio. kr."
K-8 asks 2.500.000; `K-8 alt` asks 5.000.000 with `Alternativ til` K-8. The
department ranks the larger variant first (Prioritet 8, K-8 9), so a priority
mode funds 5,0 where it fits and 2,5 where only that fits.

Scenarios, one per allocation mode, with pools that make the choice matter:
- `Prioritet 27` (the base): 2,5 fits and 5,0 does not;
- `Prioritet 30`: 5,0 fits;
- `Delvis 27 uden K-7`: Prioritet, delvis, K-7 left out: K-8 alt is partly funded;
- `Bedste 28,3`: Bedste udnyttelse; without the group rule K-8 and K-8 alt together would fill 28,3;
- `Forholdsmæssig 17,6`: every request but K-8 (the group takes part once, by K-8 alt) gets half.

The file is committed, so `npm test` needs no Python; run this again
(Debian: python3-openpyxl) to remake it:

    /usr/bin/python3 scripts/make-variant-fixtures.py

What it must give is asserted in test/model/variants.test.ts (the engine on this file) and test/cli/cli.test.ts (the command line).
"""
import os

from openpyxl import Workbook
from openpyxl.styles import Font

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "fixtures", "variants")
UDVALG = "Beskæftigelses- og Integrationsudvalget"

# Nr, Titel, Ydelse, Prioritet, Alternativ til, Udgift 2025 (kr.)
REQUESTS = [
    ("K-1", "Borgere parate til job (dagpengemodtagere over 30 år)", "A-dagpenge", 1, None, 2200000),
    ("K-2", "Intensive forløb for udsatte sygedagpengemodtagere", "Sygedagpenge", 2, None, 7400000),
    ("K-3", "Uddannelsesmentorer: styrket samarbejde med uddannelsesstederne", "Uddannelseshjælp", 3, None, 3200000),
    ("K-4", "Intensiveret indsats for dagpengemodtagere med kort dagpengeperiode tilbage", "A-dagpenge", 4, None, 4200000),
    ("K-5", "Interne gruppeforløb til aktivitetsparate borgere", "Kontanthjælp", 5, None, 4300000),
    ("K-6", "Enkeltkøb af vejledning og opkvalificering til borgere i ressourceforløb", "Ressourceforløb", 6, None, 2900000),
    ("K-7", "Hurtig intensiv indsats for fleks- og ledighedsydelsesmodtagere", "Ledighedsydelse", 7, None, 6000000),
    ("K-8", "Finansiering af indsatser for borgere omfattet af arbejdspligt", "Kontanthjælp", 9, None, 2500000),
    ("K-8 alt", "Finansiering af indsatser for borgere omfattet af arbejdspligt (5 mio. kr.)", "Kontanthjælp", 8, "K-8", 5000000),
]

SCENARIOS = [
    # name, Råderum 2025, Fordeling, Udelad (None: as the base)
    ("Prioritet 27", 27000000, "Prioritet", "ingen"),
    ("Prioritet 30", 30000000, None, None),
    ("Delvis 27 uden K-7", 27000000, "Prioritet, delvis", "K-7"),
    ("Bedste 28,3", 28300000, "Bedste udnyttelse", None),
    ("Forholdsmæssig 17,6", 17600000, "Forholdsmæssig", None),
]


def main():
    wb = Workbook()
    ws = wb.active
    ws.title = "Forslag"
    ws.append(["Nr", "Titel", "Udvalg", "Art", "Ydelse", "Prioritet", "Alternativ til", "Udgift 2025"])
    for nr, title, benefit, priority, alternative, amount in REQUESTS:
        ws.append([nr, title, UDVALG, "Udvidelse", benefit, priority, alternative, amount])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in ws.iter_rows(min_row=2, min_col=8, max_col=8):
        row[0].number_format = "#,##0"
    sc = wb.create_sheet("Scenarier")
    sc.append(["Parameter", *[s[0] for s in SCENARIOS]])
    sc.append(["Enhed", "kr."])
    sc.append(["Råderum 2025", *[s[1] for s in SCENARIOS]])
    sc.append(["Fordeling", *[s[2] for s in SCENARIOS]])
    sc.append(["Udelad", *[s[3] for s in SCENARIOS]])
    for cell in sc[1]:
        cell.font = Font(bold=True)
    os.makedirs(OUT, exist_ok=True)
    wb.save(os.path.join(OUT, "koebenhavn-varianter.xlsx"))


if __name__ == "__main__":
    main()
