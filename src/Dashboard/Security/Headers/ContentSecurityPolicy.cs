namespace AgentOps.Dashboard.Security.Headers;

/// <summary>
/// The dashboard's Content-Security-Policy. Scripts come only from the dashboard itself, plus Blazor's inline import map
/// by its per-request nonce; Blazor Server needs no eval. The WebSocket of the circuit is same-origin (<c>connect-src
/// 'self'</c>). Styles allow inline: MudBlazor writes its theme as a style element and positions popovers, charts and
/// grids with style attributes, which Blazor sets at run time. No framing, no plugins, forms post only to the dashboard
/// (and, with Entra ID, to the sign-in authority, which the sign-out redirect goes to).
/// </summary>
public static class ContentSecurityPolicy
{
    public static string For(string nonce, bool https, IReadOnlyList<string> formTargets)
    {
        var directives = new List<string>
        {
            "default-src 'self'",
            $"script-src 'self' 'nonce-{nonce}'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            string.Join(' ', ["form-action 'self'", .. formTargets]),
            "frame-ancestors 'none'",
            "frame-src 'none'",
            "worker-src 'self'",
            "manifest-src 'self'",
        };
        if (https)
        {
            // Over plain HTTP (local runs) this would send the page's own requests to an https:// that does not exist.
            directives.Add("upgrade-insecure-requests");
        }

        return string.Join("; ", directives);
    }
}
