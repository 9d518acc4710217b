import type { ReactNode } from 'react';
import { AuditLog } from '../screens/audit/AuditLog';
import { Settings } from '../screens/settings/Settings';
import { Units } from '../screens/units/Units';

/**
 * The screens of an open ledger: their address, and where they appear in the navigation (`nav`
 * names the item's text, `app:nav.<nav>`). Each screen is one folder under screens/.
 */
export interface ScreenEntry {
  readonly path: string;
  readonly nav?: string;
  readonly group?: 'work' | 'records' | 'system';
  readonly element: ReactNode;
}

export const SCREENS: readonly ScreenEntry[] = [
  { path: '/units', nav: 'units', group: 'records', element: <Units /> },
  { path: '/audit', nav: 'audit', group: 'system', element: <AuditLog /> },
  { path: '/settings', nav: 'settings', group: 'system', element: <Settings /> },
];
