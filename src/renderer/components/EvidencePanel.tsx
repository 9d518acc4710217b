import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Evidence, type EvidenceOwner, MAX_EVIDENCE_BYTES, MAX_EVIDENCE_MB } from '../../contract/evidence';
import type { DubanError } from '../../shared/errors';
import { describeError, describeField } from '../../shared/i18n/describe';
import { useApi } from '../api/ApiContext';
import { saveEvidence } from '../api/saveFiles';
import { useSession } from '../api/session';
import { useContractMutation } from '../api/useContract';
import { useFormat } from '../hooks/useFormat';
import { Dialog } from './Dialog';
import { useToast } from './Toasts';

const sizeText = (bytes: number): string => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

interface Failure {
  readonly fileName: string;
  readonly error: DubanError;
}

/** The bytes of an attachment as an address the page can show, freed when no longer needed. */
function useBlobUrl(): [string | null, (blob: Blob | null) => string | null] {
  const [url, setUrl] = useState<string | null>(null);
  const current = useRef<string | null>(null);
  const replace = (blob: Blob | null): string | null => {
    if (current.current) URL.revokeObjectURL(current.current);
    current.current = blob ? URL.createObjectURL(blob) : null;
    setUrl(current.current);
    return current.current;
  };
  useEffect(() => () => void (current.current && URL.revokeObjectURL(current.current)), []);
  return [url, replace];
}

/**
 * 佐证材料: scans, photos and documents attached to a record. Files are read here and their bytes go
 * through the contract into the ledger's encrypted store; viewing and saving read them back. Removing
 * can be undone from the notice that follows (the file itself is kept). Frozen evidence says so.
 */
export function EvidencePanel({
  owner,
  evidence,
  note,
  frozen = false,
}: {
  owner: EvidenceOwner;
  evidence: readonly Evidence[];
  note?: ReactNode;
  /** Sealed (a closed task's): shown and downloadable, neither added to nor removed from. */
  frozen?: boolean;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { platform } = useSession();
  // The desktop app asks where to save; a browser downloads.
  const desktop = platform.shell === 'desktop';
  const changes = useContractMutation().evidence;
  const toast = useToast();
  const format = useFormat();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const [failures, setFailures] = useState<readonly Failure[]>([]);
  const [viewing, setViewing] = useState<Evidence | null>(null);
  const [viewUrl, setViewBlob] = useBlobUrl();
  const [loadError, setLoadError] = useState<DubanError | null>(null);

  const upload = async (files: readonly File[]): Promise<void> => {
    setUploading(true);
    const failed: Failure[] = [];
    for (const file of files) {
      if (file.size > MAX_EVIDENCE_BYTES) {
        failed.push({
          fileName: file.name,
          error: { code: 'validation', fields: [{ field: 'bytes', code: 'file_too_large', params: { maxMb: MAX_EVIDENCE_MB } }] },
        });
        continue;
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      const added = await changes.add({
        ownerKind: owner.kind,
        ownerId: owner.id,
        fileName: file.name,
        mediaType: file.type || 'application/octet-stream',
        bytes,
      });
      if (!added.ok) failed.push({ fileName: file.name, error: added.error });
    }
    setUploading(false);
    setFailures(failed);
    const done = files.length - failed.length;
    if (done > 0) toast(t('evidence.added', { count: done }));
  };

  const content = async (item: Evidence): Promise<Blob | null> => {
    const read = await api.evidence.content(item.id);
    if (!read.ok) {
      setLoadError(read.error);
      return null;
    }
    setLoadError(null);
    return new Blob([read.value.bytes as Uint8Array<ArrayBuffer>], { type: read.value.mediaType });
  };

  const view = async (item: Evidence): Promise<void> => {
    const blob = await content(item);
    if (!blob) return;
    setViewBlob(blob);
    setViewing(item);
  };

  const save = async (item: Evidence): Promise<void> => {
    const saved = await saveEvidence(api, platform, item);
    if (!saved.ok) return setLoadError(saved.error);
    setLoadError(null);
    if (saved.value && 'place' in saved.value) toast(t('evidence.saved', { place: saved.value.place }));
  };

  const remove = async (item: Evidence): Promise<void> => {
    const removed = await changes.remove(item.id);
    if (!removed.ok) return setLoadError(removed.error);
    toast(t('evidence.removed', { name: item.fileName }), () => void changes.restore(item.id));
  };

  const describe = (error: DubanError): string => (error.fields?.[0] ? describeField(t, error.fields[0]) : describeError(t, error));

  return (
    <div className="evidence">
      {note}
      {evidence.length === 0 ? (
        <p className="empty-state">{t('evidence.empty')}</p>
      ) : (
        <ul className="evidence__list">
          {evidence.map((item) => (
            <li key={item.id} className="evidence__item">
              <span className="evidence__name" title={item.fileName}>
                {item.fileName}
              </span>
              <span className="evidence__meta">
                {sizeText(item.size)} · {format.instant(item.addedAt)}
              </span>
              <span className="evidence__actions">
                {item.mediaType.startsWith('image/') && (
                  <button
                    type="button"
                    className="button button--link"
                    onClick={() => void view(item)}
                    aria-label={t('evidence.viewNamed', { name: item.fileName })}
                  >
                    {t('evidence.view')}
                  </button>
                )}
                <button
                  type="button"
                  className="button button--link"
                  onClick={() => void save(item)}
                  aria-label={t(desktop ? 'evidence.saveNamed' : 'evidence.downloadNamed', { name: item.fileName })}
                >
                  {t(desktop ? 'evidence.save' : 'evidence.download')}
                </button>
                {!frozen && (
                  <button
                    type="button"
                    className="button button--link button--link-danger"
                    onClick={() => void remove(item)}
                    aria-label={t('evidence.removeNamed', { name: item.fileName })}
                  >
                    {t('evidence.remove')}
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {failures.map((failure) => (
        <div key={failure.fileName} className="notice notice--error" role="alert">
          {t('evidence.failed', { name: failure.fileName, reason: describe(failure.error) })}
        </div>
      ))}
      {loadError && (
        <div className="notice notice--error" role="alert">
          {describeError(t, loadError)}
        </div>
      )}
      {frozen ? (
        <div className="notice notice--info" role="status">
          {t('evidence.frozen')}
        </div>
      ) : (
        <div className="evidence__add">
          <input
            ref={input}
            id={`evidence-${owner.kind}-${owner.id}`}
            type="file"
            multiple
            tabIndex={-1}
            className="visually-hidden"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              if (files.length) void upload(files);
            }}
          />
          <button type="button" className="button" disabled={uploading} onClick={() => input.current?.click()}>
            {uploading ? t('evidence.uploading') : t('evidence.add')}
          </button>
          <span className="field__hint">{t('evidence.hint', { maxMb: MAX_EVIDENCE_MB })}</span>
        </div>
      )}
      <Dialog title={viewing?.fileName ?? ''} open={viewing !== null} onClose={() => setViewing(null)} wide>
        {viewUrl && <img className="evidence__preview" src={viewUrl} alt={viewing?.fileName ?? ''} />}
        <div className="dialog__actions">
          <button type="button" className="button" autoFocus onClick={() => setViewing(null)}>
            {t('app:actions.close')}
          </button>
        </div>
      </Dialog>
    </div>
  );
}
