import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useCreateLabel, useToggleLabel, type LabelTarget } from '../hooks/use-labels.js';
import { LABEL_PALETTE } from '../utils/label-color.js';
import { LabelForm } from './label-form.js';

export type NewLabelFormProps = { target: LabelTarget; targetId: string };

/** Creates a label and attaches it to the target at once. */
export function NewLabelForm({ target, targetId }: NewLabelFormProps) {
  const { t } = useI18n();
  const create = useCreateLabel();
  const attach = useToggleLabel(target, targetId);
  return (
    <LabelForm
      initial={{ name: '', color: LABEL_PALETTE[0] }}
      submitLabel={t('labels.create')}
      pending={create.isPending}
      error={create.error}
      onSubmit={(draft, reset) =>
        create.mutate(draft, {
          onSuccess: (label) => {
            reset();
            attach.mutate({ labelId: label.id, attach: true });
          },
        })
      }
    />
  );
}
