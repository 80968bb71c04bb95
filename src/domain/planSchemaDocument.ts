import { planJsonSchema } from './planSchema';

/**
 * The text of docs/plan.schema.json: the plan schema as JSON Schema (draft 2020-12), two-space
 * indented. A plan names it in its "$schema" key (e.g. "../docs/plan.schema.json") for editors
 * that validate as you type.
 */
export function planSchemaDocument(): string {
  return `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
}
