/** The small ledger the documents' pictures are printed from: one unit, its overdue tasks, the office's contact and copy-to. */
import { join } from 'node:path';
import { Ledger } from '../src/core/ledger';
import { KDF_FLOOR } from '../src/core/storage/kdf';
import type { Result } from '../src/shared/result';

export const must = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

const PROBLEMS = [
  '部分入河排污口未完成溯源和分类整治',
  '小水电站生态流量泄放不到位，监测设施未按要求安装',
  '黄河流域重点河段岸线违规占用问题整改滞后',
  '农村黑臭水体治理项目进度缓慢',
];

/** A ledger in `dir` with 自治区水利厅 leading `tasks` tasks due 2026-06-30 (the four problems in turn). */
export async function pictureLedger(dir: string, tasks: number): Promise<{ ledger: Ledger; water: number; taskIds: number[] }> {
  const { ledger } = must(await Ledger.create(join(dir, 'pictures.duban'), { password: 'pictures of the letters', kdf: KDF_FLOOR }));
  const water = must(ledger.units.create({ name: '自治区水利厅', kind: 'supervised' })).id;
  const taskIds = Array.from(
    { length: tasks },
    (_, i) =>
      must(
        ledger.tasks.create({
          number: String(i + 1),
          problem: PROBLEMS[i % PROBLEMS.length]!,
          deadline: { kind: 'date', date: '2026-06-30' },
          leadUnitIds: [water],
          status: 'in_progress',
        }),
      ).id,
  );
  must(
    ledger.documents.setOffice({
      ...ledger.documents.office(),
      contact: '王建国',
      phone: '0471-6941001',
      copyTo: '自治区纪委监委第五监督检查室，自治区生态环境保护督察整改工作领导小组办公室',
    }),
  );
  return { ledger, water, taskIds };
}
