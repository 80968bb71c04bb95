import type { Risk } from '../../../domain/riskLog';
import { BLOCKS, SHEET_SPECS } from '../shared/blocks';
import { locateBlock } from '../shared/blockLocator';
import type { CellReader } from '../shared/cells';
import { MITIGATION_SEPARATOR } from './names';

/** The risks as people keep them on the Risk log: a mitigation per line of its cell. */
export function readRisks(r: CellReader): Risk[] {
  const b = locateBlock(r, SHEET_SPECS.risks, BLOCKS.risks);
  return (b?.rows ?? []).map((row) => {
    const id = r.text(row, b!.col(0));
    const mitigations = r.text(row, b!.col(7));
    return {
      id,
      description: r.text(row, b!.col(1)),
      impact: r.amount(row, b!.col(2), `The impact of risk ${id}`),
      probability: r.amount(row, b!.col(3), `The probability of risk ${id}`),
      ...(r.isBlank(row, b!.col(5))
        ? {}
        : { statedRating: r.amount(row, b!.col(5), `The stated rating of risk ${id}`) }),
      mitigations: mitigations
        ? mitigations
            .split(MITIGATION_SEPARATOR)
            .map((m) => m.trim())
            .filter(Boolean)
        : [],
      owner: r.text(row, b!.col(8)),
    };
  });
}
