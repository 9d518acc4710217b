import { describe, expect, it, vi } from 'vitest';
import type { DubanApi } from '../../src/contract/api';
import { saveEvidence } from '../../src/renderer/api/saveFiles';
import { dubanError } from '../../src/shared/errors';
import { err, ok, type Result } from '../../src/shared/result';
import type { EvidenceContent } from '../../src/contract/evidence';

const scan = { id: 7, fileName: '整改照片.jpg' };
const bytes = new Uint8Array([0xff, 0xd8, 0xff]);

/** The contract as the evidence panel meets it: the attachment's bytes, and the shell's save dialog. */
function fakeApi(content: Result<EvidenceContent> = ok({ fileName: scan.fileName, bytes, mediaType: 'image/jpeg' })) {
  const saveFiles = vi.fn(async () => ok('/home/clerk/整改照片.jpg'));
  const api = { evidence: { content: async () => content }, platform: { saveFiles } } as unknown as DubanApi;
  return { api, saveFiles };
}

describe('saving an attachment in the desktop app', () => {
  it('goes through the system’s save dialog, as documents do, not a download link the shell would block', async () => {
    const { api, saveFiles } = fakeApi();
    expect(await saveEvidence(api, { shell: 'desktop', version: '1', launchFile: null }, scan)).toEqual(ok({ place: '/home/clerk/整改照片.jpg' }));
    expect(saveFiles).toHaveBeenCalledWith([{ fileName: '整改照片.jpg', bytes }]);
  });

  it('says why when the attachment cannot be read, and opens no dialog', async () => {
    const { api, saveFiles } = fakeApi(err(dubanError('not_found')));
    expect(await saveEvidence(api, { shell: 'desktop', version: '1', launchFile: null }, scan)).toEqual(err(dubanError('not_found')));
    expect(saveFiles).not.toHaveBeenCalled();
  });
});
