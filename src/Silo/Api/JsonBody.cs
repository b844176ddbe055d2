using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AgentOps.Silo.Api;

/// <summary>
/// Reads a small JSON request body, answering a 400 or 413 problem with the given code when it cannot. The size limit
/// holds whether or not the client declared a length (a chunked body is counted as it arrives and cut off at the limit).
/// </summary>
public static class JsonBody
{
    public const int DefaultMaxBytes = 64 * 1024;

    /// <summary>The body as <typeparamref name="T"/>; with <paramref name="allowEmpty"/>, no body answers (null, null).</summary>
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpContext http, JsonTypeInfo<T> type, string invalidCode, int maxBytes = DefaultMaxBytes, bool allowEmpty = false)
        where T : class
    {
        if (http.Request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
        try
        {
            var length = 0;
            while (length <= maxBytes)
            {
                var read = await http.Request.Body.ReadAsync(buffer.AsMemory(length, maxBytes + 1 - length), http.RequestAborted);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            if (length > maxBytes)
            {
                return (null, TooLarge(maxBytes));
            }

            if (length == 0 && allowEmpty)
            {
                return (null, null);
            }

            var value = JsonSerializer.Deserialize(buffer.AsSpan(0, length), type);
            return value is null
                ? (null, Problems.BadRequest(invalidCode, "The body must be a JSON object."))
                : (value, null);
        }
        catch (JsonException ex)
        {
            // The serializer's own messages name the member; a converter's (a time, say) leaves it in Path.
            var where = ex.Path is { } path && !ex.Message.Contains("Path:", StringComparison.Ordinal) ? $" Path: {path}." : string.Empty;
            return (null, Problems.BadRequest(invalidCode, $"The body is not valid JSON of the documented shape: {ex.Message}{where}"));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static IResult TooLarge(int maxBytes) =>
        Problems.Create(StatusCodes.Status413PayloadTooLarge, ProblemCodes.PayloadTooLarge, "The body is too large.", $"This body is at most {maxBytes / 1024} KiB.");
}
