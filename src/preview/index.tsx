import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { PreviewPage } from './PreviewPage';

// No Office.js here: the preview runs the pane against the simulated workbook only.
createRoot(document.getElementById('container')!).render(
  <FluentProvider theme={webLightTheme}>
    <PreviewPage />
  </FluentProvider>,
);
