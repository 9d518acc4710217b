import { describe, expect, it, vi } from 'vitest';
import { unwrap } from '../helpers/result';

vi.mock('electron', () => ({ app: { getVersion: () => 'test' }, BrowserWindow: {}, dialog: {}, protocol: {} }));

const { ledgerFileIn } = await import('../../src/main/launch-file');
const { desktopPlatform } = await import('../../src/main/platform');

describe('a ledger file the app is started with (a .duban opened from the file manager)', () => {
  it('is the argument naming a .duban file, as Windows passes it', () => {
    expect(ledgerFileIn(['D:\\督办\\2026年台账.duban'])).toBe('D:\\督办\\2026年台账.duban');
    expect(ledgerFileIn(['--allow-file-access-from-files', 'D:\\台账.DUBAN'])).toBe('D:\\台账.DUBAN');
  });

  it('is read from the file URL a Linux desktop entry passes (%U)', () => {
    expect(ledgerFileIn(['file:///home/zhang/%E5%8F%B0%E8%B4%A6.duban'])).toBe('/home/zhang/台账.duban');
  });

  it('is none without such an argument: switches, other files and remote URLs are not ledgers', () => {
    expect(ledgerFileIn([])).toBeNull();
    expect(ledgerFileIn(['--inspect', 'notes.txt', '--flag=x.duban', 'https://example.org/x.duban'])).toBeNull();
  });

  it('reaches the window through the platform information, from which the welcome screen offers it', async () => {
    expect(unwrap(await desktopPlatform(null, '/home/zhang/台账.duban').info())).toMatchObject({ shell: 'desktop', launchFile: '/home/zhang/台账.duban' });
    expect(unwrap(await desktopPlatform(null).info())).toMatchObject({ launchFile: null });
  });
});
