import type { ClipboardEvent, InputHTMLAttributes } from 'react';
import { parseDateText } from '../../contract/exchange';

/**
 * A date field that also takes a date pasted as offices write it (2024年6月30日, 2024.6.30,
 * 2024-6-30, as the workbooks do): the browser's own date field takes only its own form.
 */
export function DateControl({
  value,
  onDate,
  ...rest
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange' | 'onPaste'> & {
  value: string | null;
  /** The date chosen, typed or pasted; null when the field is emptied. */
  onDate: (date: string | null) => void;
}) {
  const paste = (event: ClipboardEvent<HTMLInputElement>): void => {
    const date = parseDateText(event.clipboardData.getData('text/plain'));
    if (!date) return;
    event.preventDefault();
    onDate(date);
  };
  return <input {...rest} type="date" value={value ?? ''} onChange={(e) => onDate(e.target.value || null)} onPaste={paste} />;
}
