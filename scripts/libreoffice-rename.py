#!/usr/bin/python3
"""
Renames a sheet of an .xlsx workbook in LibreOffice Calc, as a person would, and saves it as .xlsx:
Calc rewrites every formula that refers to the sheet, the planner's registry among them. For
scripts/rename-calc-check.js, which checks that a rebuild of the renamed workbook keeps its figures.

Usage: /usr/bin/python3 libreoffice-rename.py PROFILE_DIR IN.xlsx OUT.xlsx FROM TO
Runs under Debian's /usr/bin/python3 (python3-uno), as scripts/libreoffice-recalc.py does.
"""
import os
import sys

import uno

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from importlib import import_module

recalc = import_module('libreoffice-recalc')


def main(argv):
    if len(argv) != 6:
        raise SystemExit(__doc__)
    profile_dir, source, target, old, new = argv[1:]
    office, desktop = recalc.start_office(profile_dir)
    try:
        url = uno.systemPathToFileUrl(os.path.abspath(source))
        doc = desktop.loadComponentFromURL(url, '_blank', 0, (recalc.prop('Hidden', True),))
        if doc is None:
            raise SystemExit('LibreOffice could not open %s' % source)
        try:
            doc.getSheets().getByName(old).setName(new)
            out = uno.systemPathToFileUrl(os.path.abspath(target))
            doc.storeToURL(out, (recalc.prop('FilterName', 'Calc MS Excel 2007 XML'), recalc.prop('Overwrite', True)))
        finally:
            doc.close(True)
    finally:
        recalc.stop_office(office, desktop)


if __name__ == '__main__':
    main(sys.argv)
