import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DispatchOverview, DispatchUnit, ReportChaseRequest } from '../../../contract/dispatch';
import type { LetterDates } from '../../../contract/documents';
import type { IsoDate } from '../../../shared/dates';
import { useApi } from '../../api/ApiContext';
import { contractQuery } from '../../api/contractQuery';
import { useContractMutation } from '../../api/useContract';
import { type Column, DataTable } from '../../components/DataTable';
import { IssueDialog } from '../../components/letters/IssueDialog';
import { Section } from '../../components/Section';
import { Tag } from '../../components/Tag';
import { useToast } from '../../components/Toasts';
import { useFormat } from '../../hooks/useFormat';

const behind = (row: DispatchUnit): boolean => row.reported < row.owed;
/** The day of a moment the ledger stamped (2026-12-04 19:32:05+08:00): the table has room for the day only. */
const dayOf = (stamp: string): IsoDate => stamp.slice(0, 10) as IsoDate;

/**
 * Every unit's month in one table — what it owes and reported, its workbook out and back, the
 * letters it got since the month began — with boxes to tick units for their workbooks or a 催报.
 * 催报 goes to the units ticked that are behind (none ticked: all behind), previewed and confirmed.
 */
export function DispatchUnits({
  overview,
  chosenUnit,
  ticked,
  onTick,
  onOpen,
}: {
  overview: DispatchOverview;
  chosenUnit: number | null;
  ticked: readonly number[];
  onTick: (unitIds: readonly number[]) => void;
  onOpen: (unitId: number) => void;
}) {
  const { t } = useTranslation('progress');
  const api = useApi();
  const dispatch = useContractMutation().dispatch;
  const toast = useToast();
  const format = useFormat();
  const [chasing, setChasing] = useState(false);
  const { period, units } = overview;
  const chased = (ticked.length ? units.filter((row) => ticked.includes(row.unit.id)) : units).filter(behind);
  const toggle = (id: number, on: boolean): void => onTick(on ? [...ticked, id] : ticked.filter((other) => other !== id));

  const columns: Column<DispatchUnit>[] = [
    {
      key: 'tick',
      header: t('dispatch.tick'),
      width: '3.25rem',
      align: 'center',
      headerCell: (
        <input
          type="checkbox"
          aria-label={t('dispatch.tickAll')}
          checked={units.length > 0 && ticked.length === units.length}
          onChange={(e) => onTick(e.target.checked ? units.map((row) => row.unit.id) : [])}
        />
      ),
      render: (row) => (
        <label className="data-table__tick" onClick={(e) => e.stopPropagation()}>
          <input
            type="checkbox"
            aria-label={t('dispatch.tickUnit', { unit: row.unit.name })}
            checked={ticked.includes(row.unit.id)}
            onChange={(e) => toggle(row.unit.id, e.target.checked)}
          />
        </label>
      ),
    },
    { key: 'unit', header: t('units.name'), width: 'minmax(11rem, 1.6fr)', render: (row) => row.unit.name, title: (row) => row.unit.name },
    {
      key: 'reports',
      header: t('dispatch.reports'),
      width: '7rem',
      align: 'center',
      render: (row) =>
        behind(row) ? (
          <Tag tone="danger">{t('dispatch.behind', { reported: row.reported, owed: row.owed })}</Tag>
        ) : row.owed ? (
          <Tag tone="done">{t('dispatch.allReported', { count: row.owed })}</Tag>
        ) : (
          ''
        ),
    },
    {
      key: 'workbook',
      header: t('dispatch.workbook'),
      width: 'minmax(12rem, 1.3fr)',
      render: ({ workbook }) =>
        !workbook ? (
          <span className="muted">{t('dispatch.notSent')}</span>
        ) : workbook.returnedAt ? (
          t('dispatch.returned', { date: format.date(dayOf(workbook.returnedAt)) })
        ) : (
          t(workbook.returnBy ? 'dispatch.sentDue' : 'dispatch.sent', {
            date: format.date(dayOf(workbook.exportedAt)),
            due: workbook.returnBy ? format.date(workbook.returnBy) : '',
          })
        ),
    },
    {
      key: 'letters',
      header: t('dispatch.letters'),
      width: 'minmax(14rem, 1.6fr)',
      render: (row) =>
        row.letters
          .map((letter) => t(letter.chasesReports ? 'dispatch.chaseLetter' : 'dispatch.letter', { number: letter.number, date: format.date(letter.issuedOn) }))
          .join(t('common:listSeparator')),
      title: (row) => row.letters.map((letter) => `${letter.number} ${letter.title}`).join('\n'),
    },
  ];

  const request = (dates: LetterDates, toGroups: boolean): ReportChaseRequest => ({ period, unitIds: chased.map((row) => row.unit.id), dates, toGroups });
  return (
    <Section
      title={t('dispatch.unitsTitle', { period: format.period(period), count: units.filter(behind).length })}
      actions={
        <button type="button" className="button" disabled={chased.length === 0} onClick={() => setChasing(true)}>
          {t('dispatch.chase', { count: chased.length })}
        </button>
      }
    >
      <DataTable
        label={t('dispatch.unitsTitle', { period: format.period(period), count: units.filter(behind).length })}
        columns={columns}
        rows={units}
        rowKey={(row) => row.unit.id}
        onOpen={(row) => onOpen(row.unit.id)}
        rowMark={(row) => (row.unit.id === chosenUnit ? 'chosen' : undefined)}
        empty={t('dispatch.noUnits')}
        height={360}
      />
      {chasing && (
        <IssueDialog
          title={t('dispatch.chaseTitle', { period: format.period(period) })}
          intro={t('dispatch.chaseIntro', { period: format.period(period), units: chased.map((row) => row.unit.name).join(t('common:listSeparator')) })}
          confirm={(letters) => t('dispatch.chaseConfirm', { count: letters })}
          offersGroups={chased.some((row) => row.owesThroughGroup)}
          preview={(dates, toGroups) => contractQuery(api, 'dispatch', 'previewChase', [request(dates, toGroups)])}
          issue={(dates, toGroups) => dispatch.chase(request(dates, toGroups))}
          onIssued={(documents) => {
            setChasing(false);
            toast(t('dispatch.chased', { count: documents.length, numbers: documents.map((d) => d.number).join(t('common:listSeparator')) }));
          }}
          onClose={() => setChasing(false)}
        />
      )}
    </Section>
  );
}
