import { OmeKind, omeKindInfo } from './kinds';

/**
 * Longest InferenceService name the console accepts.
 *
 * OME names the Services (and Deployments) of an InferenceService's components
 * `<name>-engine`, `<name>-decoder` and `<name>-router`, and a Service name must be a DNS-1035
 * label of at most 63 characters. `-decoder` is the longest suffix, so 63 - 8 = 55 keeps every
 * derived name valid (the apiserver itself would accept the InferenceService with a longer
 * name, and OME would then fail to create its Services).
 * @public
 */
export const INFERENCE_SERVICE_NAME_MAX_LENGTH: number = 63 - '-decoder'.length;

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function nameType(name: unknown): string | undefined {
  if (name === undefined || name === null || name === '') return 'is required';
  if (typeof name !== 'string') return 'must be a string';
  return undefined;
}

/** Checks a DNS-1123 subdomain (custom resources' names). @public */
export function validateDns1123Subdomain(name: unknown): string | undefined {
  const typeError = nameType(name);
  if (typeError) return typeError;
  const s = name as string;
  if (s.length > 253 || !DNS1123_SUBDOMAIN.test(s)) {
    return "must be a DNS-1123 subdomain: lower case alphanumeric characters, '-' or '.', start and end with an alphanumeric character (e.g. 'my-model'), at most 253 characters";
  }
  return undefined;
}

/** Checks a DNS-1123 label (namespaces' names). @public */
export function validateDns1123Label(name: unknown): string | undefined {
  const typeError = nameType(name);
  if (typeError) return typeError;
  const s = name as string;
  if (s.length > 63 || !DNS1123_LABEL.test(s)) {
    return "must be a DNS-1123 label: lower case alphanumeric characters or '-', start and end with an alphanumeric character (e.g. 'team-a'), at most 63 characters";
  }
  return undefined;
}

/** Checks a DNS-1035 label of at most `maxLength` characters. @public */
export function validateDns1035Label(
  name: unknown,
  maxLength: number = 63,
): string | undefined {
  const typeError = nameType(name);
  if (typeError) return typeError;
  const s = name as string;
  if (!DNS1035_LABEL.test(s)) {
    return "must be a DNS-1035 label: lower case alphanumeric characters or '-', start with a letter and end with an alphanumeric character (e.g. 'my-service')";
  }
  if (s.length > maxLength) {
    return `must be at most ${maxLength} characters (it is ${s.length})`;
  }
  return undefined;
}

/**
 * Checks an object name of an OME kind: a DNS-1123 subdomain, and for an InferenceService a
 * DNS-1035 label short enough for the names OME derives from it. `undefined` means valid.
 * @public
 */
export function validateOmeName(
  kind: OmeKind,
  name: unknown,
): string | undefined {
  if (kind === 'InferenceService') {
    const message = validateDns1035Label(
      name,
      INFERENCE_SERVICE_NAME_MAX_LENGTH,
    );
    if (
      message &&
      typeof name === 'string' &&
      name.length > INFERENCE_SERVICE_NAME_MAX_LENGTH &&
      DNS1035_LABEL.test(name)
    ) {
      return `${message}: OME names the Services of its components after it (e.g. '<name>-decoder')`;
    }
    return message;
  }
  omeKindInfo(kind);
  return validateDns1123Subdomain(name);
}

/** Checks a namespace name (a DNS-1123 label). `undefined` means valid. @public */
export function validateNamespaceName(name: unknown): string | undefined {
  return validateDns1123Label(name);
}
