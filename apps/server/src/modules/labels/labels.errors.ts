import { LabelErrorCode, LABELS_PER_TENANT_MAX } from '@valeo/contracts';
import { AppError, conflict, notFound } from '../../core/errors/app-error.js';

export function labelNotFound(id: string): AppError {
  return notFound(LabelErrorCode.LABEL_NOT_FOUND, `Label ${id} not found`);
}

export function labelNameTaken(name: string): AppError {
  return conflict(LabelErrorCode.LABEL_NAME_TAKEN, `A label named "${name}" already exists`);
}

export function labelLimitReached(): AppError {
  return new AppError({ code: LabelErrorCode.LABEL_LIMIT_REACHED, httpStatus: 422, message: `A tenant has at most ${LABELS_PER_TENANT_MAX} labels` });
}
