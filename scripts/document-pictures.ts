/**
 * The pictures in docs/documents/: the first page of each kind of document (and the notice's last,
 * with its copy-to block), printed by Chromium from a small ledger, as PNG at 60 dpi. Run: node --import tsx scripts/document-pictures.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentPrinter } from '../src/core/documents/print/chromium';
import { renderHtml } from '../src/core/documents/render/html';
import { Ledger } from '../src/core/ledger';
import { KDF_FLOOR } from '../src/core/storage/kdf';
import type { Result } from '../src/shared/result';

const must = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

const out = join(import.meta.dirname, '..', 'docs', 'documents');
const work = mkdtempSync(join(tmpdir(), 'duban-pictures-'));
mkdirSync(out, { recursive: true });
try {
  const { ledger } = must(await Ledger.create(join(work, 'pictures.duban'), { password: 'pictures of the letters', kdf: KDF_FLOOR }));
  const water = must(ledger.units.create({ name: '自治区水利厅', kind: 'supervised' })).id;
  const problems = [
    '部分入河排污口未完成溯源和分类整治',
    '小水电站生态流量泄放不到位，监测设施未按要求安装',
    '黄河流域重点河段岸线违规占用问题整改滞后',
    '农村黑臭水体治理项目进度缓慢',
  ];
  const taskIds = problems.map(
    (problem, i) =>
      must(ledger.tasks.create({ number: String(i + 1), problem, deadline: { kind: 'date', date: '2026-06-30' }, leadUnitIds: [water], status: 'in_progress' }))
        .id,
  );
  must(
    ledger.documents.setOffice({
      ...ledger.documents.office(),
      contact: '王建国',
      phone: '0471-6941001',
      copyTo: '自治区纪委监委第五监督检查室，自治区生态环境保护督察整改工作领导小组办公室',
    }),
  );
  const printer = must(await DocumentPrinter.launch());
  for (const type of ['notice', 'reminder', 'supervision']) {
    const doc = must(ledger.documents.issue({ docType: type, recipientUnitId: water, taskIds, issuedOn: '2026-11-24', replyDue: '2026-12-04' }));
    const pdf = join(work, `${type}.pdf`);
    writeFileSync(pdf, must(await printer.pdf(renderHtml([doc.content]))));
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(out, type)]);
    // The notice's last page too: its copy-to block on the bottom line of the type area.
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    if (type === 'notice')
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(pages), '-l', String(pages), '-singlefile', pdf, join(out, `${type}-last`)]);
  }
  await printer.close();
  ledger.close();
} finally {
  rmSync(work, { recursive: true, force: true });
}
