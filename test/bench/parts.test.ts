import { describe, expect, it } from 'vitest';
import { Bench } from '../../bench/parts';

/** What a bench run wrote, each stream apart. */
function recorded(json: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  const bench = new Bench(json, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { bench, out, err };
}

describe('a bench run prints each figure as it is measured', () => {
  it('prints a figure before the part that measured it goes on, and a failed part loses only its own', async () => {
    const { bench, out, err } = recorded(true);
    await bench.part('first', (report) => {
      report({ name: 'a_ms', value: 1, unit: 'ms' });
      expect(out).toEqual([`${JSON.stringify({ name: 'a_ms', value: 1, unit: 'ms' })}\n`]);
      throw new Error('the browser run failed');
    });
    await bench.part('second', (report) => report({ name: 'b_ms', value: 2, unit: 'ms' }));
    expect(out.map((line) => JSON.parse(line).name)).toEqual(['a_ms', 'b_ms']);
    expect(err.join('')).toContain('first');
    expect(err.join('')).toContain('the browser run failed');
    expect(bench.failed).toEqual(['first']);
  });

  it('says nothing failed when every part measured', async () => {
    const { bench, err } = recorded(false);
    await bench.part('only', async (report) => report({ name: 'c_ms', value: 3, unit: 'ms' }));
    expect(bench.failed).toEqual([]);
    expect(err).toEqual([]);
  });
});
