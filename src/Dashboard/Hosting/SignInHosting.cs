using AgentOps.Dashboard.Security;
using AgentOps.Dashboard.Security.EntraId;
using AgentOps.Dashboard.Security.Headers;
using AgentOps.Dashboard.Security.Local;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;

namespace AgentOps.Dashboard.Hosting;

/// <summary>
/// Sign-in (local users or Entra ID, <see cref="SignInMode"/>), the cookie session, antiforgery, the security headers and
/// the rule that every page needs a signed-in person except the sign-in page, static files and <c>/health/live</c>.
/// </summary>
public static class SignInHosting
{
    public const string SignInPath = "/account/sign-in";
    public const string SignOutPath = "/account/sign-out";
    public const string EntraSignInPath = "/account/sign-in/entra";
    public const string CookieName = "agentops.session";
    public const string AzureAdSection = "AzureAd";

    public static WebApplicationBuilder AddAgentOpsSignIn(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var settings = builder.Configuration.GetSection(SignInOptions.Section).Get<SignInOptions>() ?? new SignInOptions();
        services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.LockoutDuration > TimeSpan.Zero && o.SessionLifetime > TimeSpan.Zero, "AgentOps:Dashboard:SignIn: LockoutDuration and SessionLifetime must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddCascadingAuthenticationState();
        services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        var formTargets = new List<string>();
        switch (settings.Mode)
        {
            case SignInMode.Local:
                AddLocal(services);
                break;
            case SignInMode.EntraId:
                formTargets.Add(AddEntraId(builder));
                break;
            default:
                throw new NotSupportedException($"AgentOps:Dashboard:SignIn:Mode '{settings.Mode}' is unknown; expected Local or EntraId.");
        }

        services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o => ConfigureSessionCookie(o, settings));
        services.AddAntiforgery(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        services.AddSingleton(new SecurityHeaderSettings(formTargets));
        return builder;
    }

    /// <summary>The security headers, on every response (first in the pipeline).</summary>
    public static WebApplication UseAgentOpsSecurityHeaders(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        return app;
    }

    /// <summary>Authentication, authorization (sign-in everywhere by default) and the project check of addresses.</summary>
    public static WebApplication UseAgentOpsSignIn(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<SignInOptions>>().Value.Mode == SignInMode.Local)
        {
            // Made now, not at the first sign-in: the start-up log says who can sign in, and run.sh finds the password file.
            app.Services.GetRequiredService<LocalUserDirectory>();
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<ProjectAddressGuard>();
        return app;
    }

    /// <summary>Sign-out (a POST with the antiforgery token) and the Entra ID challenge.</summary>
    public static WebApplication MapAgentOpsAccountEndpoints(this WebApplication app)
    {
        var mode = app.Services.GetRequiredService<IOptions<SignInOptions>>().Value.Mode;
        app.MapPost(SignOutPath, async (HttpContext context, IAntiforgery antiforgery) =>
        {
            if (context.User.Identity?.IsAuthenticated != true)
            {
                return Results.Redirect(SignInPath);
            }

            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            var properties = new AuthenticationProperties { RedirectUri = SignInPath + "?signedOut=true" };
            return mode == SignInMode.EntraId
                ? Results.SignOut(properties, [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme])
                : Results.SignOut(properties, [CookieAuthenticationDefaults.AuthenticationScheme]);
        }).AllowAnonymous().DisableAntiforgery();

        if (mode == SignInMode.EntraId)
        {
            app.MapGet(EntraSignInPath, (string? returnUrl) =>
                Results.Challenge(new AuthenticationProperties { RedirectUri = LocalReturnUrl.Sanitize(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]))
                .AllowAnonymous();
        }

        return app;
    }

    private static void AddLocal(IServiceCollection services)
    {
        services.AddSingleton(sp => LocalUserDirectory.Create(
            sp.GetRequiredService<IOptions<DashboardOptions>>().Value,
            sp.GetRequiredService<IOptions<SignInOptions>>().Value,
            sp.GetRequiredService<IHostEnvironment>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("AgentOps.Dashboard.SignIn")));
        services.AddScoped<AuthenticationStateProvider, LocalCircuitRevalidator>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<LocalSignIn>();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o => o.Events.OnValidatePrincipal = LocalSessionValidator.ValidateAsync);
    }

    /// <summary>OpenID Connect with Entra ID; answers the sign-in authority's origin, which forms may reach (sign-out).</summary>
    private static string AddEntraId(WebApplicationBuilder builder)
    {
        var azureAd = builder.Configuration.GetSection(AzureAdSection);
        var missing = new[] { "Instance", "TenantId", "ClientId" }.Where(k => string.IsNullOrWhiteSpace(azureAd[k])).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"AgentOps:Dashboard:SignIn:Mode is EntraId but {string.Join(", ", missing.Select(k => $"{AzureAdSection}:{k}"))} is not configured (see docs/dashboard.md).");
        }

        var entra = builder.Configuration.GetSection(EntraIdOptions.Section).Get<EntraIdOptions>() ?? new EntraIdOptions();
        var mapper = new EntraClaimsMapper(entra); // validates the mappings at start-up
        builder.Services.AddSingleton(mapper);
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddMicrosoftIdentityWebApp(azureAd, OpenIdConnectDefaults.AuthenticationScheme, CookieAuthenticationDefaults.AuthenticationScheme);
        builder.Services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
        {
            var previous = o.Events.OnTokenValidated;
            o.Events.OnTokenValidated = async context =>
            {
                await previous(context);
                if (context.Principal is { } principal)
                {
                    mapper.AddDashboardClaims(principal);
                }
            };
        });
        return new Uri(azureAd["Instance"]!, UriKind.Absolute).GetLeftPart(UriPartial.Authority);
    }

    private static void ConfigureSessionCookie(CookieAuthenticationOptions o, SignInOptions settings)
    {
        o.Cookie.Name = CookieName;
        o.Cookie.HttpOnly = true;
        // Lax, not Strict: a link from chat or e-mail to an alert, and the return from Entra ID, must arrive signed in.
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.ExpireTimeSpan = settings.SessionLifetime;
        o.SlidingExpiration = true;
        o.LoginPath = SignInPath;
        o.LogoutPath = SignOutPath;
        o.AccessDeniedPath = "/not-found";
        var redirect = o.Events.OnRedirectToLogin;
        o.Events.OnRedirectToLogin = context =>
        {
            // The circuit's own requests cannot follow a redirect to a page: they are told 401.
            if (context.Request.Path.StartsWithSegments("/_blazor"))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                if (context.HttpContext.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
                {
                    statusCodePages.Enabled = false;
                }

                return Task.CompletedTask;
            }

            return redirect(context);
        };
    }
}
