import { useCallback } from 'react';
import type { OutboxMessage } from '../../../shared/ipc/schemas/outbox';
import { useAccounts } from '../accounts/accounts-store';
import { usePolling } from '../lib/poll';
import { useNav } from '../nav/nav-store';
import { PausedBanners } from '../ui/PausedBanners';
import { StateBadge } from '../ui/StateBadge';
import { type Filter, useOutbox } from './outbox-store';

const FILTERS: { id: Filter; label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'attention', label: 'Needs attention' },
  { id: 'queued', label: 'Queued' },
  { id: 'accepted', label: 'Accepted' },
  { id: 'delivered', label: 'Delivered' },
  { id: 'failed', label: 'Failed' },
  { id: 'unknown', label: 'Outcome unknown' },
];

function Actions({ message }: { message: OutboxMessage }) {
  const { retry, cancel } = useOutbox();
  const canRetry = message.state === 'failed' || message.state === 'unknown';
  const canDrop = message.state === 'queued' || message.state === 'unknown';
  return (
    <span className="row-actions">
      {canRetry ? (
        <button
          type="button"
          onClick={() => {
            const twice =
              message.state === 'unknown'
                ? ' It may arrive twice if the first attempt went out.'
                : '';
            if (
              window.confirm(`Send message ${message.id} to +${message.recipient} again?${twice}`)
            ) {
              void retry(message.id);
            }
          }}
        >
          Retry
        </button>
      ) : null}
      {canDrop ? (
        <button
          type="button"
          onClick={() => {
            if (
              window.confirm(
                `Drop message ${message.id} to +${message.recipient}? It will not be sent.`,
              )
            ) {
              void cancel(message.id);
            }
          }}
        >
          {message.state === 'unknown' ? 'Drop' : 'Cancel'}
        </button>
      ) : null}
    </span>
  );
}

/** "Pause sending" for each account that is sending; it takes effect before the next request. */
function PauseButtons() {
  const accounts = useAccounts((s) => s.accounts);
  const pause = useAccounts((s) => s.pause);
  const running = accounts.filter((a) => !a.paused);
  if (running.length === 0) return null;
  return (
    <div className="row-actions pause-buttons">
      {running.map((a) => (
        <button key={a.id} type="button" onClick={() => void pause(a.id)}>
          Pause sending on {a.name}
        </button>
      ))}
    </div>
  );
}

export function OutboxView() {
  const { filter, setFilter, messages, status, notice, load } = useOutbox();
  const loadAccounts = useAccounts((s) => s.load);
  const go = useNav((s) => s.go);
  const refresh = useCallback(async () => {
    await Promise.all([load(), loadAccounts()]);
  }, [load, loadAccounts]);
  usePolling(refresh, 1_000);

  return (
    <div className="panel">
      <header className="panel-header">
        <h1>Outbox</h1>
        {status ? (
          <p className="counts-line" data-testid="outbox-counts">
            {Object.entries(status.counts)
              .filter(([, n]) => n > 0)
              .map(([state, n]) => `${n} ${state}`)
              .join(' · ') || 'Nothing sent yet'}
          </p>
        ) : null}
      </header>
      <PausedBanners />
      <PauseButtons />
      <div className="chips" role="tablist" aria-label="Filter by state">
        {FILTERS.map((f) => (
          <button
            key={f.id}
            type="button"
            role="tab"
            aria-selected={filter === f.id}
            className={filter === f.id ? 'chip active' : 'chip'}
            onClick={() => setFilter(f.id)}
          >
            {f.label}
          </button>
        ))}
      </div>
      {notice ? (
        <p role="status" className="muted">
          {notice}
        </p>
      ) : null}
      <table className="messages" data-testid="outbox-table">
        <thead>
          <tr>
            <th>#</th>
            <th>To</th>
            <th>Message</th>
            <th>State</th>
            <th>Details</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {messages.map((m) => (
            <tr key={m.id} data-testid={`message-${m.id}`}>
              <td>{m.id}</td>
              <td>
                <button
                  type="button"
                  className="link"
                  onClick={() => go('conversations', m.recipient)}
                >
                  +{m.recipient}
                </button>
              </td>
              <td className="body-cell" title={m.body}>
                {m.body}
              </td>
              <td>
                <StateBadge message={m} />
              </td>
              <td className="muted">
                {m.errorText ??
                  (m.segments > 1 ? `${m.segments} segments, ${m.encoding}` : m.encoding)}
                {m.attempts > 1 ? ` · ${m.attempts} attempts` : ''}
              </td>
              <td>
                <Actions message={m} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {messages.length === 0 ? <p className="muted">No messages here.</p> : null}
    </div>
  );
}
