#!/usr/bin/python3
"""
Makes the adapters' contract fixtures in test/fixtures/contract/: each workbook
described in test/fixtures/contract/workbooks.json is written with openpyxl and
then opened, calculated and saved by LibreOffice, so formulas carry the results
a spreadsheet program stored (as Excel's files do). test/contract/adapters.test.ts
reads the files with the .xlsx adapter and builds the same cells in the Excel
double for the Office.js adapter. The files are committed, so `npm test` needs
neither tool; run this again (Debian: python3-openpyxl, libreoffice-calc-nogui):

    /usr/bin/python3 scripts/make-contract-fixtures.py
"""
import json
import os
import shutil
import sys
import tempfile

from openpyxl import Workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from openpyxl.worksheet.table import Table, TableStyleInfo

from fixture_tools import libreoffice

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "fixtures", "contract")


def put(ws, row, column, spec):
    """One cell as the JSON describes it (see workbooks.json's "about")."""
    if spec is None:
        return
    cell = ws.cell(row=row, column=column)
    if not isinstance(spec, dict):
        cell.value = spec
    elif "text" in spec:
        cell.value = spec["text"]
        cell.data_type = "s"
        cell.number_format = "@"
    elif "formula" in spec:
        cell.value = spec["formula"]
    else:
        cell.value = spec["value"]
    if isinstance(spec, dict) and "format" in spec:
        cell.number_format = spec["format"]


def workbook(description, path):
    wb = Workbook()
    wb.remove(wb.active)
    if description.get("date1904"):
        wb.epoch = CALENDAR_MAC_1904
    for sheet in description["sheets"]:
        ws = wb.create_sheet(sheet["name"])
        for r, row in enumerate(sheet["rows"], start=1):
            for c, spec in enumerate(row, start=1):
                put(ws, r, c, spec)
        for merged in sheet.get("merges", []):
            ws.merge_cells(merged)
        if "table" in sheet:
            table = Table(displayName=sheet["table"]["name"], ref=sheet["table"]["ref"])
            table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
            ws.add_table(table)
    wb.save(path)



def main():
    with open(os.path.join(OUT, "workbooks.json"), encoding="utf-8") as f:
        descriptions = json.load(f)["workbooks"]
    with tempfile.TemporaryDirectory() as tmp:
        for description in descriptions:
            source = os.path.join(tmp, description["name"] + ".xlsx")
            workbook(description, source)
            target = os.path.join(OUT, description["name"] + ".xlsx")
            if description.get("date1904"):
                # LibreOffice writes date1904="true", which ExcelJS 4.4 takes for false (it knows only "1", as
                # Excel and openpyxl write it): this one has no formulas and is kept as openpyxl wrote it.
                shutil.copy(source, target)
            else:
                libreoffice(source, target)
            print(os.path.join("test", "fixtures", "contract", description["name"] + ".xlsx"), file=sys.stderr)


if __name__ == "__main__":
    main()
