import { type ReactNode, useEffect } from 'react';
import { useSystemStore } from './system-store';

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
}

const SYNCHRONOUS = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Card({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section className="card" aria-label={title} data-testid={testId}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

function AppInfoCard() {
  const info = useSystemStore((s) => s.info);
  if (info.state === 'loading')
    return (
      <Card title="Application" testId="app-info">
        <p className="muted">Loading…</p>
      </Card>
    );
  if (info.state === 'error')
    return (
      <Card title="Application" testId="app-info">
        <p role="alert" className="error">
          {info.message}
        </p>
      </Card>
    );
  const { value } = info;
  return (
    <Card title="Application" testId="app-info">
      <dl>
        <Row label="Version">{value.version}</Row>
        <Row label="Data folder">
          <code>{value.dataDir}</code>
        </Row>
        <Row label="Schema version">{value.schemaVersion}</Row>
      </dl>
    </Card>
  );
}

function DbHealthCard() {
  const health = useSystemStore((s) => s.health);
  if (health.state === 'loading')
    return (
      <Card title="Database" testId="db-health">
        <p className="muted">Loading…</p>
      </Card>
    );
  if (health.state === 'error')
    return (
      <Card title="Database" testId="db-health">
        <p role="alert" className="error">
          {health.message}
        </p>
      </Card>
    );
  const { value } = health;
  const upToDate = value.schemaVersion === value.latestSchemaVersion;
  return (
    <Card title="Database" testId="db-health">
      <dl>
        <Row label="File">
          <code>{value.file}</code>
        </Row>
        <Row label="SQLite">{value.sqliteVersion}</Row>
        <Row label="Journal mode">{value.journalMode.toUpperCase()}</Row>
        <Row label="Synchronous">{SYNCHRONOUS[value.synchronous] ?? value.synchronous}</Row>
        <Row label="Foreign keys">{value.foreignKeys ? 'on' : 'off'}</Row>
        <Row label="Schema">{`${value.schemaVersion} of ${value.latestSchemaVersion}${upToDate ? ' (up to date)' : ''}`}</Row>
        <Row label="Size">{formatBytes(value.sizeBytes)}</Row>
      </dl>
      <table className="counts">
        <caption>Rows per table</caption>
        <tbody>
          {Object.entries(value.counts).map(([table, count]) => (
            <tr key={table}>
              <th scope="row">{table}</th>
              <td>{count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

export function SystemPanel() {
  const refresh = useSystemStore((s) => s.refresh);
  useEffect(() => {
    void refresh();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'F5') {
        event.preventDefault();
        void refresh();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [refresh]);

  return (
    <div className="panel">
      <header className="panel-header">
        <h1>System</h1>
        <button type="button" onClick={() => void refresh()} title="Refresh (F5)">
          Refresh
        </button>
      </header>
      <div className="cards">
        <AppInfoCard />
        <DbHealthCard />
      </div>
    </div>
  );
}
