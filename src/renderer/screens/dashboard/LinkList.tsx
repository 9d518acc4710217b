import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Empty, Section } from '../../components/Section';

/** A list on the home page: a few items, each a link, and the way to all of them; or a word that there are none. */
export function LinkList<T>({
  title,
  more,
  items,
  empty,
  children,
}: {
  title: string;
  more: { to: string; label: string };
  items: readonly T[];
  empty: string;
  children: (item: T) => ReactNode;
}) {
  return (
    <Section
      title={title}
      actions={
        <Link className="button button--small" to={more.to}>
          {more.label}
        </Link>
      }
    >
      {items.length ? <ul className="link-list">{items.map(children)}</ul> : <Empty>{empty}</Empty>}
    </Section>
  );
}

/**
 * One item: its number (文号, task number) kept whole, its words on up to two lines, and a note on
 * the line under them, so that at any width neither is cut to a character nor stacked letter by letter.
 */
export function LinkItem({ to, number, text, late = false, children }: { to: string; number?: string; text: string; late?: boolean; children: ReactNode }) {
  return (
    <li>
      <Link to={to} title={number ? `${number} ${text}` : text}>
        {number && <span className="link-list__number">{number}</span>}
        <span className="link-list__text">{text}</span>
      </Link>
      <span className={`link-list__meta${late ? ' link-list__meta--late' : ''}`}>{children}</span>
    </li>
  );
}
