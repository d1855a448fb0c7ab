import type { Section } from './types';
import { systemSection } from './system';
import { membersSection } from './members';
import { tasksSection } from './tasks';
import { ledgerSection } from './ledger';
import { requestsSection } from './requests';
import { matchingSection } from './matching';
import { reportsSection } from './reports';
import { creditSection } from './credit';

/**
 * Navigation in the order the centre works: 会员档案, 统一代账, 前台受理, 产销对接, 信用服务, 任务台账, 报表上报,
 * 系统设置 (the plan's order: production, supply, credit). A capability appears here only once it is built.
 */
export const SECTIONS: Section[] = [
  membersSection,
  ledgerSection,
  requestsSection,
  matchingSection,
  creditSection,
  tasksSection,
  reportsSection,
  systemSection,
];
