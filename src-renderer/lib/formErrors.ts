// How every form shows errors: each under its input, in words; a banner only for what has no input.

/** The errors without `field`'s: an error goes as soon as the operator changes what it was about. */
export function withoutError(errors: Record<string, string>, field: string): Record<string, string> {
  if (!(field in errors)) return errors;
  const rest = { ...errors };
  delete rest[field];
  return rest;
}

/**
 * Messages for the banner: errors no input shows. A known field is named by its label
 * ("Burst: …"); a path the form has no words for is left out of the text, never shown as a path.
 */
export function bannerMessages(
  errors: Record<string, string>,
  shownFields: ReadonlySet<string>,
  labels: Readonly<Record<string, string>> = {},
): string[] {
  return Object.entries(errors)
    .filter(([field]) => !shownFields.has(field))
    .map(([field, message]) => (labels[field] ? `${labels[field]}: ${message}` : message));
}

/** After a refused save: the first input with an error gets focus, so it is in view. */
export function focusFirstError(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

/** Whether the form differs from what it opened with. */
export function isDirty<T>(values: T, initial: T): boolean {
  return JSON.stringify(values) !== JSON.stringify(initial);
}
