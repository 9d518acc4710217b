import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** One number of the dashboard, with what it counts; a link to the list behind it when there is one. */
export function Figure({
  label,
  value,
  unit,
  note,
  to,
  tone = 'neutral',
}: {
  label: string;
  value: string;
  unit: string;
  note?: ReactNode;
  to?: string;
  tone?: 'neutral' | 'danger' | 'ok';
}) {
  const body = (
    <>
      <span className="figure__label">{label}</span>
      <span className="figure__value">
        {value}
        <span className="figure__unit">{unit}</span>
      </span>
      {note && <span className="figure__note">{note}</span>}
    </>
  );
  return to ? (
    <Link to={to} className={`figure figure--${tone} figure--link`}>
      {body}
    </Link>
  ) : (
    <div className={`figure figure--${tone}`}>{body}</div>
  );
}
