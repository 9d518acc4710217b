import { type ReactNode, useId } from 'react';

/** A titled card of a page (基本信息, 佐证材料 …), with its own buttons beside the title. */
export function Section({ title, actions, className, children }: { title: string; actions?: ReactNode; className?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className={`card section${className ? ` ${className}` : ''}`} aria-labelledby={id}>
      <header className="section__head">
        <h2 id={id}>{title}</h2>
        {actions && <div className="section__actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}

/** What an empty list says in its place: calm, and what to do about it. */
export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty-state">{children}</p>;
}
