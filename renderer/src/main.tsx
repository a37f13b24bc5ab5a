// First, so the start view's IPC requests leave before anything else is evaluated.
import './app/start-snapshots';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './ui/styles.css';

// Every start module has been fetched, compiled and run: the start benchmark
// (bench/renderer-start.bench.ts) and a profile read the split from this mark.
performance.mark('outpost:modules-evaluated');
const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
