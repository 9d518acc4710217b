import { createContext, type ReactNode, useCallback, useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Short confirmations at the bottom of the window ("已保存"), some with an undo button. */
interface Toast {
  readonly id: number;
  readonly message: string;
  readonly undo?: () => void;
}

type Show = (message: string, undo?: () => void) => void;
const ToastContext = createContext<Show>(() => undefined);

const SHOWN_MS = 6000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<readonly Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);
  const show = useCallback<Show>(
    (message, undo) => {
      const id = Date.now() + Math.random();
      setToasts((all) => [...all, { id, message, ...(undo ? { undo } : {}) }]);
      setTimeout(() => dismiss(id), SHOWN_MS);
    },
    [dismiss],
  );
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className="toast">
            <span>{toast.message}</span>
            {toast.undo && (
              <button
                type="button"
                className="button button--link"
                onClick={() => {
                  dismiss(toast.id);
                  toast.undo!();
                }}
              >
                {t('app:actions.undo')}
              </button>
            )}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export const useToast = (): Show => useContext(ToastContext);
