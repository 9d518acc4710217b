import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LANGUAGES } from '../shared/i18n/setup';
import type { Preferences, RecentLedger } from '../contract/session-model';
import { writeFileAtomic } from '../core/storage/durable-fs';

/**
 * The app's own settings, kept outside any ledger (they are needed before one is unlocked):
 * language, idle lock and the ledgers opened recently. Nothing sensitive.
 */
const RECENT_LIMIT = 8;

const stored = z.object({
  language: z.enum(LANGUAGES).catch('zh-CN'),
  idleLockMinutes: z.number().int().min(0).max(240).catch(10),
  recent: z.array(z.object({ path: z.string(), openedAt: z.string() })).catch([]),
});

export type StoredPreferences = Preferences & { readonly recent: readonly RecentLedger[] };

const DEFAULTS: StoredPreferences = { language: 'zh-CN', idleLockMinutes: 10, recent: [] };

export class PreferenceFile {
  private readonly path: string;
  private current: StoredPreferences;

  constructor(configDir: string) {
    this.path = join(configDir, 'preferences.json');
    mkdirSync(configDir, { recursive: true });
    this.current = this.read();
  }

  private read(): StoredPreferences {
    try {
      return stored.parse(JSON.parse(readFileSync(this.path, 'utf8')));
    } catch {
      return DEFAULTS; // missing or unreadable: start from the defaults rather than refuse to start
    }
  }

  get value(): StoredPreferences {
    return this.current;
  }

  update(change: Partial<StoredPreferences>): StoredPreferences {
    this.current = { ...this.current, ...change };
    writeFileAtomic(this.path, [Buffer.from(JSON.stringify(this.current, null, 2), 'utf8')]);
    return this.current;
  }

  remember(path: string, at: string): StoredPreferences {
    const recent = [{ path, openedAt: at }, ...this.current.recent.filter((r) => r.path !== path)].slice(0, RECENT_LIMIT);
    return this.update({ recent });
  }

  forget(path: string): StoredPreferences {
    return this.update({ recent: this.current.recent.filter((r) => r.path !== path) });
  }
}
