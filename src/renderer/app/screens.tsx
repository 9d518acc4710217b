import type { ReactNode } from 'react';
import { AuditLog } from '../screens/audit/AuditLog';
import { MonthlyDispatch } from '../screens/progress/MonthlyDispatch';
import { Settings } from '../screens/settings/Settings';
import { Sources } from '../screens/sources/Sources';
import { Ledger } from '../screens/tasks/Ledger';
import { TaskFormPage } from '../screens/tasks/TaskForm';
import { TaskPage } from '../screens/tasks/TaskPage';
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
  { path: '/tasks', nav: 'tasks', group: 'work', element: <Ledger /> },
  { path: '/tasks/new', element: <TaskFormPage /> },
  { path: '/tasks/:id', element: <TaskPage /> },
  { path: '/tasks/:id/edit', element: <TaskFormPage /> },
  { path: '/progress', nav: 'progress', group: 'work', element: <MonthlyDispatch /> },
  { path: '/sources', nav: 'sources', group: 'records', element: <Sources /> },
  { path: '/units', nav: 'units', group: 'records', element: <Units /> },
  { path: '/audit', nav: 'audit', group: 'system', element: <AuditLog /> },
  { path: '/settings', nav: 'settings', group: 'system', element: <Settings /> },
];
