import { useCallback, useEffect, useRef, useState } from 'react';
import type { MediaView, UploadMediaType } from '@valeo/contracts';
import { useApi } from '../../../lib/api-context.js';
import { checkAttachment } from '../utils/attachment-rules.js';

export type Attachment =
  | { state: 'invalid'; fileName: string; check: Exclude<ReturnType<typeof checkAttachment>, { ok: true }> }
  | { state: 'uploading'; fileName: string; type: UploadMediaType; size: number; progress: number }
  | { state: 'uploaded'; fileName: string; type: UploadMediaType; size: number; media: MediaView }
  | { state: 'failed'; fileName: string; type: UploadMediaType; size: number; error: Error };

/**
 * One attachment of the composer: checked against the upload rules, uploaded at once (with
 * progress) so it is ready by the time the caption is typed, cancellable while in flight.
 */
export function useAttachment(channelId: string) {
  const api = useApi();
  const [attachment, setAttachment] = useState<Attachment | undefined>(undefined);
  const inFlight = useRef<AbortController | undefined>(undefined);

  const clear = useCallback(() => {
    inFlight.current?.abort();
    inFlight.current = undefined;
    setAttachment(undefined);
  }, []);

  // Leaving the conversation cancels an upload still running.
  useEffect(() => () => inFlight.current?.abort(), []);

  const pick = useCallback((file: File) => {
    inFlight.current?.abort();
    const check = checkAttachment(file);
    if (!check.ok) {
      setAttachment({ state: 'invalid', fileName: file.name, check });
      return;
    }
    const base = { fileName: file.name, type: check.type, size: file.size };
    const controller = new AbortController();
    inFlight.current = controller;
    setAttachment({ ...base, state: 'uploading', progress: 0 });
    const form = new FormData();
    form.set('channelId', channelId);
    form.set('file', file, file.name);
    api.upload<MediaView>('/media', form, {
      signal: controller.signal,
      onProgress: (loaded, total) => setAttachment({ ...base, state: 'uploading', progress: total > 0 ? loaded / total : 0 }),
    }).then(
      (media) => {
        if (!controller.signal.aborted) setAttachment({ ...base, state: 'uploaded', media });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setAttachment({ ...base, state: 'failed', error: error instanceof Error ? error : new Error(String(error)) });
      },
    ).finally(() => {
      if (inFlight.current === controller) inFlight.current = undefined;
    });
  }, [api, channelId]);

  return { attachment, pick, clear };
}
