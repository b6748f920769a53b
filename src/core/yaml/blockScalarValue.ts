// The value of a block scalar (`|`, `>`) from its body, folded and chomped as the `yaml`
// package's resolveBlockScalar does, for the block-subset composer. `body` holds the lines
// from the first to the last content line with the content indentation removed ('' for a
// blank line); `breaks` counts the line breaks after the last content line that a keep
// (`+`) indicator keeps.

export type Chomping = '' | '-' | '+';

export function blockScalarValue(folded: boolean, chomping: Chomping, body: readonly string[], breaks: number): string {
  let value = folded ? foldLines(body) : body.join('\n');
  if (chomping === '') value += '\n';
  else if (chomping === '+') value += '\n'.repeat(Math.max(1, breaks));
  return value;
}

/**
 * YAML folding: a break between two ordinary lines becomes a space, blank lines become
 * breaks, and more-indented lines (starting with a space) keep the breaks around them.
 */
function foldLines(body: readonly string[]): string {
  let value = '';
  let separator = '';
  let previousMoreIndented = false;
  for (const line of body) {
    if (line.startsWith(' ')) {
      if (separator === ' ') separator = '\n';
      else if (!previousMoreIndented && separator === '\n') separator = '\n\n';
      value += separator + line;
      separator = '\n';
      previousMoreIndented = true;
    } else if (line === '') {
      if (separator === '\n') value += '\n';
      else separator = '\n';
    } else {
      value += separator + line;
      separator = ' ';
      previousMoreIndented = false;
    }
  }
  return value;
}
