import { type ReactNode, useId } from 'react';

/** A titled card inside a view; its title names the region for screen readers. */
export function Section(props: {
  title: string;
  children: ReactNode;
  testId?: string;
  actions?: ReactNode;
}) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={id} data-testid={props.testId}>
      <div className="card-header">
        <h2 id={id}>{props.title}</h2>
        {props.actions ?? null}
      </div>
      {props.children}
    </section>
  );
}
