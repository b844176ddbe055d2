using System.Buffers;
using AgentOps.Silo.Api.Contracts;
using AgentOps.Silo.Ingest;
using AgentOps.Silo.Security;

namespace AgentOps.Silo.Api;

/// <summary><c>POST /v1/events</c>: batches of agent events.</summary>
public static class EventsApi
{
    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder v1)
    {
        v1.MapPost("/events", IngestAsync)
            .RequireAuthorization(Roles.Ingest)
            .WithName("IngestEvents")
            .WithSummary("Ingest a batch of agent events")
            .WithDescription("Body: {\"events\": [Event, ...]} or a bare array; at most 5,000 events and 5 MiB. 202 when all are accepted, 207 when some are rejected (see errors).")
            .Accepts<IngestRequestDocument>("application/json")
            .Produces<IngestResponse>(StatusCodes.Status202Accepted)
            .Produces<IngestResponse>(StatusCodes.Status207MultiStatus)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return v1;
    }

    private static async Task<IResult> IngestAsync(HttpContext http, EventIngestor ingestor)
    {
        if (http.Request.ContentType is { } contentType && !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Create(StatusCodes.Status415UnsupportedMediaType, ProblemCodes.UnsupportedMediaType, "Unsupported content type.", $"Send application/json (got {contentType}).");
        }

        if (http.Request.ContentLength > EventLimits.MaxBodyBytes)
        {
            return TooLarge();
        }

        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > EventLimits.MaxBodyBytes)
                    {
                        return TooLarge();
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, EventLimits.MaxBodyBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await http.Request.Body.ReadAsync(buffer.AsMemory(length), http.RequestAborted);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > EventLimits.MaxBodyBytes)
                {
                    return TooLarge();
                }
            }

            var batch = EventBatchReader.Read(buffer.AsSpan(0, length), EventLimits.MaxEventsPerRequest);
            if (batch.Failure is { } failure)
            {
                return failure.Kind switch
                {
                    BatchReadFailureKind.TooManyEvents => Problems.Create(StatusCodes.Status413PayloadTooLarge, ProblemCodes.TooManyEvents, "Too many events.", failure.Message),
                    BatchReadFailureKind.InvalidJson => Problems.BadRequest(ProblemCodes.InvalidJson, failure.Message),
                    _ => Problems.BadRequest(ProblemCodes.InvalidBatch, failure.Message),
                };
            }

            var outcome = await ingestor.IngestAsync(http.User.Project(), batch.Drafts);
            var response = new IngestResponse(outcome.Accepted, outcome.Duplicates, outcome.Errors);
            return Results.Json(response, AgentOpsJsonContext.Default.IngestResponse, statusCode: outcome.Errors.Count == 0 ? StatusCodes.Status202Accepted : StatusCodes.Status207MultiStatus);
        }
        catch (IngestUnavailableException ex) when (ex.Overloaded)
        {
            http.Response.Headers.RetryAfter = "1";
            return Problems.Create(StatusCodes.Status429TooManyRequests, ProblemCodes.Overloaded, "Overloaded.", ex.Message);
        }
        catch (IngestUnavailableException ex)
        {
            http.Response.Headers.RetryAfter = "5";
            return Problems.Create(StatusCodes.Status503ServiceUnavailable, ProblemCodes.StorageUnavailable, "Durable storage is unavailable.", ex.Message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static IResult TooLarge() => Problems.Create(
        StatusCodes.Status413PayloadTooLarge, ProblemCodes.PayloadTooLarge, "The body is too large.", $"A request body is at most {EventLimits.MaxBodyBytes / (1024 * 1024)} MiB; split the batch.");
}
