import type { Role } from '../../../shared/roles';
import type { ComponentType } from 'react';

export interface RouteProps {
  params: Record<string, string>;
  /** Called by pages that replace the whole database (restore) so the shell reloads everything. */
  onDataReplaced(): void;
}

export interface RouteDef {
  path: string;
  title: string;
  /** The method whose permission decides whether the route is shown and reachable. */
  method: string;
  component: ComponentType<RouteProps>;
  /** Listed in the side navigation; detail pages are reachable only through links. */
  nav: boolean;
  /**
   * The landing page for roles that may open it (e.g. the manager's dashboard); else the first nav route.
   * A list of roles makes it the landing page for those roles only (the bookkeepers' workload board).
   */
  home?: boolean | readonly Role[];
}

export interface Section {
  key: string;
  label: string;
  icon: ComponentType<{ size?: number | string }>;
  routes: RouteDef[];
  /** A small widget in the header (e.g. a reminders bell); it decides itself whether to show for the role. */
  header?: ComponentType;
}
