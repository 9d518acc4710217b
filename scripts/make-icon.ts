/**
 * The app's icon, from resources/icon.svg: resources/icon.png (512×512, Linux) and resources/icon.ico
 * (16 to 256 pixels, Windows), each size drawn by Chromium from the vector rather than scaled down from
 * one picture. The glyph comes from a font of this machine (Noto Serif CJK SC): the pictures hold it,
 * the SVG does not. Run: node --import tsx scripts/make-icon.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from '../src/core/documents/print/chromium';

const resources = join(import.meta.dirname, '..', 'resources');
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const PNG_SIZE = 512;

/** An ICO holding PNG images (Windows Vista and later read them), smallest first; a width of 256 is written 0. */
function ico(images: readonly { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size % 256, entry);
    header.writeUInt8(size % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

const svg = readFileSync(join(resources, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: findChromium() ?? undefined });
try {
  const page = await browser.newPage();
  const draw = async (size: number): Promise<Buffer> => {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<style>html,body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    await page.evaluate('document.fonts.ready');
    return page.screenshot({ omitBackground: true });
  };
  writeFileSync(join(resources, 'icon.png'), await draw(PNG_SIZE));
  const images = [];
  for (const size of ICO_SIZES) images.push({ size, png: await draw(size) });
  writeFileSync(join(resources, 'icon.ico'), ico(images));
} finally {
  await browser.close();
}
