import { ApiError } from '../api/client';

/** The part of a Mantine form this needs (any `useForm` result fits). */
type FormWithErrors = { setErrors: (errors: Record<string, string>) => void };

/**
 * Puts the API's per-field messages (`body.email` → `email`) beside the form's inputs and returns what is
 * left for an Alert: the error's message when no detail names one of `fields`, else null.
 */
export function showApiErrors(form: FormWithErrors, error: unknown, fields: readonly string[]): string | null {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const message = error.fieldMessage(field);
    if (message) errors[field] = message;
  }
  form.setErrors(errors);
  return Object.keys(errors).length > 0 ? null : error.message;
}
