import { useAccounts } from '../features/accounts/store';
import { useSettings } from '../features/settings/store';

/*
 * The snapshots the start view waits for (the saved preferences and the
 * accounts), asked for as a side effect of this module, which main.tsx
 * imports first. ES modules run in import order, so the two round trips to
 * the core (sent together, not one after the other) start before React DOM
 * and the views' modules are even evaluated, and their answers often land
 * before the first render, which then already shows the account.
 */
void useSettings.getState().load();
void useAccounts.getState().load();
