using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AgentOps.Silo.Api;

/// <summary>Reads a small JSON request body, answering a 400 or 413 problem with the given code when it cannot.</summary>
public static class JsonBody
{
    public const int DefaultMaxBytes = 64 * 1024;

    /// <summary>The body as <typeparamref name="T"/>; with <paramref name="allowEmpty"/>, no body answers (null, null).</summary>
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpContext http, JsonTypeInfo<T> type, string invalidCode, int maxBytes = DefaultMaxBytes, bool allowEmpty = false)
        where T : class
    {
        if (allowEmpty && http.Request.ContentLength is null or 0 && http.Request.Headers.TransferEncoding.Count == 0)
        {
            return (null, null);
        }

        if (http.Request.ContentLength > maxBytes)
        {
            return (null, Problems.Create(StatusCodes.Status413PayloadTooLarge, ProblemCodes.PayloadTooLarge, "The body is too large.", $"This body is at most {maxBytes / 1024} KiB."));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync(http.Request.Body, type, http.RequestAborted);
            return value is null
                ? (null, Problems.BadRequest(invalidCode, "The body must be a JSON object."))
                : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, Problems.BadRequest(invalidCode, $"The body is not valid JSON of the documented shape: {ex.Message}"));
        }
    }
}
