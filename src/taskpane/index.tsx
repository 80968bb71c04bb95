import { FluentProvider, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { deferredHost } from './deferredHost';
import { features } from './features';
import { NotInExcel } from './NotInExcel';
import { Pane } from './Pane';

/**
 * The add-in's entry: the only file of the pane that knows it runs in Office. It waits for
 * Office.js, picks the theme from Office's, and hands the pane the Excel host. Nothing else waits
 * on Office.
 *
 * Excel's adapter is not needed to draw the pane, only to read the workbook just after: its fetch
 * starts here, alongside Office.js's own start-up, and the first render does not wait for it.
 */
const officeAdapter = () => import(/* webpackChunkName: "office" */ '../adapters/office/officeWorkbook');
officeAdapter().catch(() => undefined); // a failed fetch is tried again, and shown, by the pane's first read

void Office.onReady((info) => {
  const root = createRoot(document.getElementById('container')!);
  const inExcel = info.host === Office.HostType.Excel && typeof Excel !== 'undefined';
  root.render(
    <FluentProvider theme={officeTheme()} style={{ height: '100%' }}>
      {inExcel ? <Pane host={deferredHost(excelHost)} features={features} /> : <NotInExcel />}
    </FluentProvider>,
  );
});

async function excelHost() {
  const { OfficeWorkbook } = await officeAdapter();
  return new OfficeWorkbook(Excel);
}

/** Office's own theme when it tells us one (dark backgrounds get the dark theme), else the light one. */
function officeTheme(): Theme {
  const background = Office.context?.officeTheme?.bodyBackgroundColor;
  const match = background ? /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background) : null;
  if (!match) return webLightTheme;
  const [r, g, b] = match.slice(1).map((h) => parseInt(h, 16));
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance < 128 ? webDarkTheme : webLightTheme;
}
