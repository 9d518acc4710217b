import { z } from 'zod';
import type { IsoDate } from '../../shared/dates';
import { choice, code, dateOrder, optionalDate, optionalId, optionalText, requiredText } from '../../shared/validation';

/** Who is held accountable (问责对象): a unit, an enterprise or a person. */
export const SUBJECT_KINDS = ['unit', 'enterprise', 'person'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/**
 * The form of accountability, as the Party's accountability regulations and the environmental laws
 * name them: for organisations 责令检查, 通报批评, 改组; for persons 约谈, 诫勉, 组织处理, 党纪政务处分;
 * for enterprises 责令整改, 罚款, 停产整治, 立案处罚; and 移送司法机关. Another is named in the notes.
 */
export const ACCOUNTABILITY_FORMS = [
  'inspection',
  'criticism',
  'reorganization',
  'interview',
  'admonishment',
  'organizational',
  'disciplinary',
  'rectification_order',
  'fine',
  'suspension',
  'filed_case',
  'judicial_transfer',
  'other',
] as const;
export type AccountabilityForm = (typeof ACCOUNTABILITY_FORMS)[number];

/**
 * The kinds of 党纪处分 (the Party's disciplinary regulations: 警告, 严重警告, 撤销党内职务, 留党察看,
 * 开除党籍) and of 政务处分 (the law on 政务处分 of public officials: 警告, 记过, 记大过, 降级, 撤职,
 * 开除). A person held accountable by the form `disciplinary` receives one of either, or both.
 */
export const PARTY_SANCTIONS = ['warning', 'serious_warning', 'removal_from_post', 'probation', 'expulsion'] as const;
export type PartySanction = (typeof PARTY_SANCTIONS)[number];
export const GOVERNMENT_SANCTIONS = ['warning', 'demerit', 'major_demerit', 'demotion', 'dismissal_from_post', 'expulsion'] as const;
export type GovernmentSanction = (typeof GOVERNMENT_SANCTIONS)[number];

/** A fine beyond this is a typing slip (the largest environmental fines are in the hundreds of millions). */
export const MAX_FINE_YUAN = 10_000_000_000;

/** 调查中 / 已办结. */
export const ACCOUNTABILITY_STATES = ['investigating', 'concluded'] as const;
export type AccountabilityState = (typeof ACCOUNTABILITY_STATES)[number];

export interface AccountabilitySubject {
  readonly kind: SubjectKind;
  readonly name: string;
  readonly position: string;
  /** For a unit of the ledger held accountable, or the unit a person belongs to. */
  readonly unitId: number | null;
  readonly form: AccountabilityForm;
  /** Set only for the form `disciplinary`: at least one of the two. */
  readonly partySanction: PartySanction | null;
  readonly governmentSanction: GovernmentSanction | null;
  /** 罚款 in 元: set exactly for the form `fine`. */
  readonly fineYuan: number | null;
  readonly decidedOn: IsoDate | null;
  readonly notes: string;
}

/** 问责: an issue handed over, the special team that looked into it, and who was held accountable how. */
export interface AccountabilityCase {
  readonly id: number;
  readonly issue: string;
  readonly handedOverBy: string;
  readonly handedOverOn: IsoDate | null;
  readonly team: string;
  /** The petition case or the finding the issue came from, if any. */
  readonly petitionCaseId: number | null;
  readonly findingId: number | null;
  readonly state: AccountabilityState;
  readonly concludedOn: IsoDate | null;
  readonly notes: string;
  readonly subjects: readonly AccountabilitySubject[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

const fineYuan = z.number(code('invalid_number')).int(code('not_integer')).min(1, code('out_of_range')).max(MAX_FINE_YUAN, code('out_of_range'));

/** What a field holds where the form has it: required there, and nothing elsewhere. */
const belongsTo = (value: unknown, applies: boolean, required: boolean) =>
  applies ? (required && value === null ? 'required' : null) : value === null ? null : 'invalid';

export const subjectInput = z
  .object({
    kind: choice(SUBJECT_KINDS),
    name: requiredText(100),
    position: optionalText(100),
    unitId: optionalId,
    form: choice(ACCOUNTABILITY_FORMS),
    partySanction: choice(PARTY_SANCTIONS).nullable().default(null),
    governmentSanction: choice(GOVERNMENT_SANCTIONS).nullable().default(null),
    fineYuan: fineYuan.nullable().default(null),
    decidedOn: optionalDate,
    notes: optionalText(1000),
  })
  .superRefine((s, context) => {
    const disciplinary = s.form === 'disciplinary';
    const problems = {
      partySanction: belongsTo(s.partySanction, disciplinary, s.governmentSanction === null),
      governmentSanction: belongsTo(s.governmentSanction, disciplinary, false),
      fineYuan: belongsTo(s.fineYuan, s.form === 'fine', true),
    };
    for (const [field, problem] of Object.entries(problems)) if (problem) context.addIssue({ code: 'custom', message: problem, path: [field] });
  });

export const accountabilityInput = z
  .object({
    issue: requiredText(4000),
    handedOverBy: optionalText(100),
    handedOverOn: optionalDate,
    team: optionalText(200),
    petitionCaseId: optionalId,
    findingId: optionalId,
    state: choice(ACCOUNTABILITY_STATES).default('investigating'),
    concludedOn: optionalDate,
    notes: optionalText(4000),
    subjects: z.array(subjectInput).max(200).default([]),
  })
  // A concluded case says when; one still under investigation has no conclusion date.
  .refine((c) => (c.state === 'concluded') === (c.concludedOn !== null), {
    error: (issue) => ((issue.input as { state?: string })?.state === 'concluded' ? 'required' : 'invalid'),
    path: ['concludedOn'],
  })
  .superRefine(dateOrder('handedOverOn', 'concludedOn'));

export type AccountabilityInput = z.input<typeof accountabilityInput>;
export type SubjectInput = z.input<typeof subjectInput>;
