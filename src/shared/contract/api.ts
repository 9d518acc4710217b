import type { AuditEntry, AuditFilter } from '../../core/audit/model';
import type { Inspection, InspectionInput } from '../../core/inspections/model';
import type { Unit, UnitInput, UnitKind } from '../../core/units/model';
import type { Result } from '../result';
import type { MethodOf, Namespace } from './methods';
import type { BackupEntry, PlatformInfo, Preferences, SessionStatus } from './session';

/**
 * The typed contract between the screens and the core: every method, its arguments and its result.
 * Implemented by the core host (through the main process or the browser bridge); the renderer only
 * ever calls this.
 */
type Call<A extends unknown[], R> = (...args: A) => Promise<Result<R>>;

export interface LedgerLocation {
  readonly path: string;
}

export interface DubanApi {
  platform: {
    info: Call<[], PlatformInfo>;
    /** A path chosen in the system's file dialog, or null when cancelled or when there is no dialog. */
    chooseLedgerPath: Call<[mode: 'open' | 'create'], string | null>;
  };
  session: {
    status: Call<[], SessionStatus>;
    create: Call<[request: LedgerLocation & { password: string; demo: boolean }], { recoveryKey: string }>;
    open: Call<[request: LedgerLocation & ({ password: string } | { recoveryKey: string })], SessionStatus>;
    lock: Call<[], SessionStatus>;
    close: Call<[], SessionStatus>;
    /** The user is at work: postpones the idle lock. */
    touch: Call<[], void>;
    changePassword: Call<[request: { current: string; next: string }], void>;
    replaceRecoveryKey: Call<[request: { password: string }], { recoveryKey: string }>;
    backups: Call<[], BackupEntry[]>;
    restoreBackup: Call<[fileName: string], void>;
    setPreferences: Call<[preferences: Partial<Preferences>], Preferences>;
    forgetRecent: Call<[path: string], SessionStatus>;
  };
  units: {
    list: Call<[filter?: { kind?: UnitKind; includeArchived?: boolean }], Unit[]>;
    get: Call<[id: number], Unit>;
    create: Call<[input: UnitInput], Unit>;
    update: Call<[id: number, input: UnitInput], Unit>;
    remove: Call<[id: number], void>;
  };
  inspections: {
    list: Call<[], Inspection[]>;
    get: Call<[id: number], Inspection>;
    create: Call<[input: InspectionInput], Inspection>;
    update: Call<[id: number, input: InspectionInput], Inspection>;
    remove: Call<[id: number], void>;
  };
  audit: {
    list: Call<[filter?: AuditFilter], AuditEntry[]>;
    verify: Call<[], { entries: number }>;
  };
}

/** Compile-time check that the typed API and the list of method names are the same. */
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type ApiMatchesNames = { [N in Namespace]: SameKeys<keyof DubanApi[N], MethodOf<N>> }[Namespace];
export const API_MATCHES_METHOD_NAMES: ApiMatchesNames = true;
