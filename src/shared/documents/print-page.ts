import { fitPagesScript } from './fit-pages';

/**
 * The page every document is printed on, described once for both printers (the command line's
 * Chromium through Playwright, the desktop app's own Chromium): A4 with no margin of the printer's
 * own — the document's CSS (@page) sets its margins, and its page size wins where it gives one.
 */
export const PRINTED_PAGE = {
  size: 'A4',
  margins: { top: 0, right: 0, bottom: 0, left: 0 },
  printBackground: true,
  preferCSSPageSize: true,
} as const;

/** A page loaded in a printer's Chromium, as far as laying it out needs. */
export interface PageToLayOut {
  emulatePrintMedia(): Promise<void>;
  evaluate(script: string): Promise<unknown>;
}

/**
 * Lays a loaded document page out as it will print: in print media (its print styles move lines)
 * and with its fonts loaded (a line of a fallback font breaks elsewhere), then fitted (fit-pages).
 */
export async function layOutForPrint(page: PageToLayOut): Promise<void> {
  await page.emulatePrintMedia();
  await page.evaluate('document.fonts.ready.then(() => undefined)');
  await page.evaluate(fitPagesScript());
}
