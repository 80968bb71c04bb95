#!/usr/bin/python3
"""
Opens .xlsx workbooks in LibreOffice Calc (headless, through Python UNO), forces a hard
recalculation of every formula and writes what Calc computed as JSON, for
scripts/libreoffice-check.js to compare with the add-in's own decimal.js figures.

Usage: /usr/bin/python3 libreoffice-recalc.py OUT.json PROFILE_DIR BOOK.xlsx [BOOK.xlsx ...]

It must run under Debian's /usr/bin/python3: python3-uno is built for that interpreter only.
A fresh user profile (PROFILE_DIR) keeps the run independent of anyone's settings and locks.

For each workbook and sheet it records:
  values    the data array after calculateAll() (numbers as floats, text as str)
  formulas  the formula array (formula text for formula cells), to prove a cell is live
  errors    {"D7": "Err:502"} for formula cells whose result is an error
  charts    the sheet's charts as Calc loaded them: [{"name": ..., "ranges": ["A82:C89"]}]
  before    how many cells differed before calculateAll(), i.e. how many cached values Calc
            had kept on load and then replaced: the proof that the recalculation happened.
"""
import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

ERROR_RESULT = 4  # com.sun.star.sheet.FormulaResult.ERROR


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def column_letter(index):
    letters = ''
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def start_office(profile_dir):
    pipe = 'bcfcheck%d' % os.getpid()
    office = subprocess.Popen(
        [
            '/usr/bin/soffice',
            '-env:UserInstallation=' + uno.systemPathToFileUrl(os.path.abspath(profile_dir)),
            '--headless', '--invisible', '--nologo', '--norestore', '--nodefault', '--nolockcheck',
            '--accept=pipe,name=%s;urp;StarOffice.ComponentContext' % pipe,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    deadline = time.time() + 90
    while True:
        try:
            ctx = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe)
            break
        except NoConnectException:
            if office.poll() is not None:
                raise SystemExit('soffice exited with code %s before accepting a connection' % office.returncode)
            if time.time() > deadline:
                office.kill()
                raise SystemExit('soffice did not accept a connection within 90 s')
            time.sleep(0.25)
    desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
    return office, desktop


def stop_office(office, desktop):
    try:
        desktop.terminate()
    except Exception:  # the bridge goes away as the office quits
        pass
    try:
        office.wait(timeout=30)
    except subprocess.TimeoutExpired:
        office.kill()


def used_range(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    end = cursor.getRangeAddress()
    return sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow)


def read_book(desktop, path):
    started = time.time()
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), '_blank', 0, (prop('Hidden', True), prop('ReadOnly', True)))
    if doc is None:
        raise SystemExit('LibreOffice could not open %s' % path)
    try:
        loaded = time.time()
        sheets = doc.getSheets()
        before = {name: used_range(sheets.getByName(name)).getDataArray() for name in sheets.getElementNames()}
        doc.calculateAll()
        calculated = time.time()
        out = []
        changed = 0
        for name in sheets.getElementNames():
            sheet = sheets.getByName(name)
            area = used_range(sheet)
            values = [list(row) for row in area.getDataArray()]
            formulas = [[f if f.startswith('=') else None for f in row] for row in area.getFormulaArray()]
            old = before[name]
            for r, row in enumerate(values):
                for c, v in enumerate(row):
                    if r >= len(old) or c >= len(old[r]) or old[r][c] != v:
                        changed += 1
            errors = {}
            found = sheet.queryFormulaCells(ERROR_RESULT)
            for address in found.getRangeAddresses():
                for r in range(address.StartRow, address.EndRow + 1):
                    for c in range(address.StartColumn, address.EndColumn + 1):
                        errors['%s%d' % (column_letter(c), r + 1)] = sheet.getCellByPosition(c, r).getString()
            charts = []
            table_charts = sheet.getCharts()
            for chart_name in table_charts.getElementNames():
                ranges = ['%s%d:%s%d' % (column_letter(a.StartColumn), a.StartRow + 1, column_letter(a.EndColumn), a.EndRow + 1) for a in table_charts.getByName(chart_name).getRanges()]
                charts.append({'name': chart_name, 'ranges': ranges})
            out.append({'name': name, 'values': values, 'formulas': formulas, 'errors': errors, 'charts': charts})
        return {
            'file': path,
            'sheets': out,
            'changedByRecalc': changed,
            'loadMs': round((loaded - started) * 1000),
            'calcMs': round((calculated - loaded) * 1000),
        }
    finally:
        doc.close(True)


def main(argv):
    if len(argv) < 4:
        raise SystemExit(__doc__)
    out_file, profile_dir, books = argv[1], argv[2], argv[3:]
    started = time.time()
    office, desktop = start_office(profile_dir)
    try:
        ready = time.time()
        results = [read_book(desktop, book) for book in books]
    finally:
        stop_office(office, desktop)
    with open(out_file, 'w', encoding='utf-8') as f:
        json.dump({'startMs': round((ready - started) * 1000), 'books': results}, f)


if __name__ == '__main__':
    main(sys.argv)
