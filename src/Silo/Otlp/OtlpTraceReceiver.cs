using System.Globalization;
using System.Net.Http.Headers;
using AgentOps.Redaction;
using AgentOps.Silo.Api;
using AgentOps.Silo.Ingest;
using AgentOps.Silo.Otlp.Decoding;
using AgentOps.Silo.Otlp.Mapping;
using AgentOps.Silo.Otlp.Proto;
using AgentOps.Silo.Security;
using Microsoft.Extensions.Primitives;

namespace AgentOps.Silo.Otlp;

/// <summary>
/// Handles <c>POST /v1/traces</c>: reads the body (5 MiB, gzip allowed, 5 MiB decompressed), decodes it
/// (protobuf or JSON), maps the spans to event drafts and hands them to <see cref="EventIngestor"/>, which validates,
/// de-duplicates and publishes them. Answers 200 with an <c>ExportTraceServiceResponse</c> in the request's encoding,
/// with <c>partialSuccess</c> when some spans were rejected.
/// </summary>
public sealed partial class OtlpTraceReceiver(OtlpOptions options, TextRedactor redactor, ILogger<OtlpTraceReceiver> logger)
{
    /// <summary>Spans of the request that gave no event (no GenAI or OpenInference meaning).</summary>
    public const string IgnoredSpansHeader = "X-AgentOps-Ignored-Spans";

    /// <summary>Events accepted from the request.</summary>
    public const string AcceptedEventsHeader = "X-AgentOps-Accepted-Events";

    /// <summary>Events of the request already received before (a re-exported span).</summary>
    public const string DuplicateEventsHeader = "X-AgentOps-Duplicate-Events";

    private const string ProtobufMediaType = "application/x-protobuf";
    private const string JsonMediaType = "application/json";
    private const int MaxErrorDetails = 3;
    private const int MaxDetailLength = 300;

    private readonly OtlpTraceMapper _mapper = new(options);

    public async Task<IResult> ReceiveAsync(HttpContext http, EventIngestor ingestor)
    {
        var project = http.User.Project();
        var request = http.Request;
        if (EncodingOf(request.ContentType) is not { } encoding)
        {
            return Problems.Create(StatusCodes.Status415UnsupportedMediaType, ProblemCodes.UnsupportedMediaType, "Unsupported content type.",
                $"Send OTLP as {ProtobufMediaType} or {JsonMediaType} (got {request.ContentType ?? "none"}).");
        }

        if (!IsGzip(request.Headers.ContentEncoding, out var gzip))
        {
            return Problems.Create(StatusCodes.Status415UnsupportedMediaType, OtlpProblemCodes.UnsupportedEncoding, "Unsupported content encoding.",
                $"Send the body uncompressed or with Content-Encoding: gzip (got {request.Headers.ContentEncoding}).");
        }

        if (request.ContentLength > EventLimits.MaxBodyBytes)
        {
            return TooLarge("A request body");
        }

        ExportTraceServiceRequest export;
        try
        {
            using var body = await PooledBody.ReadAsync(request.Body, EventLimits.MaxBodyBytes, request.ContentLength, http.RequestAborted);
            if (body is null)
            {
                return TooLarge("A request body");
            }

            if (gzip)
            {
                using var plain = await body.GunzipAsync(EventLimits.MaxBodyBytes, http.RequestAborted);
                if (plain is null)
                {
                    return TooLarge("A decompressed request body");
                }

                export = OtlpTraceDecoder.Decode(plain.Span, encoding);
            }
            else
            {
                export = OtlpTraceDecoder.Decode(body.Span, encoding);
            }
        }
        catch (OtlpTooLargeException ex)
        {
            return Problems.Create(StatusCodes.Status413PayloadTooLarge, ProblemCodes.PayloadTooLarge, "The export is too large.", ex.Message);
        }
        catch (OtlpFormatException ex)
        {
            var message = redactor.Redact(ex.Message)!; // parser messages may quote the body
            LogUnreadable(project, encoding, message);
            return Problems.BadRequest(OtlpProblemCodes.InvalidOtlp, message);
        }
        catch (InvalidDataException ex)
        {
            LogUnreadable(project, encoding, ex.Message);
            return Problems.BadRequest(OtlpProblemCodes.InvalidEncoding, $"The body is not valid gzip: {ex.Message}");
        }
        catch (BadHttpRequestException ex)
        {
            return Problems.Create(ex.StatusCode, ProblemCodes.ForStatus(ex.StatusCode), "The request body could not be read.", ex.Message);
        }

        var mapped = _mapper.Map(export);
        if (mapped.IgnoredSpans > 0)
        {
            LogIgnored(project, mapped.IgnoredSpans, mapped.Spans, redactor.Redact(mapped.FirstIgnoredSpanName) ?? string.Empty);
        }

        var rejected = new HashSet<int>();
        var details = new List<string>(MaxErrorDetails);
        // A rejected span's detail is built only while the answer has room for it: an export may hold a great many.
        foreach (var problem in mapped.InvalidSpans)
        {
            if (rejected.Add(problem.SpanIndex) && details.Count < MaxErrorDetails)
            {
                details.Add(Detail(problem.Message));
            }
        }

        int accepted = 0, duplicates = 0;
        try
        {
            for (var offset = 0; offset < mapped.Drafts.Count; offset += EventLimits.MaxEventsPerRequest)
            {
                var count = Math.Min(EventLimits.MaxEventsPerRequest, mapped.Drafts.Count - offset);
                var chunk = offset == 0 && count == mapped.Drafts.Count ? mapped.Drafts : mapped.Drafts.GetRange(offset, count);
                var outcome = await ingestor.IngestAsync(project, chunk);
                accepted += outcome.Accepted;
                duplicates += outcome.Duplicates;
                foreach (var error in outcome.Errors)
                {
                    if (rejected.Add(mapped.DraftSpans[offset + error.Index]) && details.Count < MaxErrorDetails)
                    {
                        var where = error.Field is null ? string.Empty : $" ({error.Field})";
                        details.Add(Detail($"event {error.Id}: {error.Code}{where}: {error.Message}"));
                    }
                }
            }
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

        var response = new ExportTraceServiceResponse();
        if (rejected.Count > 0)
        {
            var more = rejected.Count > details.Count ? "; …" : string.Empty;
            var message = $"{rejected.Count} of {mapped.Spans} spans rejected: {string.Join("; ", details)}{more}";
            LogRejected(project, rejected.Count, mapped.Spans, details[0]);
            response.PartialSuccess = new ExportTracePartialSuccess { RejectedSpans = rejected.Count, ErrorMessage = message };
        }

        var headers = http.Response.Headers;
        headers[IgnoredSpansHeader] = mapped.IgnoredSpans.ToString(CultureInfo.InvariantCulture);
        headers[AcceptedEventsHeader] = accepted.ToString(CultureInfo.InvariantCulture);
        headers[DuplicateEventsHeader] = duplicates.ToString(CultureInfo.InvariantCulture);
        return Results.Bytes(OtlpTraceDecoder.Encode(response, encoding), encoding == OtlpEncoding.Json ? JsonMediaType : ProtobufMediaType);
    }

    /// <summary>The encoding of a content type: protobuf (<c>application/x-protobuf</c>, <c>application/protobuf</c>) or JSON; null for others.</summary>
    internal static OtlpEncoding? EncodingOf(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed))
        {
            return null;
        }

        return parsed.MediaType?.ToLowerInvariant() switch
        {
            ProtobufMediaType or "application/protobuf" => OtlpEncoding.Protobuf,
            JsonMediaType => OtlpEncoding.Json,
            _ => null,
        };
    }

    /// <summary>True when the content coding is supported (none, <c>identity</c> or <c>gzip</c>); <paramref name="gzip"/> says which.</summary>
    internal static bool IsGzip(StringValues contentEncoding, out bool gzip)
    {
        var coding = contentEncoding.ToString().Trim();
        gzip = coding.Equals("gzip", StringComparison.OrdinalIgnoreCase) || coding.Equals("x-gzip", StringComparison.OrdinalIgnoreCase);
        return gzip || coding.Length == 0 || coding.Equals("identity", StringComparison.OrdinalIgnoreCase);
    }

    private string Detail(string detail)
    {
        detail = redactor.Redact(detail)!;
        return detail.Length <= MaxDetailLength ? detail : detail[..MaxDetailLength] + "…";
    }

    private static IResult TooLarge(string what) => Problems.Create(
        StatusCodes.Status413PayloadTooLarge, ProblemCodes.PayloadTooLarge, "The body is too large.",
        $"{what} is at most {EventLimits.MaxBodyBytes / (1024 * 1024)} MiB; export smaller batches.");

    [LoggerMessage(Level = LogLevel.Debug, Message = "Project {Project}: ignored {Ignored} of {Spans} spans without GenAI or OpenInference meaning (first: '{SpanName}')")]
    private partial void LogIgnored(string project, int ignored, int spans, string spanName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Project {Project}: rejected {Rejected} of {Spans} spans (first: {Detail})")]
    private partial void LogRejected(string project, int rejected, int spans, string detail);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Project {Project}: unreadable OTLP body ({Encoding}): {Reason}")]
    private partial void LogUnreadable(string project, OtlpEncoding encoding, string reason);
}
