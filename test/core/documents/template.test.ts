import { describe, expect, it } from 'vitest';
import { templateProblemOf } from '../../../src/core/documents/model';
import { fillTemplate, type TemplateData } from '../../../src/core/documents/template/expand';
import { parseTemplate } from '../../../src/core/documents/template/parse';
import type { DocumentValues, TaskValues } from '../../../src/core/documents/template/fields';
import { NO_MONTH_VALUES } from '../../../src/core/documents/template/month-values';
import { chineseNumeral } from '../../../src/core/documents/template/numerals';
import reminder from '../../../resources/templates/reminder.json';
import notice from '../../../resources/templates/notice.json';
import supervision from '../../../resources/templates/supervision.json';
import chase from '../../../resources/templates/chase.json';
import monthlyReport from '../../../resources/templates/monthly-report.json';
import reportChase from '../../../resources/templates/report-chase.json';

const documentValues: DocumentValues = {
  recipient: '自治区水利厅',
  recipientShort: '水利厅',
  number: '某纪监驻环函〔2026〕5号',
  date: '2026年11月24日',
  replyDue: '2026年12月4日',
  contact: '王建国',
  phone: '0471-6941001',
  signature: '驻自治区生态环境厅纪检监察组',
  issuer: '中共某某自治区纪委监委驻自治区生态环境厅纪检监察组',
  copyTo: '',
  taskCount: '2',
  overdueCount: '1',
  chasedNumber: '',
  chasedDate: '',
  reportPeriod: '',
  ...NO_MONTH_VALUES,
};

const task = (index: number, problem: string): TaskValues => ({
  index: String(index),
  chineseIndex: chineseNumeral(index),
  taskNumber: `${index}`,
  problem,
  goal: '',
  deadline: '2024年6月30日',
  leader: '',
  status: '推进中',
  overdueDays: '877',
  leadUnits: '自治区水利厅',
  cooperatingUnits: '',
});

const data: TemplateData = {
  document: documentValues,
  tasks: [task(1, '入河排污口排查整治 | 进展滞后'), task(2, '尾矿库隐患')],
  overdueTasks: [task(1, '入河排污口排查整治 | 进展滞后')],
};

const SHIPPED_TEMPLATES = [reminder, notice, supervision, chase, monthlyReport, reportChase];

const parsed = (source: string) => {
  const result = parseTemplate(source);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

describe('the template language', () => {
  it('fills fields, repeats whole lines per task, and reads heading levels from the numbering', () => {
    const filled = fillTemplate(
      parsed(
        '标题：关于{{收文单位简称}}的提醒函\n主送：{{收文单位}}\n一、情况\n{{#任务}}\n（{{序号}}）{{整改任务}}\n{{/任务}}\n请于{{回复期限}}前反馈。\n落款：{{落款}}',
      ),
      data,
    );
    expect(filled.parts).toEqual({ title: '关于水利厅的提醒函', addressee: '自治区水利厅', signature: '驻自治区生态环境厅纪检监察组', copyTo: null });
    expect(filled.blocks).toEqual([
      { kind: 'paragraph', text: '一、情况', level: 1 },
      { kind: 'paragraph', text: '（1）入河排污口排查整治 | 进展滞后', level: 4 },
      { kind: 'paragraph', text: '（2）尾矿库隐患', level: 4 },
      { kind: 'paragraph', text: '请于2026年12月4日前反馈。', level: 0 },
    ]);
  });

  it('never skips a level under a heading in a shipped template: 一、 → （一） → 1. → （1） (GB/T 9704 §7.3.3)', () => {
    for (const shipped of SHIPPED_TEMPLATES) {
      let depth = 0;
      for (const block of fillTemplate(parsed(shipped.lines.join('\n')), data).blocks) {
        if (block.kind !== 'paragraph' || block.level === 0) continue;
        if (depth > 0) expect(block.level, `${shipped.name}: ${block.text}`).toBeLessThanOrEqual(depth + 1);
        depth = block.level;
      }
    }
  });

  it('leaves out a sentence naming a field that came out empty, and a line left with nothing', () => {
    const filled = fillTemplate(parsed('标题：x\n联系人：{{联系人}}，电话：{{抄送单位}}\n抄送：{{抄送单位}}\n电话：{{联系电话}}'), data);
    expect(filled.blocks).toEqual([{ kind: 'paragraph', text: '电话：0471-6941001', level: 0 }]);
    expect(filled.parts.copyTo).toBeNull();
  });

  it('keeps the rest of a line whose one sentence lost its field (no 联系人：，联系电话：。 without a contact on file)', () => {
    const template = parsed('标题：x\n（三）按时报送情况。请于{{回复期限}}前书面反馈我组。联系人：{{联系人}}，联系电话：{{联系电话}}。');
    const withoutContact = { ...data, document: { ...data.document, contact: '', phone: '' } };
    expect(fillTemplate(template, withoutContact).blocks).toEqual([
      { kind: 'paragraph', text: '（三）按时报送情况。请于2026年12月4日前书面反馈我组。', level: 2 },
    ]);
    expect(fillTemplate(template, data).blocks).toEqual([
      { kind: 'paragraph', text: '（三）按时报送情况。请于2026年12月4日前书面反馈我组。联系人：王建国，联系电话：0471-6941001。', level: 2 },
    ]);
  });

  it('names each sentence it leaves out and the fields that were empty, once, a loop’s as its template writes it', () => {
    const template = parsed(
      '标题：x\n请于{{回复期限}}前书面反馈我组。联系人：{{联系人}}，联系电话：{{联系电话}}。\n{{#任务}}\n{{序号}}. {{整改任务}}（联系人：{{联系人}}）\n{{/任务}}\n{{联系人}}',
    );
    const withoutContact = { ...data, document: { ...data.document, contact: '', phone: '' } };
    expect(fillTemplate(template, withoutContact).leftOut).toEqual([
      { sentence: '联系人：……，联系电话：……。', fields: ['contact', 'phone'] },
      { sentence: '……. ……（联系人：……）', fields: ['contact'] },
      { sentence: '……', fields: ['contact'] },
    ]);
    expect(fillTemplate(template, data).leftOut).toEqual([]);
  });

  it('repeats within a line, and accepts the English names of fields', () => {
    const filled = fillTemplate(parsed('title: {{recipient}}\n任务：{{#tasks}}{{taskNumber}}、{{/tasks}}共{{任务数}}项'), data);
    expect(filled.blocks).toEqual([{ kind: 'paragraph', text: '任务：1、2、共2项', level: 0 }]);
  });

  it('makes tables of bar rows: a rule under the first row makes it the header and sets the widths; a bar in a value stays in its cell', () => {
    const filled = fillTemplate(
      parsed('标题：督办单\n| 序号 | 整改任务 |\n|--|------|\n{{#任务}}\n| {{序号}} | {{整改任务}} |\n{{/任务}}\n\n|--|---|\n| 联系人 | {{联系人}} |'),
      data,
    );
    expect(filled.blocks).toEqual([
      {
        kind: 'table',
        widths: [2, 6],
        header: ['序号', '整改任务'],
        rows: [
          ['1', '入河排污口排查整治 | 进展滞后'],
          ['2', '尾矿库隐患'],
        ],
      },
      { kind: 'table', widths: [2, 3], header: null, rows: [['联系人', '王建国']] },
    ]);
  });

  it('says where a template is wrong: line and column', () => {
    const problem = (source: string) => {
      const result = parseTemplate(source);
      if (result.ok) throw new Error('expected a problem');
      return result.error;
    };
    expect(problem('标题：x\n请于{{回复时间}}前反馈')).toEqual({ code: 'template_unknown_field', line: 2, column: 3, name: '回复时间' });
    expect(problem('标题：x\n{{#任务}}\n{{整改任务}}')).toEqual({ code: 'template_unclosed_loop', line: 2, column: 1, name: '任务' });
    expect(problem('标题：x\n{{/任务}}')).toEqual({ code: 'template_stray_loop_end', line: 2, column: 1, name: '任务' });
    expect(problem('标题：x\n{{#任务}}\n{{#逾期任务}}\n{{/逾期任务}}\n{{/任务}}')).toEqual({
      code: 'template_nested_loop',
      line: 3,
      column: 1,
      name: '逾期任务',
    });
    expect(problem('标题：x\n{{#单位}}\n{{/单位}}')).toEqual({ code: 'template_unknown_loop', line: 2, column: 1, name: '单位' });
    expect(problem('标题：x\n编号{{任务编号}}')).toEqual({ code: 'template_item_outside_loop', line: 2, column: 3, name: '任务编号' });
    expect(problem('标题：x\n见{{#任务}}{{序号}}')).toEqual({ code: 'template_unclosed_loop', line: 2, column: 2, name: '任务' });
    expect(problem('标题：x\n联系人：{{联系人')).toEqual({ code: 'template_unclosed_tag', line: 2, column: 5 });
    expect(problem('标题：x\n标题：y')).toEqual({ code: 'template_duplicate_part', line: 2, column: 1, name: '标题' });
    expect(problem('主送：{{收文单位}}')).toEqual({ code: 'template_no_title', line: 1, column: 1 });
    expect(problem('标题：x\n| a | b |\n| c | d |\n|---|---|')).toEqual({ code: 'template_bad_table', line: 4, column: 1 });
  });

  it('is data: markup and script in a template are text like any other', () => {
    const filled = fillTemplate(parsed('标题：<script>alert(1)</script>\n<img src=x onerror=alert(1)>'), data);
    expect(filled.parts.title).toBe('<script>alert(1)</script>');
    expect(filled.blocks).toEqual([{ kind: 'paragraph', text: '<img src=x onerror=alert(1)>', level: 0 }]);
    expect(parseTemplate('标题：x\n{{constructor}}')).toMatchObject({ ok: false, error: { code: 'template_unknown_field' } });
    expect(parseTemplate('标题：x\n{{__proto__}}')).toMatchObject({ ok: false, error: { code: 'template_unknown_field' } });
  });

  it('parses the templates shipped in resources/', () => {
    for (const shipped of SHIPPED_TEMPLATES) expect(parseTemplate(shipped.lines.join('\n')).ok).toBe(true);
  });
});

describe('templateProblemOf', () => {
  it('reads where a template is wrong from the field error the core gave its source', () => {
    expect(templateProblemOf({ field: 'source', code: 'template_unknown_field', params: { line: 3, column: 7, name: '主送' } })).toEqual({
      code: 'template_unknown_field',
      line: 3,
      column: 7,
      name: '主送',
    });
    expect(templateProblemOf({ field: 'source', code: 'template_no_title', params: { line: 1, column: 1 } })).toEqual({
      code: 'template_no_title',
      line: 1,
      column: 1,
    });
  });

  it('names no problem for an error of another kind or one without its place', () => {
    expect(templateProblemOf(undefined)).toBeNull();
    expect(templateProblemOf({ field: 'source', code: 'required' })).toBeNull();
    expect(templateProblemOf({ field: 'source', code: 'template_unknown_field', params: { name: '主送' } })).toBeNull();
  });
});
