/**
 * The names of the contract's methods, by namespace: the one list the preload, the main process,
 * the browser bridge and the core host all follow. Pure data, so the sandboxed preload can import it.
 */
export const CONTRACT = {
  /** What the desktop shell offers (dialogs, printing); the browser bridge answers what it can. */
  platform: ['info', 'chooseLedgerPath', 'printDocuments', 'documentPdf', 'chooseWorkbooks', 'saveFiles'],
  session: ['status', 'create', 'open', 'openDemo', 'lock', 'close', 'touch', 'changePassword', 'replaceRecoveryKey', 'backups', 'restoreBackup', 'removeBackup', 'setPreferences', 'forgetRecent'],
  units: ['list', 'get', 'create', 'update', 'remove'],
  inspections: ['list', 'get', 'create', 'update', 'remove'],
  tasks: ['list', 'counts', 'get', 'create', 'update', 'remove', 'assignSource', 'awaitingCheck'],
  measures: ['list', 'get', 'create', 'update', 'remove'],
  progress: ['get', 'submit', 'ofPeriod', 'history', 'missing'],
  dispatch: ['month', 'setMonth', 'overview', 'previewChase', 'chase'],
  todo: ['list'],
  closeOuts: ['list', 'get', 'request', 'check', 'approve', 'reject', 'reopen'],
  evidence: ['list', 'get', 'add', 'content', 'remove', 'restore'],
  petitions: ['list', 'get', 'create', 'update', 'remove'],
  siteVisits: ['list', 'get', 'create', 'update', 'remove'],
  findings: ['list', 'get', 'create', 'update', 'remove'],
  meetings: ['list', 'get', 'create', 'update', 'remove'],
  accountability: ['list', 'get', 'create', 'update', 'remove'],
  drafts: ['get', 'put', 'drop'],
  stats: ['ledger'],
  audit: ['list', 'verify'],
  documents: [
    'types',
    'createType',
    'updateType',
    'templates',
    'template',
    'createTemplate',
    'updateTemplate',
    'removeTemplate',
    'checkTemplate',
    'office',
    'setOffice',
    'nextNumber',
    'setCounter',
    'list',
    'get',
    'preview',
    'issue',
    'previewBatch',
    'issueBatch',
    'reply',
    'void',
    'previewChase',
    'chase',
    'awaitingReply',
    'html',
    'docx',
  ],
  exchange: ['preview', 'revise', 'rows', 'apply', 'discard', 'export', 'exportPackages', 'sentPackages', 'previewReturn', 'reviseReturn', 'applyReturn', 'discardReturn'],
} as const;

export type Contract = typeof CONTRACT;
export type Namespace = keyof Contract;
export type MethodOf<N extends Namespace> = Contract[N][number];
export type MethodName = { [N in Namespace]: `${N}.${MethodOf<N>}` }[Namespace];

export const METHOD_NAMES: readonly MethodName[] = (Object.keys(CONTRACT) as Namespace[]).flatMap((ns) =>
  CONTRACT[ns].map((method) => `${ns}.${method}` as MethodName),
);

export const isMethodName = (name: unknown): name is MethodName => typeof name === 'string' && (METHOD_NAMES as readonly string[]).includes(name);

/** The IPC channel of the desktop shell: one, carrying `(method, args)`. */
export const INVOKE_CHANNEL = 'duban:invoke';
