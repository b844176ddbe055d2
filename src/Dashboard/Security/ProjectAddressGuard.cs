using AgentOps.Dashboard.Services;

namespace AgentOps.Dashboard.Security;

/// <summary>
/// An address naming a project the signed-in person has no role in (<c>?project=</c>) answers 404, the normal not-found
/// page, whether or not that project or the entity exists. The page inside the circuit makes the same check
/// (<see cref="ICurrentProject.AllowsAddress"/>) for in-app navigation.
/// </summary>
public sealed class ProjectAddressGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && context.Request.Query.TryGetValue(UserProjects.QueryParameter, out var projects)
            && projects.Any(p => p is null || DashboardClaims.ToUser(context.User).Grants.RoleIn(p) == ProjectRole.None))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
