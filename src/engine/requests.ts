/**
 * A pattern's request payloads (what a workload item may hand a client node), declared as data so the scenario
 * schema can check a file's workload before anything reaches a reducer: `PatternDef.requests`, request type → spec.
 */

/** One field of a request payload. `type` is implicit (the key of `PatternDef.requests`). */
export interface FieldSpec {
  /**
   * int: a whole number (within min..max); string: text (length within min..max); node: the id of a node of the
   * scenario's topology; enum: one of `options`; bool: true or false.
   */
  kind: 'int' | 'string' | 'node' | 'enum' | 'bool';
  required?: boolean;
  min?: number;
  max?: number;
  options?: string[];
}

export interface RequestSpec {
  /** Which topology roles may receive this request (absent: any node). */
  node?: string[];
  fields: Record<string, FieldSpec>;
}
