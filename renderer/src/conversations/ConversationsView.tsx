import { useCallback, useMemo, useState } from 'react';
import type { OutboxMessage } from '../../../shared/ipc/schemas/outbox';
import { outpost } from '../lib/outpost';
import { usePolling } from '../lib/poll';
import { useNav } from '../nav/nav-store';
import { StateBadge } from '../ui/StateBadge';

/** One thread per recipient, newest first, each message with its delivery state. */
export function ConversationsView() {
  const selected = useNav((s) => s.recipient);
  const go = useNav((s) => s.go);
  const [messages, setMessages] = useState<OutboxMessage[]>([]);
  const load = useCallback(async () => {
    setMessages(await outpost().outbox.list({ limit: 500 }));
  }, []);
  usePolling(load, 1_500);

  const threads = useMemo(() => {
    const byRecipient = new Map<string, OutboxMessage[]>();
    for (const m of messages)
      byRecipient.set(m.recipient, [...(byRecipient.get(m.recipient) ?? []), m]);
    return [...byRecipient.entries()];
  }, [messages]);
  const current = selected ?? threads[0]?.[0] ?? null;
  const thread = (threads.find(([r]) => r === current)?.[1] ?? []).slice().reverse();

  return (
    <div className="panel conversations">
      <header className="panel-header">
        <h1>Conversations</h1>
      </header>
      <div className="split">
        <ul className="thread-list" aria-label="Recipients">
          {threads.map(([recipient, list]) => (
            <li key={recipient}>
              <button
                type="button"
                aria-current={recipient === current}
                onClick={() => go('conversations', recipient)}
              >
                <strong>+{recipient}</strong>
                <span className="muted">{list[0]?.body}</span>
              </button>
            </li>
          ))}
        </ul>
        <section
          className="thread"
          aria-label={current ? `Messages to +${current}` : 'No conversation'}
        >
          {thread.map((m) => (
            <div key={m.id} className="bubble outbound" data-testid="bubble">
              <p>{m.body}</p>
              <footer>
                <StateBadge message={m} /> <time>{new Date(m.createdAt).toLocaleString()}</time>
                {m.errorText && (m.state === 'failed' || m.state === 'unknown') ? (
                  <span className="error"> {m.errorText}</span>
                ) : null}
              </footer>
            </div>
          ))}
          {thread.length === 0 ? (
            <p className="muted">Messages you send appear here, per recipient.</p>
          ) : null}
        </section>
      </div>
    </div>
  );
}
