import { inKindOrder, type PollutionKind } from '../../petitions/model';
import { POLLUTION_KIND_WORDS, readWord } from './words';

/**
 * 污染类型 naming several kinds in one cell (大气、噪声, 水,固废, 噪声/大气): each part read as a word
 * of its own, 污染 after a kind's name aside (扬尘污染); the kinds in the ledger's order. Null when a part is not a known kind: the
 * user is asked about the cell as it stands.
 */
const SEPARATORS = /[、,，;；/／\n]+/;

export function readPollutionKinds(text: string): PollutionKind[] | null {
  const kinds: PollutionKind[] = [];
  for (const part of text.split(SEPARATORS)) {
    if (part.trim() === '') continue;
    const kind = readWord(POLLUTION_KIND_WORDS, part) ?? readWord(POLLUTION_KIND_WORDS, part.replace(/污染\s*$/, ''));
    if (!kind) return null;
    kinds.push(kind);
  }
  return kinds.length > 0 ? inKindOrder(kinds) : null;
}
