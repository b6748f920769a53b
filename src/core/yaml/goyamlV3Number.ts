// How gopkg.in/yaml.v3 (kyaml's parser) resolves a plain scalar starting with a digit or
// a sign as a number (resolve.go): underscores dropped, then Go's strconv.ParseInt(s, 0,
// 64) — so `0x1F`, `0o17`, `0b101`, `-0x1F` and octal `0123` are integers — then
// ParseUint, then a YAML-style float. The `yaml` package's 1.2 core schema reads `1_000`,
// `0b101` or `-0x1F` as strings; kustomize prints them as 1000, 5 and -31 (kubectl-verified).

const goInteger = /^([-+]?)(?:0[xX]([0-9a-fA-F]+)|0[oO]([0-7]+)|0[bB]([01]+)|0([0-7]+)|([1-9][0-9]*|0))$/;
const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** The tag yaml.v3 resolves a plain scalar to when it reads a number. */
export function goyamlV3NumberTag(text: string): '!!int' | '!!float' | undefined {
  if (goyamlV3Number(text) === undefined) return undefined;
  return goInteger.test(text.replaceAll('_', '')) ? '!!int' : '!!float';
}

/** The number yaml.v3 reads the plain scalar `text` as, or undefined when it reads something else. */
export function goyamlV3Number(text: string): number | undefined {
  const first = text.charAt(0);
  if (first === '.') return yamlStyleFloat.test(text) ? Number(text) : undefined;
  if (!/[-+0-9]/.test(first)) return undefined;
  const plain = text.replaceAll('_', '');
  const int = goInteger.exec(plain);
  if (int) {
    const [, sign, hex, octal, binary, legacyOctal, decimal] = int;
    const magnitude = hex !== undefined ? parseInt(hex, 16) : octal !== undefined ? parseInt(octal, 8) : binary !== undefined ? parseInt(binary, 2) : legacyOctal !== undefined ? parseInt(legacyOctal, 8) : Number(decimal);
    return sign === '-' && magnitude !== 0 ? -magnitude : magnitude;
  }
  return yamlStyleFloat.test(plain) ? Number(plain) : undefined;
}
