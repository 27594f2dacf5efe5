// Names of roles and outcomes in the reader's language.
import { useCallback } from 'react';
import type { Role } from '../../access/schema.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/messages.js';

export const ROLE_LABELS: Record<Role, MessageKey> = {
  admin: 'role.admin',
  coordinator: 'role.coordinator',
  org_admin: 'role.org_admin',
  editor: 'role.editor',
  case_manager: 'role.case_manager',
  case_worker: 'role.case_worker',
  analyst: 'role.analyst',
  viewer: 'role.viewer',
};

export function useRoleName(): (role: Role) => string {
  const { t } = useI18n();
  return useCallback((role: Role) => t(ROLE_LABELS[role]), [t]);
}
