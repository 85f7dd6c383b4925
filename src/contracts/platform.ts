import { z } from 'zod';
import { route } from './route';

/**
 * The platform's routes: the app's health for probes, this API's description, and the bot's
 * endpoint (the Bot Framework Connector posts activities there; bot/bot-endpoint.ts).
 */

/** `GET /api/health`: 200 when the store answers, 503 (same body) when it does not. */
export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  store: z.enum(['up', 'down']),
  storeMode: z.enum(['embedded', 'remote']),
  version: z.string(),
  uptimeSeconds: z.number().int(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

/** An OpenAPI 3.1 document (https://spec.openapis.org/oas/v3.1.0). */
export const openApiDocumentSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});

/**
 * A Bot Framework activity, as far as this bot reads it
 * (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#activity-object).
 * The local endpoint takes only a loopback `serviceUrl`.
 */
export const botActivitySchema = z.looseObject({
  type: z.string().min(1),
  serviceUrl: z.url(),
  conversation: z.looseObject({ id: z.string().min(1) }),
  from: z.looseObject({ id: z.string().min(1) }),
  recipient: z.looseObject({ id: z.string().min(1) }),
  name: z.string().optional(),
  value: z.unknown().optional(),
  locale: z.string().optional(),
});

/** The routes (src/contracts/route.ts). */
export const platformApi = {
  health: route({
    method: 'get',
    path: '/health',
    summary: 'Whether the app and its store answer (for probes)',
    access: 'anyone',
    responses: { 200: healthResponseSchema },
    errors: { 503: 'The store does not answer (the body says `store: "down"`)' },
  }),
  openApi: route({
    method: 'get',
    path: '/openapi.json',
    summary: 'This API described as OpenAPI 3.1',
    access: 'anyone',
    responses: { 200: openApiDocumentSchema },
  }),
  botMessages: route({
    method: 'post',
    path: '/messages',
    summary: 'The bot: activities from the Bot Framework Connector (Teams, the Agents Playground)',
    access: 'bot',
    body: botActivitySchema,
    bodyReadByHandler: true,
    /** Activities are small (Teams caps a message near 100 KB), cards' data included. */
    maxBodyBytes: 512 * 1024,
    responses: {
      200: {
        contentType: 'application/json',
        description: 'The turn ran; an invoke gets its invoke response (an Adaptive Card)',
      },
    },
  }),
};
