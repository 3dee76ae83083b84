/** The browser preview: no Office.js needed. */
import { createRoot } from 'react-dom/client';
import { PreviewApp } from './PreviewApp';

createRoot(document.getElementById('root') as HTMLElement).render(<PreviewApp />);
