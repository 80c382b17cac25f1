import * as RadixDialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { useI18n } from '@/lib/i18n';
import { Button } from './Button';
import './Dialog.css';

export interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** The dialog's buttons; a Cancel button that closes it comes first. */
  actions?: ReactNode;
  /** wide: for content that needs room, such as a revision diff. */
  size?: 'normal' | 'wide';
  /** The label of the closing button: Cancel, or e.g. Close when there is nothing to cancel. */
  closeLabel?: string;
}

/** A modal dialog on Radix: focus is trapped, Escape and Cancel close it, focus returns after. */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  actions,
  size = 'normal',
  closeLabel,
}: DialogProps) {
  const { t } = useI18n();
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog__overlay" />
        <RadixDialog.Content className={size === 'wide' ? 'dialog dialog--wide' : 'dialog'}>
          <RadixDialog.Title className="dialog__title">{title}</RadixDialog.Title>
          {description ? (
            <RadixDialog.Description className="dialog__description">{description}</RadixDialog.Description>
          ) : (
            <RadixDialog.Description className="visually-hidden">{title}</RadixDialog.Description>
          )}
          {children}
          <div className="dialog__actions">
            <RadixDialog.Close asChild>
              <Button variant="secondary">{closeLabel ?? t('common.cancel')}</Button>
            </RadixDialog.Close>
            {actions}
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
