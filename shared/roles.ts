export const ROLES = ['admin', 'bookkeeper', 'frontdesk', 'manager'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  bookkeeper: '会计',
  frontdesk: '前台',
  manager: '负责人',
};
