import { SystemPanel } from './system/SystemPanel';

export function App() {
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">Outpost</div>
        <ul>
          <li>
            <a href="#system" aria-current="page">
              System
            </a>
          </li>
        </ul>
      </nav>
      <main className="content">
        <SystemPanel />
      </main>
    </div>
  );
}
