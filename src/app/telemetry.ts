import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { Logger } from '../logger';

/** Telemetry once started: flushes what is buffered on the way out. */
export type Telemetry = { shutdown(): Promise<void> };

/**
 * Azure Monitor (Application Insights) through OpenTelemetry, when
 * APPLICATIONINSIGHTS_CONNECTION_STRING is set: requests (src/api/request-log.ts opens a server
 * span per request, with its request id), dependencies (Cosmos DB through the Azure SDK
 * instrumentation, Graph and the Bot Connector through the HTTP instrumentation) and exceptions.
 * Without it nothing is loaded or started: the OpenTelemetry API stays a no-op.
 */
export async function startTelemetry(
  connectionString: string | undefined,
  log: Logger,
  options: { spanProcessors?: SpanProcessor[] } = {},
): Promise<Telemetry | undefined> {
  if (!connectionString) return undefined;
  const { useAzureMonitor, shutdownAzureMonitor } = await import('@azure/monitor-opentelemetry');
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    enableLiveMetrics: false,
    // A programme's traffic is small: keep every request (the default rate limit drops bursts).
    samplingRatio: 1,
    tracesPerSecond: 0,
    instrumentationOptions: {
      http: { enabled: true },
      azureSdk: { enabled: true },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
    },
    ...(options.spanProcessors ? { spanProcessors: options.spanProcessors } : {}),
  });
  log.info('Telemetry is on: Azure Monitor (APPLICATIONINSIGHTS_CONNECTION_STRING).');
  return {
    // Flushing on the way out must not turn a clean stop into a crash (ingestion unreachable).
    shutdown: () =>
      shutdownAzureMonitor().catch((error: unknown) =>
        log.warn('telemetry could not be flushed on shutdown', error),
      ),
  };
}
