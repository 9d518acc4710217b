import { useTranslation } from 'react-i18next';
import { FINISHED_STATUSES, TASK_STATUSES, type TaskStatus } from '../../../contract/tasks';
import { FilterTabs } from '../../components/FilterTabs';
import { useFormat } from '../../hooks/useFormat';
import type { StatusCounts } from './useStatusCounts';

const OPEN_STATUSES = TASK_STATUSES.filter((s) => !FINISHED_STATUSES.includes(s));

interface TabSpec {
  readonly key: string;
  readonly statuses: readonly TaskStatus[];
}

/** 全部 · 在办 · 未启动 · 推进中 · 已完成 · 已销号, each with how many tasks it holds. */
const TABS: readonly TabSpec[] = [
  { key: 'all', statuses: [] },
  { key: 'open', statuses: OPEN_STATUSES },
  ...TASK_STATUSES.map((status) => ({ key: status, statuses: [status] })),
];

const same = (a: readonly TaskStatus[], b: readonly TaskStatus[]): boolean => a.length === b.length && a.every((s) => b.includes(s));

export function StatusTabs({
  statuses,
  counts,
  onChange,
}: {
  statuses: readonly TaskStatus[];
  counts: StatusCounts | null;
  onChange: (statuses: readonly TaskStatus[]) => void;
}) {
  const { t } = useTranslation('tasks');
  const format = useFormat();
  const countOf = (tab: TabSpec): string => {
    if (!counts) return '';
    const included = tab.statuses.length ? tab.statuses : TASK_STATUSES;
    return format.number(included.reduce((sum, status) => sum + counts[status], 0));
  };
  return (
    <FilterTabs
      label={t('ledger.statusTabs')}
      tabs={TABS.map((tab) => ({
        key: tab.key,
        label: tab.key === 'all' || tab.key === 'open' ? t(`ledger.tab.${tab.key}`) : t(`common:enums.taskStatus.${tab.key}`),
        count: countOf(tab),
      }))}
      chosen={TABS.find((tab) => same(tab.statuses, statuses))?.key}
      onChoose={(key) => onChange(TABS.find((tab) => tab.key === key)!.statuses)}
    />
  );
}
