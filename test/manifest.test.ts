import fs from 'fs';
import os from 'os';
import path from 'path';
const { checkManifest, parseXml, pngSize } = require('../scripts/manifestChecks');
const { productionManifest } = require('../scripts/make-manifest');

const root = path.join(__dirname, '..');
const manifest = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');

describe('the add-in manifest', () => {
  test('passes every offline check Office applies when it loads the add-in', () => {
    expect(checkManifest(manifest)).toEqual([]);
  });

  test('opens the planner from a button on the Home tab and asks only to read and write the workbook', () => {
    const xml = parseXml(manifest);
    expect(xml.children.find((c: any) => c.name === 'Permissions').text).toBe('ReadWriteDocument');
    expect(manifest).toContain('<OfficeTab id="TabHome">');
    expect(manifest).toContain('<Action xsi:type="ShowTaskpane">');
    expect(manifest).toContain('DefaultValue="https://localhost:3000/taskpane.html"');
    expect(manifest).toMatch(/<DisplayName DefaultValue="BCF Planner"\/>/);
  });

  test('its icons are real PNGs of the sizes the manifest names', () => {
    for (const size of [16, 32, 64, 80]) {
      expect(pngSize(fs.readFileSync(path.join(root, 'assets', `icon-${size}.png`)))).toEqual({
        width: size,
        height: size,
      });
    }
  });

  test('a resid that no resource defines is rejected', () => {
    const broken = manifest.replace('<Label resid="Group.Label"/>', '<Label resid="Group.Missing"/>');
    expect(checkManifest(broken)).toEqual([expect.stringMatching(/resid "Group.Missing" .* not defined/)]);
  });

  test('an http address, extra permissions or malformed XML are rejected', () => {
    expect(
      checkManifest(
        manifest.replace('https://localhost:3000/commands.html', 'http://localhost:3000/commands.html'),
      ).join('\n'),
    ).toMatch(/not HTTPS/);
    expect(
      checkManifest(
        manifest.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadWriteMailbox</Permissions>'),
      ).join('\n'),
    ).toMatch(/exactly ReadWriteDocument/);
    expect(checkManifest(manifest.replace('</Hosts>', '</Host>'))[0]).toMatch(/not well-formed at line \d+/);
    expect(checkManifest(manifest.replace('<Hosts>', '<!-- run with --base-url --><Hosts>'))[0]).toMatch(
      /"--" inside a comment/,
    );
    expect(checkManifest(manifest.replace('<Id>c43344fc', '<Id>not-a-guid'))[0]).toMatch(/not a GUID/);
  });

  test('an icon of the wrong size or a missing icon file is rejected', () => {
    const assets = fs.mkdtempSync(path.join(os.tmpdir(), 'bcf-assets-'));
    for (const size of [16, 32, 64])
      fs.copyFileSync(path.join(root, 'assets', `icon-${size}.png`), path.join(assets, `icon-${size}.png`));
    fs.copyFileSync(path.join(root, 'assets', 'icon-16.png'), path.join(assets, 'icon-32.png'));
    const problems = checkManifest(manifest, { assetsDir: assets }).join('\n');
    expect(problems).toMatch(/icon-32.png .* is 16x16 px; it must be 32x32/);
    expect(problems).toMatch(/icon-80.png, which does not exist/);
  });

  test('a production manifest for another HTTPS address passes the same checks and keeps no localhost URL', () => {
    const xml = productionManifest(manifest, 'https://example.org/bcf/');
    expect(checkManifest(xml)).toEqual([]);
    expect(xml).not.toContain('localhost');
    expect(xml).toContain('<AppDomain>https://example.org</AppDomain>');
    expect(xml).toContain('DefaultValue="https://example.org/bcf/taskpane.html"');
    expect(() => productionManifest(manifest, 'http://example.org/')).toThrow(/must be https/);
  });
});
