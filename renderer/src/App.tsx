import { useEffect } from 'react';
import { AccountsView } from './accounts/AccountsView';
import { useAccounts } from './accounts/accounts-store';
import { ComposeView } from './compose/ComposeView';
import { ContactsView } from './contacts/ContactsView';
import { ConversationsView } from './conversations/ConversationsView';
import { useNav, VIEWS } from './nav/nav-store';
import { OutboxView } from './outbox/OutboxView';
import { SystemPanel } from './system/SystemPanel';

const PANELS = {
  compose: ComposeView,
  outbox: OutboxView,
  conversations: ConversationsView,
  contacts: ContactsView,
  accounts: AccountsView,
  system: SystemPanel,
} as const;

export function App() {
  const { view, go } = useNav();
  const loadAccounts = useAccounts((s) => s.load);

  useEffect(() => {
    void loadAccounts();
    // Ctrl/Cmd + 1..6 switches views.
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      const target = VIEWS.find((v) => v.key === event.key);
      if (target) {
        event.preventDefault();
        go(target.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, loadAccounts]);

  const Panel = PANELS[view];
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">Outpost</div>
        <ul>
          {VIEWS.map((v) => (
            <li key={v.id}>
              <a
                href={`#${v.id}`}
                aria-current={view === v.id ? 'page' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  go(v.id);
                }}
                title={`Ctrl+${v.key}`}
              >
                {v.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        <Panel />
      </main>
    </div>
  );
}
