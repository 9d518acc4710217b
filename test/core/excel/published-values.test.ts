import { describe, expect, it } from 'vitest';
import { readAccountability } from '../../../src/core/excel/values/accountability';
import { readPollutionKinds } from '../../../src/core/excel/values/kinds';
import { asTyped } from '../../../src/core/excel/values/text';
import { readTruth } from '../../../src/core/excel/values/truth';

describe('what people write in published petition tables', () => {
  it('reads 是否属实 as a word, 是/否, or inside a sentence; anything else is not read', () => {
    const read = (texts: string[]) => texts.map(readTruth);
    expect(read(['是', '否', '属实', '基本属实', '部分属实', '不属实', '查实', '经核查不属实', '查无实据'])).toEqual([
      'true',
      'false',
      'true',
      'mostly_true',
      'partly_true',
      'false',
      'true',
      'false',
      'false',
    ]);
    expect(
      read(['经核查，反映问题部分属实', '经核查，反映问题基本属实。', '反映问题属实', '经调查，群众反映情况不属实', '反映问题部分属实，其余不属实']),
    ).toEqual(['partly_true', 'mostly_true', 'true', 'false', 'partly_true']);
    expect(read(['正在核查', '待定', '是否属实', '未查实'])).toEqual([null, null, null, 'false']);
  });

  it('takes the numbers an accountability sentence states plainly, 无 as zero', () => {
    expect(readAccountability('无')).toEqual({ persons: 0, entities: 0, finesYuan: 0, detained: 0 });
    expect(readAccountability('约谈2人')).toMatchObject({ persons: 2, detained: 0 });
    expect(readAccountability('对1家企业立案处罚，罚款5万元')).toEqual({ persons: 0, entities: 1, finesYuan: 50_000, detained: 0 });
    expect(readAccountability('责令整改')).toEqual({ persons: 0, entities: 0, finesYuan: 0, detained: 0 });
    expect(readAccountability('行政拘留1人')).toEqual({ persons: 0, entities: 0, finesYuan: 0, detained: 1 });
    expect(readAccountability('约谈3人，诫勉谈话1人；对2家企业罚款共计12.5万元、罚款8000元，刑事拘留2名')).toEqual({
      persons: 4,
      entities: 2,
      finesYuan: 133_000,
      detained: 2,
    });
  });

  it('takes the numbers stated in Chinese numerals or with thousands separators', () => {
    expect(readAccountability('约谈两人')).toMatchObject({ persons: 2 });
    expect(readAccountability('对三家企业立案处罚，罚款1.5万元')).toEqual({ persons: 0, entities: 3, finesYuan: 15_000, detained: 0 });
    expect(readAccountability('罚款1,200元')).toMatchObject({ finesYuan: 1200 });
    expect(readAccountability('约谈责任人一名，对一家加工点罚款三万元')).toEqual({ persons: 1, entities: 1, finesYuan: 30_000, detained: 0 });
    expect(readAccountability('问责十二人，行政拘留两人，罚款12,500元')).toEqual({ persons: 12, entities: 0, finesYuan: 12_500, detained: 2 });
  });

  it('reads several pollution kinds in one cell, whatever separates them', () => {
    expect(readPollutionKinds('大气、噪声')).toEqual(['air', 'noise']);
    expect(readPollutionKinds('水、固废')).toEqual(['water', 'solid_waste']);
    expect(readPollutionKinds('扬尘污染')).toEqual(['air']);
    expect(readPollutionKinds('大气,噪声')).toEqual(['air', 'noise']);
    expect(readPollutionKinds('噪声/大气/噪声')).toEqual(['air', 'noise']);
    expect(readPollutionKinds('固废、水')).toEqual(['water', 'solid_waste']);
    expect(readPollutionKinds('大 气；水')).toEqual(['water', 'air']);
    expect(readPollutionKinds('光污染')).toBeNull();
  });

  it('writes text as it is usually typed: full-width marks between Chinese, wrap breaks and spaces joined', () => {
    expect(asTyped('某公司(化工厂)排放废气,气味刺鼻;居民反映强烈')).toBe('某公司（化工厂）排放废气，气味刺鼻；居民反映强烈');
    expect(asTyped('石桥村垃圾 堆放点渗滤液外溢')).toBe('石桥村垃圾堆放点渗滤液外溢');
    expect(asTyped('夜间偷排废气，\n气味刺鼻')).toBe('夜间偷排废气，气味刺鼻');
    expect(asTyped('1. 清理垃圾\n2. 修复防渗')).toBe('1. 清理垃圾\n2. 修复防渗');
    expect(asTyped('罚款1,200元; 另见 (附件)')).toBe('罚款1,200元；另见（附件）');
    expect(asTyped('PM2.5 (daily), see A')).toBe('PM2.5 (daily), see A');
  });
});
