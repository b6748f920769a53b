import { Alias, Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';

// The `yaml` package's node constructors tag each node with Object.defineProperty, which
// costs some twenty times a plain object and was a tenth of a cold render. A node made
// from a prototype instance inherits that tag (isScalar, isMap… read it through the
// prototype chain) and is otherwise the package's own class with its own fields set.
// test/unit/yaml/blockSubsetCompose.test.ts reads these nodes with the package's guards.

const scalarPrototype = new Scalar(null);
const pairPrototype = new Pair(null);
const mapPrototype = new YAMLMap();
const seqPrototype = new YAMLSeq();

export function newScalar(value: unknown): Scalar {
  const node = Object.create(scalarPrototype) as Scalar;
  node.value = value;
  return node;
}

export function newPair(key: Node, value: Node): Pair<Node, Node> {
  const pair = Object.create(pairPrototype) as Pair<Node, Node>;
  pair.key = key;
  pair.value = value;
  return pair;
}

/** Each collection gets its own `items` (the prototype's must never be shared). */
export function newMap(): YAMLMap<Node, Node> {
  const map = Object.create(mapPrototype) as YAMLMap<Node, Node>;
  map.items = [];
  return map;
}

export function newSeq(): YAMLSeq<Node> {
  const seq = Object.create(seqPrototype) as YAMLSeq<Node>;
  seq.items = [];
  return seq;
}

const aliasPrototype = new Alias('');
const documentPrototype = new Document();

export function newAlias(source: string): Alias {
  const node = Object.create(aliasPrototype) as Alias;
  node.source = source;
  return node;
}

/**
 * A Document (so isDocument holds and an Alias resolves against it, as readers of the
 * package's documents do) holding only what the block-subset composer fills in.
 */
export function newDocument(contents: Node): Document<Node> {
  const doc = Object.create(documentPrototype) as Document<Node>;
  doc.contents = contents;
  doc.errors = [];
  doc.warnings = [];
  return doc;
}
