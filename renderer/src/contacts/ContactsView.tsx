import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { ContactView } from '../../../shared/ipc/schemas/contacts';
import { useAccounts } from '../accounts/accounts-store';
import { useCompose } from '../compose/compose-store';
import { outpost } from '../lib/outpost';
import { useNav } from '../nav/nav-store';

type Contact = z.infer<typeof ContactView>;

/** Contact books synced from the provider, searched locally (works offline). */
export function ContactsView() {
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<{ total: number; contacts: Contact[] }>({
    total: 0,
    contacts: [],
  });
  const [status, setStatus] = useState<string | null>(null);
  const [syncing, setSyncing] = useState(false);
  const accounts = useAccounts((s) => s.accounts);
  const [accountId, setAccountId] = useState<number | null>(null);
  const setDraft = useCompose((s) => s.set);
  const go = useNav((s) => s.go);

  useEffect(() => {
    let current = true;
    // A short pause so typing does not query on every keystroke.
    const timer = setTimeout(async () => {
      const found = await outpost().contacts.search({ query, limit: 100 });
      if (current) setResult(found);
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  const sync = async () => {
    const account = accounts.find((a) => a.id === accountId) ?? accounts[0];
    if (!account) return;
    setSyncing(true);
    setStatus(`Syncing ${account.name}…`);
    const reply = await outpost().contacts.sync({ accountId: account.id });
    setStatus(
      reply.ok
        ? `Synced ${reply.contacts} contacts from ${account.name}${reply.conflicts ? `; ${reply.conflicts} conflict(s) to review` : ''}.`
        : `Could not sync: ${reply.message}`,
    );
    setSyncing(false);
    setResult(await outpost().contacts.search({ query, limit: 100 }));
  };

  return (
    <div className="panel">
      <header className="panel-header">
        <h1>Contacts</h1>
        <span className="form-buttons">
          {accounts.length > 1 ? (
            <select
              aria-label="Account to sync"
              value={accountId ?? accounts[0]?.id ?? ''}
              onChange={(e) => setAccountId(Number(e.target.value))}
            >
              {accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          ) : null}
          <button
            type="button"
            onClick={() => void sync()}
            disabled={syncing || accounts.length === 0}
          >
            {syncing ? 'Syncing…' : 'Sync now'}
          </button>
        </span>
      </header>
      {status ? (
        <p role="status" className="muted" data-testid="contacts-status">
          {status}
        </p>
      ) : null}
      <input
        type="search"
        aria-label="Search contacts"
        placeholder="Search by name, phone digits or email"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        className="search"
      />
      <p className="muted">
        {result.contacts.length} shown of {result.total} contacts
      </p>
      <table className="messages" data-testid="contacts-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Phone</th>
            <th>Email</th>
            <th>Tags</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {result.contacts.map((c) => (
            <tr key={c.id}>
              <td>
                {[c.firstName, c.lastName].filter(Boolean).join(' ') || '—'}
                {c.hasConflict ? <span className="badge badge-failed"> conflict</span> : null}
                {c.pending && !c.hasConflict ? <span className="badge"> not synced</span> : null}
              </td>
              <td>+{c.phone}</td>
              <td>{c.email}</td>
              <td className="muted">{c.tags.join(', ')}</td>
              <td>
                <button
                  type="button"
                  onClick={() => {
                    setDraft({ to: `+${c.phone}`, accountId: c.accountId });
                    go('compose');
                  }}
                >
                  Message
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
