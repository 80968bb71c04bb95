'use strict';
/**
 * Microsoft's real Excel JavaScript client (@microsoft/office-js, dist/excel-web-16.00.js) running in a
 * Node vm, with the Office host bridge replaced by a recorder and a small synthetic workbook. Each
 * entry of `calls` is one real round trip with the exact request body Excel would receive, so tests
 * (and scripts/officeBench.js) can count round trips, measure request bytes and check what was sent.
 * The technique is described in /work/shared/OFFICE-RECORDER.md; this copy lives in the project so a
 * clone outside the workspace still passes its tests. Plain CommonJS for jest and plain Node alike.
 *
 *   const { loadExcel, FakeWorkbook } = require('./officeRecorder');
 *   const book = new FakeWorkbook({ sheets: { Sheet1: [] } });
 *   const office = loadExcel({ respond: book.respond });
 *   await new OfficeWorkbook(office.Excel).apply(plan);
 *   office.calls -> [{ bodyBytes, body, refused, writes }]
 *
 * With `loadExcel({ respond: book.respond, book })` the session also hears the book's Office events
 * (see "Office events" near the end): `book.edit(...)` is a person typing in the grid.
 */
const vm = require('vm');
const fs = require('fs');
const path = require('path');

const REQUEST_LIMIT = 5_000_000;

/** The client, compiled once: each session still runs it in a realm of its own (half the cost of a load). */
function clientScript(lib = 'excel-web-16.00.js') {
  const file = require.resolve(`@microsoft/office-js/dist/${lib}`, { paths: [path.join(__dirname, '..', '..')] });
  return new vm.Script(fs.readFileSync(file, 'utf8'), { filename: path.basename(file) });
}

let cached;

/**
 * Loads the client into a fresh vm realm; `respond(body, call)` answers each request. With `book`,
 * this add-in session also hears the book's events (see "Office events" below).
 */
function loadExcel({ respond = new FakeWorkbook().respond, book } = {}) {
  cached = cached || clientScript();
  const sandbox = {
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    Promise,
    TextEncoder,
    URL,
    navigator: { userAgent: 'node', language: 'en-GB' },
    location: { href: 'https://localhost:3000/taskpane.html', hash: '', search: '' },
    addEventListener() {},
    removeEventListener() {},
  };
  sandbox.window = sandbox.self = sandbox.top = sandbox.parent = sandbox;
  sandbox.document = {
    readyState: 'complete',
    addEventListener() {},
    getElementsByTagName: () => [],
    createElement: () => ({ setAttribute() {}, style: {} }),
    head: { appendChild() {} },
    cookie: '',
    URL: 'https://localhost:3000/taskpane.html',
  };
  vm.createContext(sandbox);
  cached.runInContext(sandbox);

  const encoder = new TextEncoder();
  const calls = [];
  let responder = respond;
  // Every batch goes through this function inside Office:
  // safeArray = [customData, 'POST', 'ProcessQuery', headers, bodyText, appPermission, requestFlags, ...]
  sandbox.OSF.DDA.RichApi.executeRichApiRequestAsync = (safeArray, callback) => {
    const bodyText = safeArray[4];
    const call = {
      bodyText,
      bodyBytes: encoder.encode(bodyText).length,
      body: JSON.parse(bodyText),
      refused: false,
      writes: [],
    };
    calls.push(call);
    session.own(call);
    let response;
    try {
      response = responder(call.body, call);
    } catch (e) {
      response = { Error: { Code: 'GeneralException', Message: String((e && e.stack) || e) } };
    }
    call.responseBytes = response && !response.hostError ? encoder.encode(JSON.stringify(response)).length : 0;
    if (response && response.hostError) {
      call.refused = true;
      // The library turns host error 5103 into its own RequestPayloadSizeLimitExceeded error.
      return setImmediate(() => callback({ status: 'failed', error: response.hostError }));
    }
    setImmediate(() => callback({ status: 'succeeded', value: { data: [200, [], JSON.stringify(response)] } }));
  };
  // Excel.run sends a clean-up request (_RemoveReference) after the batch; awaiting it keeps counts exact.
  sandbox.OfficeExtension.Utility._synchronousCleanup = true;
  const session = connectEvents(sandbox, book);

  return {
    Excel: sandbox.Excel,
    OfficeExtension: sandbox.OfficeExtension,
    calls,
    setResponder(f) {
      responder = f;
    },
    reset() {
      calls.length = 0;
    },
    /** The events the host sent this session, as their fields (type, source, worksheetId, ...). */
    events: () => session.delivered,
    /** Round trips that do real work: everything but Excel.run's reference clean-up. */
    workCalls: () => calls.filter((c) => !isCleanupOnly(c)),
  };
}

function isCleanupOnly(call) {
  return call.body.Actions.every((a) => a.ActionType === 1 || a.Name === '_RemoveReference');
}

// ---------------------------------------------------------------------------------------------
// A synthetic workbook: enough of Excel's object model to answer what the adapter sends. It has no
// calculation; a formula cell's value is null unless `evaluate` says otherwise.

function columnIndex(letters) {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function columnLetter(index) {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const MAX_ROW = 1048575;
const MAX_COLUMN = 16383;

/** "B3:D10", "A:C", "$D$5" -> inclusive zero-based rectangle. */
function parseRect(address) {
  const text = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [a, b = a] = text.replace(/\$/g, '').split(':');
  const part = (p) => {
    const m = /^([A-Z]*)(\d*)$/i.exec(p);
    if (!m) throw new Error(`Not an address: ${address}`);
    return { column: m[1] ? columnIndex(m[1]) : undefined, row: m[2] ? Number(m[2]) - 1 : undefined };
  };
  const p = part(a);
  const q = part(b);
  return {
    r0: p.row ?? 0,
    c0: p.column ?? 0,
    r1: q.row ?? (p.row === undefined ? MAX_ROW : p.row),
    c1: q.column ?? (p.column === undefined ? MAX_COLUMN : p.column),
  };
}

function quoteSheet(name) {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function rectAddress(sheet, rect) {
  const a = `${columnLetter(rect.c0)}${rect.r0 + 1}`;
  const b = `${columnLetter(rect.c1)}${rect.r1 + 1}`;
  return `${quoteSheet(sheet)}!${a === b ? a : `${a}:${b}`}`;
}

/**
 * What Excel makes of a string written to a cell as if typed: a leading apostrophe means text,
 * "=", "+", "-" and "@" start a formula, a number becomes a number. (Simplified: Excel would also
 * see dates, percentages and currency, which only strengthens the case for the apostrophe.)
 */
function typed(input) {
  if (typeof input !== 'string') return { value: input };
  if (input === '') return undefined;
  if (input.startsWith("'")) return { value: input.slice(1), quotePrefix: true };
  if (/^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(input)) return { value: Number(input) };
  if (/^[=+\-@]/.test(input))
    return { formula: input.startsWith('=') ? input : `=${input.slice(input.startsWith('@') ? 1 : 0)}` };
  if (/^(true|false)$/i.test(input)) return { value: input.toLowerCase() === 'true' };
  return { value: input };
}

const STAMP_FORMULA = /^=SUMPRODUCT\(ISTEXT\((.+)!(\$[A-Z]+\$\d+):(\$[A-Z]+\$\d+)\)\*LEN\(/;

class FakeWorkbook {
  /**
   * sheets: { name: 2D array of typed inputs (as a user would type them) }; tables: [{ name, sheet,
   * address }]; names: [{ name, formula }]. refuseOver: refuse requests above this many bytes with
   * host error 5103, as Excel on the web does above 5 MB. evaluate(formula): a value for formula cells.
   */
  constructor({
    sheets = { Sheet1: [] },
    tables = [],
    names = [],
    refuseOver = REQUEST_LIMIT,
    refuseResponseOver = Infinity,
    evaluate = () => null,
  } = {}) {
    this.refuseResponseOver = refuseResponseOver;
    this.sheets = new Map();
    this.tables = new Map(tables.map((t) => [t.name.toLowerCase(), { ...t }]));
    this.names = new Map(names.map((n) => [n.name.toLowerCase(), { ...n }]));
    this.refuseOver = refuseOver;
    this.evaluate = evaluate;
    this.refs = new Map();
    this.nextRef = 0;
    this.chartCount = 0;
    for (const [name, rows] of Object.entries(sheets)) {
      const sheet = this.addSheet(name);
      // { rows, columns, fill(r, c) }: a big data sheet held as a rule, not a million stored cells.
      if (!Array.isArray(rows)) sheet.block = rows;
      else rows.forEach((row, r) => row.forEach((input, c) => this.setCell(sheet, r, c, input)));
    }
    this.respond = this.respond.bind(this);
  }

  addSheet(name) {
    const sheet = {
      name,
      id: sheetId(++FakeWorkbook.sheetCount),
      cells: new Map(),
      formats: new Map(),
      charts: [],
      freeze: undefined,
      tabColor: undefined,
    };
    this.sheets.set(name.toLowerCase(), sheet);
    return sheet;
  }

  sheet(name) {
    const sheet = this.sheets.get(String(name).toLowerCase());
    if (!sheet) throw new Error(`ItemNotFound: no sheet ${name}`);
    return sheet;
  }

  setCell(sheet, r, c, input) {
    const key = `${r},${c}`;
    if (input === null || input === undefined) return; // null leaves a cell as it is
    const cell = typed(input);
    if (!cell) sheet.cells.delete(key);
    else {
      if (cell.formula) cell.value = this.evaluate(cell.formula, sheet.name, r, c);
      sheet.cells.set(key, cell);
    }
  }

  /** The cell as Excel holds it: { value, formula?, quotePrefix? } or undefined when empty. */
  cell(sheetName, address) {
    const { r0, c0 } = parseRect(address);
    return this.sheet(sheetName).cells.get(`${r0},${c0}`);
  }

  format(sheetName, address) {
    const { r0, c0 } = parseRect(address);
    return this.sheet(sheetName).formats.get(`${r0},${c0}`);
  }

  /** The used range (of the cells within `within`, if given); undefined-free: A1 when empty, as Excel answers. */
  usedRect(sheet, within) {
    return this.usedRectOrNull(sheet, within) || { r0: 0, c0: 0, r1: 0, c1: 0 };
  }

  usedRectOrNull(sheet, within) {
    let rect;
    if (sheet.block) {
      const b = { r0: 0, c0: 0, r1: sheet.block.rows - 1, c1: sheet.block.columns - 1 };
      const w = within || b;
      const r0 = Math.max(b.r0, w.r0),
        r1 = Math.min(b.r1, w.r1),
        c0 = Math.max(b.c0, w.c0),
        c1 = Math.min(b.c1, w.c1);
      if (r0 <= r1 && c0 <= c1) rect = { r0, c0, r1, c1 };
    }
    for (const key of sheet.cells.keys()) {
      const [r, c] = key.split(',').map(Number);
      if (within && (r < within.r0 || r > within.r1 || c < within.c0 || c > within.c1)) continue;
      rect = rect
        ? { r0: Math.min(rect.r0, r), c0: Math.min(rect.c0, c), r1: Math.max(rect.r1, r), c1: Math.max(rect.c1, c) }
        : { r0: r, c0: c, r1: r, c1: c };
    }
    return rect;
  }

  rangeValue(desc) {
    const sheet = this.sheet(desc.sheet);
    const rect = desc.rect;
    const rows = [];
    const formulas = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row = [];
      const frow = [];
      for (let c = rect.c0; c <= rect.c1; c++) {
        const cell = sheet.cells.get(`${r},${c}`) || blockCell(sheet, r, c);
        row.push(cell ? (this.calculated(cell) ?? 0) : '');
        frow.push(cell ? (cell.formula ?? cell.value) : '');
      }
      rows.push(row);
      formulas.push(frow);
    }
    return {
      Address: rectAddress(desc.sheet, rect),
      RowCount: rect.r1 - rect.r0 + 1,
      ColumnCount: rect.c1 - rect.c0 + 1,
      Values: rows,
      Formulas: formulas,
    };
  }

  /**
   * A formula cell's value. The double has no calculation engine; the one formula it works out, when
   * read, is the registry's content stamp (src/workbook/sheetStamp.ts), as Excel would with automatic
   * calculation: SUMPRODUCT(ISTEXT(R)*LEN(R)*W)+SUMPRODUCT(R,W), W = ROW(R)*1024+COLUMN(R), with text
   * counting 0 in SUMPRODUCT's own array arguments. Written here from Excel's documented semantics,
   * not from the add-in's code, so a test catches a formula that doesn't mean what the adapter assumes.
   */
  calculated(cell) {
    const m = cell.formula && STAMP_FORMULA.exec(cell.formula);
    if (!m) return cell.value;
    const name = m[1].startsWith("'") ? m[1].slice(1, -1).replace(/''/g, "'") : m[1];
    const target = this.sheets.get(name.toLowerCase());
    if (!target) return '#REF!';
    const rect = parseRect(`${m[2]}:${m[3]}`);
    let sum = 0;
    for (const [key, held] of target.cells) {
      const [r, c] = key.split(',').map(Number);
      if (r < rect.r0 || r > rect.r1 || c < rect.c0 || c > rect.c1) continue;
      const value = this.calculated(held);
      const weight = (r + 1) * 1024 + (c + 1);
      if (typeof value === 'string') sum += value.length * weight;
      else if (typeof value === 'number') sum += value * weight;
    }
    return sum;
  }

  /** Answers one request: refuses it whole if too big, else applies every action in order. */
  respond(body, call) {
    if (call && call.bodyBytes > this.refuseOver) return { hostError: { code: 5103 } };
    const paths = body.ObjectPaths;
    const resolved = new Map();
    const resolve = (id) => {
      if (resolved.has(id)) return resolved.get(id);
      const desc = this.describe(paths[id], resolve);
      resolved.set(id, desc);
      return desc;
    };
    const kept = new Set(body.Actions.filter((a) => a.Name === '_KeepReference').map((a) => a.ObjectPathId));
    const instantiated = new Set();
    const results = [];
    const traceIds = [];
    for (const action of body.Actions) {
      const desc = resolve(action.ObjectPathId);
      const args = (action.ArgumentInfo && action.ArgumentInfo.Arguments) || [];
      if (action.ActionType === 1) {
        if (!instantiated.has(action.ObjectPathId)) {
          instantiated.add(action.ObjectPathId);
          const p0 = paths[action.ObjectPathId];
          if (call && p0 && p0.ObjectPathType === 3 && /^(Add|ConvertToRange)$/.test(p0.Name))
            touch(
              call,
              desc.adding && desc.adding.range ? desc.adding.range : desc.type === 'sheet' ? desc : desc.of || desc,
            );
          this.create(paths[action.ObjectPathId], desc, resolve);
        }
        const p = paths[action.ObjectPathId];
        if (this.isNull(desc)) {
          results.push({ ActionId: action.Id, Value: null });
        } else if (kept.has(action.ObjectPathId) || (p && p.ObjectPathType === 3)) {
          const ref = `R${++this.nextRef}`;
          this.refs.set(ref, desc);
          results.push({ ActionId: action.Id, Value: { _ReferenceId: ref } });
        }
      } else if (action.ActionType === 2) {
        results.push({ ActionId: action.Id, Value: this.query(desc, action.QueryInfo) });
      } else if (action.ActionType === 3) {
        if (call && !action.Name.startsWith('_')) touch(call, desc);
        if (desc.type === 'worksheets' && EVENT_REGISTRATION[action.Name]) this.registerEvent(call, action.Name);
        this.method(desc, action.Name, args, call);
      } else if (action.ActionType === 4) {
        if (call) touch(call, desc);
        this.setProperty(desc, action.Name, args[0], call);
      } else if (action.ActionType === 5) {
        // A trace marker: the client runs what it marks (adding an event handler) once the host answers it.
        results.push({ ActionId: action.Id, Value: null });
        traceIds.push(action.Id);
      }
    }
    // Excel on the web refuses to answer over 5 MB (host error 5104); the client raises ResponsePayloadSizeLimitExceeded.
    if (this.refuseResponseOver !== Infinity && Buffer.byteLength(JSON.stringify(results)) > this.refuseResponseOver)
      return { hostError: { code: 5104 } };
    return traceIds.length ? { Results: results, TraceIds: traceIds } : { Results: results };
  }

  describe(p, resolve) {
    if (!p) return { type: 'other' };
    const args = (p.ArgumentInfo && p.ArgumentInfo.Arguments) || [];
    const refArgs = (p.ArgumentInfo && p.ArgumentInfo.ReferencedObjectPathIds) || [];
    if (p.ObjectPathType === 1) return { type: 'workbook' };
    if (p.ObjectPathType === 6) return this.refs.get(p.Name) || { type: 'other' };
    const parent = p.ParentObjectPathId !== undefined ? resolve(p.ParentObjectPathId) : { type: 'other' };
    // Anything got from a null object (a sheet that isn't there, asked for "OrNullObject") is null too.
    if (parent.type === 'null') return { type: 'null' };
    if (p.ObjectPathType === 4) {
      if (p.Name === 'Worksheets') return { type: 'worksheets' };
      if (p.Name === 'Tables') return { type: 'tables', sheet: parent.type === 'sheet' ? parent.name : undefined };
      if (p.Name === 'Names') return { type: 'names' };
      return { type: 'part', name: p.Name, of: parent };
    }
    if (p.ObjectPathType === 5) {
      if (parent.type === 'worksheets') return { type: 'sheet', name: this.sheetName(args[0]) };
      if (parent.type === 'tables') return { type: 'table', name: args[0] };
      if (parent.type === 'names') return { type: 'name', name: args[0] };
      return { type: 'other' };
    }
    if (p.ObjectPathType === 3) {
      const name = p.Name;
      // The cells a person selected (select()), on the active sheet.
      if (parent.type === 'workbook' && name === 'GetSelectedRange' && this.selection)
        return { type: 'range', sheet: this.selection.sheet, rect: parseRect(this.selection.address) };
      if (parent.type === 'worksheets' && name === 'GetActiveWorksheet' && this.selection)
        return { type: 'sheet', name: this.sheetName(this.selection.sheet) };
      if (
        parent.type === 'worksheets' &&
        name === 'GetItemOrNullObject' &&
        !this.sheets.has(String(args[0]).toLowerCase())
      )
        return { type: 'null' };
      if (parent.type === 'worksheets' && /^(GetItem|GetItemOrNullObject|Add)$/.test(name))
        return { type: 'sheet', name: name === 'Add' ? args[0] : this.sheetName(args[0]) };
      if (parent.type === 'sheet') {
        if (name === 'GetRange') return { type: 'range', sheet: parent.name, rect: parseRect(args[0] || 'A1') };
        if (name === 'GetRangeByIndexes')
          return {
            type: 'range',
            sheet: parent.name,
            rect: { r0: args[0], c0: args[1], r1: args[0] + args[2] - 1, c1: args[1] + args[3] - 1 },
          };
        if (name === 'GetRanges')
          return { type: 'areas', sheet: parent.name, rects: String(args[0]).split(',').map(parseRect) };
        if (name === 'GetUsedRange' || name === 'GetUsedRangeOrNullObject')
          return { type: 'range', sheet: parent.name, used: true, nullable: name.endsWith('OrNullObject') };
      }
      if (parent.type === 'range') {
        const rect = this.rectOf(parent);
        if (name === 'GetRow')
          return {
            type: 'range',
            sheet: parent.sheet,
            rect: { ...rect, r0: rect.r0 + args[0], r1: rect.r0 + args[0] },
          };
        if (name === 'GetBoundingRect') {
          const other = this.rectOf(resolve(refArgs[0] ? args[0] : args[0]));
          return {
            type: 'range',
            sheet: parent.sheet,
            rect: {
              r0: Math.min(rect.r0, other.r0),
              c0: Math.min(rect.c0, other.c0),
              r1: Math.max(rect.r1, other.r1),
              c1: Math.max(rect.c1, other.c1),
            },
          };
        }
        if (name === 'GetResizedRange')
          return {
            type: 'range',
            sheet: parent.sheet,
            rect: { ...rect, r1: rect.r1 + args[0], c1: rect.c1 + args[1] },
          };
        if (name === 'GetUsedRangeOrNullObject')
          return { type: 'range', sheet: parent.sheet, within: rect, used: true, nullable: true };
        // Go To Special's "visible cells only": the range's cells in rows not hidden, as areas.
        if (/^GetSpecialCells(OrNullObject)?$/.test(name) && args[0] === 'Visible')
          return { type: 'visible', sheet: parent.sheet, of: parent, nullable: name.endsWith('OrNullObject') };
        if (name === 'GetCell')
          return {
            type: 'range',
            sheet: parent.sheet,
            rect: { r0: rect.r0 + args[0], c0: rect.c0 + args[1], r1: rect.r0 + args[0], c1: rect.c0 + args[1] },
          };
      }
      if (parent.type === 'tables' && name === 'Add')
        return {
          type: 'table',
          adding: { range: refArgs[0] ? resolve(args[0]) : undefined, address: refArgs[0] ? undefined : args[0] },
        };
      if (parent.type === 'tables' && /^GetItem/.test(name)) return { type: 'table', name: args[0] };
      if (parent.type === 'names' && name === 'Add')
        return { type: 'name', name: args[0], adding: { formula: args[1], comment: args[2] } };
      if (parent.type === 'names' && /^GetItem/.test(name)) return { type: 'name', name: args[0] };
      if (name === 'GetItem' && parent.type === 'part')
        return { type: 'part', name: `${parent.name}:${args[0]}`, of: parent.of };
      return { type: 'other', name, of: parent };
    }
    return { type: 'other' };
  }

  sheetName(name) {
    // The client asks again for a sheet it loaded by the id the host gave it (getActiveWorksheet, then its used range).
    const sheet =
      this.sheets.get(String(name).toLowerCase()) || [...this.sheets.values()].find((s) => s.id === String(name));
    return sheet ? sheet.name : name;
  }

  rectOf(desc) {
    if (desc.used) {
      const sheet = this.sheet(desc.sheet);
      const used = desc.within ? this.usedRect(sheet, desc.within) : this.usedRect(sheet);
      return used;
    }
    return desc.rect;
  }

  /** Methods that return an object arrive as object paths, not actions: their effect happens here. */
  create(p, desc) {
    if (!p || p.ObjectPathType !== 3) return;
    if (p.Name === 'ConvertToRange' && desc.of && desc.of.type === 'table')
      return this.method(desc.of, 'ConvertToRange', []);
    if (p.Name === 'Add' && desc.of && desc.of.type === 'part' && desc.of.name === 'Charts') {
      const sheet = this.sheet(desc.of.of.name);
      desc.chart = { name: `Chart ${++this.chartCount}`, type: (p.ArgumentInfo.Arguments || [])[0] };
      sheet.charts.push(desc.chart);
      return undefined;
    }
    if (p.Name !== 'Add') return;
    if (desc.type === 'sheet') {
      if (this.sheets.has(desc.name.toLowerCase())) throw new Error(`ItemAlreadyExists: sheet ${desc.name}`);
      this.addSheet(desc.name);
    } else if (desc.type === 'table') {
      const range = desc.adding.range;
      const sheet = range ? range.sheet : desc.adding.address.split('!')[0];
      const name = `Table${this.tables.size + 1}`;
      const address = rectAddress(sheet, range ? this.rectOf(range) : parseRect(desc.adding.address));
      for (const t of this.tables.values()) {
        if (t.sheet.toLowerCase() === sheet.toLowerCase() && overlaps(parseRect(t.address), parseRect(address))) {
          throw new Error(`InvalidArgument: a table can't overlap table ${t.name}`);
        }
      }
      desc.name = name;
      this.tables.set(name.toLowerCase(), { name, sheet, address });
    } else if (desc.type === 'name') {
      if (this.names.has(desc.name.toLowerCase())) throw new Error(`ItemAlreadyExists: name ${desc.name}`);
      this.names.set(desc.name.toLowerCase(), {
        name: desc.name,
        formula: desc.adding.formula,
        comment: desc.adding.comment,
      });
    }
  }

  isNull(desc) {
    if (desc.type === 'visible') return this.isNull(desc.of) || !this.visibleRects(desc).length;
    return (
      desc.type === 'null' ||
      (desc.type === 'range' && desc.nullable && !this.usedRectOrNull(this.sheet(desc.sheet), desc.within))
    );
  }

  query(desc, info) {
    // The client reads a null answer as "this is a null object" (isNullObject).
    if (this.isNull(desc)) return null;
    if (desc.type === 'range' && desc.rect && desc.rect.r1 === MAX_ROW && !desc.used)
      throw new Error('InvalidArgument: the fake host does not read whole columns');
    if (desc.type === 'worksheets')
      return {
        _Items: [...this.sheets.values()].map((s) => ({
          // The id only when asked for, so the adapter's reads measure as they did before sheets had ids.
          ...(info && info.Select && info.Select.includes('id') ? { Id: s.id } : {}),
          Name: s.name,
          Charts: { _Items: s.charts.map((c) => ({ Name: c.name })) },
        })),
      };
    if (desc.type === 'tables') {
      const tables = [...this.tables.values()].filter(
        (t) => !desc.sheet || t.sheet.toLowerCase() === desc.sheet.toLowerCase(),
      );
      return { _Items: tables.map((t) => ({ Name: t.name, Worksheet: { Name: t.sheet } })) };
    }
    if (desc.type === 'names')
      return {
        _Items: [...this.names.values()].map((n) => ({ Name: n.name, Formula: n.formula, Comment: n.comment || '' })),
      };
    if (desc.type === 'range') {
      const rect = this.rectOf(desc);
      const answer = this.rangeValue({ sheet: desc.sheet, rect });
      // Range.rowHidden (ExcelApi 1.2): true when every row is hidden, false when none is, null when some are.
      const asked = (property) => info && info.Select && info.Select.includes(property);
      if (asked('numberFormat'))
        answer.NumberFormat = answer.Values.map((row, r) =>
          row.map((_, c) => this.sheet(desc.sheet).formats.get(`${rect.r0 + r},${rect.c0 + c}`) || 'General'),
        );
      if (asked('rowIndex')) answer.RowIndex = rect.r0;
      if (asked('columnIndex')) answer.ColumnIndex = rect.c0;
      if (asked('cellCount')) answer.CellCount = answer.RowCount * answer.ColumnCount;
      if (asked('rowHidden')) {
        const hidden = this.sheet(desc.sheet).hiddenRows || new Set();
        let count = 0;
        for (let r = rect.r0; r <= rect.r1; r++) if (hidden.has(r)) count++;
        answer.RowHidden = count === 0 ? false : count === rect.r1 - rect.r0 + 1 ? true : null;
      }
      return answer;
    }
    if (desc.type === 'visible')
      return {
        Address: this.visibleRects(desc)
          .map((rect) => rectAddress(desc.sheet, rect))
          .join(', '),
      };
    if (desc.type === 'sheet') return { Id: this.sheet(desc.name).id, Name: this.sheet(desc.name).name };
    return {};
  }

  /** The areas of a range's visible cells: each run of rows not hidden, across the range's columns. */
  visibleRects(desc) {
    const rect = this.rectOf(desc.of);
    const hidden = this.sheet(desc.sheet).hiddenRows || new Set();
    const rects = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      if (hidden.has(r)) continue;
      const last = rects[rects.length - 1];
      if (last && last.r1 === r - 1) last.r1 = r;
      else rects.push({ r0: r, c0: rect.c0, r1: r, c1: rect.c1 });
    }
    return rects;
  }

  /** A person selects cells ("B2:H12") on a sheet, which becomes the active one. */
  select(sheetName, address) {
    this.selection = { sheet: this.sheet(sheetName).name, address };
  }

  /** A person hides rows (zero-based), as Hide on the row headers' menu does; `false` shows them again. */
  hideRows(sheetName, rows, hide = true) {
    const sheet = this.sheet(sheetName);
    sheet.hiddenRows = sheet.hiddenRows || new Set();
    for (const r of rows) hide ? sheet.hiddenRows.add(r) : sheet.hiddenRows.delete(r);
  }

  method(desc, name, args, call) {
    if (desc.type === 'null' && !name.startsWith('_')) throw new Error(`InvalidObjectPath: ${name} on a null object`);
    if (desc.type === 'null') return;
    if (desc.type === 'sheet' && name === 'Delete') return this.deleteSheet(desc.name, { call });
    if (desc.type === 'range' && name === 'CopyFrom') return this.copyFrom(desc, args, call);
    if (desc.type === 'range' && name === 'Clear') {
      const sheet = this.sheet(desc.sheet);
      const rect = this.rectOf(desc);
      for (const map of [sheet.cells, sheet.formats]) {
        for (const key of [...map.keys()]) {
          const [r, c] = key.split(',').map(Number);
          if (r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1) map.delete(key);
        }
      }
      this.changed(sheet, rect, { call });
    } else if (desc.type === 'table' && (name === 'ConvertToRange' || name === 'Delete')) {
      if (!this.tables.delete(String(desc.name).toLowerCase())) throw new Error(`ItemNotFound: table ${desc.name}`);
    } else if (desc.type === 'part' && desc.name.startsWith('Charts:') && name === 'Delete') {
      const sheet = this.sheet(desc.of.name);
      const at = sheet.charts.findIndex((c) => c.name === desc.name.slice('Charts:'.length));
      if (at < 0) throw new Error(`ItemNotFound: chart ${desc.name}`);
      sheet.charts.splice(at, 1);
    } else if (desc.type === 'name' && name === 'Delete') {
      this.names.delete(String(desc.name).toLowerCase());
    } else if (desc.type === 'part' && desc.name === 'FreezePanes') {
      const sheet = this.sheet(desc.of.name);
      if (name === 'Unfreeze') sheet.freeze = undefined;
      if (name === 'FreezeRows') sheet.freeze = { rows: args[0], columns: 0 };
      if (name === 'FreezeColumns') sheet.freeze = { rows: 0, columns: args[0] };
      if (name === 'FreezeAt') sheet.freeze = 'at';
    }
  }

  setProperty(desc, name, value, call) {
    if (desc.type === 'range' && (name === 'Formulas' || name === 'Values' || name === 'NumberFormat')) {
      const sheet = this.sheet(desc.sheet);
      const rect = this.rectOf(desc);
      const rows = rect.r1 - rect.r0 + 1;
      const columns = rect.c1 - rect.c0 + 1;
      if (!Array.isArray(value) || value.length !== rows || value.some((row) => row.length !== columns)) {
        throw new Error(
          `InvalidArgument: ${rows}x${columns} range given a ${value.length}x${value[0] && value[0].length} array`,
        );
      }
      value.forEach((row, i) =>
        row.forEach((input, j) => {
          const r = rect.r0 + i;
          const c = rect.c0 + j;
          if (name === 'NumberFormat') {
            if (input !== null) sheet.formats.set(`${r},${c}`, input);
          } else this.setCell(sheet, r, c, input);
          if (call) call.writes.push({ sheet: sheet.name, row: r, column: c, property: name, input });
        }),
      );
      if (name !== 'NumberFormat') this.changed(sheet, rect, { call });
    } else if (desc.type === 'table' && name === 'Name') {
      const table = this.tables.get(String(desc.name).toLowerCase());
      if (this.tables.has(String(value).toLowerCase()))
        throw new Error(`InvalidArgument: table name ${value} is taken`);
      this.tables.delete(String(desc.name).toLowerCase());
      table.name = value;
      desc.name = value;
      this.tables.set(String(value).toLowerCase(), table);
    } else if (desc.type === 'name' && (name === 'Formula' || name === 'Comment')) {
      const item = this.names.get(String(desc.name).toLowerCase());
      if (!item) throw new Error(`ItemNotFound: name ${desc.name}`);
      item[name === 'Formula' ? 'formula' : 'comment'] = value;
    } else if (desc.type === 'sheet' && name === 'TabColor') {
      this.sheet(desc.name).tabColor = value;
    } else if (desc.type === 'sheet' && name === 'Visibility') {
      this.sheet(desc.name).visibility = value;
    } else if (desc.type === 'sheet' && name === 'Name') {
      this.renameSheet(desc.name, value);
      desc.name = value;
    }
  }

  /** As a person renaming a tab: formulas and names pointing at the sheet follow it. */
  renameSheet(from, to) {
    const sheet = this.sheet(from);
    if (this.sheets.has(to.toLowerCase()) && to.toLowerCase() !== from.toLowerCase())
      throw new Error(`ItemAlreadyExists: sheet ${to}`);
    this.sheets.delete(sheet.name.toLowerCase());
    const old = sheet.name;
    sheet.name = to;
    this.sheets.set(to.toLowerCase(), sheet);
    const rename = (formula) => formula.split(`${quoteSheet(old)}!`).join(`${quoteSheet(to)}!`);
    // A new cell object, never an edit in place: clones share their cells with the book they came from.
    for (const s of this.sheets.values())
      for (const [key, cell] of s.cells) if (cell.formula) s.cells.set(key, { ...cell, formula: rename(cell.formula) });
    for (const n of this.names.values()) n.formula = rename(n.formula);
    for (const t of this.tables.values()) if (t.sheet === old) t.sheet = to;
  }

  deleteSheet(name, origin = {}) {
    const sheet = this.sheet(name);
    if (
      [...this.sheets.values()].filter((s) => s.visibility !== 'VeryHidden' && s.visibility !== 'Hidden').length ===
        1 &&
      !sheet.visibility
    )
      throw new Error('InvalidOperation: a workbook must keep one visible sheet');
    this.sheets.delete(sheet.name.toLowerCase());
    for (const [key, t] of [...this.tables])
      if (t.sheet.toLowerCase() === sheet.name.toLowerCase()) this.tables.delete(key);
    for (const n of this.names.values()) n.formula = n.formula.split(`${quoteSheet(sheet.name)}!`).join('#REF!');
    this.sheetDeleted(sheet, origin);
  }

  /** Range.copyFrom(source, 'All') onto the same-sized range: cells (formulas as they are) and formats. */
  copyFrom(desc, args, call) {
    const source = String(args[0]);
    const from = this.sheet(
      source
        .slice(0, source.lastIndexOf('!'))
        .replace(/^'(.*)'$/, '$1')
        .replace(/''/g, "'"),
    );
    const src = parseRect(source);
    const dest = this.rectOf(desc);
    const to = this.sheet(desc.sheet);
    for (let r = src.r0; r <= src.r1; r++) {
      for (let c = src.c0; c <= src.c1; c++) {
        const key = `${r},${c}`;
        const target = `${dest.r0 + r - src.r0},${dest.c0 + c - src.c0}`;
        const cell = from.cells.get(key);
        if (cell) to.cells.set(target, { ...cell });
        else to.cells.delete(target);
        const format = from.formats.get(key);
        if (format !== undefined) to.formats.set(target, format);
        else to.formats.delete(target);
      }
    }
    this.changed(to, dest, { call });
  }
}

/**
 * An independent copy (a data sheet held as a rule keeps its rule), to run a command on from the same
 * start. Cells are shared, not copied: the double replaces a cell it changes and never edits one in
 * place, so a copy costs a map per sheet (the failure check makes one per failure, at 700,000 cells),
 * and comparing it with its origin finds unchanged cells at once (the same object).
 */
FakeWorkbook.prototype.clone = function clone() {
  const copy = new FakeWorkbook({
    sheets: {},
    refuseOver: this.refuseOver,
    refuseResponseOver: this.refuseResponseOver,
    evaluate: this.evaluate,
  });
  for (const [key, s] of this.sheets) {
    copy.sheets.set(key, {
      ...s,
      cells: new Map(s.cells),
      hiddenRows: s.hiddenRows && new Set(s.hiddenRows),
      formats: new Map(s.formats),
      charts: s.charts.map((c) => ({ ...c })),
    });
  }
  copy.tables = new Map([...this.tables].map(([k, t]) => [k, { ...t }]));
  copy.names = new Map([...this.names].map(([k, n]) => [k, { ...n }]));
  copy.chartCount = this.chartCount;
  return copy;
};

/** Everything the fake holds of one sheet (or all, without a name), as text to compare before and after. */
FakeWorkbook.prototype.dump = function dump(sheetName) {
  const sorted = (map) => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const sheetState = (s) => ({
    name: s.name,
    cells: sorted(s.cells),
    formats: sorted(s.formats),
    charts: s.charts,
    freeze: s.freeze,
    tabColor: s.tabColor,
    visibility: s.visibility,
  });
  if (sheetName !== undefined) {
    const s = this.sheets.get(sheetName.toLowerCase());
    return JSON.stringify(
      s
        ? {
            sheet: sheetState(s),
            tables: [...this.tables.values()].filter((t) => t.sheet.toLowerCase() === s.name.toLowerCase()),
          }
        : null,
    );
  }
  return JSON.stringify({
    sheets: [...this.sheets.values()].map(sheetState),
    tables: sorted(this.tables),
    names: sorted(this.names),
  });
};

/**
 * A responder for `loadExcel` that answers with `book` but makes request number `failAt` (counting
 * from 1) fail: 'refuse' applies none of it, 'half' applies the first half of its actions (a
 * protected sheet or a dropped session part way), 'all' applies all of it and loses the answer.
 * `before(n, book)` runs before request n is answered: a co-author's edit between requests.
 */
function scripted(book, { failAt, mode = 'refuse', before } = {}) {
  let n = 0;
  const responder = (body, call) => {
    n++;
    if (before) before(n, book);
    if (n === failAt) {
      if (mode === 'all') book.respond(body, call);
      if (mode === 'half')
        book.respond({ ...body, Actions: body.Actions.slice(0, Math.floor(body.Actions.length / 2)) }, call);
      return { Error: { Code: 'GeneralException', Message: `Request ${n} failed (the test made it fail)` } };
    }
    return book.respond(body, call);
  };
  responder.count = () => n;
  return responder;
}

/** Notes on the call which sheet an action changes ("#names" for defined names), for tests of what changed when. */
function touch(call, desc) {
  call.touched = call.touched || new Set();
  for (let d = desc; d; d = d.of) {
    if (d.type === 'sheet') return call.touched.add(String(d.name).toLowerCase());
    if (d.sheet) return call.touched.add(String(d.sheet).toLowerCase());
    if (d.type === 'name' || d.type === 'names') return call.touched.add('#names');
    if (d.type === 'table') return call.touched.add(`#table:${String(d.name).toLowerCase()}`);
  }
}

function blockCell(sheet, r, c) {
  const b = sheet.block;
  return b && r < b.rows && c < b.columns ? { value: b.fill(r, c) } : undefined;
}

function overlaps(a, b) {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

// ---------------------------------------------------------------------------------------------
// Office events. How the client hears of them (excel-web-16.00.js): `worksheets.onChanged.add(h)`
// queues the method `_RegisterDataChangedEvent` on the worksheets collection (so the host starts
// sending that event) and registers one listener with the host bridge,
// `OSF.DDA.RichApi.richApiMessageManager.register(listener)`. The host then sends rich API messages
// `{ entries: [{ messageCategory: 65536, messageType: <event type>, targetId: 'Workbook',
// message: <JSON of the event's fields> }] }`, which the client turns into WorksheetChangedEventArgs
// and passes to each handler. Removing the last handler queues `_UnregisterDataChangedEvent`.
//
// Covered: worksheets.onChanged (event type 10) and worksheets.onDeleted (15), for the add-in's own
// writes (cell values and formulas, Clear, copyFrom, sheet deletion: source "Local", triggerSource
// "ThisLocalAddin" on onChanged), a person's edit or paste in the grid (`book.edit(..., { by: 'person' })`:
// "Local", "Unknown") and a co-author's (`by: 'coauthor'`: "Remote", "Unknown"), rows a person inserts
// (`book.insertRows`: "RowInserted"), and a sheet a person deletes (`book.removeSheet`). Trace
// actions are answered (the client adds a handler once its trace marker comes back), and a sheet's
// id is returned when loaded. Not emulated: onFormatChanged (number formats), onAdded, onNameChanged,
// and any other event. Each request's (or edit's) events reach the client in one message, after it
// is applied; `office.events()` lists what a session was sent.

const EVENT_MESSAGE_CATEGORY = 65536;
/** The client's event type numbers (GenericEventHandlers' eventType) by host method and event. */
const EVENT_REGISTRATION = {
  _RegisterDataChangedEvent: { event: 'WorksheetChanged', add: 1 },
  _UnregisterDataChangedEvent: { event: 'WorksheetChanged', add: -1 },
  _RegisterDeletedEvent: { event: 'WorksheetDeleted', add: 1 },
  _UnregisterDeletedEvent: { event: 'WorksheetDeleted', add: -1 },
};
const EVENT_TYPE = { WorksheetChanged: 10, WorksheetDeleted: 15 };

/** Excel's worksheet ids are GUIDs in braces. */
function sheetId(n) {
  return `{${String(n).padStart(8, '0')}-0001-0000-0000-000000000000}`;
}
FakeWorkbook.sheetCount = 0;

/** The host's side of one add-in session: its bridge listeners and the requests it sent. */
function connectEvents(sandbox, book) {
  const listeners = [];
  const calls = new WeakSet();
  const session = {
    own: (call) => calls.add(call),
    owns: (call) => Boolean(call) && calls.has(call),
    delivered: [],
    deliver(entries) {
      session.delivered.push(...entries.map((e) => JSON.parse(e.message)));
      for (const listener of [...listeners]) listener({ type: 'richApiMessage', entries });
    },
    listening: () => listeners.length > 0,
  };
  sandbox.OSF.DDA.RichApi.richApiMessageManager = {
    register(listener) {
      listeners.push(listener);
      return Promise.resolve();
    },
    removeHandlerAsync(_type, { handler }, callback) {
      const at = listeners.indexOf(handler);
      if (at >= 0) listeners.splice(at, 1);
      if (callback) setImmediate(() => callback({ status: 'succeeded' }));
    },
  };
  if (book) book.connect(session);
  return session;
}

FakeWorkbook.prototype.connect = function connect(session) {
  this.sessions = this.sessions || new Map();
  this.sessions.set(session, { WorksheetChanged: 0, WorksheetDeleted: 0 });
};

/** A request's `_Register...Event` / `_Unregister...Event`: which session now hears which event. */
FakeWorkbook.prototype.registerEvent = function registerEvent(call, method) {
  const { event, add } = EVENT_REGISTRATION[method];
  for (const [session, counts] of this.sessions || []) {
    if (session.owns(call)) counts[event] = Math.max(0, counts[event] + add);
  }
};

/** How many sessions the host sends `event` ('WorksheetChanged', 'WorksheetDeleted') to. */
FakeWorkbook.prototype.listeners = function listeners(event = 'WorksheetChanged') {
  return [...(this.sessions || new Map()).values()].filter((counts) => counts[event] > 0).length;
};

/** Cells of `sheet` in `rect` changed: by a request (`call`), a person or a co-author (`by`). */
FakeWorkbook.prototype.changed = function changed(sheet, rect, { call, by, changeType = 'RangeEdited', details } = {}) {
  const full = rectAddress(sheet.name, rect);
  const address =
    rect.c0 === 0 && rect.c1 === MAX_COLUMN ? `${rect.r0 + 1}:${rect.r1 + 1}` : full.slice(full.lastIndexOf('!') + 1);
  this.raise('WorksheetChanged', { call, by }, (session) => ({
    type: 'WorksheetChanged',
    changeType,
    source: by === 'coauthor' ? 'Remote' : 'Local',
    worksheetId: sheet.id,
    address,
    triggerSource: session.owns(call) ? 'ThisLocalAddin' : 'Unknown',
    shiftDirection: 'None',
    ...details,
  }));
};

FakeWorkbook.prototype.sheetDeleted = function sheetDeleted(sheet, { call, by } = {}) {
  this.raise('WorksheetDeleted', { call, by }, () => ({
    type: 'WorksheetDeleted',
    source: by === 'coauthor' ? 'Remote' : 'Local',
    worksheetId: sheet.id,
  }));
};

/** Queues an event for every session listening; one message per session when the change is done. */
FakeWorkbook.prototype.raise = function raise(event, origin, fields) {
  for (const [session, counts] of this.sessions || []) {
    if (!counts[event]) continue;
    const message = JSON.stringify(fields(session));
    this.outbox = this.outbox || new Map();
    if (!this.outbox.size) setImmediate(() => this.flushEvents());
    const entries = this.outbox.get(session) || this.outbox.set(session, []).get(session);
    entries.push({
      messageCategory: EVENT_MESSAGE_CATEGORY,
      messageType: EVENT_TYPE[event],
      targetId: 'Workbook',
      message,
      isRemoteOverride: false,
    });
  }
};

FakeWorkbook.prototype.flushEvents = function flushEvents() {
  const outbox = this.outbox;
  this.outbox = new Map();
  for (const [session, entries] of outbox) session.deliver(entries);
};

/**
 * A person types or pastes `rows` (inputs as typed) at `address` of `sheetName` in the grid (`by:
 * 'person'`), or a co-author does in their copy (`by: 'coauthor'`): the cells change and every session
 * listening hears a WorksheetChanged. One cell's event carries its value before and after, as Excel's does.
 */
FakeWorkbook.prototype.edit = function edit(sheetName, address, rows, { by = 'person' } = {}) {
  const sheet = this.sheet(sheetName);
  const rect = parseRect(address);
  const single = rect.r0 === rect.r1 && rect.c0 === rect.c1;
  const before = single ? valueOf(sheet.cells.get(`${rect.r0},${rect.c0}`)) : undefined;
  rows.forEach((row, i) => row.forEach((input, j) => this.setCell(sheet, rect.r0 + i, rect.c0 + j, input)));
  const after = single ? valueOf(sheet.cells.get(`${rect.r0},${rect.c0}`)) : undefined;
  const details = single
    ? { valueBefore: before, valueAfter: after, valueTypeBefore: valueType(before), valueTypeAfter: valueType(after) }
    : undefined;
  this.changed(sheet, rect, { by, details });
};

/**
 * A person inserts `count` whole rows above row `at` (zero-based): cells and formats below move
 * down (formulas are not rewritten: the double has no formula engine), and sessions listening hear
 * a RowInserted change whose address is the new rows ("12:13"; the adapter does not read it).
 */
FakeWorkbook.prototype.insertRows = function insertRows(sheetName, at, count, { by = 'person' } = {}) {
  const sheet = this.sheet(sheetName);
  for (const map of [sheet.cells, sheet.formats]) {
    const moved = [...map].map(([key, v]) => {
      const [r, c] = key.split(',').map(Number);
      return [r >= at ? `${r + count},${c}` : key, v];
    });
    map.clear();
    for (const [key, v] of moved) map.set(key, v);
  }
  this.changed(sheet, { r0: at, c0: 0, r1: at + count - 1, c1: MAX_COLUMN }, { by, changeType: 'RowInserted' });
};

/** A person (or co-author) deletes a sheet. */
FakeWorkbook.prototype.removeSheet = function removeSheet(sheetName, { by = 'person' } = {}) {
  this.deleteSheet(sheetName, { by });
};

function valueOf(cell) {
  return cell ? (cell.value ?? 0) : '';
}

function valueType(value) {
  if (value === '') return 'Empty';
  if (typeof value === 'number') return Number.isInteger(value) ? 'Integer' : 'Double';
  if (typeof value === 'boolean') return 'Boolean';
  return 'String';
}

module.exports = { loadExcel, FakeWorkbook, scripted, isCleanupOnly, parseRect, rectAddress, REQUEST_LIMIT };
