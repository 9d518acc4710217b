/**
 * Schema version 15 (large ledgers): the petition list's sorts indexed, and the dashboard's petition
 * figures without reading every case.
 * petition_tally counts the cases and sums their accountability for each combination of the columns
 * the figures group by; triggers keep it in step with every write, whatever writes (a form, an
 * import, the journal replayed), so a ledger of 200,000 cases counts a few hundred rows. A missing
 * unit or truth is kept as 0 or '' because UNIQUE treats NULLs as all different.
 */
const KEY = 'unit_key, completion, truth_key, pollution_kinds';
const SUMS = ['persons_held_accountable', 'entities_penalized', 'fines_yuan', 'persons_detained'] as const;

const OLD_KEY = `unit_key = ifnull(OLD.unit_id, 0) AND completion = OLD.completion AND truth_key = ifnull(OLD.truth, '') AND pollution_kinds = OLD.pollution_kinds`;

const addNew = `INSERT INTO petition_tally (${KEY}, cases, ${SUMS.join(', ')})
    VALUES (ifnull(NEW.unit_id, 0), NEW.completion, ifnull(NEW.truth, ''), NEW.pollution_kinds, 1, ${SUMS.map((c) => `NEW.${c}`).join(', ')})
    ON CONFLICT (${KEY}) DO UPDATE SET cases = cases + 1, ${SUMS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};`;

const takeOld = `UPDATE petition_tally SET cases = cases - 1, ${SUMS.map((c) => `${c} = ${c} - OLD.${c}`).join(', ')} WHERE ${OLD_KEY};
  DELETE FROM petition_tally WHERE ${OLD_KEY} AND cases = 0;`;

export const V15_PETITION_TALLY = [
  // The petition list's sorts besides receipt number and batch: a page is read along an index, not sorted from every case.
  `CREATE INDEX petition_cases_handed_over ON petition_cases (handed_over_on)`,
  `CREATE INDEX petition_cases_updated ON petition_cases (updated_at)`,
  `CREATE TABLE petition_tally (
    unit_key INTEGER NOT NULL,
    completion TEXT NOT NULL,
    truth_key TEXT NOT NULL,
    pollution_kinds TEXT NOT NULL,
    cases INTEGER NOT NULL,
    ${SUMS.map((c) => `${c} INTEGER NOT NULL`).join(',\n    ')},
    PRIMARY KEY (${KEY})
  )`,
  `INSERT INTO petition_tally (${KEY}, cases, ${SUMS.join(', ')})
    SELECT ifnull(unit_id, 0), completion, ifnull(truth, ''), pollution_kinds, count(*), ${SUMS.map((c) => `sum(${c})`).join(', ')}
    FROM petition_cases GROUP BY 1, 2, 3, 4`,
  `CREATE TRIGGER petition_tally_insert AFTER INSERT ON petition_cases BEGIN
  ${addNew}
END`,
  `CREATE TRIGGER petition_tally_delete AFTER DELETE ON petition_cases BEGIN
  ${takeOld}
END`,
  `CREATE TRIGGER petition_tally_update AFTER UPDATE OF unit_id, completion, truth, pollution_kinds, ${SUMS.join(', ')} ON petition_cases BEGIN
  ${takeOld}
  ${addNew}
END`,
];
