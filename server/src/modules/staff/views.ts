// What the admin console is shown of a staff account (the contract's staffAccount): the select and the mapping.
export const staffSelect = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  active: true,
  createdAt: true,
  unit: { select: { code: true, name: true } },
} as const;

export const toStaffView = <T extends { role: string }>(s: T) => ({ ...s, role: s.role.toLowerCase() });
