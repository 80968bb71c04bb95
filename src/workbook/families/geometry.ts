import type { Day } from '../../domain/jointFunding';
import type { AssumptionsGeometry } from './assumptions/assumptionsLayout';
import type { SchemesGeometry } from './assumptions/schemesLayout';
import type { TemplateGeometry } from './template/geometry';

/**
 * Where the inputs other sheets' formulas read sit, worked out once per workbook (workbookLayout)
 * and handed to every layout that points at them, with the day the workbook is built for: no
 * layout works out another sheet's rows again or reads the clock.
 */
export interface WorkbookGeometry {
  readonly assumptions: AssumptionsGeometry;
  readonly schemes: SchemesGeometry;
  /** Only for a plan made from NHS England's planning template. */
  readonly template?: TemplateGeometry;
  readonly today: Day;
}
