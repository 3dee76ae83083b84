/**
 * The task pane Excel loads. It renders at once; inside Excel, Office.onReady
 * hands it the Excel host. Outside Office (or offline, when office.js cannot
 * load) it says where the preview is instead of staying blank.
 */
import { createRoot } from 'react-dom/client';
import { excelHost } from '../office/host';
import { App } from './components/App';
import { NotInExcel } from './components/NotInExcel';
import { calculatorFor } from './calculation';
import { startCalculationWorker } from './start-worker';
import { PaneStore } from './state';
import { whatIfFor } from './what-if-runner';

const root = createRoot(document.getElementById('root') as HTMLElement);

function officeTheme(): 'light' | 'dark' {
  const background = Office.context.officeTheme?.bodyBackgroundColor;
  if (!background) return 'light';
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(background.slice(i, i + 2), 16));
  return 0.299 * r + 0.587 * g + 0.114 * b < 128 ? 'dark' : 'light';
}

function language(): 'da' | 'en' {
  // Outside a host Office.js has no display language: the browser's then.
  const locale = (typeof Office !== 'undefined' ? Office.context?.displayLanguage : undefined) ?? navigator.language;
  return locale && !locale.toLowerCase().startsWith('da') ? 'en' : 'da';
}

if (typeof Office === 'undefined') {
  root.render(<NotInExcel language={navigator.language.startsWith('da') ? 'da' : 'en'} />);
} else {
  void Office.onReady((info) => {
    if (info.host === Office.HostType.Excel)
      root.render(
        <App
          store={new PaneStore(excelHost, language(), calculatorFor(startCalculationWorker), whatIfFor(startCalculationWorker))}
          theme={officeTheme()}
        />,
      );
    else root.render(<NotInExcel language={language()} />);
  });
}
