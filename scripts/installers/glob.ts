/**
 * electron-builder's file patterns (minimatch with `dot`), as far as the configuration uses them:
 * `**` for any depth, `*` and `?` within one name, a leading `!` to exclude, and `**\/` as a prefix
 * that also matches nothing. Enough to read the configuration the way electron-builder will.
 */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (pattern.startsWith('**/', i)) {
      source += '(?:.*/)?';
      i += 2;
    } else if (pattern.startsWith('**', i)) {
      source += '.*';
      i += 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Whether a path relative to the app's folder is kept by a list of patterns: matched by an inclusion and by no exclusion. */
export function fileFilter(patterns: readonly string[]): (path: string) => boolean {
  const include = patterns.filter((p) => !p.startsWith('!')).map(globToRegExp);
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => globToRegExp(p.slice(1)));
  return (path) => include.some((r) => r.test(path)) && !exclude.some((r) => r.test(path));
}
