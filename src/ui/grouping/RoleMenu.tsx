/** "Group as ▾": a button opening a menu of composite roles. Escape or a click elsewhere closes it. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../nodes/composite.ts';

export function RoleMenu({ disabled, onPick }: { disabled: boolean; onPick: (role: Role) => void }) {
  const { t } = useTranslation('panels');
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const shown = open && !disabled;

  // Subscribing to outside clicks and Escape while the menu is open (an event subscription, not derived state).
  useEffect(() => {
    if (!shown) return;
    const onDown = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      // Any other key (Escape, Delete, a shortcut) closes the menu, so it never reopens by itself later.
      if (!['ArrowDown', 'ArrowUp', 'Tab', 'Enter', ' ', 'Shift'].includes(e.key)) setOpen(false);
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      const items = [...(box.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
      const at = items.indexOf(document.activeElement as HTMLButtonElement);
      items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
      e.preventDefault();
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [shown]);

  return (
    <div className="role-menu" ref={box}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={shown}
        disabled={disabled}
        title={disabled ? t('groupNeedsSelection') : t('groupTip')}
        onClick={() => setOpen(!open)}
        data-action="group-as"
      >
        {t('groupAs')} ▾
      </button>
      {shown && (
        <ul className="role-menu-list" role="menu">
          {ROLES.map((role, i) => (
            <li key={role} role="none">
              <button
                type="button"
                role="menuitem"
                data-role={role}
                autoFocus={i === 0}
                onClick={() => {
                  setOpen(false);
                  onPick(role);
                }}
              >
                <span className="role-name">{t(`role_${role}`)}</span>
                <span className="role-hint">{t(`roleHint_${role}`)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
