namespace AgentOps.Dashboard.Security.Headers;

/// <summary>
/// Puts the security headers on every response of the dashboard, pages, static files, errors and redirects alike. They
/// are written when the response starts, so an exception handler that clears the headers does not drop them.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, SecurityHeaderSettings settings)
{
    /// <summary>Browser features the dashboard never uses.</summary>
    public const string PermissionsPolicy = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            Apply(context, settings);
            return Task.CompletedTask;
        });
        return next(context);
    }

    public static void Apply(HttpContext context, SecurityHeaderSettings settings)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy.For(CspNonce.Of(context), context.Request.IsHttps, settings.FormTargets);
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
    }
}

/// <summary>What varies in the headers between deployments: where forms may post besides the dashboard.</summary>
public sealed record SecurityHeaderSettings(IReadOnlyList<string> FormTargets);
