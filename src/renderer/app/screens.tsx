import type { ReactNode } from 'react';
import { AuditLog } from '../screens/audit/AuditLog';
import { BatchLetters } from '../screens/documents/BatchLetters';
import { Documents } from '../screens/documents/Documents';
import { IssueDocument } from '../screens/documents/IssueDocument';
import { Templates } from '../screens/documents/Templates';
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
  { path: '/documents', nav: 'documents', group: 'work', element: <Documents /> },
  { path: '/documents/new', element: <IssueDocument /> },
  { path: '/documents/batch', element: <BatchLetters /> },
  { path: '/documents/templates', element: <Templates /> },
  { path: '/units', nav: 'units', group: 'records', element: <Units /> },
  { path: '/audit', nav: 'audit', group: 'system', element: <AuditLog /> },
  { path: '/settings', nav: 'settings', group: 'system', element: <Settings /> },
];
