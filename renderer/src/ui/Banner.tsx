import type { ReactNode } from 'react';

/** A notice across the top of a view (a paused account); `alert` is announced at once. */
export function Banner(props: {
  tone: 'warning' | 'info';
  title: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  testId?: string;
}) {
  return (
    <div
      className={`banner banner-${props.tone}`}
      role={props.tone === 'warning' ? 'alert' : 'status'}
      data-testid={props.testId}
    >
      <div className="banner-text">
        <strong>{props.title}</strong> {props.children}
      </div>
      {props.action ?? null}
    </div>
  );
}
