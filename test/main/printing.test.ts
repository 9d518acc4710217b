import { beforeEach, describe, expect, it, vi } from 'vitest';

/** Electron cannot run here: the print window is a fake that records what was done to it, and prints as a test says. */
const fake = vi.hoisted(() => ({
  steps: [] as string[],
  printAnswer: [true, ''] as [boolean, string],
  pdfOptions: null as unknown,
}));
vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      debugger: {
        attach: () => fake.steps.push('attach debugger'),
        sendCommand: async (method: string, params: { media?: string }) => fake.steps.push(`${method} ${params.media ?? ''}`.trim()),
      },
      executeJavaScript: async (script: string) =>
        fake.steps.push(
          script.startsWith('document.fonts.ready') ? 'fonts ready' : script.includes('fitPages') || script.includes('pageHeightPt') ? 'fit pages' : script,
        ),
      print: (_options: unknown, done: (success: boolean, reason: string) => void) => done(...fake.printAnswer),
      printToPDF: async (options: unknown) => {
        fake.pdfOptions = options;
        return Buffer.from('%PDF');
      },
    };
    loadURL = async () => void fake.steps.push('load');
    destroy = () => undefined;
  }
  return { BrowserWindow, protocol: {} };
});

const { printHtml, pdfOfHtml } = await import('../../src/main/printing');

beforeEach(() => {
  fake.steps = [];
});

describe('printing in the desktop app', () => {
  it.each(['Print job canceled', 'cancelled', 'canceled'])('takes the print dialog’s cancel (%s) as a cancel, not a failure', async (reason) => {
    fake.printAnswer = [false, reason];
    await expect(printHtml('<p>提醒函</p>')).resolves.toBe('cancelled');
  });

  it('reports a print that failed as a failure', async () => {
    fake.printAnswer = [false, 'Print job failed'];
    await expect(printHtml('<p>提醒函</p>')).rejects.toThrow('Print job failed');
  });

  it('fits the pages in print media once the fonts are ready, as the command line’s Chromium does', async () => {
    fake.printAnswer = [true, ''];
    await printHtml('<p>提醒函</p>');
    expect(fake.steps).toEqual(['load', 'attach debugger', 'Emulation.setEmulatedMedia print', 'fonts ready', 'fit pages']);
  });

  it('prints to PDF on A4 with no margin of its own, the page’s CSS deciding', async () => {
    await pdfOfHtml('<p>提醒函</p>');
    expect(fake.pdfOptions).toEqual({ pageSize: 'A4', margins: { top: 0, right: 0, bottom: 0, left: 0 }, printBackground: true, preferCSSPageSize: true });
  });
});
