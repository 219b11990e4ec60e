import { AppError } from '../../core/errors/app-error.js';
import type { ProviderError } from '../../providers/provider-error.js';

export const TemplateErrorCode = { TEMPLATES_UNAVAILABLE: 'TEMPLATES_UNAVAILABLE' } as const;

/** The provider could not list the templates (down, rate limited, token revoked); its code says which. */
export function templatesUnavailable(error: ProviderError): AppError {
  return new AppError({
    code: TemplateErrorCode.TEMPLATES_UNAVAILABLE,
    httpStatus: 502,
    message: 'The WhatsApp provider did not list the templates',
    details: { providerCode: error.code, ...(error.vendorCode === undefined ? {} : { vendorCode: error.vendorCode }) },
    cause: error,
  });
}
