using AgentOps.Silo.Ingest;
using AgentOps.Silo.Otlp;
using AgentOps.Silo.Security;

namespace AgentOps.Silo.Api;

/// <summary><c>POST /v1/traces</c>: the OTLP/HTTP trace receiver (API.md "OpenTelemetry").</summary>
public static class TracesApi
{
    public static RouteGroupBuilder MapTracesApi(this RouteGroupBuilder v1)
    {
        v1.MapPost("/traces", (HttpContext http, EventIngestor ingestor, OtlpTraceReceiver receiver) => receiver.ReceiveAsync(http, ingestor))
            .RequireAuthorization(Roles.Ingest)
            .WithName("ExportTraces")
            .WithSummary("Receive OpenTelemetry traces (OTLP/HTTP)")
            .WithDescription(
                "An OTLP ExportTraceServiceRequest as application/x-protobuf or application/json (OTLP/JSON), optionally with "
                + "Content-Encoding: gzip; at most 5 MiB, also once decompressed. GenAI (and OpenInference) spans become events: "
                + "chat/text_completion/generate_content spans llm_call, execute_tool spans tool_call, gen_ai.evaluation.result "
                + "span events eval, invoke_agent (or GenAI root) spans run_started/run_finished; event ids derive from trace and "
                + "span ids, so a re-exported span is a duplicate. 200 with an ExportTraceServiceResponse in the request's "
                + "encoding; partialSuccess.rejectedSpans counts spans whose events were rejected. Headers X-AgentOps-Ignored-Spans, "
                + "X-AgentOps-Accepted-Events and X-AgentOps-Duplicate-Events report the rest.")
            .Produces(StatusCodes.Status200OK, contentType: "application/x-protobuf", additionalContentTypes: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return v1;
    }
}
