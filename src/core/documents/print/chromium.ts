import { accessSync, constants } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { layOutForPrint, PRINTED_PAGE } from '../../../shared/documents/print-page';
import { dubanError } from '../../../shared/errors';
import { err, ok, type Result } from '../../../shared/result';

/**
 * Documents laid out and printed by a Chromium on this machine (headless, through playwright-core):
 * for the command line's .pdf and fitted .html, the benchmarks and the tests. The desktop app prints
 * through Electron's own Chromium instead (src/main). The page is only laid out and printed: it runs
 * no script it holds and fetches nothing.
 */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium', '/usr/bin/google-chrome'];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = env.DUBAN_CHROMIUM ? [env.DUBAN_CHROMIUM] : CANDIDATES;
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not there: the next one
    }
  }
  return null;
}

const ARGS = ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-extensions'];

/** Whether to start Chromium in its sandbox: not as root on Linux (CI, some containers), where Chromium refuses to. */
export const sandboxFirst = (platform: NodeJS.Platform, uid: number | undefined): boolean => !(platform === 'linux' && uid === 0);

/** A sandboxed start that failed because the sandbox itself could not start (no user namespaces, no setuid helper), as Playwright words it. */
export const sandboxFailed = (error: unknown): boolean => error instanceof Error && /sandboxing failed|no usable sandbox/i.test(error.message);

/**
 * Chromium in its sandbox where it will start in one, else without (Playwright passes --no-sandbox
 * unless told otherwise): the sandbox is the second wall, the page itself runs no script and
 * reaches nothing (see launch).
 */
async function startChromium(executablePath: string): Promise<Browser> {
  const start = (chromiumSandbox: boolean) => chromium.launch({ executablePath, args: ARGS, chromiumSandbox });
  if (!sandboxFirst(process.platform, process.getuid?.())) return start(false);
  return start(true).catch((error: unknown) => (sandboxFailed(error) ? start(false) : Promise.reject(error)));
}

export class DocumentPrinter {
  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
  ) {}

  static async launch(env: NodeJS.ProcessEnv = process.env): Promise<Result<DocumentPrinter>> {
    const executablePath = findChromium(env);
    if (!executablePath) return err(dubanError('documents.no_chromium'));
    try {
      const browser = await startChromium(executablePath);
      // The page runs no script of its own (our fitting runs through the debugger protocol, which this
      // does not stop), is offline, downloads nothing, and every request it makes is refused.
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true, acceptDownloads: false });
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      return ok(new DocumentPrinter(browser, page));
    } catch (error) {
      return err(dubanError('documents.print_failed', { detail: (error as Error).message.split('\n')[0]! }));
    }
  }

  /** Loads the page and puts each copy-to block on the last line of its last page. */
  private async load(html: string): Promise<void> {
    await this.page.setContent(html, { waitUntil: 'load' });
    await layOutForPrint({ emulatePrintMedia: () => this.page.emulateMedia({ media: 'print' }), evaluate: (script) => this.page.evaluate(script) });
  }

  /** The page as it prints: the HTML with the spacers measured in, still self-contained. */
  async fitted(html: string): Promise<Result<string>> {
    return this.attempt(async () => {
      await this.load(html);
      return `<!doctype html>\n${await this.page.evaluate<string>('document.documentElement.outerHTML')}\n`;
    });
  }

  async pdf(html: string): Promise<Result<Uint8Array>> {
    return this.attempt(async () => {
      await this.load(html);
      const { size, margins, printBackground, preferCSSPageSize } = PRINTED_PAGE;
      return new Uint8Array(await this.page.pdf({ format: size, margin: margins, printBackground, preferCSSPageSize }));
    });
  }

  private async attempt<T>(work: () => Promise<T>): Promise<Result<T>> {
    try {
      return ok(await work());
    } catch (error) {
      return err(dubanError('documents.print_failed', { detail: (error as Error).message.split('\n')[0]! }));
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
