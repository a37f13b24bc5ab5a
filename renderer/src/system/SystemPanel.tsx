import { type ReactNode, useEffect } from 'react';
import { type Load, useSystemStore } from './system-store';

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

/** A titled card that shows "Loading…", the error sentence, or its content once loaded. */
function Card<T>(props: {
  title: string;
  testId: string;
  load: Load<T>;
  children: (value: T) => ReactNode;
}) {
  const { title, testId, load, children } = props;
  return (
    <section className="card" aria-label={title} data-testid={testId}>
      <h2>{title}</h2>
      {load.state === 'loading' ? <p className="muted">Loading…</p> : null}
      {load.state === 'error' ? (
        <p role="alert" className="error">
          {load.message}
        </p>
      ) : null}
      {load.state === 'ready' ? children(load.value) : null}
    </section>
  );
}

function AppInfoCard() {
  const info = useSystemStore((s) => s.info);
  return (
    <Card title="Application" testId="app-info" load={info}>
      {(value) => (
        <dl>
          <Row label="Version">{value.version}</Row>
          <Row label="Data folder">
            <code>{value.dataDir}</code>
          </Row>
          <Row label="Schema version">{value.schemaVersion}</Row>
        </dl>
      )}
    </Card>
  );
}

function DbHealthCard() {
  const health = useSystemStore((s) => s.health);
  return (
    <Card title="Database" testId="db-health" load={health}>
      {(value) => (
        <>
          <dl>
            <Row label="File">
              <code>{value.file}</code>
            </Row>
            <Row label="SQLite">{value.sqliteVersion}</Row>
            <Row label="Journal mode">{value.journalMode.toUpperCase()}</Row>
            <Row label="Synchronous">{SYNCHRONOUS[value.synchronous] ?? value.synchronous}</Row>
            <Row label="Foreign keys">{value.foreignKeys ? 'on' : 'off'}</Row>
            <Row label="Schema">
              {`${value.schemaVersion} of ${value.latestSchemaVersion}${value.schemaVersion === value.latestSchemaVersion ? ' (up to date)' : ''}`}
            </Row>
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
        </>
      )}
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
