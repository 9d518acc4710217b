import type { DubanApi, SavedFile } from '../../contract/api';
import type { Evidence } from '../../contract/evidence';
import type { PlatformInfo } from '../../contract/session-model';
import { ok, type Result } from '../../shared/result';

/**
 * Files the core made (workbooks, documents), put where the user wants them: in the desktop app
 * through the system's save dialog (one file) or into a folder (several); in a browser, downloaded.
 */
export type Saved = { readonly place: string } | { readonly downloaded: number };

const MEDIA_TYPES: Readonly<Record<string, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html',
};

export function download(file: SavedFile): void {
  const type = MEDIA_TYPES[file.fileName.slice(file.fileName.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
  const url = URL.createObjectURL(new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Where the files went, or null when the user cancelled the dialog. */
export async function saveFiles(api: DubanApi, platform: PlatformInfo, files: readonly SavedFile[]): Promise<Result<Saved | null>> {
  if (platform.shell === 'desktop') {
    const saved = await api.platform.saveFiles([...files]);
    return saved.ok ? ok(saved.value === null ? null : { place: saved.value }) : saved;
  }
  for (const file of files) download(file);
  return ok({ downloaded: files.length });
}

/**
 * An attachment of the ledger saved where the user wants it, as the files the core makes are: the
 * desktop app's own request filter would refuse a download link to the page's blob.
 */
export async function saveEvidence(api: DubanApi, platform: PlatformInfo, item: Pick<Evidence, 'id' | 'fileName'>): Promise<Result<Saved | null>> {
  const read = await api.evidence.content(item.id);
  return read.ok ? saveFiles(api, platform, [{ fileName: item.fileName, bytes: read.value.bytes }]) : read;
}
