import { useState } from 'react';
import { useAccounts } from '../accounts/accounts-store';

/** One banner per paused account: why, what to do, and "Retry now". */
export function PausedBanners() {
  const all = useAccounts((s) => s.accounts);
  const accounts = all.filter((a) => a.paused);
  const retryNow = useAccounts((s) => s.retryNow);
  const [busy, setBusy] = useState<number | null>(null);
  const [said, setSaid] = useState<Record<number, string>>({});
  if (accounts.length === 0) return null;
  return (
    <div className="banners">
      {accounts.map((a) => (
        <div key={a.id} className="banner" role="alert" data-testid="paused-banner">
          <div>
            <strong>
              {a.name} is paused (error {a.paused?.code}).
            </strong>{' '}
            {a.paused?.reason}
            {said[a.id] ? <div className="muted">{said[a.id]}</div> : null}
          </div>
          <button
            type="button"
            disabled={busy === a.id}
            onClick={async () => {
              setBusy(a.id);
              const message = await retryNow(a.id).catch((e: unknown) => String(e));
              setSaid((s) => ({ ...s, [a.id]: message }));
              setBusy(null);
            }}
          >
            {busy === a.id ? 'Checking…' : a.paused?.code === 'manual' ? 'Resume' : 'Retry now'}
          </button>
        </div>
      ))}
    </div>
  );
}
