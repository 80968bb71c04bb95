/**
 * Mitigations share one cell, one per line, so the log stays one row per risk as the plan prints it.
 * Here rather than in the layout, so the reader (which runs when the pane opens) loads without it.
 */
export const MITIGATION_SEPARATOR = '\n';
