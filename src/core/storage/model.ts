/** What the storage tells the screens, free of Node: the renderer reads these types too. */

/** After a new data key: a recovery key to print when one had to be issued, backups that still open with the old secret. */
export interface KeyChange {
  readonly recoveryKey: string | null;
  readonly backupsNotResealed: readonly string[];
}
