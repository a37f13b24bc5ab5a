import type { ReactNode } from 'react';

/** A view's title (the page's one h1) and its actions. */
export function ViewHeader(props: { title: string; id?: string; children?: ReactNode }) {
  const { title, id, children } = props;
  return (
    <header className="view-header">
      <h1 id={id}>{title}</h1>
      {children ? <div className="view-actions">{children}</div> : null}
    </header>
  );
}
