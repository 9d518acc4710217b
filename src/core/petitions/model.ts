import { z } from 'zod';
import type { IsoDate } from '../../shared/dates';
import { choice, code, count, dateOrder, optionalDate, optionalId, optionalText, requiredText } from '../../shared/validation';

/** 污染类型: what a petition complains of, as the inspectors' ledgers classify it. */
export const POLLUTION_KINDS = ['water', 'air', 'soil', 'noise', 'solid_waste', 'ecology', 'radiation', 'other'] as const;
export type PollutionKind = (typeof POLLUTION_KINDS)[number];

/** 是否属实: 属实 / 基本属实 / 部分属实 / 不属实; null until the investigation says. */
export const PETITION_TRUTHS = ['true', 'mostly_true', 'partly_true', 'false'] as const;
export type PetitionTruth = (typeof PETITION_TRUTHS)[number];

/** 办结情况: 未办结 / 阶段性办结 / 已办结. */
export const PETITION_COMPLETIONS = ['pending', 'stage_completed', 'completed'] as const;
export type PetitionCompletion = (typeof PETITION_COMPLETIONS)[number];

/** A cell of a column the ledger has no field for (来源, 处理类别 …), under the column's header. */
export interface ExtraColumn {
  readonly header: string;
  readonly text: string;
}

/**
 * The kinds once each, in the order of POLLUTION_KINDS: what a re-import compares. Copied to its own
 * length: `filter`'s array keeps room for 16 more, and an import's plan holds one for each case.
 */
export const inKindOrder = (kinds: readonly PollutionKind[]): PollutionKind[] => [...POLLUTION_KINDS.filter((kind) => kinds.includes(kind))];

/** 信访件: one case handed over by the inspectors, followed to completion. */
export interface PetitionCase {
  readonly id: number;
  /** 受理编号, unique in the ledger: what a re-imported workbook is matched on. */
  readonly receiptNumber: string;
  /** 交办批次: the inspectors hand cases over in numbered batches. */
  readonly batch: number | null;
  readonly handedOverOn: IsoDate | null;
  /** 被举报对象. */
  readonly subject: string;
  readonly problem: string;
  readonly region: string;
  /** One or several: a case counts under each of its kinds. */
  readonly pollutionKinds: readonly PollutionKind[];
  /** 责任单位. */
  readonly unitId: number | null;
  /** The round of inspection that handed it over. */
  readonly inspectionId: number | null;
  readonly investigation: string;
  readonly truth: PetitionTruth | null;
  readonly handling: string;
  /** 问责情况 as written (约谈2人, 责令整改); the counts below are the numbers it states. */
  readonly accountability: string;
  readonly personsHeldAccountable: number;
  readonly entitiesPenalized: number;
  readonly finesYuan: number;
  readonly personsDetained: number;
  readonly completion: PetitionCompletion;
  readonly completedOn: IsoDate | null;
  readonly notes: string;
  /** Columns of an imported table the ledger has no field for, kept with their headers. */
  readonly extraColumns: readonly ExtraColumn[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A case with its responsible unit's name, as exports write it. */
export interface PetitionSummary extends PetitionCase {
  readonly unitName: string | null;
}

/**
 * A row of the petition list: the columns it shows. A page of them crosses the contract each time
 * the list is searched; the case's page reads the rest when it is opened.
 */
export const PETITION_ROW_FIELDS = [
  'id',
  'receiptNumber',
  'batch',
  'handedOverOn',
  'subject',
  'problem',
  'unitName',
  'pollutionKinds',
  'truth',
  'completion',
] as const satisfies readonly (keyof PetitionSummary)[];

export type PetitionRow = Pick<PetitionSummary, (typeof PETITION_ROW_FIELDS)[number]>;

export interface PetitionPage<R = PetitionRow> {
  readonly rows: readonly R[];
  readonly total: number;
}

export const petitionInput = z
  .object({
    /** Spaces typed or pasted into a receipt number are not part of it. */
    receiptNumber: requiredText(60).transform((number) => number.replace(/\s+/g, '')),
    batch: z.union([count.min(1, { error: 'out_of_range' }), z.null()]).default(null),
    handedOverOn: optionalDate,
    subject: optionalText(200),
    problem: requiredText(4000),
    region: optionalText(100),
    pollutionKinds: z.array(choice(POLLUTION_KINDS)).min(1, code('required')).max(20, code('too_long')).default(['other']).transform(inKindOrder),
    unitId: optionalId,
    investigation: optionalText(4000),
    truth: z.union([choice(PETITION_TRUTHS), z.null()]).default(null),
    handling: optionalText(4000),
    accountability: optionalText(2000),
    personsHeldAccountable: count.default(0),
    entitiesPenalized: count.default(0),
    finesYuan: count.default(0),
    personsDetained: count.default(0),
    completion: choice(PETITION_COMPLETIONS).default('pending'),
    completedOn: optionalDate,
    notes: optionalText(2000),
    /** The round of inspection that handed the case over (what archiving a round takes along); absent: left as it is. */
    inspectionId: optionalId.optional(),
    /** Absent: left as they are (the case form does not edit them). */
    extraColumns: z
      .array(z.object({ header: requiredText(200), text: optionalText(4000) }))
      .max(100, code('too_long'))
      .optional(),
  })
  .superRefine(dateOrder('handedOverOn', 'completedOn'));

export type PetitionInput = z.input<typeof petitionInput>;

export const PETITION_SORTS = ['receiptNumber', 'handedOverOn', 'batch', 'updatedAt'] as const;

export const petitionQuery = z.object({
  unitId: z.number().int().positive().optional(),
  completions: z.array(choice(PETITION_COMPLETIONS)).optional(),
  truth: choice(PETITION_TRUTHS).optional(),
  pollutionKind: choice(POLLUTION_KINDS).optional(),
  batch: count.min(1).optional(),
  search: z.string().trim().max(200).optional(),
  sort: choice(PETITION_SORTS).default('receiptNumber'),
  descending: z.boolean().default(false),
  limit: count.min(1).max(1000).default(100),
  offset: count.default(0),
});

export type PetitionQuery = z.input<typeof petitionQuery>;
