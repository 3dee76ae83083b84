/** The browser preview: no Office.js needed. The pane calculates in a Web Worker, as in Excel. */
import { createRoot } from 'react-dom/client';
import { calculatorFor } from '../taskpane/calculation';
import { startCalculationWorker } from '../taskpane/start-worker';
import { whatIfFor } from '../taskpane/what-if-runner';
import { PreviewApp } from './PreviewApp';

const calculator = calculatorFor(startCalculationWorker);
const whatIf = whatIfFor(startCalculationWorker);
createRoot(document.getElementById('root') as HTMLElement).render(<PreviewApp calculator={calculator} whatIf={whatIf} />);
