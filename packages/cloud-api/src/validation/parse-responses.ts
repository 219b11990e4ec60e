import { Compile } from 'typebox/compile';
import { GraphErrorEnvelope } from '../graph-error.js';
import { MediaUploadResponse, MediaUrlResponse } from '../schemas/media.js';
import { SendMessageResponse, SuccessResponse } from '../schemas/send-response.js';
import {
  TemplateCreateRequest,
  TemplateCreateResponse,
  TemplateEditRequest,
  TemplateInfo,
  TemplateListResponse,
} from '../schemas/templates-management.js';
import { createParser, type ParseResult } from './parse-result.js';

/** One compiled validator per schema, built once at module load. */
type Parser<T> = (body: unknown) => ParseResult<T>;

export const parseGraphErrorEnvelope: Parser<GraphErrorEnvelope> = createParser(Compile(GraphErrorEnvelope));
export const parseSendMessageResponse: Parser<SendMessageResponse> = createParser(Compile(SendMessageResponse));
export const parseSuccessResponse: Parser<SuccessResponse> = createParser(Compile(SuccessResponse));
export const parseMediaUploadResponse: Parser<MediaUploadResponse> = createParser(Compile(MediaUploadResponse));
export const parseMediaUrlResponse: Parser<MediaUrlResponse> = createParser(Compile(MediaUrlResponse));
export const parseTemplateCreateRequest: Parser<TemplateCreateRequest> = createParser(Compile(TemplateCreateRequest));
export const parseTemplateCreateResponse: Parser<TemplateCreateResponse> = createParser(Compile(TemplateCreateResponse));
export const parseTemplateEditRequest: Parser<TemplateEditRequest> = createParser(Compile(TemplateEditRequest));
export const parseTemplateInfo: Parser<TemplateInfo> = createParser(Compile(TemplateInfo));
export const parseTemplateListResponse: Parser<TemplateListResponse> = createParser(Compile(TemplateListResponse));
