/**
 * Lengths of the codes a budget package carries, shared by the package schema and the admin's
 * forms: a sub-unit the admin may create must be one every later save of the package accepts.
 */
export const UNIT_CODE_MAX_DIGITS = 20;
export const UNIT_CODE_PATTERN = new RegExp(`^\\d{1,${UNIT_CODE_MAX_DIGITS}}$`);
