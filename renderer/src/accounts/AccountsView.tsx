import { useEffect, useState } from 'react';
import { outpost } from '../lib/outpost';
import { useAccounts } from './accounts-store';

type Provider = 'nrs' | 'action' | 'addressbook' | 'tags';
type Field = 'name' | 'baseUrl' | 'username' | 'secret' | 'localAddress';

const PROVIDERS: { value: Provider; label: string; secret: string }[] = [
  { value: 'nrs', label: '360nrs (REST API)', secret: 'API password' },
  { value: 'action', label: 'Action API', secret: 'Secret key' },
  { value: 'addressbook', label: 'Address-book API', secret: 'Bearer token' },
  { value: 'tags', label: 'Tags API', secret: 'API key' },
];

const EMPTY = {
  name: '',
  provider: 'nrs' as Provider,
  baseUrl: '',
  username: '',
  secret: '',
  localAddress: '',
};

function AddAccountForm() {
  const load = useAccounts((s) => s.load);
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<{ field: Field | null; message: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const secretLabel = PROVIDERS.find((p) => p.value === form.provider)?.secret ?? 'Secret';

  const submit = async (skipCheck: boolean) => {
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const reply = await outpost().accounts.add({
        name: form.name,
        provider: form.provider,
        baseUrl: form.baseUrl,
        secret: form.secret,
        skipCheck,
        ...(form.username ? { username: form.username } : {}),
        ...(form.localAddress ? { localAddress: form.localAddress } : {}),
      });
      if (reply.ok) {
        setSaved(
          `Added "${form.name}"${reply.checked ? ' — the provider accepted its credentials' : ' without checking it'}.`,
        );
        setForm(EMPTY);
        await load();
      } else {
        setError({ field: reply.field, message: reply.message });
      }
    } catch (e) {
      // A payload the contract refuses names the field in its issues.
      const issues = (e as { issues?: { path: string; message: string }[] }).issues;
      const first = issues?.[0];
      setError({ field: (first?.path as Field) ?? null, message: first?.message ?? String(e) });
    } finally {
      setBusy(false);
    }
  };

  const input = (
    field: Field,
    label: string,
    props: React.InputHTMLAttributes<HTMLInputElement> = {},
  ) => (
    <div>
      <label>
        {label}
        <input
          value={form[field]}
          aria-invalid={error?.field === field}
          aria-describedby={`account-${field}-error`}
          onChange={(e) => setForm({ ...form, [field]: e.target.value })}
          {...props}
        />
      </label>
      {error?.field === field ? (
        <p className="error" role="alert" id={`account-${field}-error`}>
          {error.message}
        </p>
      ) : null}
    </div>
  );

  return (
    <form
      className="card"
      aria-label="Add a provider account"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(false);
      }}
    >
      <h2>Add a provider account</h2>
      <div className="grid-2">
        {input('name', 'Name', { placeholder: 'e.g. Shop' })}
        <label>
          Provider
          <select
            value={form.provider}
            onChange={(e) => setForm({ ...form, provider: e.target.value as Provider })}
          >
            {PROVIDERS.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        {input('baseUrl', 'API address', { placeholder: 'https://…', inputMode: 'url' })}
        {form.provider === 'nrs' ? input('username', 'API user name') : <div />}
        {input('secret', secretLabel, { type: 'password', autoComplete: 'off' })}
        {input('localAddress', 'Send from address (optional)', {
          placeholder: 'only with several networks',
        })}
      </div>
      {error && error.field === null ? (
        <p className="error" role="alert">
          {error.message}
        </p>
      ) : null}
      {saved ? (
        <p className="success" role="status">
          {saved}
        </p>
      ) : null}
      <div className="actions">
        <span className="muted">
          The secret is kept in this computer’s keychain, never in the database.
        </span>
        <span className="form-buttons">
          {error && error.field !== 'name' && error.field !== 'secret' ? (
            <button type="button" disabled={busy} onClick={() => void submit(true)}>
              Save without checking
            </button>
          ) : null}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Checking…' : 'Check and add'}
          </button>
        </span>
      </div>
    </form>
  );
}

export function AccountsView() {
  const { accounts, load } = useAccounts();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <div className="panel">
      <header className="panel-header">
        <h1>Accounts</h1>
      </header>
      <table className="messages" data-testid="accounts-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Provider</th>
            <th>API address</th>
            <th>State</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id}>
              <td>
                {a.name}
                {a.sandbox ? <span className="muted"> (simulator)</span> : null}
              </td>
              <td>{a.provider}</td>
              <td className="muted">{a.baseUrl}</td>
              <td>{a.paused ? `Paused: ${a.paused.reason}` : 'Sending'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="spacer" />
      <AddAccountForm />
    </div>
  );
}
