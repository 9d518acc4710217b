import ExcelJS from 'exceljs';

/**
 * Workbooks for the import benchmarks, shaped like the inspectors' petition ledger of the samples
 * (a merged title, a two-level header, its words, dates as dates and as text, a 合计 row), written
 * with exceljs's streaming writer.
 */
const UNITS = ['东川市人民政府', '北原市人民政府', '西岭市人民政府', '南湖市人民政府', '青山盟行政公署'];
const KINDS = ['水', '大气', '土壤', '噪声', '固废', '生态'];
const TRUTHS = ['属实', '基本属实', '部分属实', '不属实'];
const COMPLETIONS = ['未办结', '阶段性办结', '已办结'];
const TOWNS = ['红柳县', '胜利镇', '河西区', '城关区', '白桦旗', '新华区'];
const FIRMS = ['瑞丰混凝土搅拌站', '鑫源污水处理厂', '兴旺餐饮店', '瑞丰建材有限公司', '兴旺热电有限责任公司', '恒泰污水处理厂', '宏达冶金有限公司'];
const PROBLEMS = [
  '违规开采破坏植被',
  '污水处理设施不正常运行',
  '锅炉烟囱冒黑烟，污染周边空气',
  '生产噪声扰民，夜间施工',
  '危险废物随意倾倒',
  '养殖粪污直排农田',
];

export const BENCH_UNITS = UNITS;

const handlingOf = (i: number, monthsOn: number): string =>
  monthsOn > 0 ? `整改已完成，经${monthsOn}个月后复核验收合格` : i % 5 === 0 ? '做好解释工作' : '责令停产整改，立案处罚';

/**
 * `monthsOn`: the same cases as the inspectors send them that many months later, their handling moved
 * on (their completion a step further, the rectification done), their receipt numbers and text as before.
 */
export async function writePetitionWorkbook(path: string, rows: number, monthsOn = 0): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('信访件台账');
  sheet.addRow(['中央第三生态环境保护督察组交办信访件办理情况台账']);
  sheet.mergeCells('A1:O1');
  sheet.addRow([
    '序号',
    '受理编号',
    '交办批次',
    '交办时间',
    '被举报对象',
    '反映问题',
    '行政区域',
    '污染类型',
    '调查核实情况',
    '是否属实',
    '处理和整改情况',
    '责任追究情况',
    null,
    '办结情况',
    '责任单位',
  ]);
  sheet.addRow([null, null, null, null, null, null, null, null, null, null, null, '问责人数', '立案处罚（家）']);
  sheet.mergeCells('L2:M2');
  for (let i = 1; i <= rows; i++) {
    const unit = UNITS[i % UNITS.length]!;
    const day = 6 + (i % 25);
    sheet
      .addRow([
        i,
        `D1500002023${String(i).padStart(8, '0')}`,
        `第${1 + Math.floor(i / 100)}批`,
        i % 7 === 0 ? `2023年6月${day}日` : new Date(Date.UTC(2023, 5, day)),
        `${unit.slice(0, 3)}${TOWNS[i % TOWNS.length]}${FIRMS[i % FIRMS.length]}`,
        PROBLEMS[i % PROBLEMS.length],
        unit.slice(0, 3),
        KINDS[i % KINDS.length],
        i % 5 === 0 ? '经现场核查，未发现反映问题' : '经现场核查，反映问题属实',
        TRUTHS[i % TRUTHS.length],
        handlingOf(i, monthsOn),
        i % 3,
        i % 2,
        COMPLETIONS[(i + monthsOn) % COMPLETIONS.length],
        unit,
      ])
      .commit();
  }
  sheet
    .addRow(['合计', null, null, null, null, null, null, null, null, null, null, { formula: `SUM(L4:L${rows + 3})` }, { formula: `SUM(M4:M${rows + 3})` }])
    .commit();
  sheet.commit();
  await workbook.commit();
}
