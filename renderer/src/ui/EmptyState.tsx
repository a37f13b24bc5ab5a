import type { ReactNode } from 'react';

/** What an empty view is for, in one sentence, and the next step. */
export function EmptyState({ sentence, action }: { sentence: string; action?: ReactNode }) {
  return (
    <div className="empty-state" data-testid="empty-state">
      <p>{sentence}</p>
      {action ?? null}
    </div>
  );
}
