/*
 * The secrets the integration suites plant: tokens in models' fields and in hub-token
 * Secrets, the standin hub's token and the clusters' own credentials. None of them may
 * appear in a response body, log line or audit record (secretSweep.ts checks).
 */
import crypto from 'node:crypto';

/**
 * Every token made by `plantedToken` matches this, in any suite: a token another jest worker
 * planted in the shared clusters is recognised too, although this worker never saw it.
 */
export const PLANTED_TOKEN_PATTERN = /hf_planted_[a-z0-9-]*_[0-9a-f]{24}/;

const planted = new Map<string, string>();

/** Registers `value` as a secret to look for, named `label` in reports; returns `value`. */
export function plantSecret(value: string, label: string): string {
  if (value.length >= 8) planted.set(value, label);
  return value;
}

/** A fresh token to plant (e.g. in `spec.storage.parameters.token`), registered. */
export function plantedToken(label: string): string {
  const safe = label.toLowerCase().replace(/[^a-z0-9-]/g, '-');
  return plantSecret(
    `hf_planted_${safe}_${crypto.randomBytes(12).toString('hex')}`,
    `planted token '${safe}'`,
  );
}

/** The secrets registered so far, with the label a report names them by. */
export function plantedSecrets(): Array<{ value: string; label: string }> {
  return [...planted].map(([value, label]) => ({ value, label }));
}
