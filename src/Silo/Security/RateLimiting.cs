using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using AgentOps.Silo.Api;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AgentOps.Silo.Security;

/// <summary>ASP.NET Core rate limiting partitioned by API key (after authentication), answering 429 problems with Retry-After.</summary>
public static class RateLimiting
{
    public static WebApplicationBuilder AddAgentOpsRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
            limiter.OnRejected = async (context, cancel) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await Problems.Create(StatusCodes.Status429TooManyRequests, ProblemCodes.RateLimited, "Too many requests.",
                        $"This key (or, without a valid key, this address) is over its request rate; retry after {retryAfter} s.")
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return builder;
    }

    private static RateLimitPartition<string> Partition(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        if (!options.Enabled || http.GetEndpoint()?.Metadata.GetMetadata<DisableRateLimitingAttribute>() is not null)
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }

        if (http.User.FindFirstValue(Roles.KeyIdClaim) is { } keyId)
        {
            var project = http.User.Project();
            var (rate, burst) = options.Projects.TryGetValue(project, out var own) ? (own.RequestsPerSecond, own.Burst) : (options.RequestsPerSecond, options.Burst);
            return RateLimitPartition.GetTokenBucketLimiter("key:" + keyId, _ => Bucket(rate, burst));
        }

        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetTokenBucketLimiter("ip:" + address, _ => Bucket(options.AnonymousRequestsPerSecond, options.AnonymousRequestsPerSecond));
    }

    private static TokenBucketRateLimiterOptions Bucket(int perSecond, int burst) => new()
    {
        TokenLimit = Math.Max(burst, 1),
        TokensPerPeriod = Math.Max(1, perSecond / 10),
        ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
