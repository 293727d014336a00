// What a lab id may be — the front matter's rule — kept apart from the scaffold so the CLI can check an id without
// loading the engine the scaffold runs.

/** Lower-case letters, digits, '.', '_' and '-', starting with a letter or digit. */
export const LAB_ID = /^[a-z0-9][a-z0-9._-]*$/;
