import type { z } from 'zod';

/** One API method as both sides see it: a Chinese title (shown in the audit log) and its schemas. */
export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  title: string;
  input: I;
  output: O;
}

export function defineMethods<T extends Record<string, MethodDef>>(methods: T): T {
  return methods;
}

/** What a caller sends (defaults may be omitted). */
export type In<M extends MethodDef> = z.input<M['input']>;
/** What a caller receives. */
export type Out<M extends MethodDef> = z.output<M['output']>;
