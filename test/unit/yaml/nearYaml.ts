// Seeded generators of near-YAML texts for the block-subset composer's differential tests.

/** mulberry32: a tiny seeded generator, so the random cases are the same on every run. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const scalars = ['a', 'x-y', 'http://h:80/p', '1', '-1', '010', '0x1F', '0o7', '1e3', '.inf', '.NaN', '1_0', 'true', 'yes', 'False', '~', 'null', '2024-01-01', '1.50', "'q'", "'it''s'", "''", '""', '"d"', "'x' #c", 'a # c', 'a#b', 'b]', 'x  y', 'é ü', 'a,b', '--x', 'a"b', "a'b"];
const oddScalars = ['"a\\"b"', '"x" y', '{x}', '[y]', '&a x', '*a', '!t x', '|', '>', '- x', '-', 'a: b', 'a:', ':x', '@x', '%x', '`x', '?x', '#c', 'a\tb', '"a:" b', '<<'];
const keys = ['a', 'b', 'name', 'x y', '"q"', "'s'", "'a''b'", 'a#b', 'é', 'k.io/x', 'c', 'd', 'e'];
const oddKeys = ['true', '1', '<<', 'a ', '-k', '~', 'k:v', '"k" ', '? k', '...', '---', 'a'];
const blockWords = ['x', 'two words', '# not a comment', 'key: value', '- item', "'q'", '|', 'a  b ', '"$1"', '*a0', '&a1 x'];

const pad = (n: number): string => ' '.repeat(n);

function pickWith<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

/** Pushes a block scalar after `lead`, its body indented from `base`, with every header form and awkward blank lines. */
function pushBlockScalar(lines: string[], next: () => number, lead: string, base: number): void {
  const pick = <T>(items: readonly T[]): T => pickWith(next, items);
  const digit = next() < 0.25 ? 1 + Math.floor(next() * 3) : 0;
  const chomp = pick(['', '-', '+']);
  const indicators = next() < 0.5 ? `${digit || ''}${chomp}` : `${chomp}${digit || ''}`;
  lines.push(`${lead}${pick(['|', '>'])}${indicators}${next() < 0.1 ? ' # h' : ''}`);
  const bodyIndent = digit > 0 ? base + digit : base + 1 + Math.floor(next() * 3) - (next() < 0.03 ? 1 : 0);
  if (next() < 0.04) lines.push(pad(Math.floor(next() * (bodyIndent + 2))));
  const count = 1 + Math.floor(next() * 5);
  for (let i = 0; i < count; i++) {
    const r = next();
    if (i > 0 && r < 0.15) lines.push('');
    else if (i > 0 && r < 0.19) lines.push(pad(Math.floor(next() * (bodyIndent + 2))));
    else if (r < 0.35 && (i > 0 || digit > 0)) lines.push(`${pad(bodyIndent + 1 + Math.floor(next() * 2))}${pick(blockWords)}`);
    else if (r < 0.37) lines.push(`${pad(Math.max(0, bodyIndent - 1))}${pick(blockWords)}`);
    else lines.push(`${pad(bodyIndent)}${pick(blockWords)}`);
  }
  const trailing = Math.floor(next() * next() * 4);
  for (let i = 0; i < trailing; i++) lines.push(next() < 0.8 ? '' : pad(Math.floor(next() * (bodyIndent + 2))));
  if (next() < 0.1) lines.push(`${pad(Math.floor(next() * (base + 1)))}# after`);
}

/**
 * Well-formed block YAML dense in anchors, aliases and block scalars (unique keys, even
 * indentation), with a few aliases the subset must leave alone: to an enclosing node, to
 * a reused name, across documents, with an anchor of their own.
 */
export function generateAnchorsAndBlockScalars(next: () => number): string {
  const pick = <T>(items: readonly T[]): T => pickWith(next, items);
  const lines: string[] = [];
  let anchors: string[] = [];
  let count = 0;
  const node = (indent: number, lead: string, depth: number, underKey: boolean): void => {
    const reuse = anchors.length > 0 && next() < 0.05;
    const anchor = next() < 0.3 ? (reuse ? pick(anchors) : `n${count++}`) : undefined;
    const prop = anchor === undefined ? '' : `&${anchor} `;
    const r = next();
    if (r < 0.2 && anchors.length > 0) {
      lines.push(`${lead}${next() < 0.05 ? prop : ''}*${next() < 0.03 ? `n${count}` : pick(anchors)}${next() < 0.2 ? ' # c' : ''}`);
      return;
    }
    if (r < 0.5) pushBlockScalar(lines, next, lead + prop, indent);
    else if (r < 0.65 || depth > 3) lines.push(`${lead}${prop}${pick(['x', '1', 'true', "'q'", '"d"', '~', 'a b'])}${next() < 0.1 ? ' # c' : ''}`);
    else {
      lines.push(`${lead}${prop}`.trimEnd() + (next() < 0.1 ? ' # c' : ''));
      const inner = underKey && next() < 0.3 ? indent : indent + 1 + Math.floor(next() * 3);
      const items = 1 + Math.floor(next() * 3);
      const seq = r >= 0.85 || inner === indent;
      for (let i = 0; i < items; i++) node(inner, seq ? `${pad(inner)}- ` : `${pad(inner)}k${i}: `, depth + 1, !seq);
    }
    if (anchor !== undefined) anchors.push(anchor);
  };
  const documents = 1 + Math.floor(next() * 3);
  for (let d = 0; d < documents; d++) {
    if (d > 0) lines.push('---');
    if (next() < 0.9) anchors = [];
    const items = 1 + Math.floor(next() * 4);
    for (let i = 0; i < items; i++) node(0, `k${i}: `, 0, true);
  }
  return lines.join('\n') + (next() < 0.9 ? '\n' : '');
}

/** A YAML-ish text: mostly what the block-subset composer takes, with a sprinkle of what it must leave to the package. */
export function generateNearYaml(next: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const scalar = (): string => pick(next() < 0.04 ? oddScalars : scalars);
  const key = (): string => pick(next() < 0.03 ? oddKeys : keys);
  const lines: string[] = [];
  const pad = (n: number): string => ' '.repeat(n);
  const anchors: string[] = [];
  // Mostly fresh names; sometimes one already used (the package then resolves to the latest).
  const anchorName = (): string => (anchors.length > 0 && next() < 0.1 ? pick(anchors) : `a${anchors.length}`);
  const noise = (indent: number): void => {
    const r = next();
    if (r < 0.05) lines.push(`${pad(Math.floor(next() * (indent + 3)))}# note`);
    else if (r < 0.08) lines.push('');
    else if (r < 0.09) lines.push(pad(Math.floor(next() * 4)));
  };
  const value = (indent: number, depth: number, lead: string): void => {
    const r = next();
    const anchor = next() < 0.12 ? anchorName() : undefined;
    const anchored = anchor === undefined ? lead : `${lead}&${anchor} `;
    if (depth > 3 || r < 0.45) {
      const kind = next();
      if (kind < 0.1 && anchors.length > 0) lines.push(`${next() < 0.8 ? lead : `${lead}&${anchorName()} `}*${pick(anchors)}${next() < 0.1 ? ' # c' : ''}`);
      else if (kind < 0.3) pushBlockScalar(lines, next, anchored, lead.trimEnd().endsWith(':') ? lead.search(/[^ -]/) : lead.length - lead.trimStart().length);
      else lines.push(`${anchored}${scalar()}${next() < 0.1 ? ' # c' : ''}`);
      if (next() < 0.01) lines.push(`${pad(indent + 1 + Math.floor(next() * 3))}${scalar()}`);
    } else {
      const open = anchored.trimEnd();
      if (r < 0.75) block(indent, depth, open, 'map');
      else block(indent, depth, open, 'seq');
    }
    if (anchor !== undefined) anchors.push(anchor);
  };
  const block = (parentIndent: number, depth: number, head: string, kind: 'map' | 'seq'): void => {
    const sameIndentSeq = kind === 'seq' && /:( &\w+)?$/.test(head) && next() < 0.5;
    const indent = head === '' ? 0 : sameIndentSeq ? parentIndent : parentIndent + 1 + Math.floor(next() * 3) + (next() < 0.02 ? -1 : 0);
    const compact = head.endsWith('-') && next() < 0.7;
    if (head !== '' && !compact) lines.push(next() < 0.1 ? `${head} # c` : head);
    const count = 1 + Math.floor(next() * 3);
    for (let i = 0; i < count; i++) {
      noise(indent);
      const first = compact && i === 0;
      const lead = first ? `${head} ` : pad(indent);
      if (kind === 'map') {
                const r = next();
        if (r < 0.08) lines.push(`${lead}${key()}:`);
        else if (r < 0.6) value(indent, depth + 1, `${lead}${key()}: `);
        else block(first ? head.length + 1 : indent, depth + 1, `${lead}${key()}:`, next() < 0.5 ? 'map' : 'seq');
      } else {
        const r = next();
        if (r < 0.03) lines.push(`${lead}-`);
        else if (r < 0.5) value(indent, depth + 1, `${lead}- `);
        else block(first ? head.length + 1 : indent, depth + 1, `${lead}-`, next() < 0.7 ? 'map' : 'seq');
      }
    }
  };
  const documents = 1 + Math.floor(next() * 2);
  for (let d = 0; d < documents; d++) {
    if (d > 0 || next() < 0.2) lines.push(pick(['---', '---', '--- ', '...', '---\n---']));
    block(0, 0, '', next() < 0.8 ? 'map' : 'seq');
  }
  if (next() < 0.1) lines.push('---');
  const text = lines.join('\n') + (next() < 0.9 ? '\n' : '');
  return next() < 0.02 ? text.replace('\n', '\r\n') : text;
}
