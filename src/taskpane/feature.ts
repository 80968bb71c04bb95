import type { ComponentType } from 'react';
import type { PlanSession } from './session';

/**
 * One tab of the task pane. A panel receives the shared session (the plan, the host, the running
 * command) and never touches Excel: it runs commands through `session.execute`.
 */
export interface FeatureProps {
  readonly session: PlanSession;
}

export interface Feature {
  readonly id: string;
  readonly label: string;
  readonly component: ComponentType<FeatureProps>;
  /**
   * For a panel loaded on first use: starts fetching its code (a tab hovered or focused is about to be
   * opened), and `retry` forgets a failed fetch so the next render asks the network again.
   */
  readonly preload?: () => void;
  readonly retry?: () => void;
}
