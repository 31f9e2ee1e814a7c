// How large a request body browser mode must accept: the largest input the contract allows,
// written as JSON. Derived from the contract, so a channel that grows (a larger CSV) raises it.

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  maxLength?: number;
  maxItems?: number;
  items?: Schema;
  prefixItems?: Schema[];
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  propertyNames?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  $ref?: string;
  $defs?: Record<string, Schema>;
};

const utf8 = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

/**
 * The most bytes one JSON value matching `schema` can take, as JSON.stringify writes it.
 * A string's UTF-16 unit takes at most 6 bytes (a control character or a lone surrogate is
 * escaped as \uXXXX; other characters are 1–3 bytes, a surrogate pair 4 for two units);
 * a number at most 24 ("-1.7976931348623157e+308"). Infinity where the contract sets no bound.
 * Keys an object does not declare are dropped by the contract, so they are not counted.
 */
export function largestJsonBytes(schema: Schema, root: Schema = schema): number {
  if (schema.$ref) {
    const name = schema.$ref.replace(/^#\/\$defs\//, '');
    const target = root.$defs?.[name];
    return target ? largestJsonBytes(target, root) : Infinity;
  }
  if ('const' in schema) return utf8(schema.const);
  if (schema.enum) return Math.max(...schema.enum.map(utf8));
  const alternatives = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (alternatives) return Math.max(...alternatives.map((s) => largestJsonBytes(s, root)));
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0) return Infinity;
  return Math.max(...types.map((type) => largestOfType(type, schema, root)));
}

function largestOfType(type: string, schema: Schema, root: Schema): number {
  switch (type) {
    case 'null':
      return 4;
    case 'boolean':
      return 5;
    case 'integer':
    case 'number':
      return 24;
    case 'string':
      return schema.maxLength === undefined ? Infinity : 2 + 6 * schema.maxLength;
    case 'array': {
      const items = [...(schema.prefixItems ?? []), ...(schema.items ? [schema.items] : [])];
      const item = Math.max(0, ...items.map((s) => largestJsonBytes(s, root)));
      const count = schema.maxItems ?? (schema.items ? Infinity : (schema.prefixItems?.length ?? 0));
      return 2 + count * (item + 1);
    }
    case 'object': {
      let size = 2;
      for (const [key, value] of Object.entries(schema.properties ?? {})) {
        size += utf8(key) + 1 + largestJsonBytes(value, root) + 1;
      }
      const extra = schema.additionalProperties;
      if (extra && typeof extra === 'object') {
        const names = schema.propertyNames?.enum;
        if (!names) return Infinity;
        const undeclared = names.filter((n) => !(String(n) in (schema.properties ?? {})));
        const value = largestJsonBytes(extra, root);
        for (const name of undeclared) size += utf8(String(name)) + 1 + value + 1;
      }
      return size;
    }
    default:
      return Infinity;
  }
}

/** Per channel, the largest input body; Infinity for a channel whose contract sets no bound. */
export function largestInputs(schemas: Record<string, { input: unknown }>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(schemas).map(([channel, { input }]) => [channel, largestJsonBytes(input as Schema)]),
  );
}

/** The body limit: the largest bounded input, rounded up to a whole MiB. */
export function bodyLimitFor(schemas: Record<string, { input: unknown }>): number {
  const bounded = Object.values(largestInputs(schemas)).filter(Number.isFinite);
  const MiB = 1024 * 1024;
  return Math.ceil(Math.max(MiB, ...bounded) / MiB) * MiB;
}
