import { addDays, type IsoDate } from '../../shared/dates';
import type { PetitionInput } from '../petitions/model';

/**
 * Petition cases handed over in batches during the inspection, each a mix of the complaints such
 * rounds bring: subjects, problems and regions combined by index so the set looks like a real one.
 */
const SUBJECTS = ['瑞丰混凝土搅拌站', '鑫源污水处理厂', '兴旺养殖场', '宏达建材有限公司', '恒通洗煤厂', '金沙采石场'];
const PROBLEMS = [
  { text: '夜间违规生产，粉尘污染周边村庄', kind: 'air' },
  { text: '污水处理设施不正常运行，污水直排河道', kind: 'water' },
  { text: '养殖粪污直排农田，气味难闻', kind: 'soil' },
  { text: '违规开采破坏草原植被', kind: 'ecology' },
  { text: '设备噪声扰民，影响居民休息', kind: 'noise' },
  { text: '煤矸石露天堆放，未采取防尘措施', kind: 'solid_waste' },
] as const;
const CITIES = ['东川市', '北原市', '西岭市', '南湖市', '青山盟'];
const TRUTHS = ['true', 'mostly_true', 'partly_true', 'false'] as const;

export const DEMO_PETITION_COUNT = 36;

export function demoPetitions(unitIdOf: (shortName: string) => number, firstDay: IsoDate): PetitionInput[] {
  return Array.from({ length: DEMO_PETITION_COUNT }, (_, i) => {
    const batch = Math.floor(i / 6) + 1;
    const handedOverOn = addDays(firstDay, (batch - 1) * 3);
    const city = CITIES[i % CITIES.length]!;
    const problem = PROBLEMS[(i * 7) % PROBLEMS.length]!;
    const completion = i % 5 === 0 ? 'pending' : i % 3 === 0 ? 'stage_completed' : 'completed';
    const truth = TRUTHS[i % TRUTHS.length]!;
    const upheld = truth !== 'false';
    return {
      receiptNumber: `D1500002023${handedOverOn.slice(5, 7)}${handedOverOn.slice(8, 10)}${String(i + 1).padStart(4, '0')}`,
      batch,
      handedOverOn,
      subject: `${city}${SUBJECTS[i % SUBJECTS.length]}`,
      problem: problem.text,
      region: city,
      pollutionKinds: [problem.kind],
      unitId: unitIdOf(city),
      investigation: upheld ? '经现场核查，反映问题基本属实。' : '经现场核查，未发现反映的问题。',
      truth,
      handling: upheld ? '责令停产整改，立案处罚，约谈企业负责人。' : '向信访人反馈核查情况。',
      personsHeldAccountable: upheld && i % 4 === 1 ? 1 : 0,
      entitiesPenalized: upheld && i % 2 === 0 ? 1 : 0,
      finesYuan: upheld && i % 2 === 0 ? 20000 + (i % 5) * 10000 : 0,
      completion,
      completedOn: completion === 'pending' ? null : addDays(handedOverOn, 20 + (i % 10)),
    };
  });
}
