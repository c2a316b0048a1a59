/**
 * Scenario errors as data: a field path, a message code and its parameters. The text is rendered from the code —
 * in English by the CLI (`formatError`, from src/i18n/scenario.en.ts), through i18n in the app (`renderError` with
 * i18next's `t`) — so no language is baked into the error and the app shows it fully translated.
 */
import en from '../i18n/scenario.en';

export type ErrorCode = keyof typeof en extends `scenarioError.${infer C}` ? C : never;
export type ErrorParams = Record<string, string | number>;

export interface ScenarioError {
  /** Dotted path with indices, e.g. `faults[2].do.crash`; '' for the whole input. */
  path: string;
  code: ErrorCode;
  params: ErrorParams;
  /** The English text (what the CLI prints after the path). */
  message: string;
}

/** A translate function: key + params → text (i18next's `t`, or the English one below). */
export type Translate = (key: string, params: ErrorParams) => string;

const english: Translate = (key, params) =>
  ((en as Record<string, string>)[key] ?? key).replace(/\{\{(\w+)\}\}/g, (m, k: string) =>
    k in params ? String(params[k]) : m,
  );

/**
 * The message of a code in the language of `t`. `missing` nests the message of what was expected: its params carry
 * `expected` (that code) beside the nested code's own params.
 */
export function renderError(e: { code: ErrorCode; params: ErrorParams }, t: Translate = english): string {
  if (e.code === 'missing' && typeof e.params.expected === 'string') {
    return t('scenarioError.missing', { expected: t(`scenarioError.${e.params.expected}`, e.params) });
  }
  return t(`scenarioError.${e.code}`, e.params);
}

export function scenarioError(path: string, code: ErrorCode, params: ErrorParams = {}): ScenarioError {
  return { path, code, params, message: renderError({ code, params }) };
}

/** Error text for humans (English): `path: message`. */
export function formatError(e: ScenarioError): string {
  return e.path ? `${e.path}: ${e.message}` : e.message;
}
