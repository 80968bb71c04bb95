#!/usr/bin/env node
'use strict';
/**
 * Writes docs/plan.schema.json from the plan schema the CLI reads with (src/domain/planSchema.ts),
 * so the published JSON Schema can't drift from the reader: test/planSchema.test.ts fails when the
 * committed file differs from what this writes. Run `npm run schema` after changing the schema.
 */
const fs = require('fs');
const path = require('path');
const { planSchemaDocument } = require('../dist/node/src/domain/planSchemaDocument.js');

const file = path.join(__dirname, '..', 'docs', 'plan.schema.json');
fs.writeFileSync(file, planSchemaDocument());
console.log(`Wrote ${path.relative(process.cwd(), file)}`);
