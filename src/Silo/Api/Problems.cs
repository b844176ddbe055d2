namespace AgentOps.Silo.Api;

/// <summary>RFC 9457 problem responses with a stable <c>type</c> (<c>urn:agentops:problem:{code}</c>) and <c>code</c>.</summary>
public static class Problems
{
    /// <summary>The problem type URI of a code.</summary>
    public static string TypeOf(string code) => $"urn:agentops:problem:{code}";

    public static IResult Create(int status, string code, string title, string? detail = null, IDictionary<string, object?>? extensions = null)
    {
        var members = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["code"] = code };
        return TypedResults.Problem(detail, statusCode: status, title: title, type: TypeOf(code), extensions: members);
    }

    public static IResult BadRequest(string code, string detail) =>
        Create(StatusCodes.Status400BadRequest, code, "The request is not valid.", detail);

    public static IResult NotFound(string what) =>
        Create(StatusCodes.Status404NotFound, ProblemCodes.NotFound, "Not found.", $"{what} does not exist in this project.");
}
