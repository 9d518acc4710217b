import type { ReactNode } from 'react';
import type { LedgerKind } from '../../contract/rollup';
import { Accountability } from '../screens/accountability/Accountability';
import { AccountabilityPage } from '../screens/accountability/AccountabilityPage';
import { AuditLog } from '../screens/audit/AuditLog';
import { BatchLetters } from '../screens/documents/BatchLetters';
import { Documents } from '../screens/documents/Documents';
import { IssueDocument } from '../screens/documents/IssueDocument';
import { MonthlyReport } from '../screens/documents/MonthlyReport';
import { Templates } from '../screens/documents/Templates';
import { GroupPage } from '../screens/commission/GroupPage';
import { RollupImport } from '../screens/commission/RollupImport';
import { Exchange } from '../screens/exchange/Exchange';
import { MeetingPage } from '../screens/meetings/MeetingPage';
import { Meetings } from '../screens/meetings/Meetings';
import { PetitionPage } from '../screens/petitions/PetitionPage';
import { Petitions } from '../screens/petitions/Petitions';
import { MonthlyDispatch } from '../screens/progress/MonthlyDispatch';
import { Settings } from '../screens/settings/Settings';
import { Sources } from '../screens/sources/Sources';
import { Ledger } from '../screens/tasks/Ledger';
import { TaskFormPage } from '../screens/tasks/TaskForm';
import { TaskPage } from '../screens/tasks/TaskPage';
import { Units } from '../screens/units/Units';
import { VisitPage } from '../screens/visits/VisitPage';
import { Visits } from '../screens/visits/Visits';
import { Home } from './Home';

/**
 * The screens of an open ledger: their address, and where they appear in the navigation (`nav`
 * names the item's text, `app:nav.<nav>`). Each screen is one folder under screens/.
 */
export interface ScreenEntry {
  readonly path: string;
  readonly nav?: string;
  readonly group?: 'work' | 'records' | 'system';
  /** The kinds of ledger whose navigation shows it: a commission's keeps no tasks, letters or units of its own. */
  readonly kinds?: readonly LedgerKind[];
  readonly element: ReactNode;
}

const GROUP_ONLY: readonly LedgerKind[] = ['group'];

export const SCREENS: readonly ScreenEntry[] = [
  { path: '/', nav: 'dashboard', group: 'work', element: <Home /> },
  { path: '/tasks', nav: 'tasks', kinds: GROUP_ONLY, group: 'work', element: <Ledger /> },
  { path: '/tasks/new', element: <TaskFormPage /> },
  { path: '/tasks/:id', element: <TaskPage /> },
  { path: '/tasks/:id/edit', element: <TaskFormPage /> },
  { path: '/progress', nav: 'progress', kinds: GROUP_ONLY, group: 'work', element: <MonthlyDispatch /> },
  { path: '/documents', nav: 'documents', kinds: GROUP_ONLY, group: 'work', element: <Documents /> },
  { path: '/documents/new', element: <IssueDocument /> },
  { path: '/documents/batch', element: <BatchLetters /> },
  { path: '/documents/monthly-report', element: <MonthlyReport /> },
  { path: '/documents/templates', element: <Templates /> },
  { path: '/petitions', nav: 'petitions', kinds: GROUP_ONLY, group: 'work', element: <Petitions /> },
  { path: '/petitions/new', element: <PetitionPage /> },
  { path: '/petitions/:id', element: <PetitionPage /> },
  { path: '/visits', nav: 'visits', kinds: GROUP_ONLY, group: 'work', element: <Visits /> },
  { path: '/visits/new', element: <VisitPage /> },
  { path: '/visits/:id', element: <VisitPage /> },
  { path: '/accountability', nav: 'accountability', kinds: GROUP_ONLY, group: 'work', element: <Accountability /> },
  { path: '/accountability/new', element: <AccountabilityPage /> },
  { path: '/accountability/:id', element: <AccountabilityPage /> },
  { path: '/meetings', nav: 'meetings', kinds: GROUP_ONLY, group: 'work', element: <Meetings /> },
  { path: '/meetings/new', element: <MeetingPage /> },
  { path: '/meetings/:id', element: <MeetingPage /> },
  { path: '/exchange', nav: 'exchange', kinds: GROUP_ONLY, group: 'work', element: <Exchange /> },
  { path: '/sources', nav: 'sources', kinds: GROUP_ONLY, group: 'records', element: <Sources /> },
  { path: '/units', nav: 'units', kinds: GROUP_ONLY, group: 'records', element: <Units /> },
  { path: '/audit', nav: 'audit', group: 'system', element: <AuditLog /> },
  { path: '/settings', nav: 'settings', group: 'system', element: <Settings /> },
  { path: '/groups/:id', element: <GroupPage /> },
  { path: '/rollup', nav: 'rollup', kinds: ['commission'], group: 'work', element: <RollupImport /> },
];
