import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, loadStartSnapshots } from './app/App';
import './ui/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
loadStartSnapshots();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
