#!/usr/bin/env node
'use strict';
// A production manifest for another address:
//   node scripts/make-manifest.js --base-url https://example.org/bcf/ -o out/manifest.xml
// Every https://localhost:3000/ URL of manifest.xml moves under the base URL, the AppDomain becomes its
// origin, and the result must pass the same offline checks as manifest.xml before it is written.
const fs = require('fs');
const path = require('path');
const { checkManifest } = require('./manifestChecks');

const DEV_BASE = 'https://localhost:3000/';

function option(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function productionManifest(xml, baseUrl) {
  let base;
  try {
    base = new URL(baseUrl);
  } catch {
    throw new Error(`--base-url ${baseUrl} is not a URL`);
  }
  if (base.protocol !== 'https:')
    throw new Error(`--base-url must be https (Office loads add-ins over HTTPS only), not ${base.protocol}`);
  const prefix = base.href.endsWith('/') ? base.href : `${base.href}/`;
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return xml
    .replace(
      /<!--[\s\S]*?-->/,
      `<!-- BCF Planner for ${escape(prefix)}: generated from manifest.xml by scripts/make-manifest.js. -->`,
    )
    .replace(/<AppDomain>https:\/\/localhost:3000<\/AppDomain>/g, `<AppDomain>${escape(base.origin)}</AppDomain>`)
    .split(DEV_BASE)
    .join(escape(prefix));
}

function main() {
  const baseUrl = option('--base-url');
  const out = option('-o') || option('--out');
  if (!baseUrl || !out) {
    console.error('usage: node scripts/make-manifest.js --base-url https://example.org/bcf/ -o out/manifest.xml');
    process.exit(2);
  }
  const source = fs.readFileSync(path.join(__dirname, '..', 'manifest.xml'), 'utf8');
  const xml = productionManifest(source, baseUrl);
  if (xml.includes('localhost')) throw new Error('a localhost address is left in the manifest');
  const problems = checkManifest(xml);
  if (problems.length > 0) throw new Error(`the generated manifest has problems:\n  - ${problems.join('\n  - ')}`);
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(out, xml);
  console.log(`wrote ${out} for ${baseUrl}`);
}

if (require.main === module) {
  try {
    main();
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}

module.exports = { productionManifest };
