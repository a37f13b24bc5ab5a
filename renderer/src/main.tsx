// First, so the start view's IPC requests leave before anything else is evaluated
// (a bare import: the import sorter leaves it in place; the named one below sorts freely).
import './app/start-snapshots';
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
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
// It renders at sync priority so React runs its effects in the same task: the stores'
// subscriptions (the counter's) are in place before any key pressed in the first frame is
// handled, instead of a task later, behind the React Aria parts' download and evaluation.
void startSnapshotsOrTimeout().then(() => {
  const app = createRoot(root);
  flushSync(() =>
    app.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
});
