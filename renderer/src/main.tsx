// First, so the start view's IPC requests leave before anything else is evaluated
// (a bare import: the import sorter leaves it in place; the named one below sorts freely).
import './app/start-snapshots';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startSnapshotsOrTimeout } from './app/start-snapshots';
import './ui/styles.css';

// Every start module has been fetched, compiled and run: the start benchmark
// (bench/renderer-start.bench.ts) and a profile read the split from this mark.
performance.mark('outpost:modules-evaluated');
const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
// The first render waits (briefly) for the start view's data, so it is drawn once, complete.
void startSnapshotsOrTimeout().then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
