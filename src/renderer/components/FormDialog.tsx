import type { ReactNode } from 'react';
import { Dialog } from './Dialog';

/**
 * A record's form in a wide dialog: what it is about first (`about`), then its fields in a grid;
 * Enter or the save button (in the fields' FormActions) saves.
 */
export function FormDialog({
  title,
  onClose,
  onSave,
  about,
  children,
}: {
  title: string;
  onClose: () => void;
  onSave: () => void;
  about?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Dialog title={title} open onClose={onClose} wide>
      {about}
      <form
        className="form form--grid"
        onSubmit={(e) => {
          e.preventDefault();
          onSave();
        }}
      >
        {children}
      </form>
    </Dialog>
  );
}
