import { useEffect, useMemo } from 'react';
import { countSegments, type EncodingChoice, suggestGsmReplacements } from '../../../shared/sms';
import { useAccounts } from '../accounts/accounts-store';
import { useNav } from '../nav/nav-store';
import { useCompose } from './compose-store';
import { SegmentMeter } from './SegmentMeter';

const ENCODINGS: { value: EncodingChoice; label: string }[] = [
  { value: 'auto', label: 'Automatic (GSM-7 or UCS-2)' },
  { value: 'gsm', label: 'GSM-7' },
  { value: 'gsm-pt', label: 'GSM-PT (Portuguese)' },
  { value: 'ucs2', label: 'UCS-2 (Unicode)' },
];

function FieldError({ field }: { field: string }) {
  const error = useCompose((s) => s.fieldError);
  if (error?.field !== field) return null;
  return (
    <p className="error" role="alert" id={`${field}-error`}>
      {error.message}
    </p>
  );
}

function Suggestions({ text, gsm }: { text: string; gsm: boolean }) {
  const replaceText = useCompose((s) => s.replaceText);
  const undo = useCompose((s) => s.undoReplace);
  const canUndo = useCompose((s) => s.beforeReplace !== null);
  // Already GSM-7 (the usual case on each keystroke): nothing to suggest, no second count.
  const suggestion = useMemo(() => (gsm ? null : suggestGsmReplacements(text)), [gsm, text]);
  if (!suggestion || suggestion.replacements.length === 0) {
    return canUndo ? (
      <button type="button" className="link" onClick={undo}>
        Undo replacement
      </button>
    ) : null;
  }
  const list = suggestion.replacements
    .map((r) => `${r.from} → ${r.to === '' ? '(removed)' : r.to}`)
    .join(', ');
  return (
    <div className="hint" data-testid="gsm-suggestion">
      Replacing {list}
      {suggestion.remaining.length === 0 ? ' brings the message back to GSM-7' : ''}
      {suggestion.segmentsSaved > 0 ? ` and saves ${suggestion.segmentsSaved} segment(s)` : ''}.{' '}
      <button type="button" className="link" onClick={() => replaceText(suggestion.text)}>
        Replace
      </button>
    </div>
  );
}

export function ComposeView() {
  const draft = useCompose();
  const accounts = useAccounts((s) => s.accounts);
  const go = useNav((s) => s.go);
  const count = useMemo(
    () => countSegments(draft.text, { encoding: draft.encoding }),
    [draft.text, draft.encoding],
  );

  useEffect(() => {
    if (draft.accountId === null && accounts[0]) draft.set({ accountId: accounts[0].id });
  }, [accounts, draft]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void draft.send();
    }
  };

  return (
    <form
      className="panel compose"
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        void draft.send();
      }}
    >
      <header className="panel-header">
        <h1>Compose</h1>
      </header>
      <div className="grid-2">
        <label>
          Account
          <select
            value={draft.accountId ?? ''}
            onChange={(e) => draft.set({ accountId: Number(e.target.value) })}
          >
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
                {a.sandbox ? ' (simulator)' : ''}
                {a.paused ? ' — paused' : ''}
              </option>
            ))}
          </select>
        </label>
        <div>
          <label>
            From
            <input
              value={draft.from}
              aria-invalid={draft.fieldError?.field === 'from'}
              onChange={(e) => draft.set({ from: e.target.value })}
              placeholder="Up to 11 letters or 15 digits"
              aria-describedby="from-error"
            />
          </label>
          <FieldError field="from" />
        </div>
        <div>
          <label>
            To
            <input
              value={draft.to}
              aria-invalid={draft.fieldError?.field === 'to'}
              onChange={(e) => draft.set({ to: e.target.value })}
              placeholder="+34 666 555 444"
              inputMode="tel"
              aria-describedby="to-error"
            />
          </label>
          <FieldError field="to" />
        </div>
        <label>
          Encoding
          <select
            value={draft.encoding}
            onChange={(e) => draft.set({ encoding: e.target.value as EncodingChoice })}
          >
            {ENCODINGS.map((e) => (
              <option key={e.value} value={e.value}>
                {e.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        Message
        <textarea
          rows={7}
          value={draft.text}
          aria-invalid={draft.fieldError?.field === 'text'}
          onChange={(e) => draft.set({ text: e.target.value })}
          placeholder="Write your message…"
        />
      </label>
      <SegmentMeter count={count} />
      {count.forcingUcs2.length > 0 ? (
        <p className="muted" data-testid="forcing-chars">
          Not in GSM-7, so the message is sent as Unicode:{' '}
          {count.forcingUcs2
            .slice(0, 8)
            .map((c) => `“${c.char}” at ${c.index + 1}`)
            .join(', ')}
          {count.forcingUcs2.length > 8 ? ` and ${count.forcingUcs2.length - 8} more` : ''}.
        </p>
      ) : null}
      {count.gsmPtSegments !== undefined ? (
        <p className="hint" data-testid="gsm-pt-hint">
          For Portuguese recipients GSM-PT needs {count.gsmPtSegments} segment(s) instead of{' '}
          {count.segments}.{' '}
          <button type="button" className="link" onClick={() => draft.set({ encoding: 'gsm-pt' })}>
            Use GSM-PT
          </button>
        </p>
      ) : null}
      <Suggestions text={draft.text} gsm={count.forcingUcs2.length === 0} />
      <FieldError field="text" />
      <div className="actions">
        <label className="inline">
          Send at (optional)
          <input
            type="datetime-local"
            value={draft.at}
            onChange={(e) => draft.set({ at: e.target.value })}
          />
        </label>
        <FieldError field="at" />
        <button type="submit" className="primary" disabled={draft.sending}>
          {draft.sending ? 'Queueing…' : 'Send'} <kbd>Ctrl+Enter</kbd>
        </button>
      </div>
      {draft.sent ? (
        <p className="success" role="status" data-testid="sent-notice">
          Queued message {draft.sent.id} to {draft.sent.to} ({draft.sent.segments} segment
          {draft.sent.segments === 1 ? '' : 's'}).{' '}
          <button type="button" className="link" onClick={() => go('outbox')}>
            Show in the outbox
          </button>
        </p>
      ) : null}
    </form>
  );
}
