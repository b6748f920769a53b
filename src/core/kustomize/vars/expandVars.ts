// kustomize's $(VAR) expansion (api/filters/refvar/expand.go, from Kubernetes'
// container env expansion): `$$` escapes, unknown names stay as written, and a
// value that is exactly one `$(VAR)` takes the variable's type (8080 stays a number).

export type VarValue = string | number | boolean;

export function expandVars(input: string, lookup: (name: string) => VarValue | undefined): VarValue {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const rest = input.slice(cursor + 1);
    let advance = 1;
    if (rest[0] === '$') {
      out += '$';
    } else if (rest[0] === '(') {
      const close = rest.indexOf(')', 1);
      if (close < 0) {
        out += '$(';
      } else {
        const name = rest.slice(1, close);
        const value = lookup(name);
        const mapped = value === undefined ? `$(${name})` : value;
        if (input === `$(${name})`) return mapped;
        out += String(mapped);
        advance = close + 1;
      }
    } else {
      out += `$${rest[0] ?? ''}`;
    }
    cursor += advance;
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}
