import { pathText } from './jsonText';
import type { PlanPath } from './planRules';

/**
 * Where a plan rule's finding sits in a plan file, e.g. `schemes[2].years["2014/15"].cost`. The pane
 * and the workbook commands name fields this way too, and load it without the plan file's schema.
 */
export function jsonLocator(path: PlanPath): { path: string } {
  switch (path.kind) {
    case 'scheme':
      return { path: pathText(['schemes', path.index, path.field]) };
    case 'schemeYear':
      return {
        path: pathText([
          'schemes',
          path.index,
          'years',
          path.year,
          ...(path.field === 'cost' ? ['cost'] : ['benefits', path.field]),
        ]),
      };
    case 'unitCost':
      return { path: pathText(['unitCosts', path.index, path.field]) };
    case 'year':
      return { path: pathText(['years', path.index, path.field]) };
  }
}
